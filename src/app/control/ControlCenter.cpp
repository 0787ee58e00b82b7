#include "stemdeck/app/control/ControlCenter.h"

#include <QThread>
#include <algorithm>
#include <utility>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/control/ActionCatalog.h"

namespace stemdeck::app {

ControlCenter::ControlCenter(const AppParts& parts, QObject* parent)
    : ControlCenter(parts, control::actionCatalog(), parent) {}

ControlCenter::ControlCenter(const AppParts& parts, std::vector<control::ActionSpec> specs,
                             QObject* parent)
    : QObject(parent), parts_(parts), collector_(parts), appActions_(parts) {
    for (control::ActionSpec& spec : specs) registry_.add(std::move(spec));
    appActions_.bind(registry_);
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, &ControlCenter::refresh);
    connectParts();
    state_ = collector_.sample();
    followPlayState();
}

void ControlCenter::setStageShown(std::function<bool()> shown) {
    collector_.setStageShown(std::move(shown));
    refresh();
}

void ControlCenter::connectParts() {
    PlaybackManager& playback = parts_.playback;
    connect(&playback, &PlaybackManager::stateChanged, this, [this] {
        followPlayState();
        refresh();
    });
    // What changes while nothing ticks (paused, or between ticks) is sampled when it is said.
    for (auto signal : {&PlaybackManager::loopChanged, &PlaybackManager::tempoPitchChanged,
                        &PlaybackManager::clickChanged})
        connect(&playback, signal, this, &ControlCenter::refresh);
    connect(&playback, &PlaybackManager::songLoaded, this, &ControlCenter::refresh);
    connect(&playback, &PlaybackManager::durationChanged, this, &ControlCenter::refresh);
    connect(&playback, &PlaybackManager::countInChanged, this, &ControlCenter::refresh);
    if (parts_.markers)
        connect(parts_.markers, &SongMarkers::changed, this, &ControlCenter::refresh);
    if (parts_.vamp) connect(parts_.vamp, &SectionVamp::vampChanged, this, &ControlCenter::refresh);
    if (parts_.lock) connect(parts_.lock, &LockState::lockedChanged, this, &ControlCenter::refresh);
    if (parts_.session) {
        connect(parts_.session, &set::SetSession::currentChanged, this, &ControlCenter::refresh);
        connect(parts_.session, &set::SetSession::changed, this, &ControlCenter::refresh);
        connect(parts_.session, &set::SetSession::reset, this, &ControlCenter::refresh);
    }
}

void ControlCenter::assertControlThread() const {
    Q_ASSERT_X(QThread::currentThread() == thread(), "ControlCenter",
               "called off the control thread");
}

void ControlCenter::followPlayState() {
    // Only a playing song moves by itself; paused, the window's idle rule holds (no timer).
    if (parts_.playback.state() == audio::PlayState::Playing) {
        if (!tick_.isActive()) tick_.start();
    } else {
        tick_.stop();
    }
}

control::ActionResult ControlCenter::invoke(const control::ActionCall& call) {
    assertControlThread();
    control::ValidCall valid;
    control::ActionResult result = registry_.validate(call, &valid);
    if (!result.ok()) return result;
    if (valid.spec->scope == control::ActionSpec::Scope::Mix && parts_.lock &&
        parts_.lock->locked())
        return control::ActionResult::failure(control::ActionResult::Code::Locked,
                                              "the mix is locked (unlock it to change it)");
    result = registry_.invoke(call);
    refresh();
    return result;
}

void ControlCenter::addListener(control::StateListener* listener) {
    assertControlThread();
    if (listener && std::find(listeners_.begin(), listeners_.end(), listener) == listeners_.end())
        listeners_.push_back(listener);
}

void ControlCenter::removeListener(control::StateListener* listener) {
    assertControlThread();
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

void ControlCenter::refresh() {
    assertControlThread();
    control::ControlState next = collector_.sample();
    if (next == state_) return;
    const control::ControlState before = std::exchange(state_, std::move(next));
    // A copy: a listener may remove itself or another (a door closing) while being told.
    const std::vector<control::StateListener*> listeners = listeners_;
    for (control::StateListener* listener : listeners)
        if (std::find(listeners_.begin(), listeners_.end(), listener) != listeners_.end())
            listener->stateChanged(before, state_);
}

}  // namespace stemdeck::app
