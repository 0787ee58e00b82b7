#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/app/ExportJob.h"
#include "stemdeck/app/MixerFacade.h"
#include "stemdeck/app/SongLoader.h"
#include "stemdeck/app/TimeSpan.h"
#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/device/PortAudioOutput.h"
#include "stemdeck/audio/loader/DecodedRanges.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/SongUnit.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {
class GuideCues;
class Engine;
struct Song;
}  // namespace stemdeck::audio

namespace stemdeck::app {

class MixStore;

// The GUI thread's side of the engine. A 100 ms timer polls what the audio thread publishes
// lock-free (the end-of-song flag, the position) and turns it into signals; the audio thread
// never sees Qt and nothing here waits for it. Songs load on a worker (SongLoader) and are
// handed to the engine on the GUI thread as soon as every stem holds its first audio; the
// previous song keeps playing until then. The rest decodes in the background: the timer
// reports how far (decodedChanged), and when it is done (songDecoded; the waveforms follow
// with peaksChanged, and problems found late in songIssues()).
// Output changes that need the song at another sample rate reload it on the worker as well.
// Widgets get everything from here (the mixer through mixer()), never from the engine.
// GUI thread only.
class PlaybackManager : public QObject {
    Q_OBJECT
  public:
    static constexpr int kPollIntervalMs = 100;
    // How often a changed mix is written to the MixStore (in polls).
    static constexpr int kMixSavePolls = 10;
    // How often growing waveforms are extended while a song decodes (in polls): a few times a
    // second, each a strip of the timeline.
    static constexpr int kPeaksEveryPolls = 3;
    // A song replaced while playing first fades out (Engine::beginFadeOut): how often to ask
    // whether it is done.
    static constexpr int kHandoverPollMs = 5;

    // `mixes` may be null: no per-song mix memory.
    explicit PlaybackManager(audio::Engine& engine, MixStore* mixes = nullptr,
                             QObject* parent = nullptr);
    ~PlaybackManager() override;  // saves the current song's mix

    // The current song's mixer: stems, mix controls, meters, output routes.
    MixerFacade& mixer() { return mixer_; }
    const MixerFacade& mixer() const { return mixer_; }

    // Output. Opens `config`; if that fails, the same device at its default rate, then the
    // system default device (errorOccurred says what happened; a device that only refused the
    // rate and plays at its own is not an error: sampleRateFellBack). When the device will run at
    // another rate than the current song, the song is first decoded again at that rate on the
    // worker and the switch happens when it is ready, keeping mix, position and play state. A
    // device that turns out to run at yet another rate (Engine::reloadRate) gets the song
    // decoded again for it the same way: problems and a refused rate are said at once,
    // outputChanged follows once the song can play there.
    void openOutput(const audio::OutputConfig& config);
    bool outputOpen() const;
    // The open output's sample rate (0 when closed).
    int outputRate() const;
    // What the device really does: "JACK Audio Connection Kit: system · 48 kHz · 128-frame
    // blocks · 21.3 ms output latency" (the latency the stream reports, which on JACK follows
    // the server's period, not stemdeck's block size), or "No audio output".
    QString outputDescription() const;
    // The same with the host API's short name: "JACK: system · 48 kHz · …", for the status bar.
    QString outputSummary() const;
    // Why the output is not what was asked for; empty when it is.
    const QString& outputProblem() const { return outputProblem_; }
    void setLatencyMonitorEnabled(bool on);
    bool latencyMonitorEnabled() const;
    // "Follow the song's sample rate when the device supports it" (on by default): a song
    // opened while the output runs at another rate, one the device can run at, loads at its
    // own rate without resampling, and the output reopens at that rate when the song takes
    // over (after the previous song's fade-out, as any song switch). Never for a reload of the
    // same song, never while a song plays on; an output change the user asks for
    // (openOutput) still decides the rate until the next song opens.
    void setFollowSongRate(bool on) { followSongRate_ = on; }
    bool followSongRate() const { return followSongRate_; }
    // Whether the open device can run at a rate; by default what it said when it opened
    // (PortAudioOutput::supportedRates). Tests replace it: the JACK dummy runs at one rate.
    using RateSupport = std::function<bool(int rate)>;
    void setRateSupport(RateSupport supports);
    audio::LatencyStats latencyStats() const;
    void resetLatencyStats();

    // Songs.
    void openSong(const QString& folder);
    // The most memory a song may take when it loads (0: what the system has available), for
    // tests and for machines where other programs need the memory.
    void setMemoryLimit(std::uint64_t bytes) {
        loader_.setMemoryLimit(bytes);
        memoryLimit_ = bytes;
    }
    // Decoding threads of a song (0: one per core), for tests.
    void setDecodeWorkers(unsigned workers) { loader_.setWorkers(workers); }
    void cancelLoad();
    bool isLoading() const { return loader_.busy(); }
    QString loadingFolder() const { return loader_.busy() ? loader_.folder() : QString(); }
    const QString& songFolder() const { return songFolder_; }
    bool hasSong() const;
    // The loaded song (read-only; null when none). Replaced by the next songLoaded.
    const audio::Song* song() const;
    // The same song, shared: a background analysis keeps it while it reads (null when none).
    std::shared_ptr<const audio::Song> sharedSong() const;
    // A tempo found by analysis (AutoAnalysis) for `folder`: when it is the current song and
    // its meta.json gives no tempo, the click, count-in, next-bar jumps and bar.beat follow
    // it (beat 1 of bar 1 at `firstBeatSeconds`); meta.json's meter wins over `beatsPerBar`.
    // Ignored otherwise, and for a tempo outside limits::k{Min,Max}Bpm. GUI thread.
    void adoptDetectedTempo(const QString& folder, double bpm, double firstBeatSeconds,
                            int beatsPerBar);
    // The current song's meta.json was written (the analysis panel): the click takes its
    // tempo, meter and first downbeat again. GUI thread.
    void rereadSongGrid();
    // The current song has a tempo of its own (meta.json's, or one found by analysis): the
    // click's grid is the song's, bar.beat means something. GUI thread.
    bool songHasTempo() const { return songHasTempo_; }
    std::vector<std::string> stemNames() const { return mixer_.stemNames(); }
    // An export of the current song and mix (ExportJob::fromEngine); null without a song.
    std::unique_ptr<ExportJob> exportJob(const QString& file, const ExportChoices& choices) const;
    // Waveform peaks of the current song's stems, shared so a view can keep them while a
    // new song replaces them here. While a new song decodes they grow with what is decoded
    // (peaksGrew, islands included; nothing where it is not); whole once it has decoded
    // (peaksChanged). A reload at another rate keeps the previous ones until its own arrive.
    std::shared_ptr<const std::vector<WaveformPeaks>> peaks() const { return peaks_; }
    // The current song still decodes in the background (it plays what is decoded).
    bool decoding() const;
    // Seconds from the start that every stem holds (the song's duration once decoded).
    double decodedSeconds() const;
    // Every stretch every stem holds, islands a seek opened included (a video player's
    // buffered bar after a seek): [0, duration) once decoded, none without a song. Reads the
    // decoders' watermarks lock-free (never waits on the audio). GUI thread.
    TimeSpans decodedSpans() const;
    // The transport waits for decoding to catch up (it fades out and in around the wait).
    bool buffering() const { return buffering_; }
    // What went wrong after the song was handed over (a stem damaged part way: what was
    // decoded plays, the rest is silence), and stems that loaded not quite as their files say.
    // Complete once songDecoded; before it, empty. The song's own errors and warnings (found
    // before hand-over) are in song()->errors and ->warnings.
    struct LateIssues {
        std::vector<audio::FileIssue> errors;
        std::vector<audio::FileIssue> warnings;
    };
    const LateIssues& songIssues() const { return lateIssues_; }
    // Writes the current mix to the MixStore now (it is also saved periodically).
    void saveMix();
    // What was wrong with the current song's stored mix (see MixStore::Loaded); empty when
    // it was used as stored, or there was none.
    const QString& mixWarning() const { return mixWarning_; }
    // The newest failed load, as loadFailed reported it, with its kind and the files' problems.
    const SongLoader::Result& lastLoadFailure() const { return lastFailure_; }

    // Transport.
    void play();
    void pause();
    void togglePlayPause();
    void stop();
    void seek(double seconds);
    void seekBy(double deltaSeconds);
    // A seek that can wait for the next bar line of the click's grid (seamless, for markers).
    void jumpTo(double seconds, audio::Quantize quantize);
    audio::PlayState state() const;
    double position() const;
    double duration() const;

    // A-B loop, in song seconds. A and B can be set one at a time (A alone is remembered
    // until B arrives); the engine loops once both are set with B after A. A new song starts
    // without a loop.
    void setLoopStartHere();
    void setLoopEndHere();
    // `enable`: switch looping on; otherwise a loop that was off stays off (an edge moved).
    void setLoop(double startSeconds, double endSeconds, bool enable);
    void toggleLoop();
    void clearLoop();
    // Loops [start, end), switches looping on and goes to start, as one action.
    void loopSection(double startSeconds, double endSeconds,
                     audio::Quantize quantize = audio::Quantize::Immediate);
    // A as set (also while B is not), or -1.
    double loopStart() const;
    // B, or -1 while there is no complete loop.
    double loopEnd() const;
    bool loopEnabled() const;

    // Practice tempo (ratio, clamped to [0.5, 1.5]) and transposition (semitones plus cents,
    // +-12 semitones in all). Session settings, not part of the stored mix: a new song starts
    // at 100 % and untransposed (a reload at another rate keeps them).
    void setTempo(double ratio);
    double tempo() const;
    void setPitch(int semitones, double cents);
    int pitchSemitones() const { return pitchSemitones_; }
    double pitchFineCents() const { return pitchFineCents_; }
    // The whole transposition, in cents.
    double pitchCents() const;

    // Sets (PlaybackManagerSet.cpp). The current song leads into the next one cued here, in
    // the same stream (Engine::cueNext): a stop, a gap, a segue or a crossfade.
    // How the current song leads into the next, while it plays (not once its gap or crossfade
    // is under way; a bad length is said through errorOccurred).
    void setCurrentLeadOut(const audio::SongTransition& leadOut);
    // Loads `folder` in the background beside the current song (the memory check counts both)
    // and cues it with the entry's tempo, pitch, click and count-in, and the entry's own
    // lead-out (transition, gap, crossfade) for the song after it. A song cued or loading
    // before is let go of. nextSongCued or nextSongFailed follows. It starts at `startSeconds`
    // (its entry's start marker, which the caller resolves; clamped to the song).
    void cueNextSong(const QString& folder, const set::SetEntry& entry, double startSeconds = 0.0);
    // Lets the cued (or loading) next song go.
    void uncueNextSong();
    // The folder of the song cued (empty: none).
    const QString& cuedFolder() const { return cuedFolder_; }
    // Spoken guide cues (SongGuideCues): the current song's and the cued song's (null: none),
    // and the cued song's click (its grid). GUI thread.
    audio::GuideCues* songCues();
    audio::GuideCues* cuedCues();
    std::optional<audio::ClickSettings> cuedClick() const;

    // Click (metronome) and count-in. A song whose meta.json gives its tempo and time
    // signature sets them when it loads; otherwise the user's BPM and meter stay. On/off,
    // level and count-in bars are the user's and stay from song to song.
    void setClick(const audio::ClickSettings& settings);
    audio::ClickSettings click() const;
    // Beats of count-in still to play (0: not counting in).
    int countInBeatsLeft() const;

  signals:
    void positionChanged(double seconds);
    void stateChanged(stemdeck::audio::PlayState state);
    void durationChanged(double seconds);
    // The song played to its end and playback has stopped: returned to the start, or, when a
    // set's next song took its place on a Stop lead-out, after songAdvanced (the next song
    // waits where it starts).
    void finished();
    // Device problems (lost, not available, fell back to another device). A device lost while
    // playing leaves playback paused where it was and the output closed (outputProblem()
    // says why); openOutput() and play() carry on from there.
    void errorOccurred(const QString& message);
    // Things the user should know that are not errors (a stored mix that was ignored).
    void message(const QString& text);
    void loadStarted(const QString& folder);
    void loadProgress(double fraction);
    void loadCancelled(const QString& folder);
    // A song-level failure; the previous song is still loaded.
    void loadFailed(const QString& folder, const QString& message);
    // A song (new, or the same one at a new rate) is in the engine; widgets rebuild from it.
    // It may still be decoding (decoding(), decodedChanged, songDecoded).
    void songLoaded(const QString& folder);
    // All signals here are emitted on the GUI thread.
    // The decoded part of the current song grew (seconds from the start; the duration once it
    // is whole). Emitted at songLoaded and then by the timer while decoding.
    void decodedChanged(double seconds);
    // decodedSpans() changed (emitted with decodedChanged, and when an island grows).
    void decodedSpansChanged(const stemdeck::app::TimeSpans& spans);
    // The current song has decoded to its end (or as far as its files could be read):
    // songIssues() is complete. For a song that decoded before it was loaded, right after
    // songLoaded.
    void songDecoded(const QString& folder);
    // peaks() changed (the waveforms of the current song arrived).
    void peaksChanged();
    // peaks() grew where `grown` says (seconds), at most every kPeaksEveryPolls polls while
    // the song decodes.
    void peaksGrew(const stemdeck::app::TimeSpans& grown);
    // buffering() changed.
    void bufferingChanged(bool buffering);
    void outputChanged();
    // The device could not play at `requestedRate` and plays at its own rate instead (the
    // output works: outputProblem() stays empty). `explanation` says so for the user, once.
    void sampleRateFellBack(int requestedRate, const QString& explanation);
    void latencyMonitorChanged(bool on);
    // A, B or looping on/off changed (see loopStart(), loopEnd(), loopEnabled()).
    void loopChanged();
    // Tempo or pitch changed (also when a new song reset them).
    void tempoPitchChanged();
    void clickChanged();
    // The count-in started, counted down or ended (0).
    void countInChanged(int beatsLeft);
    // Sets: the next song is loaded and cued, or could not be (the current one plays on).
    void nextSongCued(const QString& folder);
    void nextSongFailed(const QString& folder, const QString& message);
    // The set moved on to the cued song by itself: it is the current song now (songLoaded,
    // durationChanged and the rest of a song change were emitted just before).
    void songAdvanced(const QString& folder);

  private:
    // One tick of the timer: end of song, device state, position, load progress, mix saving.
    void poll();
    void reportOutputProblem(const QString& pattern);  // %1: the engine's device error
    QString describeOutput(const QString& deviceName) const;
    void onDeviceLost();
    void startLoad(const QString& folder, int targetRate, bool reload,
                   std::vector<int> followRates = {});
    // The rates a song opened now may load at to be followed by the output (empty: none).
    std::vector<int> followRates() const;
    // A song loaded at its own rate to be followed: reopen the output there once it takes
    // over (pendingOutput_). False when that no longer applies (the output changed meanwhile).
    bool followLoadedSong(const SongLoader::Result& result);
    void onLoadFinished(const SongLoader::Result& result);
    // PlaybackManagerDecode.cpp: the background decode of the current song.
    // A song was adopted: start watching its decode (and say how far it is).
    void watchDecode(std::shared_ptr<audio::SongDecode> decode, bool keepPeaks);
    // Each poll: how far the decode is, whether it is done, whether the transport buffers.
    void pollDecode();
    // Tells the widgets the song (a new one, or the set's next taking over) is in: its loop,
    // tempo, pitch, click, duration, then songLoaded and how far it is decoded.
    void announceSong();
    // Extends the growing waveforms over what was decoded since the last time.
    void growPeaks();
    void onPeaksReady(const SongPeaks& peaks);
    void waitForSilence();
    void adoptLoadedSong();
    // `followsSong`: the rate is the song's, asked for by following it, not the settings'.
    void openOutputNow(const audio::OutputConfig& config, bool followsSong = false);
    // What an output change says (errorOccurred, sampleRateFellBack, message).
    struct OutputReport {
        int requestedRate = 0;
        QString rateNote;  // the device refused the rate and plays at its own
        QString failures;
        bool settingRefused = false;  // the refused rate was the settings' (not a song's)
    };
    void reportOutput(const OutputReport& report);
    // The output runs at another rate than the song (Engine::reloadRate): reload it there.
    void reloadForOutput(bool resume);
    void restoreMix();
    void publishTransport();
    std::int64_t toFrames(double seconds) const;
    double toSeconds(std::int64_t frames) const;
    bool hasLoop() const;
    void setLoopFrames(std::int64_t start, std::int64_t end, bool enable);
    void setPitchNow(int semitones, double cents);
    void adoptSongTempo();
    bool songHasTempo_ = false;
    void publishCountIn();
    // PlaybackManagerSet.cpp.
    void onNextLoaded(const SongLoader::Result& result);
    bool cueLoadedNext();
    // Each poll, before the engine's service: the cued song pending, the set's advance.
    void pollSet();
    void adoptAdvancedSong();

    // A loaded song waiting to replace the playing one, with what a reload carries over.
    struct Handover {
        SongLoader::Result result;
        bool reload = false;
        audio::MixSnapshot mix;
        double position = 0.0;
        bool wasPlaying = false;
        // The loop in seconds: a reload changes the rate, and so the frames.
        double loopStart = -1.0;
        double loopEnd = -1.0;
        bool loopEnabled = false;
    };

    audio::Engine& engine_;
    MixerFacade mixer_;
    MixStore* mixes_;
    SongLoader loader_;
    QTimer timer_;
    QTimer handoverTimer_;
    std::optional<Handover> handover_;
    bool reloading_ = false;  // the running load re-decodes the current song
    // Play once the song is loaded again at the output's rate (it was playing, or play was
    // asked for meanwhile).
    bool resumeAfterReload_ = false;
    // An output change whose outputChanged waits for the song's reload at its rate.
    bool outputChangePending_ = false;
    std::optional<audio::OutputConfig> pendingOutput_;
    bool pendingFollowsSong_ = false;   // pendingOutput_ is the song's rate (followLoadedSong)
    audio::OutputConfig outputConfig_;  // the newest output asked for (openOutputNow)
    bool followSongRate_ = true;
    RateSupport rateSupport_;
    QString songFolder_;
    std::shared_ptr<const std::vector<WaveformPeaks>> peaks_;
    // The current song's decode, once adopted (also the engine's; kept here for export jobs,
    // which wait for it, and for its report). Null for no song.
    std::shared_ptr<audio::SongDecode> decode_;
    bool decodeReported_ = true;  // songDecoded was emitted for decode_
    double lastDecoded_ = -1.0;
    std::optional<TimeSpans> lastSpans_;  // none: not said yet for decode_
    // peaks_ grow with decode_ (a new song; a reload keeps the old ones instead), and what of
    // the song they hold.
    bool growingPeaks_ = false;
    audio::FrameRanges peaksHold_;
    int pollsSincePeaks_ = 0;
    bool buffering_ = false;
    LateIssues lateIssues_;
    QString outputProblem_;
    QString mixWarning_;
    SongLoader::Result lastFailure_;
    audio::MixSnapshot savedMix_;
    int pollsSinceSave_ = 0;
    double lastPosition_ = -1.0;
    std::optional<audio::PlayState> lastState_;
    std::optional<std::int64_t> loopA_;  // A set without B yet
    int pitchSemitones_ = 0;
    int lastCountIn_ = 0;
    double pitchFineCents_ = 0.0;
    std::uint64_t memoryLimit_ = 0;  // setMemoryLimit's (0: the system's)
    // Sets: the next song loads on a loader of its own (the current one may reload meanwhile).
    SongLoader nextLoader_;
    set::SetEntry nextEntry_;
    double nextStartSeconds_ = 0.0;
    std::optional<SongLoader::Result> nextLoaded_;  // loaded, waiting for the engine to take it
    QString cuedFolder_;
    std::shared_ptr<audio::SongDecode> cuedDecode_;
    audio::ClickSettings cuedClick_;
    double cuedPitchCents_ = 0.0;
};

}  // namespace stemdeck::app

Q_DECLARE_METATYPE(stemdeck::audio::PlayState)
Q_DECLARE_METATYPE(stemdeck::app::TimeSpans)
