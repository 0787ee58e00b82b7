#include "stemdeck/app/set/ProblemText.h"

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app::set {

QString ProblemText::message(const SetProblem& problem) {
    // In English the very words of SetCheck (and so of the CLI): "entry 2 (Gone): no song
    // folder at /x/Gone".
    const QString entry = tr("entry %1 (%2)")
                              .arg(static_cast<qulonglong>(problem.entry))
                              .arg(displayName(problem.entryPath));
    const QString folder = displayPath(QString::fromStdString(problem.folder));
    switch (problem.code) {
        case SetProblem::Code::NoSongFolder:
            return tr("%1: no song folder at %2").arg(entry, folder);
        case SetProblem::Code::NotASongFolder:
            return tr("%1: %2 is a file, not a song folder").arg(entry, folder);
        case SetProblem::Code::NoStems:
            return tr("%1: no stems the loader can take").arg(entry);
        case SetProblem::Code::Other:
            break;
    }
    return displayName(problem.message);
}

QString ProblemText::line(const SetProblem& problem) {
    return (problem.isError() ? tr("error: %1") : tr("warning: %1")).arg(message(problem));
}

}  // namespace stemdeck::app::set
