#include "stemdeck/app/MixStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>

namespace stemdeck::app {

namespace {

constexpr int kFormatVersion = 1;

// JSON has no infinity: a fader at -inf dB is stored as null.
QJsonValue gainToJson(float db) {
    return std::isfinite(db) ? QJsonValue(static_cast<double>(db)) : QJsonValue(QJsonValue::Null);
}

std::optional<float> gainFromJson(const QJsonValue& v) {
    if (v.isNull()) return audio::MixControls::kMinGainDb;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) return std::nullopt;
    return static_cast<float>(v.toDouble());
}

std::optional<audio::StemMix> stemFromJson(const QJsonValue& value) {
    if (!value.isObject()) return std::nullopt;
    const QJsonObject o = value.toObject();
    const auto gain = gainFromJson(o.value(QStringLiteral("gain_db")));
    const QJsonValue pan = o.value(QStringLiteral("pan"));
    const QJsonValue muted = o.value(QStringLiteral("muted"));
    const QJsonValue solo = o.value(QStringLiteral("solo"));
    if (!gain || !pan.isDouble() || !muted.isBool() || !solo.isBool()) return std::nullopt;
    audio::StemMix mix;
    mix.gainDb = audio::MixControls::clampGainDb(*gain);
    mix.pan = std::clamp(static_cast<float>(pan.toDouble()), -1.0f, 1.0f);
    mix.muted = muted.toBool();
    mix.solo = solo.toBool();
    return mix;
}

QString canonicalFolder(const QString& folder) {
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(folder).absoluteFilePath()) : canonical;
}

}  // namespace

MixStore::MixStore(QString directory) : directory_(std::move(directory)) {
    if (directory_.isEmpty())
        directory_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                     QStringLiteral("/mixes");
}

QString MixStore::fileFor(const QString& songFolder) const {
    const QByteArray hash =
        QCryptographicHash::hash(canonicalFolder(songFolder).toUtf8(), QCryptographicHash::Sha1);
    return directory_ + QLatin1Char('/') + QString::fromLatin1(hash.toHex()) +
           QStringLiteral(".json");
}

MixStore::Loaded MixStore::load(const QString& songFolder,
                                const std::vector<std::string>& stemNames) const {
    Loaded out;
    QFile file(fileFor(songFolder));
    if (!file.exists()) return out;
    const auto ignore = [&](const QString& why) {
        out.warning = QStringLiteral("The saved mix for %1 was ignored (%2): %3")
                          .arg(QDir::toNativeSeparators(songFolder),
                               QDir::toNativeSeparators(file.fileName()), why);
        return out;
    };
    if (!file.open(QIODevice::ReadOnly)) return ignore(file.errorString());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) return ignore(parseError.errorString());
    if (!doc.isObject()) return ignore(QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return ignore(QStringLiteral("unknown format version"));
    const auto master = gainFromJson(root.value(QStringLiteral("master_gain_db")));
    const QJsonValue stems = root.value(QStringLiteral("stems"));
    if (!master || !stems.isObject()) return ignore(QStringLiteral("wrong value types"));

    audio::MixSnapshot mix;
    mix.masterGainDb = audio::MixControls::clampGainDb(*master);
    const QJsonObject byName = stems.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it)
        if (!stemFromJson(it.value()))
            return ignore(QStringLiteral("wrong value types for stem '%1'").arg(it.key()));
    for (const std::string& name : stemNames) {
        const QJsonValue stored = byName.value(QString::fromStdString(name));
        mix.stems.push_back(stored.isUndefined() ? audio::StemMix{} : *stemFromJson(stored));
    }
    out.mix = std::move(mix);
    return out;
}

bool MixStore::save(const QString& songFolder, const std::vector<std::string>& stemNames,
                    const audio::MixSnapshot& mix, QString* error) const {
    QJsonObject stems;
    for (std::size_t i = 0; i < stemNames.size() && i < mix.stems.size(); ++i) {
        const audio::StemMix& s = mix.stems[i];
        stems.insert(QString::fromStdString(stemNames[i]),
                     QJsonObject{{QStringLiteral("gain_db"), gainToJson(s.gainDb)},
                                 {QStringLiteral("pan"), static_cast<double>(s.pan)},
                                 {QStringLiteral("muted"), s.muted},
                                 {QStringLiteral("solo"), s.solo}});
    }
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("folder"), canonicalFolder(songFolder)},
                           {QStringLiteral("master_gain_db"), gainToJson(mix.masterGainDb)},
                           {QStringLiteral("stems"), stems}};

    const auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!QDir().mkpath(directory_))
        return fail(QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(directory_)));
    // QSaveFile writes a temporary file and renames it over the old one on commit, so a
    // crash or a full disk never leaves a half-written mix behind.
    QSaveFile file(fileFor(songFolder));
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) return fail(file.errorString());
    return true;
}

}  // namespace stemdeck::app
