#pragma once

// Generated music for the analysis tests: click tracks at a known tempo and chord
// progressions in a known key, written as real song folders through libsndfile.

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

#include "AudioFiles.h"

namespace stemdeck::test {

// A click every beat from `first` seconds: 30 ms decaying tone bursts, 1500 Hz on the
// downbeat of each 4/4 bar, 1000 Hz on the others. `times` receives each click's time.
inline std::vector<float> clickTrack(double bpm, double seconds, int rate, double first = 0.25,
                                     std::vector<double>* times = nullptr) {
    const auto frames = static_cast<std::size_t>(seconds * rate);
    std::vector<float> out(frames, 0.0f);
    const double period = 60.0 / bpm;
    for (int beat = 0;; ++beat) {
        const double t = first + beat * period;
        const auto start = static_cast<std::size_t>(std::lround(t * rate));
        if (start >= frames) break;
        if (times) times->push_back(static_cast<double>(start) / rate);
        const double hz = beat % 4 == 0 ? 1500.0 : 1000.0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(0.03 * rate) && start + i < frames;
             ++i) {
            const double s = static_cast<double>(i) / rate;
            out[start + i] += static_cast<float>(0.6 * std::sin(2.0 * std::numbers::pi * hz * s) *
                                                 std::exp(-s / 0.008));
        }
    }
    return out;
}

// Triads with four harmonics each, two seconds per chord: I IV V I in a major key, i iv V i
// in a minor one (the harmonic minor's major dominant), `root` semitones above C.
inline std::vector<float> chordProgression(int root, bool minor, double seconds, int rate) {
    const int degrees[4] = {0, 5, 7, 0};
    const auto frames = static_cast<std::size_t>(seconds * rate);
    std::vector<float> out(frames, 0.0f);
    for (std::size_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / rate;
        const int degree = degrees[static_cast<int>(t / 2.0) % 4];
        const int bass = 48 + root + degree;  // MIDI note, around C3
        const bool minorChord = minor && degree != 7;
        const int notes[3] = {bass, bass + (minorChord ? 3 : 4), bass + 7};
        double v = 0.0;
        for (const int note : notes) {
            const double hz = 440.0 * std::pow(2.0, (note - 69) / 12.0);
            for (int h = 1; h <= 4; ++h)
                v += 0.08 / h * std::sin(2.0 * std::numbers::pi * hz * h * t);
        }
        out[i] = static_cast<float>(v);
    }
    return out;
}

// A song folder of a "click" stem at `bpm` and a "keys" stem playing the I IV V I of C major.
inline std::filesystem::path writeAnalysisSong(const std::filesystem::path& dir,
                                               const std::string& name, double bpm,
                                               double seconds = 20.0, int rate = 48000) {
    const std::filesystem::path folder = dir / name;
    std::filesystem::create_directories(folder);
    writeAudioFile(folder / "click.wav", {clickTrack(bpm, seconds, rate)}, rate);
    writeAudioFile(folder / "keys.wav", {chordProgression(0, false, seconds, rate)}, rate);
    return folder;
}

}  // namespace stemdeck::test
