#include "SetValues.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::app::set {

namespace {

namespace limits = audio::limits;

std::string numberText(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// A value as the file gives it, for a message: numbers and texts short, anything else by type.
std::string shown(const Json& value) {
    if (value.is_number()) return numberText(value.get<double>());
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (text.size() > 40) text = text.substr(0, 40) + "...";
        return "'" + text + "'";
    }
    return std::string(value.type_name());
}

// A number a file may write as 4 or 4.0: written back as an integer when it is one, so a
// file stemdeck wrote reads and writes to the same bytes.
Json jsonNumber(double value) {
    if (std::trunc(value) == value && std::abs(value) < 1e15)
        return static_cast<std::int64_t>(value);
    return value;
}

// Reads the known keys of one entry (or of the set); what cannot be used goes to `bad` ("gap_s -2
// is negative") and its value stays in extra.
class EntryReader {
  public:
    EntryReader(const Json& object, Json& extra) : object_(object), extra_(extra) {}

    // The number at `key` within [min, max] (`exclusiveMin`: above min), or none (absent or
    // said in problems).
    std::optional<double> number(const char* key, double min, double max, const std::string& unit,
                                 bool exclusiveMin = false) {
        const Json* value = find(key);
        if (!value) return std::nullopt;
        if (!value->is_number()) return reject(key, *value, "is not a number");
        const double x = value->get<double>();
        if (!std::isfinite(x)) return reject(key, *value, "is not a number");
        const std::string range = "(" + numberText(min) + ".." + numberText(max) + unit + ")";
        if (min == 0.0 && x < 0.0) return reject(key, *value, "is negative " + range);
        if (exclusiveMin && !(x > min))
            return reject(key, *value, "must be above " + numberText(min) + " " + range);
        if (!(x >= min) || !(x <= max)) return reject(key, *value, "is out of range " + range);
        take(key);
        return x;
    }
    std::optional<std::string> text(const char* key) {
        const Json* value = find(key);
        if (!value) return std::nullopt;
        if (!value->is_string()) return reject(key, *value, "is not a text");
        take(key);
        return value->get<std::string>();
    }
    std::optional<bool> flag(const char* key) {
        const Json* value = find(key);
        if (!value) return std::nullopt;
        if (!value->is_boolean()) return reject(key, *value, "is not true or false");
        take(key);
        return value->get<bool>();
    }
    // The problem with a value a caller found out of place itself.
    std::nullopt_t reject(const char* key, const Json& value, const std::string& why) {
        bad_.push_back(std::string(key) + " " + shown(value) + " " + why);
        return std::nullopt;
    }
    void take(const char* key) { extra_.erase(key); }
    const Json* find(const char* key) const {
        const auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }
    const std::vector<std::string>& bad() const { return bad_; }

  private:
    const Json& object_;
    Json& extra_;
    std::vector<std::string> bad_;
};

}  // namespace

SetEntry readEntry(const Json& value, std::size_t index, std::vector<SetProblem>& problems) {
    SetEntry entry;
    if (!value.is_object()) {
        entry.unreadable = value;
        problems.push_back(
            {SetProblem::Kind::Error, index + 1,
             entryLabel(index, entry) + ": not an object {\"path\": ...} but " + shown(value)});
        return entry;
    }
    entry.extra = value;  // known keys are taken out as they are read
    EntryReader read(value, entry.extra);
    const auto path = read.text("path");
    if (path && !path->empty()) entry.path = *path;

    if (const Json* name = read.find("transition")) {
        const auto transition =
            name->is_string() ? transitionFromName(name->get<std::string>()) : std::nullopt;
        if (transition) {
            entry.transition = *transition;
            read.take("transition");
        } else {
            read.reject("transition", *name, "is unknown (stop, gap, segue or crossfade)");
        }
    }
    entry.gapSeconds = read.number("gap_s", 0.0, kMaxGapSeconds, " s").value_or(entry.gapSeconds);
    entry.crossfadeSeconds = read.number("crossfade_s", 0.0, kMaxCrossfadeSeconds, " s", true)
                                 .value_or(entry.crossfadeSeconds);
    entry.tempo =
        read.number("tempo", limits::kMinTempoRatio, limits::kMaxTempoRatio, "").value_or(1.0);
    entry.pitchSemitones =
        read.number("pitch", -limits::kMaxPitchSemitones, limits::kMaxPitchSemitones, " semitones")
            .value_or(0.0);
    entry.cents =
        read.number("cents", -limits::kMaxFineCents, limits::kMaxFineCents, " cents").value_or(0.0);
    if (std::abs(entry.pitchCents()) > limits::kMaxPitchCents && read.find("cents")) {
        read.reject(
            "cents", *read.find("cents"),
            "takes the pitch past " + std::to_string(limits::kMaxPitchSemitones) + " semitones");
        entry.extra["cents"] = *read.find("cents");
        entry.cents = 0.0;
    }
    entry.click = read.flag("click").value_or(false);
    if (const auto bars = read.number("count_in", 0, limits::kMaxCountInBars, " bars")) {
        if (std::trunc(*bars) == *bars) {
            entry.countInBars = static_cast<int>(*bars);
        } else {
            read.reject("count_in", *read.find("count_in"), "is not a whole number of bars");
            entry.extra["count_in"] = *read.find("count_in");
        }
    }
    entry.startMarker = read.text("start_marker").value_or("");

    const std::string label = entryLabel(index, entry);
    if (entry.path.empty())
        problems.push_back({SetProblem::Kind::Error, index + 1,
                            label + ": no \"path\" (the song's folder, relative to the set file)"});
    for (const std::string& why : read.bad())
        problems.push_back({SetProblem::Kind::Error, index + 1, label + ": " + why});
    return entry;
}

Json writeEntry(const SetEntry& entry) {
    if (!entry.unreadable.is_null()) return entry.unreadable;
    Json out = Json::object();
    const auto put = [&](const char* key, Json value) {
        if (!entry.extra.contains(key)) out[key] = std::move(value);
    };
    put("path", entry.path);
    put("transition", std::string(transitionName(entry.transition)));
    if (entry.transition == Transition::Gap || entry.gapSeconds != kDefaultGapSeconds)
        put("gap_s", jsonNumber(entry.gapSeconds));
    if (entry.transition == Transition::Crossfade ||
        entry.crossfadeSeconds != kDefaultCrossfadeSeconds)
        put("crossfade_s", jsonNumber(entry.crossfadeSeconds));
    if (entry.tempo != 1.0) put("tempo", jsonNumber(entry.tempo));
    if (entry.pitchSemitones != 0.0) put("pitch", jsonNumber(entry.pitchSemitones));
    if (entry.cents != 0.0) put("cents", jsonNumber(entry.cents));
    if (entry.click) put("click", true);
    if (entry.countInBars != 0) put("count_in", entry.countInBars);
    if (!entry.startMarker.empty()) put("start_marker", entry.startMarker);
    for (auto it = entry.extra.begin(); it != entry.extra.end(); ++it) out[it.key()] = *it;
    return out;
}

void readSetKeys(const Json& root, SetList& set, std::vector<SetProblem>& problems) {
    EntryReader read(root, set.extra);
    set.guideCues = read.flag("guide_cues").value_or(false);
    set.guideCueLevelDb = read.number("guide_cue_level_db", kMinGuideCueLevelDb, 0.0, " dB")
                              .value_or(kDefaultGuideCueLevelDb);
    for (const std::string& why : read.bad())
        problems.push_back({SetProblem::Kind::Error, 0, "the set's " + why});
}

void writeSetKeys(const SetList& set, Json& root) {
    const auto put = [&](const char* key, Json value) {
        if (!set.extra.contains(key)) root[key] = std::move(value);
    };
    if (set.guideCues) put("guide_cues", true);
    if (set.guideCueLevelDb != kDefaultGuideCueLevelDb)
        put("guide_cue_level_db", jsonNumber(set.guideCueLevelDb));
}

}  // namespace stemdeck::app::set
