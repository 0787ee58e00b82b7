#include "stemdeck/audio/loader/DecodedRanges.h"

#include <algorithm>

namespace stemdeck::audio {

FrameRanges intersectRanges(const FrameRanges& a, const FrameRanges& b) {
    FrameRanges out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::int64_t start = std::max(a[i].start, b[j].start);
        const std::int64_t end = std::min(a[i].end, b[j].end);
        if (start < end) out.push_back({start, end});
        // The range that ends first has nothing more in common with the other list.
        if (a[i].end < b[j].end)
            ++i;
        else
            ++j;
    }
    return out;
}

FrameRanges subtractRanges(const FrameRanges& a, const FrameRanges& b) {
    FrameRanges out;
    std::size_t j = 0;
    for (const FrameRange& range : a) {
        std::int64_t from = range.start;
        while (j < b.size() && b[j].end <= from) ++j;  // wholly before what is left
        for (std::size_t k = j; k < b.size() && b[k].start < range.end; ++k) {
            if (b[k].start > from) out.push_back({from, b[k].start});
            from = std::max(from, b[k].end);
        }
        if (from < range.end) out.push_back({from, range.end});
    }
    return out;
}

FrameRanges decodedRanges(const Song& song) {
    FrameRanges common;
    if (song.frames > 0) common.push_back({0, song.frames});
    for (const Stem& stem : song.stems) {
        if (!stem.audio.decoding()) continue;
        FrameRanges ready;
        for (const FrameRange& r : stem.audio.readyRanges()) ready.push_back(r);
        common = intersectRanges(common, ready);
    }
    return common;
}

}  // namespace stemdeck::audio
