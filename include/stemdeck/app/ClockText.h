#pragma once

#include <QLatin1Char>
#include <QString>
#include <QtGlobal>

namespace stemdeck::app {

// "3:07", or "1:02:45" from an hour on: how a set's and a song's lengths read, in the set
// panel and on the stage. Whole seconds (the caller rounds as its figure needs). Any thread.
inline QString clockText(qint64 wholeSeconds) {
    const qint64 total = wholeSeconds < 0 ? 0 : wholeSeconds;
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

}  // namespace stemdeck::app
