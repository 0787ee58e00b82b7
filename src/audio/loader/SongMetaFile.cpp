#include "stemdeck/audio/loader/SongMetaFile.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::audio {

namespace {

std::string text(const nlohmann::json& meta, const char* key) {
    const auto value = meta.find(key);
    return value != meta.end() && value->is_string() ? value->get<std::string>() : std::string();
}

std::string bpmText(double bpm) {
    std::ostringstream out;
    out << bpm;
    return out.str();
}

}  // namespace

SongMetaFile SongMetaFile::read(const std::filesystem::path& folder) {
    const std::filesystem::path file = folder / "meta.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return {};
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error || size > kMaxFileBytes) {
        SongMetaFile meta;
        meta.problems.push_back(
            "meta.json: too big to be song metadata; tempo and time signature ignored");
        return meta;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(json);
}

SongMetaFile SongMetaFile::parse(std::string_view json) {
    SongMetaFile meta;
    const nlohmann::json o = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (o.is_discarded() || !o.is_object()) {
        meta.problems.push_back("meta.json: not a JSON object; tempo and time signature ignored");
        return meta;
    }
    meta.title = text(o, "title");
    meta.artist = text(o, "artist");
    meta.key = text(o, "key");
    meta.timeSignatureText = text(o, "time_signature");

    std::string unusable;  // the keys whose values are not what they should be at all
    if (const auto tempo = o.find("tempo"); tempo != o.end()) {
        if (!tempo->is_number()) {
            unusable = "tempo";
        } else if (const double bpm = tempo->get<double>(); limits::bpmInRange(bpm)) {
            meta.bpm = bpm;
        } else {
            // A tempo of 1000 (or 1e999, which reads as infinity) is damage, not a tempo.
            meta.problems.push_back("meta.json: tempo " + bpmText(bpm) + " is outside " +
                                    bpmText(limits::kMinBpm) + " to " + bpmText(limits::kMaxBpm) +
                                    " BPM; ignored");
        }
    }
    if (o.contains("time_signature")) {
        meta.signature = TimeSignature::parse(meta.timeSignatureText);
        if (!meta.signature)
            unusable += unusable.empty() ? "time_signature" : " and time_signature";
    }
    if (const auto first = o.find("first_downbeat"); first != o.end()) {
        // A number within 0..kMaxFirstDownbeat (false for NaN); anything else is not a grid.
        const double seconds = first->is_number() ? first->get<double>() : -1.0;
        if (seconds >= 0.0 && seconds <= kMaxFirstDownbeat)
            meta.firstDownbeat = seconds;
        else
            meta.problems.push_back(
                "meta.json: first_downbeat is not usable (seconds, e.g. \"first_downbeat\": "
                "0.52); the grid starts at 0");
    }
    if (!unusable.empty())
        meta.problems.push_back("meta.json: " + unusable +
                                (unusable.find(" and ") == std::string::npos ? " is" : " are") +
                                " not usable (e.g. \"tempo\": 120, \"time_signature\": \"4/4\"); "
                                "ignored");
    return meta;
}

}  // namespace stemdeck::audio
