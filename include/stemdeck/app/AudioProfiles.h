#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace stemdeck::app {

// A named block size preset ("modern: 1024 frames"), as shipped in settings/profiles.json.
struct AudioProfile {
    QString id;
    QString name;
    int framesPerBuffer = 0;
    QString description;
};

// The block size presets. The list is data, not code, so a packager can change it without a
// rebuild of the logic; the built-in copy is compiled in as a Qt resource.
class AudioProfiles {
  public:
    // The presets shipped with stemdeck (resource :/settings/profiles.json).
    static const AudioProfiles& builtin();
    // Parses a profiles document. Entries with a missing id or a block size outside
    // [kMinFrames, kMaxFrames] are skipped; a document that is not JSON gives an empty list.
    static AudioProfiles parse(const QByteArray& json);

    static constexpr int kMinFrames = 32;
    static constexpr int kMaxFrames = 8192;

    const QList<AudioProfile>& profiles() const { return profiles_; }
    bool contains(int framesPerBuffer) const;
    // The profile with this block size, or nullptr.
    const AudioProfile* find(int framesPerBuffer) const;
    // The block size of the document's default profile (1024 when it names none we know).
    int defaultFramesPerBuffer() const { return defaultFrames_; }

  private:
    QList<AudioProfile> profiles_;
    int defaultFrames_ = 1024;
};

}  // namespace stemdeck::app
