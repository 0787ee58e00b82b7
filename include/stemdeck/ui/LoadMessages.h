#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

#include "stemdeck/app/SongLoader.h"
#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::ui {

// What the window says about a song that could not be opened, or about files of a song that
// were left out: a sentence written for a musician ("None of the files in “Song” could be
// played. 1 file is damaged or not audio.") and, behind a Details button, the technical lines
// the loader wrote ("x.wav: cannot read: Format not recognised; skipped"). The one place that
// turns LoadError kinds and per-file issues into words. Every name and line it quotes is made
// printable (app::displayName). Any thread (pure functions).
class LoadMessages {
    Q_DECLARE_TR_FUNCTIONS(LoadMessages)
  public:
    struct Message {
        QString summary;  // for the musician; one or two sentences
        QString details;  // the technical detail, one line per problem
    };

    // Why a file did not become a stem (the loader says which kind), in the musician's terms:
    // "is damaged or not audio", "could not be opened (no permission to read it)" …
    using FileProblem = audio::FileProblem;
    static QString describe(FileProblem problem, int files);

    // A song that could not be opened at all (`failure` as SongLoader reported it).
    static Message songFailed(const app::SongLoader::Result& failure);
    // Files of the song `title` that were skipped while the rest loaded.
    static Message filesSkipped(const QString& title, const std::vector<audio::FileIssue>& issues);
    // Stems of the song `title` that loaded, but not as their files say (samples limited, a
    // length other than the header's, cut while loading): Song::warnings.
    static Message stemsWarned(const QString& title, const std::vector<audio::FileIssue>& issues);
    // Stems of the song `title` that failed part way while the song already played
    // (progressive loading: PlaybackManager::songIssues().errors): what was decoded plays, the
    // rest is silence.
    static Message stemsCutShort(const QString& title, const std::vector<audio::FileIssue>& issues);
    // A stored mix or markers file that was partly or wholly ignored (their loaders' warnings).
    static Message mixIgnored(const QString& warning);
    static Message markersIgnored(const QString& warning);
    // Values of the song's meta.json that could not be used (app::SongMeta::problems).
    static Message metaIgnored(const QStringList& problems);

  private:
    // "2 are damaged or not audio, 1 could not be opened (no permission to read it)".
    static QString problemCounts(const std::vector<audio::FileIssue>& issues);
    static QString details(const std::vector<audio::FileIssue>& issues);
};

}  // namespace stemdeck::ui
