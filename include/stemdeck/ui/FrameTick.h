#pragma once

#include <QHash>
#include <QMetaObject>
#include <QObject>
#include <QTimer>
#include <functional>

namespace stemdeck::ui {

// The window's one display clock: about 30 times a second it calls whoever needs it (the
// playhead and the time while playing, the meters until they have fallen to rest, the latency
// panel while shown and its figures move), and while nobody does its timer is stopped, so a
// window at rest does no work. GUI thread only.
class FrameTick : public QObject {
    Q_OBJECT
  public:
    static constexpr int kIntervalMs = 33;

    explicit FrameTick(QObject* parent = nullptr);

    // Calls `onTick` on every tick until stop(client) or the client's destruction. Starting
    // a client that is already driven does nothing.
    void start(QObject* client, std::function<void()> onTick);
    void stop(QObject* client);
    bool drives(const QObject* client) const { return clients_.contains(client); }
    bool running() const { return timer_.isActive(); }

  signals:
    void ticked();

  private:
    void forget(const QObject* client);

    QTimer timer_;
    // Per client: its tick and the watch on its destruction.
    QHash<const QObject*, QList<QMetaObject::Connection>> clients_;
};

}  // namespace stemdeck::ui
