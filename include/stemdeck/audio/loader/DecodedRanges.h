#pragma once

#include <vector>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemAudio.h"

namespace stemdeck::audio {

// Sorted, apart (no two touch), none empty.
using FrameRanges = std::vector<FrameRange>;

// The frames common to `a` and `b` (both sorted and apart). Any thread.
FrameRanges intersectRanges(const FrameRanges& a, const FrameRanges& b);

// The frames of `a` not in `b` (both sorted and apart): what grew since `b`. Any thread.
FrameRanges subtractRanges(const FrameRanges& a, const FrameRanges& b);

// What of `song` is loaded, like a video player's buffered bar: the frames every stem still
// decoding holds (the front and the islands a seek opened), within Song::frames. A stem no
// longer decoding counts as whole (past its end, or past a failure, it is silent: nothing
// more will come, and the transport does not wait there). Reads the stems' watermarks
// lock-free while decoders write them. Any thread but the audio one (allocates).
FrameRanges decodedRanges(const Song& song);

}  // namespace stemdeck::audio
