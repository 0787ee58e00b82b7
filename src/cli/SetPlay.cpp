#include "SetPlay.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "EntryClick.h"
#include "Interruption.h"
#include "JsonText.h"
#include "Printable.h"
#include "SavedMix.h"
#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/set/EntryTransition.h"
#include "stemdeck/app/set/SetCheck.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemNames.h"

namespace stemdeck::cli {

namespace {

namespace fs = std::filesystem;
using namespace stemdeck::audio;
using app::set::ParsedSet;
using app::set::SetEntry;
using app::set::SetProblem;
using app::set::SongSummary;
using app::set::Transition;
using Clock = std::chrono::steady_clock;

// The first option given that means something for one song only; empty when none is: a set's
// entries carry their own tempo, pitch, click and count-in.
std::string playSongOnlyOption(const CliOptions& o) {
    if (o.loop) return "--loop";
    if (o.tempo != 1.0) return "--tempo";
    if (o.pitchCents != 0.0) return "--pitch/--cents";
    if (o.click) return "--click";
    if (o.countInBars != 0) return "--count-in";
    if (o.bpm) return "--bpm";
    if (o.meter) return "--meter";
    return {};
}

// "3:12".
std::string clockText(double seconds) {
    const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    return text;
}

// An entry whose song passed the checks, its first audio decoded at the set's rate.
struct Ready {
    std::size_t index = 0;  // in the set file, 0-based
    SongSummary song;
    std::shared_ptr<SongDecode> decode;
};

// Plays one set on one engine: the current song, the next one cued behind it.
class SetPlayback {
  public:
    SetPlayback(const CliOptions& options, const CommandContext& context, const ParsedSet& parsed)
        : options_(options),
          context_(context),
          entries_(parsed.set.songs),
          setFolder_(fs::absolute(options.song).parent_path()) {}

    int run(std::size_t first);

  private:
    void report(const SetProblem& problem) {
        errors_ = errors_ || problem.isError();
        printLine(context_.err, "stemdeck-cli: " + problem.line());
    }
    void warn(std::size_t i, const std::string& what) {
        report(
            {SetProblem::Kind::Warning, i + 1, app::set::entryLabel(i, entries_[i]) + ": " + what});
    }
    void skip(std::size_t i, const std::string& what) {
        report({SetProblem::Kind::Error, i + 1,
                app::set::entryLabel(i, entries_[i]) + ": " + what + "; skipped"});
    }
    // The next entry from next_ on whose song passes SetCheck's checks (the others are
    // reported and skipped); none at the end of the set.
    std::optional<Ready> checkNext();
    // Starts decoding the entry's song at `rate` and waits for its first audio; false (the
    // entry reported) when it cannot be decoded or Ctrl-C came.
    bool decode(Ready& ready, int rate);
    std::optional<Ready> loadNext(int rate);
    ClickSettings clickOf(const Ready& ready);
    std::int64_t startFrame(const Ready& ready, const Song& song) const;
    std::optional<MixSnapshot> savedMix(const Ready& ready, const Song& song);
    void announce(const Ready& ready);
    bool startFirst();
    void cueFollowing();
    void onSongChanged();
    // A "stop": waits for Enter (or --no-wait, a closed stdin, Ctrl-C) and plays the song.
    void waitAndPlay(std::size_t previous);
    bool stopped() const {
        return context_.interrupted.load() ||
               (options_.seconds &&
                std::chrono::duration<double>(Clock::now() - start_).count() >= *options_.seconds);
    }

    const CliOptions& options_;
    const CommandContext& context_;
    const std::vector<SetEntry>& entries_;
    const fs::path setFolder_;
    Engine engine_;
    std::size_t next_ = 0;  // the first entry not yet tried
    std::optional<Ready> current_, cued_;
    bool cuedAnnounced_ = false;  // said as it began (a crossfade starts before the hand-over)
    bool errors_ = false;
    Clock::time_point start_{};
};

std::optional<Ready> SetPlayback::checkNext() {
    for (; next_ < entries_.size(); ++next_) {
        const std::size_t i = next_;
        if (!entries_[i].unreadable.is_null()) continue;  // SetFile said so, printed first
        std::vector<SetProblem> problems;
        Ready ready;
        ready.index = i;
        ready.song = app::set::SetCheck::checkSong(i, entries_[i], setFolder_, {}, problems);
        const bool bad = !ready.song.found || app::set::hasErrors(problems);
        // One line says the entry is left out: its first error.
        bool said = false;
        for (SetProblem& problem : problems) {
            if (bad && problem.isError() && !said) problem.message += "; skipped";
            said = said || (bad && problem.isError());
            report(problem);
        }
        if (bad) {
            if (!said) skip(i, "no song found");
            continue;
        }
        ++next_;
        return ready;
    }
    return std::nullopt;
}

bool SetPlayback::decode(Ready& ready, int rate) {
    LoadOptions load;
    load.targetRate = rate;
    auto progress = std::make_shared<LoadProgress>();
    try {
        const InterruptWatch watch([progress] { progress->requestCancel(); });
        ready.decode = SongDecode::start(StemLoader::scan(ready.song.folder), load, progress);
        ready.decode->waitFirstAudio();
    } catch (const LoadError& e) {
        if (!context_.interrupted.load()) skip(ready.index, e.what());
        return false;
    }
    if (context_.interrupted.load()) return false;
    const auto song = ready.decode->song();
    if (!song) return skip(ready.index, "nothing could be decoded"), false;
    for (const FileIssue& issue : song->errors) warn(ready.index, issue.message);
    for (const FileIssue& issue : song->warnings) warn(ready.index, issue.message);
    return true;
}

std::optional<Ready> SetPlayback::loadNext(int rate) {
    while (auto ready = checkNext()) {
        if (decode(*ready, rate)) return ready;
        if (context_.interrupted.load()) break;
    }
    return std::nullopt;
}

// The entry's click (entryClick, as `render SET` plays it), its meta.json's problems said.
ClickSettings SetPlayback::clickOf(const Ready& ready) {
    std::vector<std::string> metaProblems;
    const ClickSettings click =
        entryClick(entries_[ready.index], ready.song.folder, options_.clickLevelDb, metaProblems);
    for (const std::string& problem : metaProblems) warn(ready.index, problem);
    return click;
}

std::int64_t SetPlayback::startFrame(const Ready& ready, const Song& song) const {
    const auto at =
        static_cast<std::int64_t>(std::llround(ready.song.startSeconds * song.sampleRate));
    return std::clamp<std::int64_t>(at, 0, std::max<std::int64_t>(0, song.frames - 1));
}

// The song's mix as the app saved it: the first song's is applied, a cued song's goes with
// its cue so it is heard from its first sample (as the app's PlaybackManager does).
std::optional<MixSnapshot> SetPlayback::savedMix(const Ready& ready, const Song& song) {
    try {
        MixFromFile from = readMix("saved", song.folder, stemNames(song));
        for (const std::string& warning : from.warnings) warn(ready.index, warning);
        return std::move(from.mix);
    } catch (const std::runtime_error&) {
        return std::nullopt;  // none (or an unusable one): the default mix, as `render SET`
    }
}

void SetPlayback::announce(const Ready& ready) {
    const SetEntry& entry = entries_[ready.index];
    const double heard = (ready.song.seconds - ready.song.startSeconds) / entry.tempo;
    printLine(context_.out, std::to_string(ready.index + 1) + "/" +
                                std::to_string(entries_.size()) + " " + ready.song.title + " (" +
                                clockText(heard) + ")");
    context_.out.flush();
}

bool SetPlayback::startFirst() {
    auto first = checkNext();
    if (!first) return false;
    engine_.openOutput(OutputConfig{options_.device, options_.rate, options_.block});
    // Without --rate, a device that can run at the first song's rate is opened there, as
    // `play SONG` does; the other songs are decoded at that rate.
    const int songRate = first->song.sampleRate;
    if (options_.rate == 0 && songRate != 0 && songRate != engine_.sampleRate() &&
        engine_.output().supportsRate(songRate))
        engine_.openOutput(OutputConfig{options_.device, songRate, options_.block});
    if (!decode(*first, engine_.sampleRate())) {
        if (context_.interrupted.load()) return false;
        first = loadNext(engine_.sampleRate());
        if (!first) return false;
    }
    engine_.setSong(first->decode);
    const SetEntry& entry = entries_[first->index];
    engine_.setTempo(entry.tempo);
    engine_.setPitch(0, entry.pitchCents());
    engine_.setClick(clickOf(*first));
    if (const std::int64_t at = startFrame(*first, *engine_.song()); at > 0) engine_.seekFrames(at);
    engine_.setCurrentLeadOut(app::set::leadOutOf(entry));
    if (const auto mix = savedMix(*first, *engine_.song())) engine_.mix().apply(*mix);
    engine_.setLatencyMonitorEnabled(options_.monitor);
    engine_.play();
    if (!engine_.deviceError().empty()) throw AudioDeviceError(engine_.deviceError());
    const auto& out = engine_.output();
    printLine(context_.err, "playing " + options_.song.string() + " on " + out.deviceName() +
                                " at " + std::to_string(out.sampleRate()) + " Hz, " +
                                std::to_string(out.framesPerBuffer()) +
                                " frames per buffer (Ctrl-C stops)");
    start_ = Clock::now();
    announce(*first);
    current_ = std::move(first);
    return true;
}

// The next playable entry, decoded and cued behind the current song (blocks for its first
// audio while the current one plays on).
void SetPlayback::cueFollowing() {
    while (!cued_ && next_ < entries_.size() && !context_.interrupted.load()) {
        auto ready = loadNext(engine_.sampleRate());
        if (!ready) return;
        const SetEntry& entry = entries_[ready->index];
        NextSongSettings settings;
        settings.tempo = entry.tempo;
        settings.pitchCents = entry.pitchCents();
        settings.click = clickOf(*ready);
        settings.startFrame = startFrame(*ready, *ready->decode->song());
        settings.mix = savedMix(*ready, *ready->decode->song());
        try {
            if (!engine_.cueNext(ready->decode, settings, app::set::leadOutOf(entry)))
                skip(ready->index, "it could not be cued");
            else
                cued_ = std::move(ready);
        } catch (const std::invalid_argument& e) {
            skip(ready->index, e.what());
        }
        cuedAnnounced_ = false;
    }
}

void SetPlayback::onSongChanged() {
    const std::size_t previous = current_->index;
    const bool afterStop = entries_[previous].transition == Transition::Stop;
    current_ = std::move(cued_);
    cued_.reset();
    if (!current_) return;
    if (afterStop) {
        waitAndPlay(previous);
    } else if (!cuedAnnounced_) {
        announce(*current_);
    }
    cuedAnnounced_ = false;
}

void SetPlayback::waitAndPlay(std::size_t previous) {
    bool go = options_.noWait;
    if (!go)
        printLine(context_.err,
                  "stemdeck-cli: stop after " + app::set::entryLabel(previous, entries_[previous]) +
                      ": press Enter to play " +
                      app::set::entryLabel(current_->index, entries_[current_->index]));
    while (!go && !stopped()) {
        pollfd in{STDIN_FILENO, POLLIN, 0};
        if (::poll(&in, 1, static_cast<int>(kPlayPollInterval.count())) > 0) {
            char buffer[256];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            // A closed stdin (a script, </dev/null) can never press Enter: go on.
            go = n <= 0 || std::find(buffer, buffer + n, '\n') != buffer + n;
        }
        if (!engine_.service()) throw AudioDeviceError(engine_.deviceError());
    }
    if (stopped()) return;
    engine_.play();
    announce(*current_);
}

int SetPlayback::run(std::size_t first) {
    next_ = first;
    if (!startFirst()) {
        if (context_.interrupted.load()) return 0;
        throw std::runtime_error("no song of " + options_.song.string() + " can be played");
    }
    for (;;) {
        cueFollowing();
        std::this_thread::sleep_for(kPlayPollInterval);
        if (!engine_.service()) throw AudioDeviceError(engine_.deviceError());
        if (stopped()) break;
        if (cued_ && !cuedAnnounced_ && engine_.setPhase() == SetTransport::Phase::Crossfading) {
            announce(*cued_);
            cuedAnnounced_ = true;
        }
        if (engine_.consumeSongChanged()) onSongChanged();
        if (engine_.consumeEndOfSong()) break;  // the last song ended: nothing follows it
    }
    const double played = std::chrono::duration<double>(Clock::now() - start_).count();
    engine_.fadeOut();
    engine_.service();
    engine_.closeOutput();
    if (options_.monitor) {
        const LatencyStats stats = engine_.latencyStats();
        const Json json = {{"device", engine_.output().deviceName()},
                           {"played_s", played},
                           {"callbacks", stats.callbacks},
                           {"underflows", stats.underflows},
                           {"late_callbacks", stats.lateCallbacks}};
        context_.out << jsonText(json);
    }
    return errors_ ? 1 : 0;
}

}  // namespace

int runSetPlay(const CliOptions& options, const CommandContext& context) {
    if (const std::string option = playSongOnlyOption(options); !option.empty())
        throw CliError(option +
                       " is for one song; in a set each entry has its own settings (docs/SETS.md)");
    const ParsedSet parsed = app::set::SetFile::read(options.song);
    if (!parsed.readable) throw std::runtime_error(parsed.problems.front().message);
    const std::size_t count = parsed.set.songs.size();
    if (count == 0) throw std::runtime_error(options.song.string() + " lists no songs");
    std::size_t first = 0;
    if (options.fromGiven) {
        if (options.from != std::floor(options.from) || options.from < 1.0 ||
            options.from > static_cast<double>(count))
            throw CliError("--from for a set is an entry number from 1 to " +
                           std::to_string(count));
        first = static_cast<std::size_t>(options.from) - 1;
    }
    app::setApplicationIdentity();  // where the app keeps the saved mixes
    SetPlayback playback(options, context, parsed);
    bool errors = false;
    for (const SetProblem& problem :
         parsed.problems) {  // the file's own, entries before --from too
        errors = errors || problem.isError();
        printLine(context.err, "stemdeck-cli: " + problem.line());
    }
    const int status = playback.run(first);
    // Ctrl-C is how playing is meant to stop; SIGTERM and SIGHUP say the process was ended.
    const int signal = Interruption::signalNumber();
    if (signal != 0 && signal != SIGINT) return Interruption::exitStatus();
    return errors ? 1 : status;
}

}  // namespace stemdeck::cli
