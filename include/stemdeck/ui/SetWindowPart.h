#pragma once

#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;

namespace stemdeck::app {
class MarkerStore;
class PlaybackManager;
class Settings;
class SongGuideCues;
namespace set {
class PlaybackSetPort;
class SetListModel;
class SetPlayer;
class SetSession;
}  // namespace set
}  // namespace stemdeck::app

namespace stemdeck::ui {

class SetlistPanel;
class SetUndo;
class StageView;

// Everything of the main window that is about sets, kept out of MainWindow: the setlist dock,
// File › New Set / Open Set… / Save Set / Save Set As…, sets in Open Recent, Playback › Next
// Song / Previous Song, and the question about an unsaved set (on New, Open and close). The
// window only makes it and asks confirmDiscard() when it closes. GUI thread only.
class SetWindowPart : public QObject {
    Q_OBJECT
  public:
    // How an unsaved set is dealt with before it is replaced or the window closes.
    enum class Unsaved { Save, Discard, Cancel };
    using AskUnsaved = std::function<Unsaved(const QString& setName)>;
    using ChooseFile = std::function<QString()>;

    // `window` owns the part; its menus (menuFile, menuRecent, menuPlayback, menuView) get
    // the set's actions.
    SetWindowPart(QMainWindow& window, app::PlaybackManager& playback, app::Settings& settings,
                  const app::MarkerStore& markers);
    ~SetWindowPart() override;

    app::set::SetSession& session() { return *session_; }
    app::set::SetListModel& model() { return *model_; }
    app::set::SetPlayer& player() { return *player_; }
    SetlistPanel* panel() const { return panel_; }
    SetUndo& undo() { return *undo_; }
    // The set's spoken cues, live (their switch and level are in the panel).
    app::SongGuideCues& guideCues() { return *guideCues_; }
    QDockWidget* dock() const { return dock_; }

    // Opens a set file (asking first about an unsaved set); false when it was not opened.
    bool openSet(const QString& file);
    // Save Set (Save Set As… for a set without a file); false when not saved.
    bool saveSet();
    bool saveSetAs();
    void newSet();
    // True when the set may go: saved, unchanged, or the user said to discard it.
    bool confirmDiscard();
    // The stage view shows the set (next song, time left in the set) and its previous/next
    // song buttons step through it.
    void attachStage(StageView& stage);

    // Tests replace the dialogs (the defaults are a question box and file dialogs).
    void setAskUnsaved(AskUnsaved ask) { askUnsaved_ = std::move(ask); }
    void setChooseOpenFile(ChooseFile choose) { chooseOpen_ = std::move(choose); }
    void setChooseSaveFile(ChooseFile choose) { chooseSave_ = std::move(choose); }

  private:
    void setUpActions();
    void addSongs();
    void showTimes();
    void enableActions();
    void showTitle();
    void say(const QString& message);
    void rememberSet(const QString& file);

    QMainWindow& window_;
    app::PlaybackManager& playback_;
    app::Settings& settings_;
    const app::MarkerStore& markers_;
    app::set::SetSession* session_;
    app::set::SetListModel* model_;
    app::set::PlaybackSetPort* port_;
    app::set::SetPlayer* player_;
    SetUndo* undo_;
    QDockWidget* dock_ = nullptr;
    SetlistPanel* panel_ = nullptr;
    app::SongGuideCues* guideCues_ = nullptr;
    StageView* stage_ = nullptr;
    bool stageInSet_ = false;  // the stage shows this part's set context
    QAction* newSet_ = nullptr;
    QAction* openSet_ = nullptr;
    QAction* saveSet_ = nullptr;
    QAction* saveSetAs_ = nullptr;
    QAction* previous_ = nullptr;
    QAction* next_ = nullptr;
    AskUnsaved askUnsaved_;
    ChooseFile chooseOpen_;
    ChooseFile chooseSave_;
};

}  // namespace stemdeck::ui
