#pragma once

#include <QObject>
#include <QPointer>
#include <QVector>

class QAction;
class QActionGroup;
class QWidget;

namespace stemdeck::ui {

// View › Lock Mix: while locked, nothing the user does with the mouse, the wheel or the keys
// reaches the mix controls it guards (the mixer's faders, pans, mutes and solos, the master,
// the routing table), and the mix's actions (undo, redo, reset) are disabled. Everything else
// (transport, markers, the stage view) works as before. One filter on the application serves
// every guarded widget, also the ones made later inside a guarded area (the strips of the next
// song); scroll bars inside a guarded area still scroll. Not remembered between sessions: a
// lock that came back by itself after a restart would look like a broken mixer.
// GUI thread only.
class MixLock : public QObject {
    Q_OBJECT
  public:
    explicit MixLock(QObject* parent = nullptr);
    ~MixLock() override;

    bool locked() const { return locked_; }
    void setLocked(bool locked);

    // Input to `area` and everything inside it is dropped while locked.
    void guard(QWidget* area);
    // `action` is disabled while locked; whoever enables or disables it meanwhile (a song
    // that loads, the undo stack) is heeded once the lock is off.
    void guard(QAction* action);
    // The widget is a guarded area or lies inside one.
    bool guards(const QWidget* widget) const;

  signals:
    void lockedChanged(bool locked);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    bool locked_ = false;
    QVector<QPointer<QWidget>> areas_;
    // Disabling the group disables its actions while keeping what they were last told
    // (QAction::setEnabled), and gives it back when enabled again.
    QActionGroup* actions_;
};

}  // namespace stemdeck::ui
