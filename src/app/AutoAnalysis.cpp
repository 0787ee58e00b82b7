#include "stemdeck/app/AutoAnalysis.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <nlohmann/json.hpp>

#include "SongFiles.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/loader/SongMetaFile.h"

namespace stemdeck::app {

AutoAnalysis::AutoAnalysis(PlaybackManager& playback, AnalysisCache cache, QObject* parent)
    : QObject(parent), playback_(playback), runner_(std::move(cache)) {
    // Every load starts over, the same song's too: opening it again resets the click to
    // meta.json's, and the cache gives the analysis back in a moment.
    connect(&playback_, &PlaybackManager::songLoaded, this, [this] {
        runner_.cancel();
        result_.reset();
        resultFolder_.clear();
        emit resultChanged();
    });
    connect(&playback_, &PlaybackManager::songDecoded, this, &AutoAnalysis::songDecoded);
    connect(&runner_, &SongAnalysisRunner::analysed, this, &AutoAnalysis::analysed);
    connect(&runner_, &SongAnalysisRunner::failed, this,
            [this](const QString&, const QString& text) { emit message(text); });
}

void AutoAnalysis::songDecoded(const QString& folder) {
    if (folder != playback_.songFolder() || runner_.running() || folder == resultFolder_) return;
    const SongMeta meta = SongMeta::read(folder);
    if (meta.tempo > 0 && meta.beatsPerBar > 0 && !meta.key.isEmpty()) return;
    const auto song = playback_.sharedSong();
    if (!song) return;
    // Without a meter in meta.json the analysis finds 3 or 4 (SongAnalyzer, beatsPerBar 0).
    const int beatsPerBar = meta.beatsPerBar >= 2 && meta.beatsPerBar <= 16 ? meta.beatsPerBar : 0;
    runner_.start(folder, song, beatsPerBar);
}

void AutoAnalysis::analysed(const QString& folder, const analysis::AnalysisResult& result,
                            bool /*fromCache*/, const QString& text) {
    if (!text.isEmpty()) emit message(text);
    if (folder != playback_.songFolder()) return;
    result_ = result;
    resultFolder_ = folder;
    // A first downbeat the user saved wins over the one found.
    const SongMeta meta = SongMeta::read(folder);
    if (result.bpm > 0.0)
        playback_.adoptDetectedTempo(
            folder, result.bpm, meta.hasFirstDownbeat ? meta.firstDownbeat : result.firstDownbeat(),
            result.beatsPerBar);
    emit resultChanged();
}

bool AutoAnalysis::writeToMeta(const QString& folder, double bpm, const QString& key,
                               int beatsPerBar, double firstDownbeat, QString* error) {
    const auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    const QString path = QDir(folder).filePath(QStringLiteral("meta.json"));
    const QFileInfo info(path);
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    if (info.exists() || info.isSymLink()) {
        // A link could point at a stem or anywhere else: only a plain meta.json is replaced.
        if (info.isSymLink() || !info.isFile())
            return fail(QStringLiteral("%1 is not a plain file; not written")
                            .arg(QDir::toNativeSeparators(path)));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) return fail(file.errorString());
        meta = nlohmann::ordered_json::parse(file.read(1 << 22).toStdString(), nullptr, false);
        if (!meta.is_object())
            return fail(QStringLiteral("%1 is not a JSON object; not written")
                            .arg(QDir::toNativeSeparators(path)));
    }
    if (bpm > 0.0) meta["tempo"] = std::round(bpm * 100.0) / 100.0;
    if (!key.isEmpty()) meta["key"] = key.toStdString();
    if (beatsPerBar > 0) meta["time_signature"] = std::to_string(beatsPerBar) + "/4";
    // To the millisecond, as the panel nudges it; SongMetaFile reads it back.
    if (firstDownbeat >= 0.0 && firstDownbeat <= audio::SongMetaFile::kMaxFirstDownbeat)
        meta["first_downbeat"] = std::round(firstDownbeat * 1000.0) / 1000.0;
    return writeFileAtomically(path, QByteArray::fromStdString(meta.dump(2) + "\n"), error);
}

}  // namespace stemdeck::app
