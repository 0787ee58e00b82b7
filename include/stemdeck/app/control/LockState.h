#pragma once

#include <QObject>

namespace stemdeck::app {

// Lock Mix as the app layer knows it: on, the control layer refuses Mix-scope actions (stem
// mute/solo/gain, master gain) so that a stray pedal or a phone cannot change the show's mix;
// transport keeps working. The window's Lock Mix follows it. Control thread only.
class LockState : public QObject {
    Q_OBJECT
  public:
    explicit LockState(QObject* parent = nullptr) : QObject(parent) {}

    bool locked() const { return locked_; }
    void setLocked(bool locked) {
        if (locked == locked_) return;
        locked_ = locked;
        emit lockedChanged(locked_);
    }

  signals:
    void lockedChanged(bool locked);

  private:
    bool locked_ = false;
};

}  // namespace stemdeck::app
