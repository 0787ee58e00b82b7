#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/mix/Mixer.h"
#include "stemdeck/audio/mix/SafetyLimiter.h"
#include "stemdeck/audio/timeline/LoopRegion.h"
#include "stemdeck/audio/transport/BusChain.h"

namespace stemdeck::audio {

struct Song;
class MixControls;
class LevelMeters;
class ClickGenerator;
class OutputRouting;
class BufferGate;

// What the transport's prepare() builds, beyond the song.
struct TransportSetup {
    int outputPairs = 1;       // stereo pairs the routing may use (device channels / 2)
    bool timeStretch = false;  // build time stretchers (tempo and pitch stay 1 / 0 without)
    // Real-time playback: a stretcher's restart after a seek is spread over the next blocks
    // (7-43 ms of silence depending on the block size, then a fade-in) so that no callback
    // does several blocks' work at once. Offline renders restart at once, exactly.
    bool spreadRestarts = false;
    // A chunk that needs nothing but the mix and the stereo finish takes the steady path
    // (RenderPipeline::renderSteady); false forces the general path (tests compare the two).
    bool steadyPath = true;
};

// The transport's per-chunk render, top to bottom as the data flows:
//
//   stems -> mix (one stereo bus, or one per output pair when stems are routed apart)
//         -> loop (A-B loop and jumps, song time)        } a BusChain per pair
//         -> stretch (tempo and pitch)                   }
//         -> + click and spoken cues (output time, on the click pair's bus)
//         -> SafetyLimiter -> de-click fade -> meters
//         -> device channels (OutputRouting::scatter, the one path for 1..N pairs)
//
// With nothing enabled on a stereo device the output is bit-exact with a plain mix. Knows
// nothing of play state: TransportControl decides what is rendered, this renders it.
class RenderPipeline {
  public:
    // The transport's parts the pipeline reads (owned by the Transport, outliving it).
    struct Parts {
        LevelMeters* meters = nullptr;
        const LoopRegion* loop = nullptr;
        ClickGenerator* click = nullptr;
        OutputRouting* routing = nullptr;
        GuideCues* cues = nullptr;  // optional
    };

    // Control thread, while no audio thread renders. Allocates everything; the routing and
    // the loop must be prepared for the song first. Stretchers are kept across songs.
    void prepare(const Song* song, const MixControls* controls, int sampleRate,
                 const TransportSetup& setup, const Parts& parts, double tempo, double pitchCents);
    // Control thread: whether prepare() built time stretchers.
    bool canStretch() const { return !chains_.empty() && chains_.front()->canStretch(); }

    // Audio thread, at the start of a block: tempo and pitch for every chain, this block's
    // loop bounds and routes for a `channels`-channel device (idle chains joining), and a
    // jump to `barJump` at the next bar line (-1: none).
    void beginBlock(int channels, double tempo, double pitchCents, std::int64_t barJump) noexcept;

    // Audio thread, before each chunk: a bar jump due within the chunk (`frames` output frames)
    // to a place not decoded yet is held to the next bar line, so the seam never crosses into
    // silence; it is taken on the first bar line its audio is ready for (SongDecode decodes
    // there first: Engine::jumpTo).
    void holdBarJumpUntilDecoded(BufferGate& gate, int frames) noexcept;

    // Audio thread, while the output is silent (TransportControl calls them).
    void jump(std::int64_t frame) noexcept;  // every chain, sample-accurately
    // Starting to play: the mix as it is now, without ramps, and the stretchers engaged (primed
    // during the count-in, if any). Returns the count-in's length in output frames (0: none).
    std::int64_t startFromSilence(int countInBars, double countInRate) noexcept;
    void resumeFromSilence() noexcept;  // the mix as it is now, without ramps
    // Before playing (a set's cued song): the mix as it will start and the stretchers engaged
    // and primed by n frames from where the song will start, so that it sounds at once, as
    // after a count-in. Does nothing more once they are primed.
    void prerollFromSilence(int n) noexcept;

    // Audio thread: n frames (n <= Mixer::kMaxChunk) of the song into `out` (interleaved,
    // `channels` channels), scaled by `fade` (n gains; null: full level).
    void renderSong(float* out, int n, int channels, const float* fade) noexcept;
    // Audio thread: whether a block of n frames may go straight to renderSong (the steady path,
    // whole) without beginBlock() and the transport's control step: the routes and the device's
    // channels as beginBlock() last found them, steady(), no bar jump pending and the song's end
    // not within the block. The caller checks what else beginBlock() reads (tempo, pitch, bar
    // jump requests, the loop region) for changes.
    bool steadyBlock(int n, int channels) const noexcept;
    // Audio thread: renderSong(out, n, 2, nullptr) where steady() holds (steadyBlock() said
    // so, or renderSong checked it): the steady path without asking again.
    void renderSteady(float* out, int n) noexcept;

    // Audio thread: n frames of the count-in's click into `out`, `elapsed` frames into it,
    // fading out over the last `fadeLeft` of `fadeLength` frames (0: no fade); the stretchers
    // prime meanwhile when `prime` (not while the song there is still being decoded: they
    // would keep its silence). `rate`: the tempo setting.
    void renderCountIn(float* out, int n, int channels, std::int64_t elapsed, int bars, double rate,
                       int fadeLeft, int fadeLength, bool prime = true) noexcept;

    // Audio thread: where the song is (inline: asked for every chunk).
    // At the song's first frame: not read yet, or read only to prime the stretchers there.
    bool atSongStart() const noexcept { return chains_.front()->position() == 0 || primedAtStart_; }
    std::int64_t heardPosition() const noexcept;  // the song frame the listener hears now
    // The next song frame the mix is read from: ahead of the heard one while stretching.
    std::int64_t readPosition() const noexcept { return chains_.front()->position(); }
    // Where reading from readPosition() stops needing new song frames: the loop's end while
    // reading inside the loop (it wraps to frames already read), else the song's end.
    std::int64_t readEnd() const noexcept {
        return bounds_.enabled && readPosition() < bounds_.end ? bounds_.end : length_;
    }
    bool songEnded() const noexcept;
    // Chunks rendered by the steady path since prepare(). Audio thread, or any thread while
    // none renders (tests).
    std::uint64_t steadyChunks() const noexcept { return steadyChunks_; }
    // Of those, the chunks mixed straight into the device's buffer (Mixer::mixInterleaved).
    std::uint64_t fusedChunks() const noexcept { return fusedChunks_; }
    int framesToEnd() const noexcept;  // output frames until the end (plain or stretched)
    // The same, not capped at a chunk; the loop, while reading inside it, counts as endless.
    std::int64_t outputFramesToEnd() const noexcept;

  private:
    // The song frames chain `pair` plays: the whole mix, or only the stems routed to its pair.
    void renderSource(std::size_t pair, std::int64_t pos, int m, float* l, float* r) noexcept;
    bool stretching() const noexcept { return chains_.front()->stretcher().active(); }
    double playbackRate() const noexcept {  // song frames per output frame
        return stretching() ? chains_.front()->stretcher().tempo() : 1.0;
    }
    bool carriesSong(std::size_t pair) const noexcept { return pair == 0 || pairUsed_[pair]; }
    // Audio thread: this block's pair per stem, the click's pair, idle chains joining (once per
    // block; nothing when neither the routes nor the device's channels changed).
    void updateRoutes(int channels) noexcept;
    void primeChains(int n) noexcept;
    void followMaster() noexcept;
    // renderSteady's rarer ends, out of line so that its common block stays small: the
    // limiter has work after the fused mix; the mix goes through the bus (cues sound, or the
    // mixer's plan does not hold).
    [[gnu::noinline]] void finishFused(float* out, int n) noexcept;
    [[gnu::noinline]] void mixSteadyBus(float* out, int n, const GuideCues::Block& cues) noexcept;
    void applyChainMaster(BusChain& chain, int n, float* left, float* right) noexcept;
    void addClick(std::int64_t songFrame, int n, float* left, float* right) noexcept;
    // Limiter, fade, meters on the first `pairs` buses.
    void finishBuses(int pairs, int n, const float* fade) noexcept;
    // The same for the one bus of an unsplit mix, and its interleaving into a stereo device's
    // `out`, in one pass over the bus in the common case (nothing limited, no fade).
    void finishStereo(float* out, int n, const float* fade) noexcept;
    // Whether renderSong(out, n, channels, fade) may take renderSteady: an unsplit mix on a
    // stereo device at full level, the click off, chain 0 passing the mix through (no
    // stretch, loop seam or jump). renderSteady is then the general path's work minus its
    // no-ops (the chain's layers, the chains not carrying the song, the click), bit for bit.
    bool steady(int n, int channels, const float* fade) const noexcept;

    const MixControls* controls_ = nullptr;
    Parts parts_;
    std::int64_t length_ = 0;
    Mixer mixer_;
    std::vector<std::unique_ptr<BusChain>> chains_;  // per output pair; 0 sets the position
    std::vector<SafetyLimiter> limiters_;            // per output pair
    std::vector<float> clickLeft_, clickRight_, gain_;
    TimeStretcher::Restart restartAfterJump_ = TimeStretcher::Restart::AtOnce;
    bool primedAtStart_ = false;  // prerolled from frame 0, nothing rendered since
    bool steadyPath_ = true;      // TransportSetup::steadyPath
    std::uint64_t steadyChunks_ = 0;
    std::uint64_t fusedChunks_ = 0;
    double appliedTempo_ = 1.0, appliedCents_ = 0.0;  // what the stretchers were last given

    // Audio-thread state, set per block.
    LoopBounds bounds_;            // this block's loop, the same for every chain
    std::vector<int> pairOf_;      // this block's pair per stem
    std::vector<char> pairUsed_;   // pairs with a stem on them (pair 0 always renders)
    std::vector<char> chainLive_;  // pairs rendered last block
    int clickPair_ = 0;
    bool split_ = false;               // stems (or the click) on more than one pair this block
    std::uint32_t routesVersion_ = 0;  // the routing's version the pairs were found at
    int routesChannels_ = 0;           // and the device's channels
    bool routesRead_ = false;          // false until found after prepare()
};

inline std::int64_t RenderPipeline::heardPosition() const noexcept {
    const BusChain& chain = *chains_.front();
    std::int64_t heard = chain.heardPosition();
    // Just after a wrap the stretcher still plays the end of the loop.
    if (bounds_.enabled && chain.position() >= bounds_.start && chain.position() < bounds_.end &&
        heard < bounds_.start)
        heard += bounds_.length();
    return std::clamp<std::int64_t>(heard, 0, length_);
}

inline bool RenderPipeline::songEnded() const noexcept {
    const std::int64_t read = chains_.front()->position();
    if (bounds_.enabled && read < bounds_.end) return false;
    return stretching() ? chains_.front()->heardPosition() >= length_ : read >= length_;
}

inline int RenderPipeline::framesToEnd() const noexcept {
    const BusChain& chain = *chains_.front();
    if (bounds_.enabled && chain.position() < bounds_.end) return Mixer::kMaxChunk;
    if (!stretching())
        return static_cast<int>(
            std::clamp<std::int64_t>(length_ - chain.position(), 0, Mixer::kMaxChunk));
    const double left = static_cast<double>(length_ - chain.heardPosition()) / playbackRate();
    return static_cast<int>(std::clamp(std::ceil(left), 1.0, double{Mixer::kMaxChunk}));
}

inline std::int64_t RenderPipeline::outputFramesToEnd() const noexcept {
    const BusChain& chain = *chains_.front();
    if (bounds_.enabled && chain.position() < bounds_.end)
        return std::numeric_limits<std::int64_t>::max();
    if (!stretching()) return std::max<std::int64_t>(0, length_ - chain.position());
    const double left = static_cast<double>(length_ - chain.heardPosition()) / playbackRate();
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(left)));
}

}  // namespace stemdeck::audio
