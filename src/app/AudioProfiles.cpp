#include "stemdeck/app/AudioProfiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stemdeck::app {

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
    for (const QJsonValue& value : root.value(QStringLiteral("profiles")).toArray()) {
        const QJsonObject o = value.toObject();
        AudioProfile p;
        p.id = o.value(QStringLiteral("id")).toString();
        p.name = o.value(QStringLiteral("name")).toString(p.id);
        p.framesPerBuffer = o.value(QStringLiteral("frames_per_buffer")).toInt();
        p.description = o.value(QStringLiteral("description")).toString();
        if (p.id.isEmpty() || p.framesPerBuffer < kMinFrames || p.framesPerBuffer > kMaxFrames)
            continue;
        if (p.id == defaultId) out.defaultFrames_ = p.framesPerBuffer;
        out.profiles_.append(p);
    }
    return out;
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
