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

// Peak levels for the meters. The audio thread keeps a running maximum per stem and for the
// master; a reader takes the maxima since its previous read. The reader never writes what the
// audio thread writes: it bumps a generation counter, and the audio thread starts a new
// maximum when it sees it. Single reader (the GUI timer).
class LevelMeters {
  public:
    // Control thread, while the audio thread does not use the meters.
    void prepare(std::size_t stems);

    // Audio thread.
    void beginBlock() noexcept;
    void noteStem(std::size_t stem, float peak) noexcept;
    void noteMaster(float left, float right) noexcept;

    // Reader thread; allocates.
    MeterReading read();

  private:
    struct Peak {
        std::atomic<float> value{0.0f};
    };
    static void raise(Peak& p, float v) noexcept {
        if (v > p.value.load(std::memory_order_relaxed))
            p.value.store(v, std::memory_order_relaxed);
    }
    std::size_t count_ = 0;
    std::unique_ptr<Peak[]> stems_;
    Peak masterLeft_, masterRight_;
    std::atomic<unsigned> generation_{0};
    unsigned seen_ = 0;  // audio thread's copy of the generation
};

}  // namespace stemdeck::audio
