#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/device/AudioCallback.h"
#include "stemdeck/audio/device/ClockAnchor.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/device/PortAudioOutput.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/SetTransport.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

// How a cued song starts (Engine::cueNext): the settings it plays with, as a set entry has them.
struct NextSongSettings {
    double tempo = 1.0;       // 0.5..1.5
    double pitchCents = 0.0;  // +-1200
    ClickSettings click;      // grid, level, on/off, count-in bars (used when it starts on play)
    std::int64_t startFrame = 0;
    // The song's own mix, heard from its first sample (set before the audio thread sees the
    // song, so nothing ramps at a segue); none: the defaults.
    std::optional<MixSnapshot> mix;
};

// The stem player: owns the loaded song, its mix, the transport and the PortAudio stream.
// Every method is for the control (GUI) thread unless it says otherwise; the audio callback
// runs SetTransport::process and, when the latency monitor is on, times it.
//
// A set: the current song (a SongUnit with its own Transport and mix) may have a next one cued
// (cueNext), which follows it by the current song's lead-out (stop, gap, segue, crossfade) in
// the same stream. Every song method (song(), mix(), position, loop, tempo, ...) addresses the
// current song; once the audio thread has moved on to the next one, consumeSongChanged()
// returns true once and from then on they address the new one. The finished song is freed on
// the control thread (service(), consumeSongChanged()). Memory: while a song is cued the engine
// holds two songs' samples.
class Engine : private AudioSource {
  public:
    Engine();
    ~Engine() override;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Output. Reopening keeps the song, the mix and the position. Throws AudioDeviceError,
    // also for a rate (asked for, or the device's) outside limits::kMinSampleRate..kMaxSampleRate.
    // Never decodes: when the device runs at another rate than the song, the song stays (mix,
    // position, loop) but cannot play until it is loaded again at that rate (reloadRate()).
    void openOutput(const OutputConfig& config = {});
    void closeOutput();
    bool outputOpen() const { return output_.isOpen(); }
    const PortAudioOutput& output() const { return output_; }
    // The rate songs are loaded at: the open output's, else the current song's, else 0.
    int sampleRate() const;
    // Control thread. The rate a song must be loaded at again (on a worker: StemLoader::load,
    // then setSong) before it can play on the open output; 0 when the song plays at the
    // output's rate, or there is no song or no output. While it is not 0, play() does nothing.
    int reloadRate() const;
    // Control thread. The rate openOutput(config) will ask the device for
    // (PortAudioOutput::expectedRate), to load a song at before the output switches. Opens
    // nothing.
    static int expectedRate(const OutputConfig& config) {
        return PortAudioOutput::expectedRate(config);
    }

    // Loads a song at the output's rate (blocking, the whole song; run it off the GUI thread, or
    // use StemLoader::load there and setSong here). Throws LoadError. Stops playback.
    void load(const std::filesystem::path& folder, LoadProgress* progress = nullptr);
    // Takes a loaded song; its rate must match the open output and be within
    // limits::kMinSampleRate..kMaxSampleRate (std::invalid_argument if not, nothing changed).
    // Stops playback; the mix is reset to the defaults.
    void setSong(Song song);
    // Takes a song still decoding, once its first audio is ready (SongDecode::waitFirstAudio):
    // it plays what is decoded and the transport buffers (fades out, waits, fades in) where a
    // stem still decoding has not reached yet. Same rules and effects as setSong(Song). The
    // engine keeps the decode: setting another song (or destroying the engine) cancels it.
    void setSong(std::shared_ptr<SongDecode> decode);
    // The current song's decode (null for a song given whole); kept once finished, for its
    // report. decoding(): it still runs.
    const SongDecode* decode() const;
    bool decoding() const { return decode() && !decode()->finished(); }
    const Song* song() const;
    // Shares the loaded samples (an export keeps reading them after the next song is loaded)
    // instead of copying hundreds of megabytes.
    std::shared_ptr<const Song> sharedSong() const;
    bool hasSong() const { return shownUnit() != nullptr; }

    // The mix of the current song. Any thread may set values on it.
    MixControls& mix();
    const MixControls& mix() const;

    // Set playback (docs/ENGINE_API.md, "Sets"). Control thread.
    // Cues the song to follow the current one: it starts as the current song's lead-out says,
    // with `settings`, and leads into the song after it by `leadOut`. Built here (allocations,
    // time stretchers), never on the audio thread. A song still decoding must have its first
    // audio (SongDecode::waitFirstAudio); it plays what is decoded and buffers (BufferGate fades)
    // where it has not. False, nothing kept, when no song is loaded or one is cued already.
    // Throws std::invalid_argument (nothing changed) for a song at another rate than the
    // current one, one without decoded audio, or a negative gap / crossfade.
    bool cueNext(std::shared_ptr<SongDecode> decode, const NextSongSettings& settings,
                 const SongTransition& leadOut);
    bool cueNext(Song song, const NextSongSettings& settings, const SongTransition& leadOut);
    // A song is cued and not yet current.
    bool hasCued() const { return set_.hasCued(); }
    // The cued song, or null.
    const Song* cuedSong() const;
    // Control thread: the spoken cues of the current song's transport and of the cued song's
    // (null: no such song), and the cued song's click (its grid).
    GuideCues* songCues() { return shownUnit() ? &shownUnit()->transport().cues() : nullptr; }
    GuideCues* cuedCues();
    std::optional<ClickSettings> cuedClick() const;
    // The cued song's mix, or none without one.
    std::optional<MixSnapshot> cuedMix() const;
    // Lets the cued song go (the user chose another next song): at once when the stream is
    // stopped, else at the audio thread's next block; hasCued() says when it is gone. A song
    // whose transition is under way (gap, crossfade) plays on.
    void uncueNext();
    // The current song's lead-out, while it plays. False (unchanged) without a song or once
    // its transition is under way (a gap or a crossfade sounding). Throws std::invalid_argument
    // for a negative or not finite gap or crossfade.
    bool setCurrentLeadOut(const SongTransition& leadOut);
    SongTransition currentLeadOut() const;
    // True once after the audio thread made the cued song current (the 100 ms poll); song(),
    // mix(), decode(), durations, click() then address it. Frees the finished song.
    bool consumeSongChanged();
    // Control thread: true once after a song ended on a Stop lead-out and the cued song took
    // its place, waiting for play (consumeEndOfSong() is the flag of a song that stays).
    // Raised after the song change it follows, so read it before consumeSongChanged().
    bool consumeStoppedHandOver() { return set_.consumeStoppedHandOver(); }
    // Any thread: what the set is doing between songs.
    SetTransport::Phase setPhase() const { return set_.phase(); }
    // One thread acting as the audio thread, only while no output stream runs: renders
    // `frames` frames as the device callback does (the whole callback body). For offline tests
    // and drivers of the engine without a device.
    void pullAudio(float* out, int frames, int channels) noexcept {
        renderAudio(out, frames, channels, false);
    }

    // Transport. play() starts the stream; a stopped or finished song restarts from the top.
    void play();
    void pause();
    void stop();
    void seekFrames(std::int64_t frame);
    void seekSeconds(double seconds);
    // Playing through a gap between two songs too.
    PlayState state() const;
    // Any thread: playing, but waiting for the song's audio to be decoded (silent meanwhile).
    bool buffering() const { return current().buffering(); }
    // Any thread.
    std::int64_t positionFrames() const { return current().position(); }
    std::int64_t durationFrames() const { return current().length(); }
    double positionSeconds() const;
    double durationSeconds() const;
    // Control thread: the lock-free stop flag, true once when the song has played to its end
    // and the set stops there (not when a cued song follows by a gap, segue or crossfade).
    bool consumeEndOfSong();

    // Control thread. Pauses with the transport's de-click fade, so that what comes next (a new
    // song, another device, closing) does not start with a cut. beginFadeOut() returns at once
    // and fadeOutDone() says when waiting is over; fadeOut() does both and blocks. Done means
    // silent, or not worth waiting for: the output is not running, its callbacks stopped for
    // kFadeStallTimeout (a frozen device), or kFadeTimeout has passed.
    void beginFadeOut();
    bool fadeOutDone();
    void fadeOut();
    static constexpr std::chrono::milliseconds kFadeStallTimeout{200};
    static constexpr std::chrono::milliseconds kFadeTimeout{1000};

    // Call periodically from the control thread (the PlaybackManager's timer): stops the
    // stream once playback has faded to silence, and notices a device that went away: the
    // stream stopped running, or no callback came for kCallbackTimeout while playing. Returns
    // false when the device was lost since the last call; deviceError() says why. Then
    // playback is paused where it was, the output is closed, and openOutput() and play()
    // carry on from the same position.
    bool service();
    static constexpr std::chrono::milliseconds kCallbackTimeout{2000};
    // Callbacks run since the engine was made (any thread).
    std::uint64_t callbackCount() const { return heartbeat_.load(std::memory_order_relaxed); }
    const std::string& deviceError() const { return deviceError_; }

    // Latency monitor: off by default; can be switched while playing. Any thread.
    void setLatencyMonitorEnabled(bool on) { monitor_.setEnabled(on); }
    bool latencyMonitorEnabled() const { return monitor_.enabled(); }
    LatencyStats latencyStats() const { return monitor_.stats(); }
    void resetLatencyStats() { monitor_.reset(); }

    // MIDI clock out (docs/design/CONTROL.md §6): while enabled the audio thread publishes a
    // ClockAnchor per block (off: one relaxed load per block). Any thread.
    void setClockAnchorEnabled(bool on) { clock_.setEnabled(on); }
    bool clockAnchorEnabled() const { return clock_.enabled(); }
    // Any thread (a real-time reader uses tryLoad). Valid for the engine's lifetime.
    const AtomicSnapshot<ClockAnchor>& clockAnchors() const { return clock_.anchors(); }

    // Peak levels since the previous call (stems post-fader, master). The GUI timer only.
    MeterReading takeMeterReading() { return current().meters().read(); }

    // Rehearsal tools (issue 5). Frames are song frames; see docs/ENGINE_API.md.
    // A-B loop: false (unchanged) when shorter than LoopRegion::kMinLengthMs after clamping.
    bool setLoop(std::int64_t startFrame, std::int64_t endFrame);
    void clearLoop() { current().loop().clear(); }
    bool setLoopEnabled(bool on) { return current().loop().setEnabled(on); }
    LoopBounds loop() const { return current().loop().bounds(); }
    // Sets the loop, switches it on and jumps to its start (now, or on the next bar).
    bool loopSection(std::int64_t startFrame, std::int64_t endFrame,
                     Quantize quantize = Quantize::Immediate);
    // Tempo ratio [0.5, 1.5] without pitch change; pitch in semitones plus cents (+-12 st).
    void setTempo(double ratio) { current().setTempo(ratio); }
    double tempo() const { return current().tempo(); }
    void setPitch(int semitones, double cents = 0.0) {
        current().setPitchCents(100.0 * semitones + cents);
    }
    double pitchCents() const { return current().pitchCents(); }
    // Click (metronome) and count-in.
    void setClick(const ClickSettings& settings);
    ClickSettings click() const { return click_; }
    bool countingIn() const { return current().countingIn(); }
    int countInBeatsLeft() const { return current().countInBeatsLeft(); }
    // Jump to a song frame now (with the de-click fade) or seamlessly on the next bar line.
    // A song still decoding decodes from `frame` first.
    void jumpTo(std::int64_t frame, Quantize quantize = Quantize::Immediate);
    // Output routing: source = stem index, or clickSource() for the click; pair 0 = outputs
    // 1-2, pair p = outputs 2p+1, 2p+2. False for a pair the open device does not have.
    bool setRoute(std::size_t source, int pair) { return current().routing().route(source, pair); }
    int route(std::size_t source) const { return current().routing().requestedPair(source); }
    std::size_t clickSource() const { return current().routing().clickSource(); }
    // Channels of the open stream (0 when closed).
    int outputChannels() const { return output_.isOpen() ? output_.channels() : 0; }

  private:
    // What a unit's song and mix belong to (its SongUnit::owner()); freed with the unit.
    struct SongSlot {
        std::shared_ptr<const Song> song;
        std::shared_ptr<SongDecode> decode;  // after song: cancelled and joined first
        std::unique_ptr<MixControls> mix;
        ClickSettings click;
    };
    static SongSlot* slotOf(const SongUnit* unit) {
        return unit ? static_cast<SongSlot*>(unit->owner()) : nullptr;
    }
    // The unit the song methods address (the set's current one as of the last syncShown()).
    SongUnit* shownUnit() const { return shown_.load(std::memory_order_acquire); }
    Transport& current() { return shownUnit() ? shownUnit()->transport() : idle_; }
    const Transport& current() const { return shownUnit() ? shownUnit()->transport() : idle_; }
    // Control thread: follows the set to its current song and frees a song handed back.
    void syncShown();
    // A unit for `song`, its mix at `mix` or the defaults (control thread; allocates). The
    // mixer starts settled at that mix.
    std::unique_ptr<SongUnit> makeUnit(std::shared_ptr<const Song> song,
                                       std::shared_ptr<SongDecode> decode,
                                       const SongTransition& leadOut,
                                       const MixSnapshot* mix = nullptr) const;
    bool cueSlot(std::shared_ptr<const Song> song, std::shared_ptr<SongDecode> decode,
                 const NextSongSettings& settings, const SongTransition& leadOut);
    // Something sounds or is about to (a song playing, a gap, a crossfade).
    bool setPlaying() const;
    bool setSilent() const;
    void cancelDecodes();
    void renderAudio(float* out, int frames, int channels, bool underflow) noexcept override;
    // Why the device must be considered lost while playing, or empty when it is fine.
    std::string deviceProblem();
    TransportSetup transportSetup(std::size_t stems) const;
    void restartHeartbeatWatch();
    // fadeOut() when something may be heard; else nothing changes (not even the play state).
    void fadeOutIfPlaying();
    // setSong's common part: the song (shared, possibly still decoding) replaces the current one.
    void adopt(std::shared_ptr<const Song> next, std::shared_ptr<SongDecode> decode);

    PortAudioOutput output_;
    OutputConfig outputConfig_;
    // What the song methods read before any song: an empty mix and an unprepared transport.
    std::unique_ptr<MixControls> idleMix_;
    Transport idle_;
    SetTransport set_{OutputRouting::kMaxChannels};
    std::atomic<SongUnit*> shown_{nullptr};
    bool songChanged_ = false;
    LatencyMonitor monitor_;
    std::atomic<std::uint64_t> heartbeat_{0};
    SetCallbackContext callback_{set_, monitor_, heartbeat_};
    ClockAnchorPublisher clock_;
    std::string deviceError_;
    ClickSettings click_;
    // The control thread's view of the heartbeat: last value seen, when it last moved, and
    // when service() last looked.
    std::uint64_t lastBeat_ = 0;
    std::chrono::steady_clock::time_point lastBeatTime_{}, lastCheck_{};
    // The fade-out being waited for: when it gives up, and the heartbeat's last move.
    std::chrono::steady_clock::time_point fadeDeadline_{}, fadeBeatTime_{};
    std::uint64_t fadeBeat_ = 0;
};

}  // namespace stemdeck::audio
