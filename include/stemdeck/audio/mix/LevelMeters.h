#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace stemdeck::audio {

struct MeterReading {
    std::vector<float> stems;  // post-fader peak of each stem, linear
    float masterLeft = 0.0f;   // output peaks, linear
    float masterRight = 0.0f;
};

// Peak levels for the meters: what is heard. The audio thread keeps a running maximum per stem
// and for the master; a reader takes the maxima since its previous read. The reader never
// writes what the audio thread writes: it bumps a generation counter, and the audio thread
// starts a new maximum when it sees it (and says so). When no block was rendered since the
// previous read (the stream stopped after a pause or at the song's end) the reading is silence:
// old maxima are never shown again. Stem peaks are scaled by how much of the song is heard
// (the transport's de-click fade; nothing during a count-in or a stretcher's restart), so the
// strips fall with the master when playback stops. Single reader (the GUI timer).
class LevelMeters {
    struct Peak {
        std::atomic<float> value{0.0f};
    };

  public:
    // Control thread, while the audio thread does not use the meters.
    void prepare(std::size_t stems);

    // Audio thread.
    void beginBlock() noexcept;
    // How much of the song the stems noted from now on are heard at, 0..1.
    void setStemAudibility(float gain) noexcept { stemGain_ = gain; }
    // Inline: called for every stem in every block.
    void noteStem(std::size_t stem, float peak) noexcept {
        if (stem < count_) raise(stems_[stem], peak * stemGain_);
    }
    // noteStem for a loop over the stems, by value: the loop keeps it in registers, where
    // the members would be read again after every store to a meter (it may alias anything).
    class StemNotes {
      public:
        void note(std::size_t stem, float peak) const noexcept {
            if (stem < count_) raise(stems_[stem], peak * gain_);
        }

      private:
        friend class LevelMeters;
        StemNotes(Peak* stems, std::size_t count, float gain)
            : stems_(stems), count_(count), gain_(gain) {}
        Peak* stems_;
        std::size_t count_;
        float gain_;
    };
    StemNotes stemNotes() noexcept { return {stems_.get(), count_, stemGain_}; }
    // Inline: called in every block.
    void noteMaster(float left, float right) noexcept {
        raise(masterLeft_, left);
        raise(masterRight_, right);
    }

    // Reader thread; allocates.
    MeterReading read();

  private:
    static void raise(Peak& p, float v) noexcept {
        if (v > p.value.load(std::memory_order_relaxed))
            p.value.store(v, std::memory_order_relaxed);
    }
    std::size_t count_ = 0;
    std::unique_ptr<Peak[]> stems_;
    Peak masterLeft_, masterRight_;
    std::atomic<unsigned> generation_{0};
    // The generation whose maxima the audio thread collects: it has started a block since the
    // reader asked for new maxima.
    std::atomic<unsigned> collecting_{0};
    unsigned seen_ = 0;      // audio thread's copy of the generation
    float stemGain_ = 1.0f;  // audio thread
};

}  // namespace stemdeck::audio
