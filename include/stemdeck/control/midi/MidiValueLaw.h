#pragma once

namespace stemdeck::control::midi {

// 0..127 controller values ↔ an action's value parameter. Pure: any thread.
//
// Gains (stem.gain, master.gain: "db", −100..+6, −100 = −∞) follow a console fader's law,
// piecewise linear in dB: 0 → −100 (silence), 1 → −60 dB, 102 → 0 dB (80 % of the travel,
// where a fader's unity mark sits), 127 → +6 dB. Other parameters are linear over their range.
struct MidiValueLaw {
    static constexpr int kUnityValue = 102;
    static double gainDb(int value);
    static int valueOfGain(double db);
    static double linear(int value, double min, double max);
    static int valueOfLinear(double x, double min, double max);
};

}  // namespace stemdeck::control::midi
