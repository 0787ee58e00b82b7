// stemdeck: the desktop app. Opens SONG (a song folder, or a file in one), else the last
// song, else the bundled demo song.
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <optional>

#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/EnglishPlurals.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongLocator.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/ui/Language.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/StageView.h"
#include "stemdeck/ui/Theme.h"

using namespace stemdeck;

namespace {

constexpr int kScreenshotPlayMs = 2500;

// The mix the screenshot shows, as a band might set it for a rehearsal: the click muted (it
// belongs in the in-ears, not the room), the bass a little down, the keys a little left.
void stageScreenshotMix(const app::MixStore& mixes, const QString& song) {
    std::vector<audio::FileIssue> errors, ignored;
    std::vector<std::string> names;
    try {
        for (const auto& probe : audio::StemLoader::scan(song.toStdString(), errors, ignored))
            names.push_back(probe.name);
    } catch (const audio::LoadError&) {
        return;  // the load itself will report it
    }
    audio::MixSnapshot mix;
    for (const std::string& name : names) {
        audio::StemMix stem;
        stem.muted = name == "click";
        stem.gainDb = name == "bass" ? -3.0f : 0.0f;
        stem.pan = name == "keys" ? -0.3f : 0.0f;
        mix.stems.push_back(stem);
    }
    mixes.save(song, names, mix);
}

// Plays from a third into the song for a moment (so meters and playhead show), saves a
// picture of the window and quits: 0 when the song played and the picture was saved, 1 when
// the picture could not be written, 2 when the song could not be opened (the picture of the
// window saying so is still saved).
void takeScreenshot(QApplication& app, ui::MainWindow& window, const QString& file) {
    app::PlaybackManager& playback = window.playback();
    const auto grab = [&app, &window, file](int status) {
        const bool saved = window.grab().save(file);
        if (!saved) qCritical("stemdeck: cannot write %s", qPrintable(file));
        QTimer::singleShot(0, &app, [&app, status, saved] { app.exit(saved ? status : 1); });
    };
    QObject::connect(&playback, &app::PlaybackManager::songLoaded, &window, [&playback, grab] {
        playback.seek(playback.duration() / 3.0);
        playback.play();
        QTimer::singleShot(kScreenshotPlayMs, &playback, [grab] { grab(0); });
    });
    QObject::connect(&playback, &app::PlaybackManager::loadFailed, &window, [grab] { grab(2); });
}

// The stage view of the screenshot, as a band might have marked the song's sections (shown,
// not stored: the song folder is left as it is).
void stageScreenshotSections(ui::MainWindow& window) {
    app::PlaybackManager& playback = window.playback();
    QObject::connect(&playback, &app::PlaybackManager::songLoaded, &window, [&window, &playback] {
        const double d = playback.duration();
        window.stageView()->setMarkers({{QStringLiteral("Intro"), 0.0},
                                        {QStringLiteral("Verse 1"), d * 0.2},
                                        {QStringLiteral("Chorus"), d * 0.45},
                                        {QStringLiteral("Bridge"), d * 0.7}});
    });
}

// --play-for: plays the song once it has loaded, for `seconds`, then pauses and leaves the
// window open, saying each step on stderr, so a script can time a playing and a paused window
// from outside (scripts/measure-idle-cpu.sh).
void playThenPause(ui::MainWindow& window, double seconds) {
    app::PlaybackManager& playback = window.playback();
    QObject::connect(
        &playback, &app::PlaybackManager::songLoaded, &window,
        [&playback, seconds] {
            playback.play();
            qInfo("stemdeck: playing");
            QTimer::singleShot(static_cast<int>(seconds * 1000.0), &playback, [&playback] {
                playback.pause();
                qInfo("stemdeck: paused");
            });
        },
        Qt::SingleShotConnection);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // No organisation name: settings and mixes go to ~/.config/stemdeck, ~/.local/share/stemdeck.
    app::setApplicationIdentity();
    QApplication::setApplicationVersion(QStringLiteral(STEMDECK_VERSION));
    // The desktop entry's id (resources/io.github.stemdeck.stemdeck.desktop): Wayland shells
    // match the window to the entry, and so its name and icon, by it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.stemdeck.stemdeck"));
    ui::applyTheme(app);
    app::EnglishPlurals plurals;  // "1 stem", "2 stems"
    QApplication::installTranslator(&plurals);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Multitrack stem player"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("song"),
                                 QStringLiteral("Song folder, or a file in it, to open."),
                                 QStringLiteral("[SONG]"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QStringLiteral("Keep settings in FILE (INI) instead of the default place."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Open the song with a sample mix (click muted), play a few seconds, "
                       "save a picture of the window to FILE (PNG) and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QStringLiteral("With --screenshot: the window's size (default 1280x800)."),
        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption playForOption(
        QStringLiteral("play-for"),
        QStringLiteral("Play the song as soon as it is loaded, for SECONDS, then pause and "
                       "stay open (for measuring; says \"stemdeck: playing\" and \"stemdeck: "
                       "paused\" on stderr)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption stageOption(
        QStringLiteral("stage"),
        QStringLiteral("Start in the stage view (View › Stage, F11); with --screenshot, "
                       "picture it at --size."));
    parser.addOption(settingsOption);
    parser.addOption(stageOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.addOption(playForOption);
    parser.process(app);

    app::Settings settings(parser.isSet(settingsOption) ? parser.value(settingsOption)
                                                        : app::Settings::defaultPath());
    // Installed after the plurals: the last translator installed is asked first.
    QTranslator translation;
    ui::installTranslation(translation, ui::translationLanguage(settings.language()));
    const bool screenshot = parser.isSet(screenshotOption);
    // A screenshot must neither read nor change the user's stored mixes.
    std::optional<QTemporaryDir> scratch;
    if (screenshot) scratch.emplace();
    app::MixStore mixes(scratch ? scratch->path() : QString());

    // The engine outlives the window and everything in it that plays through it.
    audio::Engine engine;
    ui::MainWindow window(engine, settings, mixes);
    QSize shotSize(1280, 800);
    if (screenshot) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        const int width = size.value(0).toInt(), height = size.value(1).toInt();
        if (width > 0 && height > 0) shotSize = QSize(width, height);
        window.resize(shotSize);
    }
    window.show();
    if (parser.isSet(stageOption)) {
        window.findChild<QAction*>(QStringLiteral("actionStageView"))->setChecked(true);
        // The picture is at the size asked for, not at the (offscreen) screen's.
        if (screenshot) {
            window.setWindowState(Qt::WindowNoState);
            window.resize(shotSize);
        }
    }

    QString song;
    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty()) {
        song = app::SongLocator::songFolderForArgument(args.front());
    } else if (!screenshot && QFileInfo(settings.lastSong()).isDir()) {
        song = settings.lastSong();
    } else {
        song = app::SongLocator::demoSong(QApplication::applicationDirPath(),
                                          QStringLiteral(STEMDECK_SOURCE_DEMO));
    }
    if (screenshot) {
        stageScreenshotMix(mixes, song);
        if (parser.isSet(stageOption)) stageScreenshotSections(window);
        takeScreenshot(app, window, parser.value(screenshotOption));
    } else if (parser.isSet(playForOption)) {
        bool ok = false;
        const double seconds = parser.value(playForOption).toDouble(&ok);
        if (ok && seconds > 0 && seconds < 86400)
            playThenPause(window, seconds);
        else
            qWarning(
                "stemdeck: --play-for wants a number of seconds (0 to 86400), not '%s'; "
                "ignored",
                qPrintable(parser.value(playForOption)));
    }
    if (!song.isEmpty()) window.openSong(song);
    return QApplication::exec();
}
