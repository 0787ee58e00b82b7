// libFuzzer target: the command-line parser (CLI11 and the value checks on top of it). The input is
// split at NUL bytes into arguments. parseCommandLine must either throw CliError (a usage error) or
// return options that keep their documented ranges; anything else (another exception, a crash,
// undefined behaviour) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "CliOptions.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

namespace {

using stemdeck::cli::CliOptions;
namespace limits = stemdeck::audio::limits;

void check(bool condition) {
    if (!condition) std::abort();
}

void checkRanges(const CliOptions& o) {
    check(o.block >= limits::kMinBlockFrames && o.block <= limits::kMaxBlockFrames);
    check(o.rate == 0 || limits::sampleRateInRange(o.rate));
    check(!o.seconds || *o.seconds > 0.0);
    check(o.from >= 0.0);
    for (const auto& gain : o.mix.gainsDb)
        check(gain.value <= limits::kMaxGainDb && !gain.stem.empty());
    for (const auto& pan : o.mix.pans) check(pan.value >= -1.0f && pan.value <= 1.0f);
    check(!o.mix.masterDb || *o.mix.masterDb <= limits::kMaxGainDb);
    check(o.loops == 1 || o.loop);
    check(o.loops >= 1 && o.loops <= limits::kMaxLoopPasses);
    check(o.tempo >= limits::kMinTempoRatio && o.tempo <= limits::kMaxTempoRatio);
    check(std::abs(o.pitchCents) <= limits::kMaxPitchCents);
    check(o.countInBars >= 0 && o.countInBars <= limits::kMaxCountInBars);
    check(!o.bpm || limits::bpmInRange(*o.bpm));
    check(!o.meter || stemdeck::audio::TimeSignature{o.meter->first, o.meter->second}.valid());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            if (args.size() == 32) break;
            args.emplace_back();
        } else {
            args.back() += static_cast<char>(data[i]);
        }
    }
    if (size == 0) args.clear();
    try {
        checkRanges(stemdeck::cli::parseCommandLine(args));
    } catch (const stemdeck::cli::CliError& e) {
        check(std::string(e.what()).find('\n') == std::string::npos);  // one line
    }
    return 0;
}
