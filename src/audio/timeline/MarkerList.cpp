#include "stemdeck/audio/timeline/MarkerList.h"

#include <algorithm>
#include <utility>

namespace stemdeck::audio {

namespace {
bool frameBefore(std::int64_t frame, const Marker& marker) {
    return frame < marker.frame;
}
bool markerBefore(const Marker& marker, std::int64_t frame) {
    return marker.frame < frame;
}
}  // namespace

std::size_t MarkerList::insertSorted(Marker marker) {
    // After any marker on the same frame: equal frames keep their order of arrival.
    const auto at = std::upper_bound(markers_.begin(), markers_.end(), marker.frame, frameBefore);
    const auto inserted = markers_.insert(at, std::move(marker));
    return static_cast<std::size_t>(inserted - markers_.begin());
}

std::size_t MarkerList::add(std::string name, std::int64_t frame) {
    return insertSorted(Marker{std::move(name), std::max<std::int64_t>(frame, 0)});
}

bool MarkerList::remove(std::size_t index) {
    if (index >= markers_.size()) return false;
    markers_.erase(markers_.begin() + static_cast<std::ptrdiff_t>(index));
    return true;
}

bool MarkerList::rename(std::size_t index, std::string name) {
    if (index >= markers_.size()) return false;
    markers_[index].name = std::move(name);
    return true;
}

std::optional<std::size_t> MarkerList::move(std::size_t index, std::int64_t frame) {
    if (index >= markers_.size()) return std::nullopt;
    Marker marker = std::move(markers_[index]);
    markers_.erase(markers_.begin() + static_cast<std::ptrdiff_t>(index));
    marker.frame = std::max<std::int64_t>(frame, 0);
    return insertSorted(std::move(marker));
}

std::optional<std::size_t> MarkerList::find(const std::string& name) const {
    const auto it = std::find_if(markers_.begin(), markers_.end(),
                                 [&name](const Marker& m) { return m.name == name; });
    if (it == markers_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - markers_.begin());
}

std::optional<std::size_t> MarkerList::previous(std::int64_t frame) const {
    const auto it = std::lower_bound(markers_.begin(), markers_.end(), frame, markerBefore);
    if (it == markers_.begin()) return std::nullopt;
    return static_cast<std::size_t>(it - markers_.begin()) - 1;
}

std::optional<std::size_t> MarkerList::next(std::int64_t frame) const {
    const auto it = std::upper_bound(markers_.begin(), markers_.end(), frame, frameBefore);
    if (it == markers_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - markers_.begin());
}

std::optional<Section> MarkerList::sectionAt(std::int64_t frame, std::int64_t songLength) const {
    if (frame < 0 || frame >= songLength) return std::nullopt;
    // The last marker at or before `frame`; on a shared frame, the last added.
    const auto it = std::upper_bound(markers_.begin(), markers_.end(), frame, frameBefore);
    if (it == markers_.begin()) return std::nullopt;
    const auto index = static_cast<std::size_t>(it - markers_.begin()) - 1;
    const std::int64_t end = it == markers_.end() ? songLength : std::min(it->frame, songLength);
    return Section{index, markers_[index].frame, end};
}

}  // namespace stemdeck::audio
