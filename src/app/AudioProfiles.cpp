#include "stemdeck/app/AudioProfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app {

namespace {

constexpr int kFallbackFrames = 1024;

}  // namespace

const AudioProfiles& AudioProfiles::builtin() {
    static const AudioProfiles profiles = [] {
        QFile file(QStringLiteral(":/settings/profiles.json"));
        return file.open(QIODevice::ReadOnly) ? parse(file.readAll()) : AudioProfiles{};
    }();
    return profiles;
}

AudioProfiles AudioProfiles::parse(const QByteArray& json) {
    AudioProfiles out;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QString defaultId = root.value(QStringLiteral("default")).toString();
    int namedDefault = 0;
    for (const QJsonValue& value : root.value(QStringLiteral("profiles")).toArray()) {
        const QJsonObject o = value.toObject();
        AudioProfile p;
        p.id = o.value(QStringLiteral("id")).toString();
        p.name = displayLine(o.value(QStringLiteral("name")).toString(p.id));
        p.framesPerBuffer = o.value(QStringLiteral("frames_per_buffer")).toInt();
        p.description = displayLine(o.value(QStringLiteral("description")).toString(), 500);
        if (p.id.isEmpty() || p.framesPerBuffer < kMinFrames || p.framesPerBuffer > kMaxFrames ||
            out.profiles_.size() == kMaxProfiles) {
            ++out.skipped_;
            continue;
        }
        if (p.name.isEmpty()) p.name = displayLine(p.id);
        if (p.id == defaultId && namedDefault == 0) namedDefault = p.framesPerBuffer;
        out.profiles_.append(p);
    }
    // The default must be a profile the list offers, or no preset would show as chosen.
    if (namedDefault > 0)
        out.defaultFrames_ = namedDefault;
    else if (!out.profiles_.isEmpty() && !out.contains(kFallbackFrames))
        out.defaultFrames_ = out.profiles_.front().framesPerBuffer;
    return out;
}

AudioProfiles AudioProfiles::fromFile(const QString& file, QString* problem) {
    QFile in(file);
    if (!in.exists()) return builtin();
    const QString path = QDir::toNativeSeparators(file);
    const auto useBuiltin = [&](const QString& why) {
        if (problem)
            *problem = QStringLiteral(
                           "The audio profiles file %1 %2; the built-in block sizes are in use.")
                           .arg(path, why);
        return builtin();
    };
    if (!in.open(QIODevice::ReadOnly))
        return useBuiltin(QStringLiteral("could not be read (%1)").arg(in.errorString()));
    if (in.size() > kMaxFileBytes) return useBuiltin(QStringLiteral("is larger than 1 MB"));
    QJsonParseError error{};
    const QByteArray json = in.readAll();
    QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return useBuiltin(QStringLiteral("is not valid JSON (%1)").arg(error.errorString()));
    AudioProfiles profiles = parse(json);
    if (profiles.profiles().isEmpty())
        return useBuiltin(QStringLiteral("offers no usable profile"));
    if (profiles.skipped() > 0 && problem)
        *problem = QStringLiteral(
                       "%1 of the profiles in %2 could not be used (no id, a block size "
                       "outside %3–%4 frames, or more than %5 profiles) and were skipped.")
                       .arg(profiles.skipped())
                       .arg(path)
                       .arg(kMinFrames)
                       .arg(kMaxFrames)
                       .arg(kMaxProfiles);
    return profiles;
}

bool AudioProfiles::contains(int framesPerBuffer) const {
    return find(framesPerBuffer) != nullptr;
}

const AudioProfile* AudioProfiles::find(int framesPerBuffer) const {
    for (const AudioProfile& p : profiles_)
        if (p.framesPerBuffer == framesPerBuffer) return &p;
    return nullptr;
}

}  // namespace stemdeck::app
