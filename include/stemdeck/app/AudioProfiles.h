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

// The block size presets. The list is data, not code: the built-in copy is compiled in as a
// Qt resource, and a profiles.json beside the settings file replaces it (a packager's or a
// user's own presets) without a rebuild.
class AudioProfiles {
  public:
    static constexpr int kMinFrames = 32;
    static constexpr int kMaxFrames = 8192;
    // Enough for any sensible list; a damaged file must not fill a menu with thousands.
    static constexpr int kMaxProfiles = 32;
    static constexpr qint64 kMaxFileBytes = 1 << 20;

    // The presets shipped with stemdeck (resource :/settings/profiles.json).
    static const AudioProfiles& builtin();
    // Parses a profiles document. Entries with a missing id or a block size outside
    // [kMinFrames, kMaxFrames], and any beyond kMaxProfiles, are skipped (skipped() counts
    // them); a document that is not JSON gives an empty list. Names and descriptions are
    // made one line.
    static AudioProfiles parse(const QByteArray& json);
    // The presets in `file`: the built-in ones when there is no such file, and also, with
    // `problem` saying why, when it cannot be read or offers no usable preset. A file with
    // some unusable entries is used, with `problem` saying how many were skipped.
    static AudioProfiles fromFile(const QString& file, QString* problem);

    const QList<AudioProfile>& profiles() const { return profiles_; }
    bool contains(int framesPerBuffer) const;
    // The profile with this block size, or nullptr.
    const AudioProfile* find(int framesPerBuffer) const;
    // The block size of the document's default profile. When it names none that is usable:
    // 1024 if the list has it, else the first profile's (1024 for an empty list). So the
    // default is always one of the profiles.
    int defaultFramesPerBuffer() const { return defaultFrames_; }
    int skipped() const { return skipped_; }

  private:
    QList<AudioProfile> profiles_;
    int defaultFrames_ = 1024;
    int skipped_ = 0;
};

}  // namespace stemdeck::app
