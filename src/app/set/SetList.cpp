#include "stemdeck/app/set/SetList.h"

#include <algorithm>
#include <array>
#include <utility>

namespace stemdeck::app::set {

namespace {

constexpr std::array<std::pair<Transition, std::string_view>, 4> kNames = {{
    {Transition::Stop, "stop"},
    {Transition::Gap, "gap"},
    {Transition::Segue, "segue"},
    {Transition::Crossfade, "crossfade"},
}};

}  // namespace

std::string_view transitionName(Transition transition) {
    for (const auto& [value, name] : kNames)
        if (value == transition) return name;
    return "stop";
}

std::optional<Transition> transitionFromName(std::string_view name) {
    for (const auto& [value, text] : kNames)
        if (text == name) return value;
    return std::nullopt;
}

std::filesystem::path SetEntry::resolve(const std::filesystem::path& setFolder) const {
    const std::filesystem::path given(path);
    return (given.is_absolute() ? given : setFolder / given).lexically_normal();
}

bool SetEntry::playsLike(const SetEntry& other) const {
    return transition == other.transition && gapSeconds == other.gapSeconds &&
           crossfadeSeconds == other.crossfadeSeconds && tempo == other.tempo &&
           pitchCents() == other.pitchCents() && click == other.click &&
           countInBars == other.countInBars && startMarker == other.startMarker;
}

std::string SetProblem::line() const {
    return (isError() ? "error: " : "warning: ") + message;
}

std::string entryLabel(std::size_t index, const SetEntry& entry) {
    const std::string number = "entry " + std::to_string(index + 1);
    return entry.path.empty() ? number : number + " (" + entry.path + ")";
}

bool hasErrors(const std::vector<SetProblem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const SetProblem& p) { return p.isError(); });
}

void sortProblems(std::vector<SetProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const SetProblem& a, const SetProblem& b) {
                         if (a.entry != b.entry) return a.entry < b.entry;
                         return a.isError() && !b.isError();
                     });
}

}  // namespace stemdeck::app::set
