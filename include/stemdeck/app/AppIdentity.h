#pragma once

#include <QCoreApplication>
#include <QString>

namespace stemdeck::app {

// The name every stemdeck program gives Qt (and no organisation name). It decides where the
// settings and the per-song data live (~/.config/stemdeck, ~/.local/share/stemdeck), so the
// app and stemdeck-cli find the same saved mixes. Main thread, before any location is read.
inline void setApplicationIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("stemdeck"));
}

}  // namespace stemdeck::app
