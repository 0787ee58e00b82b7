#pragma once

#include <cstddef>
#include <vector>

namespace stemdeck::audio {

// Where one channel of a multichannel file is meant to be heard.
enum class Speaker {
    Unknown,  // no position (ambisonic or unrecognised): the layout falls back to the default
    Mono,
    Left,
    Right,
    Center,
    Lfe,
    LeftSurround,  // rear / back left
    RightSurround,
    LeftSide,
    RightSide,
    RearCenter,
    LeftOfCenter,
    RightOfCenter,
    TopCenter,
    TopFrontLeft,
    TopFrontRight,
    TopFrontCenter,
    TopRearLeft,
    TopRearRight,
    TopRearCenter,
};

// Gains from each source channel to the two outputs: a 2 x N matrix stored as two rows.
//
// Known speakers follow ITU-R BS.775: front left/right at unity to their side, centre at
// -3 dB (0.7071) to both sides, surrounds and sides at -3 dB to their side, LFE dropped (a
// downmix for listening, not for a subwoofer). Other positions are placed with the same
// constant-power pan law (left-of-centre = 0.924 / 0.383, rear centre = 0.5 / 0.5, heights
// 3 dB below their floor speaker). So each column has at most unit power (l^2 + r^2 <= 1): a
// channel's own signal never comes out louder than it went in.
//
// Rows are NOT normalised to sum to 1 (as ffmpeg does by default): that would play a 5.1 stem
// ~7.7 dB quieter than its stereo neighbours and upset the song's balance. Fully correlated
// loud content on every channel can therefore exceed full scale; the output's safety limiter
// handles that rare case.
//
// Layouts with unknown positions share the channels equally instead: even channels go left,
// odd channels right, an unpaired last channel to both, and each side is the average of the
// channels feeding it. Nothing is known about such channels (they may be closely correlated
// microphones), so averaging is the only choice that can never overload.
struct DownmixMatrix {
    std::vector<float> left;
    std::vector<float> right;
    int channels() const { return static_cast<int>(left.size()); }
};

// The layout a file with `channels` channels has when it carries no channel map, in WAV
// (WAVEFORMATEXTENSIBLE) order: 1 = mono, 2 = L R, 3 = L R C, 4 = L R Ls Rs, 5 = L R C Ls Rs,
// 6 = L R C LFE Ls Rs, 8 = L R C LFE Ls Rs Lside Rside. Empty for any other count.
std::vector<Speaker> defaultLayout(int channels);

// Matrix for a file with `channels` channels in the default layout.
DownmixMatrix downmixMatrix(int channels);
// Matrix for a file whose channel positions are known; falls back to the default layout of
// its channel count when any position is Unknown.
DownmixMatrix downmixMatrix(const std::vector<Speaker>& layout);

// Mixes `frames` interleaved frames of matrix.channels() channels into `frames` interleaved
// stereo frames (`stereo` holds 2 * frames samples).
void downmixToStereo(const DownmixMatrix& matrix, const float* interleaved, std::size_t frames,
                     float* stereo);

}  // namespace stemdeck::audio
