#include "stemdeck/ui/MeterBallistics.h"

#include <algorithm>
#include <cmath>

namespace stemdeck::ui {

float MeterBallistics::toDb(float linear) {
    return linear > 0.0f ? std::max(kFloorDb, 20.0f * std::log10(linear)) : kFloorDb;
}

void MeterBallistics::update(float peak, double seconds) {
    const auto dt = static_cast<float>(std::max(0.0, seconds));
    const float db = toDb(peak);
    level_ = std::max(db, std::max(kFloorDb, level_ - kFallDbPerSecond * dt));
    if (db >= hold_) {
        hold_ = db;
        holdAge_ = 0.0f;
    } else {
        holdAge_ += dt;
        if (holdAge_ > kHoldSeconds) hold_ = std::max(level_, hold_ - kHoldFallDbPerSecond * dt);
    }
    clipAge_ = peak >= 1.0f ? 0.0f : clipAge_ + dt;
}

void MeterBallistics::reset() {
    *this = MeterBallistics{};
}

}  // namespace stemdeck::ui
