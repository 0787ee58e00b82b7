#include "AudioFiles.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <random>

namespace stemdeck::test {

namespace {
int formatFor(const std::filesystem::path& file) {
    const auto ext = file.extension().string();
    if (ext == ".flac") return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    if (ext == ".ogg") return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    if (ext == ".opus") return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    if (ext == ".aif" || ext == ".aiff") return SF_FORMAT_AIFF | SF_FORMAT_PCM_16;
    return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
}
}  // namespace

bool writeAudioFile(const std::filesystem::path& file, const Planar& channels, int sampleRate,
                    int format) {
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = static_cast<int>(channels.size());
    info.format = format ? format : formatFor(file);
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    if (!sf) {
        ADD_FAILURE() << "cannot write " << file << ": " << sf_strerror(nullptr);
        return false;
    }
    const std::size_t frames = channels.empty() ? 0 : channels.front().size();
    std::vector<float> interleaved(frames * channels.size());
    for (std::size_t f = 0; f < frames; ++f)
        for (std::size_t c = 0; c < channels.size(); ++c)
            interleaved[f * channels.size() + c] = channels[c][f];
    // In blocks, as real writers do: libvorbis crashes when handed minutes of audio at once.
    constexpr std::size_t kBlock = 8192;
    sf_count_t written = 0;
    for (std::size_t at = 0; at < frames; at += kBlock) {
        const auto n = static_cast<sf_count_t>(std::min(kBlock, frames - at));
        const sf_count_t put = sf_writef_float(sf, interleaved.data() + at * channels.size(), n);
        written += put;
        if (put != n) break;
    }
    sf_close(sf);
    if (written != static_cast<sf_count_t>(frames)) {
        ADD_FAILURE() << "short write to " << file;
        return false;
    }
    return true;
}

DecodedFile readAudioFile(const std::filesystem::path& file) {
    DecodedFile out;
    SF_INFO info{};
    SNDFILE* sf = sf_open(file.c_str(), SFM_READ, &info);
    if (!sf) {
        ADD_FAILURE() << "cannot read " << file << ": " << sf_strerror(nullptr);
        return out;
    }
    out.sampleRate = info.samplerate;
    out.channels = info.channels;
    out.interleaved.resize(static_cast<std::size_t>(info.frames * info.channels));
    const auto got = sf_readf_float(sf, out.interleaved.data(), info.frames);
    out.interleaved.resize(static_cast<std::size_t>(got * info.channels));
    sf_close(sf);
    return out;
}

std::vector<float> sine(double frequency, double amplitude, int sampleRate, std::int64_t frames,
                        double phase) {
    std::vector<float> out(static_cast<std::size_t>(frames));
    for (std::int64_t i = 0; i < frames; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<float>(
            amplitude * std::sin(2.0 * std::numbers::pi * frequency * i / sampleRate + phase));
    return out;
}

std::vector<float> noise(double amplitude, std::int64_t frames, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(static_cast<float>(-amplitude),
                                               static_cast<float>(amplitude));
    std::vector<float> out(static_cast<std::size_t>(frames));
    for (auto& s : out) s = dist(rng);
    return out;
}

namespace {
double magnitudeAt(const std::vector<float>& x, int rate, double hz) {
    double re = 0, im = 0;
    const double w = 2.0 * std::numbers::pi * hz / rate;
    for (std::size_t i = 0; i < x.size(); ++i) {
        // Hann window keeps leakage from neighbouring partials low.
        const double win = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / (x.size() - 1));
        re += x[i] * win * std::cos(w * i);
        im -= x[i] * win * std::sin(w * i);
    }
    return std::hypot(re, im);
}
}  // namespace

double dominantFrequency(const std::vector<float>& signal, int sampleRate, double minHz,
                         double maxHz, double stepHz) {
    // Analyse at most ~1 s from the middle: enough resolution, bounded cost.
    const std::size_t len = std::min<std::size_t>(signal.size(), sampleRate);
    const std::size_t start = (signal.size() - len) / 2;
    std::vector<float> x(signal.begin() + static_cast<std::ptrdiff_t>(start),
                         signal.begin() + static_cast<std::ptrdiff_t>(start + len));
    double best = minHz, bestMag = -1;
    for (double hz = minHz; hz <= maxHz; hz += stepHz) {
        const double m = magnitudeAt(x, sampleRate, hz);
        if (m > bestMag) bestMag = m, best = hz;
    }
    for (double hz = best - stepHz; hz <= best + stepHz; hz += stepHz / 20) {
        const double m = magnitudeAt(x, sampleRate, hz);
        if (m > bestMag) bestMag = m, best = hz;
    }
    return best;
}

std::vector<float> channelOf(const std::vector<float>& interleaved, int channels, int channel) {
    std::vector<float> out;
    out.reserve(interleaved.size() / channels);
    for (std::size_t i = static_cast<std::size_t>(channel); i < interleaved.size();
         i += static_cast<std::size_t>(channels))
        out.push_back(interleaved[i]);
    return out;
}

float maxStep(const std::vector<float>& signal) {
    float m = 0;
    for (std::size_t i = 1; i < signal.size(); ++i)
        m = std::max(m, std::abs(signal[i] - signal[i - 1]));
    return m;
}

double rms(const std::vector<float>& signal, std::size_t from, std::size_t to) {
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i) sum += double{signal[i]} * signal[i];
    return std::sqrt(sum / static_cast<double>(to - from));
}

double rms(const std::vector<float>& signal) {
    return rms(signal, 0, signal.size());
}

std::filesystem::path writeSineSong(const std::filesystem::path& dir, const std::string& name,
                                    double seconds, int stems, int rate, double baseHz) {
    const std::filesystem::path folder = dir / name;
    std::filesystem::create_directories(folder);
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    for (int i = 0; i < stems; ++i)
        writeAudioFile(folder / ("stem" + std::to_string(i) + ".wav"),
                       {sine(baseHz * (i + 1), 0.2, rate, frames)}, rate);
    return folder;
}

void writeTextFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

namespace {
void putLittleEndian32(std::vector<char>& bytes, std::size_t at, std::uint64_t value) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}
}  // namespace

bool writeSparseWav(const std::filesystem::path& file, std::uint64_t bytes, int sampleRate) {
    if (!writeAudioFile(file, {{0.0f}, {0.0f}}, sampleRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        return false;
    std::vector<char> header;
    {
        std::ifstream in(file, std::ios::binary);
        header.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string data = "data";
    const auto at = std::search(header.begin(), header.end(), data.begin(), data.end());
    if (at == header.end() || bytes > 0xFFFFFFFFu || bytes < header.size()) {
        ADD_FAILURE() << "cannot make a sparse WAV of " << bytes << " bytes";
        return false;
    }
    const auto dataStart = static_cast<std::size_t>(at - header.begin()) + 8;
    header.resize(dataStart);
    putLittleEndian32(header, 4, bytes - 8);                      // RIFF chunk size
    putLittleEndian32(header, dataStart - 4, bytes - dataStart);  // data chunk size
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(header.data(), static_cast<std::streamsize>(header.size()));
    std::filesystem::resize_file(file, bytes);  // the rest is a hole
    return true;
}

}  // namespace stemdeck::test
