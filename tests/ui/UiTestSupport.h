#pragma once

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QString>
#include <QTest>
#include <filesystem>
#include <functional>
#include <string>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::test {

// A press, one move with the button held, and a release: a drag as the user makes it.
inline void drag(QWidget* widget, QPoint from, QPoint to, Qt::KeyboardModifiers mods = {}) {
    QTest::mousePress(widget, Qt::LeftButton, mods, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), widget->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, mods);
    QApplication::sendEvent(widget, &move);
    QTest::mouseRelease(widget, Qt::LeftButton, mods, to);
}

// A song folder of `stems` sine stems, `seconds` long, at 48 kHz (the test server's rate).
inline std::filesystem::path writeUiSong(const TempDir& dir, const std::string& name,
                                         double seconds, int stems = 3) {
    constexpr int kRate = 48000;
    const auto folder = dir / name;
    std::filesystem::create_directories(folder);
    const auto frames = static_cast<std::int64_t>(seconds * kRate);
    for (int i = 0; i < stems; ++i)
        writeAudioFile(folder / ("stem" + std::to_string(i) + ".wav"),
                       {sine(110.0 * (i + 1), 0.3, kRate, frames)}, kRate);
    return folder;
}

// Waits for a song the manager is loading (or about to load) to arrive.
inline bool waitForSong(app::PlaybackManager& playback, const std::function<void()>& start) {
    QSignalSpy loaded(&playback, &app::PlaybackManager::songLoaded);
    start();
    return loaded.count() > 0 || loaded.wait(10000);
}

}  // namespace stemdeck::test
