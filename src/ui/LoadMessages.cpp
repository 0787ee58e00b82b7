#include "stemdeck/ui/LoadMessages.h"

#include <QDir>
#include <map>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/SongMeta.h"

namespace stemdeck::ui {

namespace {

using Kind = audio::LoadError::Kind;

QString quoted(const QString& name) {
    return QStringLiteral("\u201c%1\u201d").arg(app::displayName(name));
}

QString fileName(const audio::FileIssue& issue) {
    return app::displayName(issue.file.filename().string());
}

QString fileNames(const std::vector<audio::FileIssue>& issues) {
    QStringList names;
    for (const audio::FileIssue& issue : issues) names << fileName(issue);
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

}  // namespace

QString LoadMessages::describe(FileProblem problem, int files) {
    const bool one = files == 1;
    switch (problem) {
        case FileProblem::NotAudio:
            return one ? tr("is damaged or not audio") : tr("are damaged or not audio");
        case FileProblem::Empty:
            return one ? tr("holds no audio") : tr("hold no audio");
        case FileProblem::Unreadable:
            return one ? tr("could not be opened (no permission to read it)")
                       : tr("could not be opened (no permission to read them)");
        case FileProblem::TooBig:
            return tr("did not fit in the memory that is free");
        case FileProblem::UnsupportedRate:
            return one ? tr("uses a sample rate stemdeck cannot play")
                       : tr("use a sample rate stemdeck cannot play");
        case FileProblem::Other:
            break;
    }
    return tr("could not be played");
}

QString LoadMessages::problemCounts(const std::vector<audio::FileIssue>& issues) {
    std::map<FileProblem, int> counts;
    for (const audio::FileIssue& issue : issues) ++counts[issue.problem];
    QStringList parts;
    for (const auto& [problem, n] : counts)
        parts << tr("%n file(s) %1", nullptr, n).arg(describe(problem, n));
    return parts.join(QStringLiteral(", "));
}

QString LoadMessages::details(const std::vector<audio::FileIssue>& issues) {
    QStringList lines;
    for (const audio::FileIssue& issue : issues) lines << app::displayName(issue.message);
    return lines.join(QLatin1Char('\n'));
}

LoadMessages::Message LoadMessages::songFailed(const app::SongLoader::Result& failure) {
    const QString folder = QDir::toNativeSeparators(failure.folder);  // quoted() shows it safely
    const QString song = quoted(app::SongMeta::read(failure.folder).title);
    Message m{QString(), app::displayName(failure.error)};
    switch (failure.errorKind.value_or(Kind::Io)) {
        case Kind::FolderMissing:
            m.summary = tr("The song folder %1 is not there (moved, renamed or on a drive that "
                           "is not connected?).")
                            .arg(quoted(folder));
            break;
        case Kind::NotAFolder:
            m.summary = tr("%1 is a file, not a song: a song is a folder of audio files, one "
                           "per stem.")
                            .arg(quoted(folder));
            break;
        case Kind::NoStems:
            if (!failure.fileErrors.empty()) {
                m.summary = tr("None of the files in %1 could be played. %2.")
                                .arg(song, problemCounts(failure.fileErrors));
                m.details = details(failure.fileErrors);
            } else if (!failure.ignored.empty()) {
                m.summary = tr("%1 has no audio files; %n other file(s) (documents, pictures …) "
                               "were left out.",
                               nullptr, static_cast<int>(failure.ignored.size()))
                                .arg(song);
                m.details =
                    app::displayName(failure.error) + QLatin1Char('\n') + details(failure.ignored);
            } else {
                m.summary = tr("%1 has no audio files.").arg(song);
            }
            break;
        case Kind::OutOfMemory:
            m.summary = tr("%1 needs more memory than is free right now. Close other programs, "
                           "or use fewer or shorter stems.")
                            .arg(song);
            break;
        case Kind::Io:
        case Kind::Cancelled:
            m.summary = failure.errorKind
                            ? tr("The song folder %1 could not be read.").arg(quoted(folder))
                            : tr("%1 could not be opened.").arg(song);
            break;
    }
    return m;
}

LoadMessages::Message LoadMessages::filesSkipped(const QString& title,
                                                 const std::vector<audio::FileIssue>& issues) {
    if (issues.empty()) return {};
    Message m{QString(), details(issues)};
    if (issues.size() == 1) {
        m.summary = tr("%1 was left out of %2: it %3.")
                        .arg(quoted(fileName(issues.front())), quoted(title),
                             describe(issues.front().problem, 1));
        return m;
    }
    m.summary =
        tr("%n file(s) of %1 were left out (%2): %3.", nullptr, static_cast<int>(issues.size()))
            .arg(quoted(title), fileNames(issues), problemCounts(issues));
    return m;
}

LoadMessages::Message LoadMessages::stemsWarned(const QString& title,
                                                const std::vector<audio::FileIssue>& issues) {
    if (issues.empty()) return {};
    // The loader's own line is already plain ("vbr.mp3: length 10.03 s, not the 1.32 s its
    // header says; loaded in full"): one stem says it; several are named, the lines in Details.
    const QString summary =
        issues.size() == 1 ? app::displayName(issues.front().message)
                           : tr("Some stems of %1 play, but not quite as their files say (%2).")
                                 .arg(quoted(title), fileNames(issues));
    return {summary, details(issues)};
}

LoadMessages::Message LoadMessages::stemsCutShort(const QString& title,
                                                  const std::vector<audio::FileIssue>& issues) {
    if (issues.empty()) return {};
    Message m{QString(), details(issues)};
    if (issues.size() == 1) {
        m.summary = tr("%1 of %2 could not be read to its end (it %3): it plays as far as it "
                       "was read, then is silent.")
                        .arg(quoted(fileName(issues.front())), quoted(title),
                             describe(issues.front().problem, 1));
        return m;
    }
    m.summary = tr("%n stem(s) of %1 could not be read to their end (%2): they play as far as "
                   "they were read, then are silent.",
                   nullptr, static_cast<int>(issues.size()))
                    .arg(quoted(title), fileNames(issues));
    return m;
}

LoadMessages::Message LoadMessages::mixIgnored(const QString& warning) {
    if (warning.isEmpty()) return {};
    // MixStore says "Part of the saved mix … was ignored" when the rest of it was used.
    const bool partly = warning.startsWith(QLatin1String("Part of"));
    return {partly ? tr("Part of the mix saved for this song could not be used; those settings "
                        "are back at their defaults.")
                   : tr("The mix saved for this song could not be used; it is back at its "
                        "defaults."),
            warning};
}

LoadMessages::Message LoadMessages::markersIgnored(const QString& warning) {
    if (warning.isEmpty()) return {};
    // MarkerStore says "were partly ignored" when some of the markers were read.
    return {warning.contains(QLatin1String("partly ignored"))
                ? tr("Some of the markers saved for this song could not be read; the others are "
                     "shown.")
                : tr("The markers saved for this song could not be read; new markers can be "
                     "added as usual."),
            warning};
}

LoadMessages::Message LoadMessages::metaIgnored(const QStringList& problems) {
    if (problems.isEmpty()) return {};
    return {tr("Part of the song's meta.json could not be used; the click uses its own tempo "
               "or time signature instead."),
            problems.join(QLatin1Char('\n'))};
}

}  // namespace stemdeck::ui
