#pragma once

#include <gtest/gtest.h>

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTest>
#include <functional>
#include <optional>

#include "UiTestSupport.h"
#include "WidgetParts.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/MixerPanel.h"

namespace stemdeck::test {

// A main window on a real engine (owned here, as main() owns the app's), with its settings
// and mixes in a temporary folder.
struct WindowRig {
    TempDir dir;
    QString ini = qpath(dir / "stemdeck.ini");
    std::optional<app::Settings> settings;
    app::MixStore mixes{qpath(dir / "mixes")};
    std::optional<audio::Engine> playingEngine;
    std::optional<ui::MainWindow> window;

    // `prepare` runs on the settings before the window is made from them.
    explicit WindowRig(const std::function<void(app::Settings&)>& prepare = {}) {
        settings.emplace(ini);
        if (prepare) prepare(*settings);
        open();
    }
    // Closes the window and starts again from the files on disk, as the app's next start
    // would; `prepare` as for the constructor.
    void restart(const std::function<void(app::Settings&)>& prepare = {}) {
        window.reset();
        playingEngine.reset();
        settings.reset();
        settings.emplace(ini);
        if (prepare) prepare(*settings);
        open();
    }
    void open() {
        playingEngine.emplace();
        window.emplace(*playingEngine, *settings, mixes);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&*window));
        QApplication::setActiveWindow(&*window);
    }
    app::PlaybackManager& playback() { return window->playback(); }
    audio::Engine& engine() { return *playingEngine; }
    ui::MixerPanel* mixer() { return window->findChild<ui::MixerPanel*>(); }
    QString statusMessage() { return window->statusBar()->currentMessage(); }
    template <typename T>
    T* in(QWidget* parent, const char* name) {
        return test::part<T>(parent, name);
    }
    template <typename T>
    T* part(const char* name) {
        return in<T>(&*window, name);
    }

    bool load(const std::filesystem::path& folder) {
        return waitForSong(playback(), [&] { window->openSong(qpath(folder)); });
    }
    // Drops `what` (a folder or a file) on the window as a file manager would. False when the
    // window refuses it at the door.
    bool drop(const std::filesystem::path& what) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(qpath(what))});
        const QPoint at(200, 200);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&*window, &enter);
        if (!enter.isAccepted()) return false;
        QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&*window, &dropEvent);
        return true;
    }
    // The newest "Could not open song" box on show, or null.
    QMessageBox* errorBox() {
        QMessageBox* newest = nullptr;
        for (QMessageBox* box : window->findChildren<QMessageBox*>())
            if (box->isVisible()) newest = box;
        return newest;
    }
    // Dismisses open message boxes as the user would, and gives the window the focus back.
    void closeBoxes() {
        for (QMessageBox* box : window->findChildren<QMessageBox*>()) box->close();
        focusWindow();
    }
    // Makes the main window the active one again once dialogs are closed. Activation requests
    // of dialogs still in the queue are handled first: they would take the keyboard later.
    void focusWindow() {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QApplication::processEvents();
        QApplication::setActiveWindow(&*window);
    }
};

}  // namespace stemdeck::test
