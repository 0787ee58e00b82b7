#include "stemdeck/app/SongGuideCues.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <optional>

#include "stemdeck/app/GuideCueClips.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/voice/CueVoice.h"

namespace stemdeck::app {

namespace {
struct Built {
    std::vector<audio::GuideCue> cues;
    int sampleRate = 0;
    QString unavailable;  // the voice's message when it could not speak
};
}  // namespace

SongGuideCues::SongGuideCues(PlaybackManager& playback, const MarkerStore& markers, QObject* parent)
    : QObject(parent), playback_(playback), markers_(markers) {
    connect(&playback_, &PlaybackManager::songLoaded, this, [this] {
        // The cued song became current (songAdvanced follows): its cues came with it, and
        // making them again could not be heard but costs a synthesis.
        const audio::Song* song = playback_.song();
        if (song && !builtFolder_[1].isEmpty() && playback_.songFolder() == builtFolder_[1] &&
            song->sampleRate == builtRate_[1]) {
            builtFolder_[0] = builtFolder_[1];
            builtRate_[0] = builtRate_[1];
            builtFolder_[1].clear();
            return;
        }
        rebuild(Target::Current);
    });
    connect(&playback_, &PlaybackManager::clickChanged, this, [this] { rebuild(Target::Current); });
    connect(&playback_, &PlaybackManager::nextSongCued, this, [this] { rebuild(Target::Cued); });
    // The cued song became current: its cues came with it; settings follow.
    connect(&playback_, &PlaybackManager::songAdvanced, this, [this] { applySettings(); });
}

SongGuideCues::~SongGuideCues() = default;

void SongGuideCues::setEnabled(bool on) {
    if (on == enabled_) return;
    enabled_ = on;
    applySettings();
    if (on) {
        rebuild(Target::Current);
        rebuild(Target::Cued);
    }
}

void SongGuideCues::setLevelDb(double db) {
    levelDb_ = std::clamp(db, double{audio::GuideCues::kMinLevelDb},
                          double{audio::GuideCues::kMaxLevelDb});
    applySettings();
}

void SongGuideCues::markersChanged() {
    rebuild(Target::Current);
}

void SongGuideCues::applySettings() {
    for (audio::GuideCues* cues : {playback_.songCues(), playback_.cuedCues()}) {
        if (!cues) continue;
        cues->setLevelDb(static_cast<float>(levelDb_));
        cues->setEnabled(enabled_);
    }
}

void SongGuideCues::rebuild(Target target) {
    const auto t = static_cast<std::size_t>(target);
    ++generation_[t];
    builtFolder_[t].clear();
    if (!enabled_) return;
    const bool current = target == Target::Current;
    const QString folder = current ? playback_.songFolder() : playback_.cuedFolder();
    if (folder.isEmpty()) return;
    std::optional<audio::ClickSettings> click =
        current ? std::optional(playback_.click()) : playback_.cuedClick();
    const audio::Song* song = playback_.song();
    if (!click || !song) return;
    const int rate = song->sampleRate;  // a cued song is loaded at the current one's rate
    const std::vector<SongMarker> markers = markers_.load(folder).markers;
    const unsigned generation = generation_[t];

    auto* watcher = new QFutureWatcher<Built>(this);
    ++running_;
    connect(watcher, &QFutureWatcher<Built>::finished, this,
            [this, watcher, target, t, folder, generation] {
                --running_;
                watcher->deleteLater();
                Built made = watcher->result();
                if (!made.unavailable.isEmpty()) {
                    if (!toldUnavailable_) emit message(made.unavailable);
                    toldUnavailable_ = true;
                    return;
                }
                const bool current = target == Target::Current;
                // Stale: a newer build was asked for, or the song is no longer there.
                if (generation != generation_[t] || !enabled_ ||
                    folder != (current ? playback_.songFolder() : playback_.cuedFolder()))
                    return;
                audio::GuideCues* cues = current ? playback_.songCues() : playback_.cuedCues();
                if (!cues) return;
                const int count = static_cast<int>(made.cues.size());
                cues->publish(std::move(made.cues), made.sampleRate);
                cues->setLevelDb(static_cast<float>(levelDb_));
                cues->setEnabled(enabled_);
                builtFolder_[t] = folder;
                builtRate_[t] = made.sampleRate;
                emit built(folder, count);
            });
    watcher->setFuture(QtConcurrent::run([markers, click = *click, rate] {
        Built out;
        const voice::CueVoice voice(rate);
        if (!voice.available()) {
            out.unavailable = QString::fromStdString(voice.message());
            return out;
        }
        out.cues = guideCueClips(markers, click, rate, voice);
        out.sampleRate = rate;
        return out;
    }));
}

}  // namespace stemdeck::app
