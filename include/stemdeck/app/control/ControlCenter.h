#pragma once

#include <QObject>
#include <QTimer>
#include <vector>

#include "stemdeck/app/control/AppActions.h"
#include "stemdeck/app/control/AppParts.h"
#include "stemdeck/app/control/StateCollector.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/ControlPort.h"

namespace stemdeck::app {

// The control layer's one ControlPort: every door's call runs here. invoke() validates the
// call against its spec, refuses Mix-scope actions while the LockState is on, runs the
// handler (AppActions) and samples the state again; listeners hear of every sample that
// differs from the one before. While the playback plays a 10 Hz timer samples the moving
// position; paused or stopped nothing ticks (an idle window costs nothing), and the app's
// own signals (a song loaded, the loop, tempo, click, set, lock, vamp) sample instead.
// Control thread only (the GUI thread, or serve's main thread); debug builds assert it.
class ControlCenter : public QObject, public control::ControlPort {
    Q_OBJECT
  public:
    static constexpr int kTickMs = 100;

    // Every action of control::actionCatalog(), run on `parts`.
    explicit ControlCenter(const AppParts& parts, QObject* parent = nullptr);
    // Only `specs` (tests, a door offering fewer); AppActions binds the handlers it knows.
    ControlCenter(const AppParts& parts, std::vector<control::ActionSpec> specs,
                  QObject* parent = nullptr);

    control::ActionResult invoke(const control::ActionCall& call) override;
    const control::ControlState& state() const override { return state_; }
    const std::vector<control::ActionSpec>& actions() const override { return registry_.specs(); }

    // For a window to give `stage` (or another UI-only action) its handler.
    control::ActionRegistry& registry() { return registry_; }
    // Where the state's `stage` comes from (the window's stage view); samples at once. The
    // owner calls refresh() when it changes.
    void setStageShown(std::function<bool()> shown);

    // Listeners are called on this thread, in the order added; a listener must be removed
    // before it is destroyed. Adding one twice has no effect.
    void addListener(control::StateListener* listener);
    void removeListener(control::StateListener* listener);

    // Samples the state now and tells the listeners if it changed.
    void refresh();
    bool ticking() const { return tick_.isActive(); }

  private:
    void assertControlThread() const;
    void followPlayState();
    void connectParts();

    AppParts parts_;
    StateCollector collector_;
    control::ActionRegistry registry_;
    AppActions appActions_;
    control::ControlState state_;
    std::vector<control::StateListener*> listeners_;
    QTimer tick_;
};

}  // namespace stemdeck::app
