#include "stemdeck/app/AnalysisCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "SongFiles.h"
#include "stemdeck/analysis/AnalysisSource.h"
#include "stemdeck/analysis/SongAnalyzer.h"
#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::app {

namespace {

QJsonArray toJson(const std::vector<double>& values) {
    QJsonArray array;
    for (const double v : values) array.append(v);
    return array;
}

// False when `value` is not an array of numbers.
bool fromJson(const QJsonValue& value, std::vector<double>& out) {
    if (!value.isArray()) return false;
    out.clear();
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isDouble()) return false;
        out.push_back(item.toDouble());
    }
    return true;
}

bool hashFile(QCryptographicHash& hash, const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const qint64 size = file.size();
    hash.addData(QByteArray::number(size) + '\n');
    const qint64 edge = AnalysisCache::kHashedEdgeBytes;
    hash.addData(file.read(std::min(size, edge)));
    if (size > edge) {
        // The last MiB, or what follows the first when the file is under 2 MiB.
        file.seek(std::max(edge, size - edge));
        hash.addData(file.read(edge));
    }
    return true;
}

}  // namespace

AnalysisCache::AnalysisCache(const QString& directory)
    : directory_(storeDirectory(directory, QStringLiteral("analysis"))) {}

QByteArray AnalysisCache::contentKey(const QStringList& files, int beatsPerBar, QString* error) {
    QStringList sorted = files;
    // By file name, not path: the same stems elsewhere have the same key.
    std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
        return QFileInfo(a).fileName() < QFileInfo(b).fileName();
    });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray("stemdeck analysis ") + QByteArray::number(kVersion) + " bars of " +
                 QByteArray::number(beatsPerBar) + '\n');
    for (const QString& file : sorted)
        if (!hashFile(hash, file, error)) return {};
    return hash.result().toHex();
}

QStringList AnalysisCache::stemFiles(const audio::Song& song) {
    QStringList files;
    const QDir folder(QString::fromStdString(song.folder.string()));
    for (const auto& stem : song.stems)
        files << folder.absoluteFilePath(QString::fromStdString(stem.file.string()));
    return files;
}

QString AnalysisCache::fileFor(const QByteArray& key) const {
    return directory_ + u'/' + QString::fromLatin1(key) + QStringLiteral(".json");
}

std::optional<analysis::AnalysisResult> AnalysisCache::load(const QByteArray& key,
                                                            QString* problem) const {
    QFile file(fileFor(key));
    if (!file.exists()) return std::nullopt;
    const auto damaged = [&](const QString& why) {
        if (problem)
            *problem = QStringLiteral("analysis cache %1 is damaged (%2); analysing again")
                           .arg(QDir::toNativeSeparators(file.fileName()), why);
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly)) return damaged(file.errorString());
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 24), &parseError);
    if (!document.isObject()) return damaged(parseError.errorString());
    const QJsonObject o = document.object();
    analysis::AnalysisResult r;
    if (o.value("version").toInt() != kVersion) return damaged(QStringLiteral("another version"));
    if (!o.value("bpm").isDouble() || !fromJson(o.value("beats"), r.beats) ||
        !fromJson(o.value("downbeats"), r.downbeats) ||
        !fromJson(o.value("sections"), r.sections) || !o.value("key").isString() ||
        !o.value("beats_per_bar").isDouble())
        return damaged(QStringLiteral("a field is missing or not what it should be"));
    r.bpm = o.value("bpm").toDouble();
    r.key = o.value("key").toString().toStdString();
    r.beatsPerBar = o.value("beats_per_bar").toInt();
    r.confidence = o.value("confidence").toDouble();
    r.keyConfidence = o.value("key_confidence").toDouble();
    r.meterConfidence = o.value("meter_confidence").toDouble();
    return r;
}

bool AnalysisCache::store(const QByteArray& key, const analysis::AnalysisResult& r,
                          QString* error) const {
    const QJsonObject o{{"version", kVersion},
                        {"bpm", r.bpm},
                        {"beats", toJson(r.beats)},
                        {"downbeats", toJson(r.downbeats)},
                        {"beats_per_bar", r.beatsPerBar},
                        {"key", QString::fromStdString(r.key)},
                        {"confidence", r.confidence},
                        {"key_confidence", r.keyConfidence},
                        {"meter_confidence", r.meterConfidence},
                        {"sections", toJson(r.sections)}};
    return writeFileAtomically(fileFor(key), QJsonDocument(o).toJson(QJsonDocument::Compact),
                               error);
}

AnalysisCache::Outcome AnalysisCache::analyse(const audio::Song& song, int beatsPerBar,
                                              const std::atomic<bool>* cancel) const {
    Outcome outcome;
    QString problem;
    const QByteArray key = contentKey(stemFiles(song), beatsPerBar, &problem);
    if (!key.isEmpty()) {
        if (auto cached = load(key, &problem)) {
            outcome.result = std::move(*cached);
            outcome.fromCache = true;
            return outcome;
        }
    }
    outcome.message = problem;
    analysis::AnalysisOptions options;
    options.beatsPerBar = beatsPerBar;
    outcome.result =
        analysis::SongAnalyzer::analyze(analysis::AnalysisSource::fromSong(song), options, cancel);
    QString error;
    if (!key.isEmpty() && !store(key, outcome.result, &error) && outcome.message.isEmpty())
        outcome.message = QStringLiteral("the analysis cannot be kept: %1").arg(error);
    return outcome;
}

}  // namespace stemdeck::app
