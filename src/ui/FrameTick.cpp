#include "stemdeck/ui/FrameTick.h"

namespace stemdeck::ui {

FrameTick::FrameTick(QObject* parent) : QObject(parent) {
    timer_.setInterval(kIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &FrameTick::ticked);
}

void FrameTick::start(QObject* client, std::function<void()> onTick) {
    if (!client || drives(client)) return;
    clients_.insert(
        client, {connect(this, &FrameTick::ticked, client, std::move(onTick)),
                 connect(client, &QObject::destroyed, this, [this, client] { forget(client); })});
    if (!timer_.isActive()) timer_.start();
}

void FrameTick::stop(QObject* client) {
    forget(client);
}

void FrameTick::forget(const QObject* client) {
    const auto it = clients_.find(client);
    if (it == clients_.end()) return;
    for (const QMetaObject::Connection& c : *it) disconnect(c);
    clients_.erase(it);
    if (clients_.isEmpty()) timer_.stop();
}

}  // namespace stemdeck::ui
