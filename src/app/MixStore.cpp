#include "stemdeck/app/MixStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "SongFiles.h"

namespace stemdeck::app {

namespace {

constexpr int kMixFormatVersion = 1;

// JSON has no infinity: a fader at -inf dB is stored as null.
QJsonValue gainToJson(float db) {
    return std::isfinite(db) ? QJsonValue(static_cast<double>(db)) : QJsonValue(QJsonValue::Null);
}

QString typeName(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("true/false");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("text");
        case QJsonValue::Array:
            return QStringLiteral("a list");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
    }
    return QStringLiteral("missing");
}

// Reads the fields of one mix file, noting each value it has to ignore. A missing value is
// not a problem (the default stands in for it); a value of the wrong type is.
class MixReader {
  public:
    QStringList ignored;

    float gain(const QJsonValue& v, const QString& what) {
        if (v.isUndefined()) return 0.0f;
        if (v.isNull()) return audio::MixControls::kMinGainDb;
        // Clamped while still a double: a huge number must not overflow the float.
        if (v.isDouble() && !std::isnan(v.toDouble()))
            return audio::MixControls::clampGainDb(
                static_cast<float>(std::clamp(v.toDouble(), -1000.0, 1000.0)));
        return ignore(what, v, QStringLiteral("a number"), 0.0f);
    }

    float pan(const QJsonValue& v, const QString& what) {
        if (v.isUndefined()) return 0.0f;
        if (v.isDouble() && !std::isnan(v.toDouble()))
            return static_cast<float>(std::clamp(v.toDouble(), -1.0, 1.0));
        return ignore(what, v, QStringLiteral("a number"), 0.0f);
    }

    bool flag(const QJsonValue& v, const QString& what) {
        if (v.isUndefined()) return false;
        if (v.isBool()) return v.toBool();
        return ignore(what, v, QStringLiteral("true or false"), false);
    }

    audio::StemMix stem(const QJsonValue& value, const QString& name) {
        audio::StemMix mix;
        const QString where = QStringLiteral("stem '%1'").arg(name);
        if (value.isUndefined()) return mix;
        if (!value.isObject()) return ignore(where, value, QStringLiteral("an object"), mix);
        const QJsonObject o = value.toObject();
        const auto at = [&](const char* key) { return o.value(QLatin1String(key)); };
        const auto named = [&](const char* key) {
            return where + QLatin1Char(' ') + QLatin1String(key);
        };
        mix.gainDb = gain(at("gain_db"), named("gain_db"));
        mix.pan = pan(at("pan"), named("pan"));
        mix.muted = flag(at("muted"), named("muted"));
        mix.solo = flag(at("solo"), named("solo"));
        return mix;
    }

  private:
    template <typename T>
    T ignore(const QString& what, const QJsonValue& v, const QString& expected, T fallback) {
        ignored << QStringLiteral("%1 is %2, not %3").arg(what, typeName(v), expected);
        return fallback;
    }
};

}  // namespace

MixStore::MixStore(const QString& directory)
    : directory_(storeDirectory(directory, QStringLiteral("mixes"))) {}

QString MixStore::fileFor(const QString& songFolder) const {
    return keyedSongFile(directory_, songFolder);
}

MixStore::Loaded MixStore::parse(const QByteArray& json,
                                 const std::vector<std::string>& stemNames) {
    Loaded out;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.warning = parseError.errorString();
        return out;
    }
    if (!doc.isObject()) {
        out.warning = QStringLiteral("not a JSON object");
        return out;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("version")).toInt() != kMixFormatVersion) {
        out.warning = QStringLiteral("unknown format version");
        return out;
    }

    MixReader reader;
    audio::MixSnapshot mix;
    mix.masterGainDb =
        reader.gain(root.value(QStringLiteral("master_gain_db")), QStringLiteral("master_gain_db"));
    const QJsonValue stems = root.value(QStringLiteral("stems"));
    const QJsonObject byName = stems.toObject();
    if (!stems.isUndefined() && !stems.isObject())
        reader.ignored << QStringLiteral("stems is %1, not an object").arg(typeName(stems));
    // Only the stems the song has: a stem that has left the song is no concern of the user.
    QStringList known;
    for (const std::string& name : stemNames) {
        const QString key = QString::fromStdString(name);
        known << key;
        mix.stems.push_back(reader.stem(byName.value(key), key));
    }
    for (auto it = byName.begin(); it != byName.end(); ++it)
        if (!known.contains(it.key())) out.unknownStems << it.key();
    out.mix = std::move(mix);
    // A file damaged throughout would make a message nobody can read: the first few say enough.
    constexpr int kListed = 4;
    const auto ignored = static_cast<int>(reader.ignored.size());
    out.warning = reader.ignored.mid(0, kListed).join(QStringLiteral("; "));
    if (ignored > kListed) out.warning += QStringLiteral("; and %1 more").arg(ignored - kListed);
    return out;
}

MixStore::Loaded MixStore::load(const QString& songFolder,
                                const std::vector<std::string>& stemNames) const {
    QFile file(fileFor(songFolder));
    if (!file.exists()) return {};
    const QString song = QDir::toNativeSeparators(songFolder);
    const QString path = QDir::toNativeSeparators(file.fileName());
    const auto ignoreFile = [&](const QString& why) {
        return Loaded{
            std::nullopt,
            QStringLiteral("The saved mix for %1 was ignored (%2): %3").arg(song, path, why),
            {}};
    };
    if (!file.open(QIODevice::ReadOnly)) return ignoreFile(file.errorString());
    if (file.size() > kMaxFileBytes) return ignoreFile(QStringLiteral("larger than 1 MB"));

    Loaded loaded = parse(file.readAll(), stemNames);
    if (!loaded.mix) return ignoreFile(loaded.warning);
    if (!loaded.warning.isEmpty())
        loaded.warning = QStringLiteral(
                             "Part of the saved mix for %1 was ignored and is at its defaults "
                             "(%2): %3")
                             .arg(song, path, loaded.warning);
    return loaded;
}

QByteArray MixStore::serialize(const QString& songFolder, const std::vector<std::string>& stemNames,
                               const audio::MixSnapshot& mix) {
    QJsonObject stems;
    for (std::size_t i = 0; i < stemNames.size() && i < mix.stems.size(); ++i) {
        const audio::StemMix& s = mix.stems[i];
        stems.insert(QString::fromStdString(stemNames[i]),
                     QJsonObject{{QStringLiteral("gain_db"), gainToJson(s.gainDb)},
                                 {QStringLiteral("pan"), static_cast<double>(s.pan)},
                                 {QStringLiteral("muted"), s.muted},
                                 {QStringLiteral("solo"), s.solo}});
    }
    const QJsonObject root{{QStringLiteral("version"), kMixFormatVersion},
                           {QStringLiteral("folder"), canonicalFolder(songFolder)},
                           {QStringLiteral("master_gain_db"), gainToJson(mix.masterGainDb)},
                           {QStringLiteral("stems"), stems}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool MixStore::save(const QString& songFolder, const std::vector<std::string>& stemNames,
                    const audio::MixSnapshot& mix, QString* error) const {
    // Never a half-written mix after a crash or a full disk (tests/app/AtomicWriteTest).
    return writeFileAtomically(fileFor(songFolder), serialize(songFolder, stemNames, mix), error);
}

}  // namespace stemdeck::app
