#include "stemdeck/control/midi/MidiValueLaw.h"

#include <algorithm>
#include <cmath>

namespace stemdeck::control::midi {

namespace {
constexpr double kSilenceDb = -100.0;
constexpr double kBottomDb = -60.0;
constexpr double kTopDb = 6.0;
}  // namespace

double MidiValueLaw::gainDb(int value) {
    value = std::clamp(value, 0, 127);
    if (value == 0) return kSilenceDb;
    if (value >= kUnityValue) return (value - kUnityValue) * kTopDb / (127 - kUnityValue);
    return kBottomDb + (value - 1) * (0.0 - kBottomDb) / (kUnityValue - 1);
}

int MidiValueLaw::valueOfGain(double db) {
    if (!(db > kSilenceDb)) return 0;  // NaN and silence
    if (db <= kBottomDb) return 1;
    if (db >= 0.0)
        return std::min(
            127, kUnityValue + static_cast<int>(std::lround(db * (127 - kUnityValue) / kTopDb)));
    return 1 + static_cast<int>(std::lround((db - kBottomDb) * (kUnityValue - 1) / -kBottomDb));
}

double MidiValueLaw::linear(int value, double min, double max) {
    return min + (max - min) * std::clamp(value, 0, 127) / 127.0;
}

int MidiValueLaw::valueOfLinear(double x, double min, double max) {
    if (!(max > min) || std::isnan(x)) return 0;
    return static_cast<int>(std::lround(std::clamp((x - min) / (max - min), 0.0, 1.0) * 127.0));
}

}  // namespace stemdeck::control::midi
