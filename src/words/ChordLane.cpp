#include "stemdeck/words/ChordLane.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "stemdeck/words/TextFile.h"

namespace stemdeck::words {

namespace {

using Json = nlohmann::json;

std::optional<double> seconds(const Json& value) {
    if (!value.is_number()) return std::nullopt;
    const double s = value.get<double>();
    if (!std::isfinite(s) || s < 0.0 || s > 24 * 3600.0) return std::nullopt;
    return s;
}

const Json* member(const Json& object, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const auto found = object.find(name); found != object.end()) return &*found;
    return nullptr;
}

std::optional<TimedChord> entry(const Json& item) {
    TimedChord chord;
    const Json* time = nullptr;
    const Json* end = nullptr;
    const Json* name = nullptr;
    if (item.is_array() && (item.size() == 2 || item.size() == 3)) {
        time = &item[0];
        end = item.size() == 3 ? &item[1] : nullptr;
        name = &item[item.size() - 1];
    } else if (item.is_object()) {
        time = member(item, {"time", "start", "t"});
        end = member(item, {"end"});
        name = member(item, {"chord", "name", "c", "label"});
    }
    if (!time || !name || !name->is_string()) return std::nullopt;
    const auto start = seconds(*time);
    if (!start) return std::nullopt;
    chord.time = *start;
    if (end) {
        const auto stop = seconds(*end);
        if (!stop || *stop < *start) return std::nullopt;
        chord.end = *stop;
    }
    chord.name = name->get<std::string>();
    if (chord.name == "N" || chord.name == "N.C." || chord.name.size() > 32) chord.name.clear();
    return chord;
}

}  // namespace

ChordLane ChordLane::fromMetaJson(std::string_view json) {
    ChordLane lane;
    const Json meta = Json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (meta.is_discarded() || !meta.is_object()) return lane;  // SongMetaFile says it
    if (const auto key = meta.find("key"); key != meta.end() && key->is_string())
        lane.key_ = key->get<std::string>();
    const auto chords = meta.find("chords");
    if (chords == meta.end()) return lane;
    if (!chords->is_array()) {
        lane.problems_.push_back("meta.json: \"chords\" is not a list; no timed chords");
        return lane;
    }
    std::size_t bad = 0;
    for (std::size_t i = 0; i < chords->size(); ++i) {
        if (auto chord = entry((*chords)[i])) {
            lane.chords_.push_back(std::move(*chord));
        } else if (++bad <= kMaxProblems) {
            lane.problems_.push_back("meta.json: chords entry " + std::to_string(i + 1) +
                                     " is not a time and a chord name (e.g. [12.5, \"Am\"]); "
                                     "skipped");
        }
    }
    if (bad > kMaxProblems)
        lane.problems_.push_back("meta.json: and " + std::to_string(bad - kMaxProblems) +
                                 " more chords entries skipped");
    std::stable_sort(lane.chords_.begin(), lane.chords_.end(),
                     [](const TimedChord& a, const TimedChord& b) { return a.time < b.time; });
    return lane;
}

ChordLane ChordLane::read(const std::filesystem::path& songFolder) {
    const std::filesystem::path file = songFolder / "meta.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return {};
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error || size > TextFile::kMaxFileBytes) return {};  // SongMetaFile says it
    std::ifstream in(file, std::ios::binary);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return fromMetaJson(json);
}

std::size_t ChordLane::count() const {
    return static_cast<std::size_t>(std::count_if(
        chords_.begin(), chords_.end(), [](const TimedChord& c) { return !c.name.empty(); }));
}

int ChordLane::chordAt(double songSeconds) const {
    const auto after =
        std::upper_bound(chords_.begin(), chords_.end(), songSeconds,
                         [](double t, const TimedChord& chord) { return t < chord.time; });
    const int index = static_cast<int>(after - chords_.begin()) - 1;
    if (index < 0) return -1;
    const auto& chord = chords_[static_cast<std::size_t>(index)];
    return chord.end >= 0.0 && songSeconds >= chord.end ? -1 : index;
}

}  // namespace stemdeck::words
