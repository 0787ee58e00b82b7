// Writes a song for load benchmarks (not committed: scripts/bench-load.sh makes it on demand):
// STEMS stereo FLAC stems (16-bit, or 24-bit with BITS=24: those load as float samples, 16-bit
// ones as int16) of SECONDS seconds at RATE Hz, each a few drifting partials
// over quiet noise, so FLAC compresses them about as much as real stems (not as silence).
// Deterministic: own noise generator, no clocks.
//
// Usage: make_bench_song OUTPUT_FOLDER [STEMS=8] [SECONDS=240] [RATE=44100] [BITS=16]

#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

namespace {

constexpr int kChannels = 2;
constexpr std::size_t kBlockFrames = 1 << 16;

struct Noise {
    std::uint32_t state;
    float next() {  // xorshift32, uniform in [-1, 1)
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return static_cast<float>(state) / 2147483648.0f - 1.0f;
    }
};

bool writeStem(const std::filesystem::path& file, int stem, long long frames, int rate, int bits) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = kChannels;
    info.format = SF_FORMAT_FLAC | (bits == 24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16);
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    if (!sf) {
        std::fprintf(stderr, "make_bench_song: cannot write %s: %s\n", file.c_str(),
                     sf_strerror(nullptr));
        return false;
    }
    Noise noise{0x9e3779b9u * static_cast<std::uint32_t>(stem + 1)};
    const double base = 55.0 * std::pow(2.0, stem / 3.0);
    std::vector<float> block(kBlockFrames * kChannels);
    bool ok = true;
    for (long long at = 0; at < frames && ok;) {
        const auto n = static_cast<long long>(
            std::min<long long>(static_cast<long long>(kBlockFrames), frames - at));
        for (long long i = 0; i < n; ++i) {
            const double t = static_cast<double>(at + i) / rate;
            const double wobble = 1.0 + 0.002 * std::sin(2.0 * std::numbers::pi * 0.3 * t);
            double x = 0.0;
            for (int k = 1; k <= 4; ++k)
                x += 0.12 / k * std::sin(2.0 * std::numbers::pi * base * k * wobble * t);
            for (int c = 0; c < kChannels; ++c)
                block[static_cast<std::size_t>(i * kChannels + c)] =
                    static_cast<float>(x * (c ? 0.9 : 1.0)) + 0.02f * noise.next();
        }
        ok = sf_writef_float(sf, block.data(), n) == n;
        at += n;
    }
    sf_close(sf);
    if (!ok) std::fprintf(stderr, "make_bench_song: writing %s failed\n", file.c_str());
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 6) {
        std::fprintf(stderr,
                     "usage: make_bench_song OUTPUT_FOLDER [STEMS=8] [SECONDS=240] "
                     "[RATE=44100] [BITS=16]\n");
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    const int stems = argc > 2 ? std::atoi(argv[2]) : 8;
    const double seconds = argc > 3 ? std::atof(argv[3]) : 240.0;
    const int rate = argc > 4 ? std::atoi(argv[4]) : 44100;
    const int bits = argc > 5 ? std::atoi(argv[5]) : 16;
    if (stems < 1 || stems > 64 || seconds <= 0.0 || seconds > 3600.0 || rate < 8000 ||
        rate > 384000 || (bits != 16 && bits != 24)) {
        std::fprintf(stderr,
                     "make_bench_song: STEMS 1-64, SECONDS up to 3600, RATE 8000-384000, "
                     "BITS 16 or 24\n");
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        std::fprintf(stderr, "make_bench_song: cannot create %s: %s\n", folder.c_str(),
                     ec.message().c_str());
        return 1;
    }
    const auto frames = static_cast<long long>(std::llround(seconds * rate));
    for (int s = 0; s < stems; ++s) {
        char name[32];
        std::snprintf(name, sizeof name, "stem%02d.flac", s + 1);
        if (!writeStem(folder / name, s, frames, rate, bits)) return 1;
    }
    return 0;
}
