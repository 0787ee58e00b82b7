#include "SongTiming.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace stemdeck::cli {

namespace {
// meta.json is a few lines; anything far bigger is not one.
constexpr std::uintmax_t kMaxFileBytes = 1 << 20;
}  // namespace

SongTiming readSongTiming(const std::filesystem::path& folder) {
    SongTiming timing;
    const std::filesystem::path file = folder / "meta.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return timing;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error || size > kMaxFileBytes) {
        timing.problem = "meta.json: too big to be song metadata; tempo and time signature ignored";
        return timing;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json meta = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (meta.is_discarded() || !meta.is_object()) {
        timing.problem = "meta.json: not a JSON object; tempo and time signature ignored";
        return timing;
    }
    std::string ignored;
    if (const auto tempo = meta.find("tempo"); tempo != meta.end()) {
        const double bpm = tempo->is_number() ? tempo->get<double>() : 0.0;
        if (bpm > 0.0 && bpm <= SongTiming::kMaxBpm)
            timing.bpm = bpm;
        else
            ignored = "tempo";
    }
    if (const auto meter = meta.find("time_signature"); meter != meta.end()) {
        audio::TimeSignature signature;
        char slash = 0;
        std::string rest;
        bool ok = false;
        if (meter->is_string()) {
            std::istringstream parse(meter->get<std::string>());
            ok = (parse >> signature.beatsPerBar >> slash >> signature.beatUnit) && slash == '/' &&
                 !(parse >> rest) && signature.valid();
        }
        if (ok)
            timing.signature = signature;
        else
            ignored += ignored.empty() ? "time_signature" : " and time_signature";
    }
    if (!ignored.empty())
        timing.problem = "meta.json: " + ignored +
                         (ignored.find(" and ") == std::string::npos ? " is" : " are") +
                         " not usable (e.g. \"tempo\": 120, \"time_signature\": \"4/4\"); " +
                         "ignored";
    return timing;
}

}  // namespace stemdeck::cli
