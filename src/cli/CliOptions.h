#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "stemdeck/audio/OfflineRenderer.h"

namespace stemdeck::cli {

// A usage error: the message is one line, without the program name.
class CliError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Command { Help, Version, Info, Render, Play, Bench };

struct StemValue {
    std::string stem;
    float value = 0.0f;
    bool operator==(const StemValue&) const = default;
};

// The mix given on the render command line, by stem name; checked against the song later.
// Applied on top of `source` when there is one.
struct MixOptions {
    std::string source;  // --mix: "saved" (the app's mix for the song) or a mix file; "": none
    std::vector<StemValue> gainsDb;
    std::vector<StemValue> pans;
    std::vector<std::string> mutes;
    std::vector<std::string> solos;
    std::optional<float> masterDb;  // none: 0 dB, or the master of `source`
};

struct CliOptions {
    static constexpr int kDefaultBlock = 256;
    static constexpr int kMinBlock = 16;
    static constexpr int kMaxBlock = 8192;
    static constexpr double kDefaultBenchSeconds = 10.0;

    Command command = Command::Help;
    std::filesystem::path song;
    std::filesystem::path output;                                         // render
    MixOptions mix;                                                       // render
    audio::RenderSampleFormat format = audio::RenderSampleFormat::Pcm24;  // render
    int rate = 0;  // 0: the song's own rate (render) or the device's (play)
    int block = kDefaultBlock;
    std::optional<double> seconds;  // play: stop after; bench: seconds of audio to mix
    double from = 0.0;              // play: start position in seconds
    std::string device;             // play: empty for the system default
    bool monitor = false;           // play: print latency statistics at the end

    // Rehearsal (render and play).
    std::optional<std::pair<double, double>> loop;  // --loop A-B, seconds
    int loops = 1;                                  // render: passes of the loop
    double tempo = 1.0;                             // --tempo 0.5..1.5
    double pitchCents = 0.0;                        // --pitch semitones (+ --cents)
    bool click = false;                             // --click: the metronome
    int countInBars = 0;                            // --count-in BARS
    std::optional<double> bpm;                      // --bpm: else meta.json's tempo, else 120
    std::optional<std::pair<int, int>> meter;       // --meter 3/4: else meta.json's, else 4/4
    float clickLevelDb = -6.0f;                     // --click-level DB
};

// Parses the arguments after the program name. Pure: throws CliError for anything it cannot
// accept, including options that do not belong to the command.
CliOptions parseCommandLine(const std::vector<std::string>& args);

std::string usageText();

}  // namespace stemdeck::cli
