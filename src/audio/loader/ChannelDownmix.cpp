#include "stemdeck/audio/loader/ChannelDownmix.h"

#include <Eigen/Core>
#include <algorithm>
#include <utility>

namespace stemdeck::audio {

namespace {

constexpr float kMinus3dB = 0.70710678f;      // cos(pi/4): centre of a constant-power pan
constexpr float kHalfLeftNear = 0.92387953f;  // cos(pi/8): halfway between left and centre
constexpr float kHalfLeftFar = 0.38268343f;   // sin(pi/8)

// (left, right) gains of one speaker position. Unknown never gets here: layouts holding it fall
// back to a default layout first.
std::pair<float, float> gainsOf(Speaker speaker) {
    constexpr float k = kMinus3dB;
    switch (speaker) {
        case Speaker::Left:
            return {1.0f, 0.0f};
        case Speaker::Right:
            return {0.0f, 1.0f};
        case Speaker::Mono:
        case Speaker::Center:
            return {k, k};
        case Speaker::Lfe:
            return {0.0f, 0.0f};
        case Speaker::LeftSurround:
        case Speaker::LeftSide:
            return {k, 0.0f};
        case Speaker::RightSurround:
        case Speaker::RightSide:
            return {0.0f, k};
        case Speaker::RearCenter:
            return {k * k, k * k};
        case Speaker::LeftOfCenter:
            return {kHalfLeftNear, kHalfLeftFar};
        case Speaker::RightOfCenter:
            return {kHalfLeftFar, kHalfLeftNear};
        case Speaker::TopFrontLeft:
            return {k, 0.0f};
        case Speaker::TopFrontRight:
            return {0.0f, k};
        case Speaker::TopCenter:
        case Speaker::TopFrontCenter:
            return {k * k, k * k};
        case Speaker::TopRearLeft:
            return {k * k, 0.0f};
        case Speaker::TopRearRight:
            return {0.0f, k * k};
        case Speaker::TopRearCenter:
            return {k * k * k, k * k * k};
        case Speaker::Unknown:
            break;
    }
    return {0.0f, 0.0f};
}

DownmixMatrix equalShare(int channels) {
    DownmixMatrix m;
    m.left.assign(static_cast<std::size_t>(channels), 0.0f);
    m.right.assign(static_cast<std::size_t>(channels), 0.0f);
    const int paired = channels - channels % 2;
    for (int c = 0; c < paired; ++c) (c % 2 == 0 ? m.left : m.right)[c] = 1.0f;
    if (paired < channels) {
        m.left[paired] = kMinus3dB;
        m.right[paired] = kMinus3dB;
    }
    for (auto* row : {&m.left, &m.right}) {
        float sum = 0.0f;
        for (float g : *row) sum += g;
        if (sum > 0.0f)
            for (float& g : *row) g /= sum;
    }
    return m;
}

}  // namespace

std::vector<Speaker> defaultLayout(int channels) {
    using S = Speaker;
    switch (channels) {
        case 1:
            return {S::Mono};
        case 2:
            return {S::Left, S::Right};
        case 3:
            return {S::Left, S::Right, S::Center};
        case 4:
            return {S::Left, S::Right, S::LeftSurround, S::RightSurround};
        case 5:
            return {S::Left, S::Right, S::Center, S::LeftSurround, S::RightSurround};
        case 6:
            return {S::Left, S::Right, S::Center, S::Lfe, S::LeftSurround, S::RightSurround};
        case 8:
            return {S::Left,         S::Right,         S::Center,   S::Lfe,
                    S::LeftSurround, S::RightSurround, S::LeftSide, S::RightSide};
        default:
            return {};
    }
}

DownmixMatrix downmixMatrix(int channels) {
    const auto layout = defaultLayout(channels);
    if (layout.empty()) return equalShare(channels);
    return downmixMatrix(layout);
}

DownmixMatrix downmixMatrix(const std::vector<Speaker>& layout) {
    const int channels = static_cast<int>(layout.size());
    if (std::ranges::find(layout, Speaker::Unknown) != layout.end()) {
        const auto fallback = defaultLayout(channels);
        // A default layout never contains Unknown, so this cannot recurse twice.
        return fallback.empty() ? equalShare(channels) : downmixMatrix(fallback);
    }
    DownmixMatrix m;
    for (Speaker s : layout) {
        const auto [l, r] = gainsOf(s);
        m.left.push_back(l);
        m.right.push_back(r);
    }
    return m;
}

void downmixToStereo(const DownmixMatrix& matrix, const float* interleaved, std::size_t frames,
                     float* stereo) {
    using Frames = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
    const auto n = static_cast<Eigen::Index>(frames);
    // Interleaved samples are column-major matrices with one frame per column.
    const Eigen::Map<const Frames> in(interleaved, matrix.channels(), n);
    Eigen::Map<Eigen::Matrix<float, 2, Eigen::Dynamic>> out(stereo, 2, n);
    const Eigen::Map<const Eigen::RowVectorXf> gl(matrix.left.data(), matrix.channels());
    const Eigen::Map<const Eigen::RowVectorXf> gr(matrix.right.data(), matrix.channels());
    out.row(0).noalias() = gl * in;
    out.row(1).noalias() = gr * in;
}

}  // namespace stemdeck::audio
