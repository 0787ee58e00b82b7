#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stemdeck::audio {

struct Marker {
    std::string name;
    std::int64_t frame = 0;
};

// The part of a song from one marker to the next (or to the song's end).
struct Section {
    std::size_t marker = 0;  // index of the marker it starts at
    std::int64_t start = 0;
    std::int64_t end = 0;  // exclusive
};

// A song's markers (verse, chorus, bridge...), kept sorted by frame; markers on the same
// frame keep the order they were added in. Plain data for the control thread: the app saves
// it as markers.json beside the song, and turns a section into a loop or a jump target.
class MarkerList {
  public:
    // Returns the new marker's index. A negative frame becomes 0.
    std::size_t add(std::string name, std::int64_t frame);
    // False for an index out of range.
    bool remove(std::size_t index);
    bool rename(std::size_t index, std::string name);
    // Moves a marker; returns its new index (nullopt for an index out of range).
    std::optional<std::size_t> move(std::size_t index, std::int64_t frame);
    void clear() { markers_.clear(); }

    std::size_t size() const { return markers_.size(); }
    bool empty() const { return markers_.empty(); }
    const Marker& operator[](std::size_t index) const { return markers_[index]; }
    const std::vector<Marker>& markers() const { return markers_; }
    // The first marker with this name.
    std::optional<std::size_t> find(const std::string& name) const;

    // The nearest marker strictly before / strictly after `frame` ("previous" and "next").
    std::optional<std::size_t> previous(std::int64_t frame) const;
    std::optional<std::size_t> next(std::int64_t frame) const;
    // The section holding `frame`: [marker i, marker i + 1), the last one ending at the
    // song's end. None before the first marker or at or after the song's end.
    std::optional<Section> sectionAt(std::int64_t frame, std::int64_t songLength) const;

  private:
    std::size_t insertSorted(Marker marker);

    std::vector<Marker> markers_;
};

}  // namespace stemdeck::audio
