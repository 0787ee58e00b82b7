#pragma once

#include <QCoreApplication>
#include <QString>

#include "stemdeck/app/set/SetList.h"

namespace stemdeck::app::set {

// A set problem as the windows say it, in the user's language: the frequent ones by their
// code (SetProblem::Code) as translated sentences with their arguments, the others as the
// English line SetCheck and SetFile wrote (what the CLI prints, and stays). Made printable
// (displayName). Any thread (pure functions).
class ProblemText {
    Q_DECLARE_TR_FUNCTIONS(ProblemText)
  public:
    // "entry 2 (Gone): no song folder at /x/Gone" (in English as SetProblem::message).
    static QString message(const SetProblem& problem);
    // message() after "error: " or "warning: ", as SetProblem::line() has it.
    static QString line(const SetProblem& problem);
};

}  // namespace stemdeck::app::set
