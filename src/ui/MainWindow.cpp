#include "stemdeck/ui/MainWindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalBlocker>
#include <QStatusBar>
#include <cmath>

#include "Feedback.h"
#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/RoutingStore.h"
#include "stemdeck/app/SampleRateFollower.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongGuideCues.h"
#include "stemdeck/app/SongLocator.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/ui/AboutDialog.h"
#include "stemdeck/ui/AnalysisWindowPart.h"
#include "stemdeck/ui/ExportDialog.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/Icons.h"
#include "stemdeck/ui/LoadMessages.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/RecentSongsMenu.h"
#include "stemdeck/ui/SetWindowPart.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StatusLine.h"
#include "stemdeck/ui/TransportKeys.h"
#include "stemdeck/ui/VampWindowPart.h"
#include "ui_MainWindow.h"

namespace stemdeck::ui {

namespace {

constexpr double kSeekStep = 5.0;
constexpr double kFineSeekStep = 1.0;
// Keys of the notice bar's notices.
const QString kSettingsNotice = QStringLiteral("settings");
const QString kSaveNotice = QStringLiteral("save");
const QString kOutputNotice = QStringLiteral("output");
// Marks the actions that have nothing to act on until a song is loaded.
const char* const kNeedsSong = "stemdeckNeedsSong";

}  // namespace

MainWindow::MainWindow(audio::Engine& engine, app::Settings& settings, app::MixStore& mixes,
                       QWidget* parent)
    : QMainWindow(parent),
      playback_(engine, &mixes),
      settings_(settings),
      markerStore_(QFileInfo(mixes.directory()).dir().filePath(QStringLiteral("markers"))),
      markers_(playback_, markerStore_),
      ui_(std::make_unique<Ui::MainWindow>()) {
    ui_->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/stemdeck/stemdeck.png")));
    ui_->splitter->setStretchFactor(0, 3);
    ui_->splitter->setStretchFactor(1, 2);

    statusLine_ = new StatusLine(playback_, this);
    statusBar()->addPermanentWidget(statusLine_);
    connect(statusLine_, &StatusLine::outputClicked, this, &MainWindow::showSettings);

    frameTick_ = new FrameTick(this);
    ui_->mixer->setPlayback(&playback_, frameTick_);
    ui_->latencyPanel->setPlayback(&playback_, frameTick_);
    ui_->rehearsalBar->setPlayback(&playback_);

    setUpActions();
    // Before restoreState(): the setlist dock takes its place from the saved layout.
    sets_ = new SetWindowPart(*this, playback_, settings_, markerStore_);
    connect(&markers_, &app::SongMarkers::changed, &sets_->guideCues(),
            &app::SongGuideCues::markersChanged);
    connectPlayback();
    // Space, Enter, the arrows ... reach the actions whatever has the focus (but a field
    // being typed into).
    new TransportKeys(this);
    setUpStage();
    setUpWords();
    sets_->attachStage(*stage_);
    new VampWindowPart(*this, playback_, markers_, settings_, *stage_);
    new AnalysisWindowPart(*this, playback_, *stage_, markers_);
    setUpControl(engine);

    if (!restoreGeometry(settings_.windowGeometry())) resize(1280, 800);
    restoreState(settings_.windowState());
    ui_->splitter->restoreState(settings_.splitterState());
    // What could not be read at start-up stays on show: the first song's "Loading…" would
    // replace a status-bar message at once.
    const QString problems = settings_.problems().join(QLatin1Char('\n'));
    ui_->noticeBar->setNotice(kSettingsNotice, problems);
    if (!problems.isEmpty()) statusBar()->showMessage(problems, kStatusMessageMs);
    playback_.setFollowSongRate(settings_.followSongRate());
    playback_.openOutput(settings_.outputConfig());
    setLatencyMonitor(settings_.latencyMonitorEnabled());
    restoreClick();
    // Only the user's own edits: a set entry's click plays for its song and is not a preference.
    connect(ui_->rehearsalBar, &RehearsalBar::clickEdited, this, &MainWindow::rememberClick);
    showOutputStatus();
    onStateChanged(playback_.state());
    // The window holds the keyboard at start, not the first field of the Tab order: a focused
    // number field would blink its cursor while paused and take the mouse wheel unclicked.
    setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() {
    tearDownControl();
    // The PlaybackManager outlives this body; nothing it reports may reach the widgets
    // being torn down.
    playback_.disconnect();
}

void MainWindow::setUpActions() {
    ui_->actionPlayPause->setIcon(icons::play());
    ui_->actionStop->setIcon(icons::stop());
    ui_->actionToStart->setIcon(icons::toStart());
    ui_->actionZoomIn->setIcon(icons::zoomIn());
    ui_->actionZoomOut->setIcon(icons::zoomOut());
    ui_->actionZoomFit->setIcon(icons::zoomFit());
    ui_->actionToStart->setShortcuts(
        {QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    ui_->actionZoomIn->setShortcuts(QKeySequence::ZoomIn);
    ui_->actionZoomOut->setShortcuts(QKeySequence::ZoomOut);
    ui_->actionAudioSettings->setShortcuts(QKeySequence::Preferences);
    setUpMarkerActions();
    ui_->transportBar->setTransportActions(ui_->actionToStart, ui_->actionPlayPause,
                                           ui_->actionStop);
    ui_->transportBar->setZoomActions(ui_->actionZoomOut, ui_->actionZoomFit, ui_->actionZoomIn);
    ui_->transportBar->setLoopAction(ui_->actionLoop);

    connect(ui_->actionOpen, &QAction::triggered, this, &MainWindow::chooseSong);
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
    new RecentSongsMenu(ui_->menuRecent, settings_,
                        [this](const QString& folder) { openSong(folder); });
    connect(ui_->actionPlayPause, &QAction::triggered, &playback_,
            &app::PlaybackManager::togglePlayPause);
    connect(ui_->actionStop, &QAction::triggered, &playback_, &app::PlaybackManager::stop);
    connect(ui_->actionToStart, &QAction::triggered, this, [this] { playback_.seek(0.0); });
    connect(ui_->actionBack, &QAction::triggered, this, [this] { playback_.seekBy(-kSeekStep); });
    connect(ui_->actionForward, &QAction::triggered, this, [this] { playback_.seekBy(kSeekStep); });
    connect(ui_->actionBackFine, &QAction::triggered, this,
            [this] { playback_.seekBy(-kFineSeekStep); });
    connect(ui_->actionForwardFine, &QAction::triggered, this,
            [this] { playback_.seekBy(kFineSeekStep); });
    connect(ui_->actionLoopStart, &QAction::triggered, &playback_,
            &app::PlaybackManager::setLoopStartHere);
    connect(ui_->actionLoopEnd, &QAction::triggered, &playback_,
            &app::PlaybackManager::setLoopEndHere);
    connect(ui_->actionLoop, &QAction::triggered, &playback_, &app::PlaybackManager::toggleLoop);
    connect(ui_->actionClearLoop, &QAction::triggered, &playback_,
            &app::PlaybackManager::clearLoop);
    connect(ui_->actionZoomIn, &QAction::triggered, ui_->timeline, &TimelineView::zoomIn);
    connect(ui_->actionZoomOut, &QAction::triggered, ui_->timeline, &TimelineView::zoomOut);
    connect(ui_->actionZoomFit, &QAction::triggered, ui_->timeline, &TimelineView::zoomToFit);
    connect(ui_->actionLatencyMonitor, &QAction::toggled, this, &MainWindow::setLatencyMonitor);
    connect(ui_->actionAudioSettings, &QAction::triggered, this, &MainWindow::showSettings);
    // File › Export mix…: a dialog of its own per request, so the window stays usable (and
    // keeps playing) while it renders.
    auto* exportMix = new QAction(tr("&Export Mix…"), this);
    exportMix->setObjectName(QStringLiteral("actionExportMix"));
    exportMix->setProperty(kNeedsSong, true);
    ui_->menuFile->insertAction(ui_->actionAudioSettings, exportMix);
    connect(exportMix, &QAction::triggered, this, [this] {
        auto* dialog = new ExportDialog(playback_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    // Remembered per-stem output routes follow every song and output change.
    new app::RoutingStore(settings_, playback_, this);
    new app::SampleRateFollower(settings_, playback_, this);
    connect(ui_->actionAbout, &QAction::triggered, this, [this] {
        auto* about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    // Edit: the mix's Undo and Redo (saying what they undo), and Reset Mix.
    ui_->menuEdit->insertActions(ui_->actionResetMix, ui_->mixer->undo().createActions(this));
    ui_->menuEdit->insertSeparator(ui_->actionResetMix);
    connect(ui_->actionResetMix, &QAction::triggered, ui_->mixer, &MixerPanel::resetMix);
    // Last: every action's tooltip names its keys, and Help lists them.
    shortcuts_ = new ShortcutGuide(this);
    connect(ui_->actionKeyboardShortcuts, &QAction::triggered, shortcuts_,
            &ShortcutGuide::showDialog);
    for (QAction* action :
         {ui_->actionPlayPause, ui_->actionStop, ui_->actionToStart, ui_->actionBack,
          ui_->actionForward, ui_->actionBackFine, ui_->actionForwardFine, ui_->actionLoopStart,
          ui_->actionLoopEnd, ui_->actionLoop, ui_->actionClearLoop, ui_->actionAddMarker,
          ui_->actionResetMix})
        action->setProperty(kNeedsSong, true);
}

void MainWindow::setUpMarkerActions() {
    for (int n = 1; n <= 9; ++n) {
        QAction* jump = ui_->menuMarkers->addAction(tr("Jump to Marker %1").arg(n));
        jump->setObjectName(QStringLiteral("actionJumpToMarker%1").arg(n));
        jump->setToolTip(tr("Jump to the song's marker %1").arg(n));
        jump->setShortcut(QKeySequence(Qt::Key_0 + n));
        jump->setProperty(kNeedsSong, true);
        connect(jump, &QAction::triggered, this, [this, n] { markers_.jumpTo(n - 1); });
    }
    connect(ui_->actionAddMarker, &QAction::triggered, this, [this] { markers_.addAtPlayhead(); });
    connect(ui_->actionJumpAtNextBar, &QAction::toggled, this,
            [this](bool on) { markers_.setJumpAtNextBar(on); });
    connect(&markers_, &app::SongMarkers::changed, this, &MainWindow::showMarkers);
    connect(&markers_, &app::SongMarkers::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(ui_->timeline, &TimelineView::markerClicked, &markers_, &app::SongMarkers::jumpTo);
    connect(ui_->timeline, &TimelineView::markerLoopRequested, &markers_,
            &app::SongMarkers::loopSection);
    connect(ui_->timeline, &TimelineView::markerRemoveRequested, &markers_,
            &app::SongMarkers::remove);
    connect(ui_->timeline, &TimelineView::markerRenameRequested, this, &MainWindow::renameMarker);
}

void MainWindow::showMarkers() {
    std::vector<TimelineView::Flag> flags;
    for (const app::SongMarker& m : markers_.markers()) flags.push_back({m.name, m.seconds});
    ui_->timeline->setMarkers(std::move(flags));
}

void MainWindow::renameMarker(int index) {
    if (index < 0 || index >= markers_.count()) return;
    // Window-modal but not blocking: playback and the window's timers carry on meanwhile.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameMarkerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Marker"));
    dialog->setLabelText(tr("Name (Verse, Chorus, Bridge…):"));
    dialog->setTextValue(markers_.markers()[static_cast<std::size_t>(index)].name);
    const QString before = dialog->textValue();
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, index, before](const QString& name) {
                // The markers may have changed meanwhile: rename only the one the dialog was for.
                if (index < markers_.count() &&
                    markers_.markers()[static_cast<std::size_t>(index)].name == before)
                    markers_.rename(index, name);
            });
    dialog->open();
}

void MainWindow::connectPlayback() {
    using app::PlaybackManager;
    connect(&playback_, &PlaybackManager::positionChanged, this, [this](double seconds) {
        // While playing the frame tick shows the position, so that the playhead, the time
        // and the meters are painted together, once a frame.
        if (!frameTick_->drives(this)) showPosition(seconds);
    });
    connect(&playback_, &PlaybackManager::durationChanged, ui_->transportBar,
            &TransportBar::showDuration);
    connect(&playback_, &PlaybackManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(&playback_, &PlaybackManager::finished, this,
            [this] { statusBar()->showMessage(tr("End of song"), kStatusMessageMs); });
    connect(&playback_, &PlaybackManager::errorOccurred, this, [this](const QString& message) {
        statusBar()->showMessage(message, kStatusMessageMs);
        showOutputStatus();
    });
    connect(&playback_, &PlaybackManager::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(&playback_, &PlaybackManager::loadStarted, this, [this](const QString& folder) {
        statusLine_->showLoading(true);
        statusBar()->showMessage(tr("Loading %1…").arg(app::displayPath(folder)));
    });
    connect(&playback_, &PlaybackManager::loadCancelled, this, [this] {
        statusLine_->showLoading(false);
        statusBar()->showMessage(tr("Loading cancelled"), kStatusMessageMs);
    });
    connect(&playback_, &PlaybackManager::loadFailed, this, &MainWindow::onLoadFailed);
    connect(&playback_, &PlaybackManager::loadFailed, this, &MainWindow::enableSongActions);
    connect(&playback_, &PlaybackManager::songLoaded, this, &MainWindow::onSongLoaded);
    // Progressive loading: the song plays while it decodes; the timeline shows what is decoded
    // (islands after a seek too) and the waveforms as they grow; the problems found late come
    // once it is whole.
    connect(&playback_, &PlaybackManager::decodedSpansChanged, ui_->timeline,
            &TimelineView::setDecodedSpans);
    connect(&playback_, &PlaybackManager::peaksChanged, this,
            [this] { ui_->timeline->setPeaks(playback_.peaks()); });
    connect(&playback_, &PlaybackManager::peaksGrew, this, [this](const app::TimeSpans& grown) {
        ui_->timeline->growPeaks(playback_.peaks(), grown);
    });
    connect(&playback_, &PlaybackManager::songDecoded, this, [this] {
        // Only news brings the banner back (the user may have closed it).
        const PlaybackManager::LateIssues& late = playback_.songIssues();
        if (!late.errors.empty() || !late.warnings.empty()) showSongIssues();
    });
    connect(&playback_, &PlaybackManager::outputChanged, this, &MainWindow::showOutputStatus);
    connect(&playback_, &PlaybackManager::latencyMonitorChanged, this, [this](bool on) {
        const QSignalBlocker block(ui_->actionLatencyMonitor);
        ui_->actionLatencyMonitor->setChecked(on);
        ui_->latencyDock->setVisible(on);
    });
    connect(ui_->mixer, &MixerPanel::mixChanged, this, &MainWindow::updateTimelineAudibility);
    connect(ui_->timeline, &TimelineView::seekRequested, &playback_, &PlaybackManager::seek);
    connect(&playback_, &PlaybackManager::loopChanged, this, &MainWindow::showLoop);
    connect(&playback_, &PlaybackManager::countInChanged, ui_->transportBar,
            &TransportBar::showCountIn);
    connect(ui_->timeline, &TimelineView::loopRequested, &playback_, &PlaybackManager::setLoop);
    connect(ui_->transportBar, &TransportBar::seekRequested, &playback_, &PlaybackManager::seek);
}

void MainWindow::openSong(const QString& folder) {
    playback_.openSong(folder);
}

SettingsDialog* MainWindow::showSettings() {
    if (!settingsDialog_) {
        settingsDialog_ = new SettingsDialog(settings_, playback_, this);
        settingsDialog_->setAttribute(Qt::WA_DeleteOnClose);
        lockRouting(settingsDialog_);
        addControlsPage(settingsDialog_);
    }
    settingsDialog_->show();
    settingsDialog_->raise();
    settingsDialog_->activateWindow();
    return settingsDialog_;
}

void MainWindow::chooseSong() {
    const QString start = playback_.songFolder().isEmpty()
                              ? QDir::homePath()
                              : QFileInfo(playback_.songFolder()).absolutePath();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Song Folder"), start);
    if (!folder.isEmpty()) openSong(folder);
}

void MainWindow::onSongLoaded(const QString& folder) {
    statusLine_->showLoading(false);
    const app::SongMeta meta = app::SongMeta::read(folder);
    QStringList details;
    if (!meta.artist.isEmpty()) details << meta.artist;
    if (!meta.details().isEmpty()) details << meta.details();
    ui_->transportBar->showSong(meta.title, details.join(QStringLiteral(" · ")));
    setWindowTitle(tr("%1 — stemdeck").arg(meta.title));

    ui_->mixer->rebuild();
    std::vector<TimelineView::Lane> lanes;
    for (const std::string& name : playback_.stemNames())
        lanes.push_back({app::displayName(name), stemColor(static_cast<int>(lanes.size()))});
    ui_->timeline->setSong(std::move(lanes), playback_.peaks(), playback_.duration());
    ui_->timeline->setDecodedSpans(playback_.decodedSpans());
    ui_->timeline->setPosition(playback_.position());
    updateTimelineAudibility();
    showLoop();  // a reload at a new rate keeps the loop; setSong cleared it from the view
    markers_.loadForCurrentSong();
    showSongIssues();

    settings_.addRecentSong(folder);
    settings_.setLastSong(folder);
    saveSettings();
    statusBar()->showMessage(
        tr("Loaded %1: %n stem(s)", nullptr, static_cast<int>(playback_.stemNames().size()))
            .arg(meta.title),
        kStatusMessageMs);
    onStateChanged(playback_.state());
}

void MainWindow::onLoadFailed(const QString& folder, const QString& message) {
    statusLine_->showLoading(false);
    // In the musician's words; the loader's own text behind "Show Details…".
    LoadMessages::Message said{
        tr("The song in %1 could not be opened.").arg(app::displayPath(folder)), message};
    if (playback_.lastLoadFailure().folder == folder)
        said = LoadMessages::songFailed(playback_.lastLoadFailure());
    statusBar()->showMessage(said.summary, kStatusMessageMs);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open song"), said.summary,
                                QMessageBox::Close, this);
    if (playback_.hasSong()) box->setInformativeText(tr("The current song stays loaded."));
    box->setDetailedText(said.details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showSongIssues() {
    QList<LoadMessages::Message> issues;
    if (const audio::Song* song = playback_.song()) {
        const app::SongMeta meta = app::SongMeta::read(playback_.songFolder());
        // Found before the song was handed over, and while it decoded afterwards.
        const app::PlaybackManager::LateIssues& late = playback_.songIssues();
        std::vector<audio::FileIssue> warnings = song->warnings;
        warnings.insert(warnings.end(), late.warnings.begin(), late.warnings.end());
        issues << LoadMessages::filesSkipped(meta.title, song->errors)
               << LoadMessages::stemsCutShort(meta.title, late.errors)
               << LoadMessages::stemsWarned(meta.title, warnings)
               << LoadMessages::metaIgnored(meta.problems);
    }
    issues << LoadMessages::mixIgnored(playback_.mixWarning())
           << LoadMessages::markersIgnored(markers_.warning());
    ui_->issueBanner->showMessages(issues);
}

void MainWindow::showOutputStatus() {
    statusLine_->showOutput();
    ui_->noticeBar->setNotice(kOutputNotice, playback_.outputProblem());
}

void MainWindow::onStateChanged(audio::PlayState state) {
    const bool playing = state == audio::PlayState::Playing;
    ui_->actionPlayPause->setText(playing ? tr("&Pause") : tr("&Play"));
    ui_->actionPlayPause->setIcon(playing ? icons::pause() : icons::play());
    ui_->timeline->setPlaying(playing);
    // A smooth playhead while playing.
    if (playing)
        frameTick_->start(this, [this] { showPosition(playback_.position()); });
    else
        frameTick_->stop(this);
    showPosition(playback_.position());
    enableSongActions();
}

void MainWindow::showPosition(double seconds) {
    ui_->transportBar->showPosition(seconds);
    ui_->timeline->setPosition(seconds);
}

void MainWindow::enableSongActions() {
    const bool song = playback_.hasSong();
    for (QAction* action : findChildren<QAction*>())
        if (action->property(kNeedsSong).toBool()) action->setEnabled(song);
}

void MainWindow::showLoop() {
    ui_->timeline->setLoop(playback_.loopStart(), playback_.loopEnd(), playback_.loopEnabled());
    const QSignalBlocker block(ui_->actionLoop);
    ui_->actionLoop->setChecked(playback_.loopEnabled());
}

void MainWindow::updateTimelineAudibility() {
    const audio::MixControls& mix = playback_.mixer().controls();
    const bool anySolo = mix.anySolo();
    std::vector<bool> audible(mix.stemCount());
    for (std::size_t i = 0; i < audible.size(); ++i) audible[i] = mix.audible(i, anySolo);
    ui_->timeline->setAudible(audible);
}

void MainWindow::setLatencyMonitor(bool on) {
    settings_.setLatencyMonitorEnabled(on);
    saveSettings();
    playback_.setLatencyMonitorEnabled(on);
}

void MainWindow::restoreClick() {
    audio::ClickSettings click = playback_.click();
    click.enabled = settings_.clickEnabled();
    click.levelDb = static_cast<float>(settings_.clickLevelDb());
    click.countInBars = settings_.countInBars();
    playback_.setClick(click);
}

void MainWindow::rememberClick() {
    const audio::ClickSettings click = playback_.click();
    const bool changed = click.enabled != settings_.clickEnabled() ||
                         std::lround(click.levelDb) != settings_.clickLevelDb() ||
                         click.countInBars != settings_.countInBars();
    if (!changed) return;  // a new song's tempo or meter: nothing of the user's to keep
    settings_.setClickEnabled(click.enabled);
    settings_.setClickLevelDb(static_cast<int>(std::lround(click.levelDb)));
    settings_.setCountInBars(click.countInBars);
    saveSettings();
}

void MainWindow::saveWindow() {
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    settings_.setSplitterState(ui_->splitter->saveState());
    if (!playback_.songFolder().isEmpty()) settings_.setLastSong(playback_.songFolder());
    saveSettings();
}

void MainWindow::saveSettings() {
    QString error;
    settings_.sync(&error);
    ui_->noticeBar->setNotice(kSaveNotice, error);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!sets_->confirmDiscard()) return event->ignore();
    saveWindow();
    playback_.saveMix();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!app::SongLocator::songFolderFromUrls(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString folder = app::SongLocator::songFolderFromUrls(event->mimeData()->urls());
    if (folder.isEmpty()) return;
    event->acceptProposedAction();
    openSong(folder);
}

}  // namespace stemdeck::ui
