#include "stemdeck/ui/FaderTaper.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::ui {

namespace {

struct Mark {
    double position;
    double db;
};
// Position 0 itself is -inf; the first mark is where the scale starts above silence.
constexpr std::array<Mark, 8> kTaperMarks{{{0.00, -90.0},
                                           {0.05, -60.0},
                                           {0.15, -40.0},
                                           {0.25, -30.0},
                                           {0.40, -20.0},
                                           {0.60, -10.0},
                                           {FaderTaper::kUnityPosition, 0.0},
                                           {1.00, 6.0}}};

}  // namespace

float FaderTaper::dbAt(double position) {
    if (!(position > 0.0)) return -std::numeric_limits<float>::infinity();
    position = std::min(position, 1.0);
    for (std::size_t i = 1; i < kTaperMarks.size(); ++i) {
        const Mark& a = kTaperMarks[i - 1];
        const Mark& b = kTaperMarks[i];
        if (position <= b.position) {
            const double t = (position - a.position) / (b.position - a.position);
            return static_cast<float>(a.db + t * (b.db - a.db));
        }
    }
    return static_cast<float>(kTaperMarks.back().db);
}

double FaderTaper::positionOf(float db) {
    if (!(db > audio::MixControls::kSilenceDb)) return 0.0;
    const double d = std::min<double>(db, kTaperMarks.back().db);
    for (std::size_t i = 1; i < kTaperMarks.size(); ++i) {
        const Mark& a = kTaperMarks[i - 1];
        const Mark& b = kTaperMarks[i];
        if (d <= b.db) return a.position + (d - a.db) / (b.db - a.db) * (b.position - a.position);
    }
    return 1.0;
}

int FaderTaper::sliderValue(float db) {
    return static_cast<int>(std::lround(positionOf(db) * kSteps));
}

QString FaderTaper::text(float db) {
    if (!(db > audio::MixControls::kSilenceDb)) return QStringLiteral("-\u221e");
    const double rounded = std::round(db * 10.0) / 10.0;
    if (rounded == 0.0) return QStringLiteral("0.0");
    return (rounded > 0 ? QStringLiteral("+") : QString()) + QString::number(rounded, 'f', 1);
}

}  // namespace stemdeck::ui
