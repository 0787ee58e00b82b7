#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stemdeck::test {

using Planar = std::vector<std::vector<float>>;

// Writes planar audio to a real file through libsndfile. `format` is an SF_FORMAT_* value
// (major | subtype); 0 picks from the extension: .wav float, .flac 24-bit, .ogg Vorbis,
// .aiff 16-bit. Fails the current test (ADD_FAILURE) and returns false on error.
bool writeAudioFile(const std::filesystem::path& file, const Planar& channels, int sampleRate,
                    int format = 0);

struct DecodedFile {
    int sampleRate = 0;
    int channels = 0;
    std::vector<float> interleaved;
    std::int64_t frames() const {
        return channels ? static_cast<std::int64_t>(interleaved.size()) / channels : 0;
    }
};
// Reads a whole file through libsndfile; fails the test on error.
DecodedFile readAudioFile(const std::filesystem::path& file);

// A sine of `frames` samples.
std::vector<float> sine(double frequency, double amplitude, int sampleRate, std::int64_t frames,
                        double phase = 0.0);
// Deterministic noise in [-amplitude, amplitude].
std::vector<float> noise(double amplitude, std::int64_t frames, unsigned seed);
// Frequency of the strongest partial of `signal`, found by scanning DFT magnitudes between
// minHz and maxHz in steps of stepHz and refining around the peak.
double dominantFrequency(const std::vector<float>& signal, int sampleRate, double minHz = 20.0,
                         double maxHz = 5000.0, double stepHz = 1.0);
// Every channel-th sample starting at `channel`.
std::vector<float> channelOf(const std::vector<float>& interleaved, int channels, int channel);
// Largest absolute difference between consecutive samples.
float maxStep(const std::vector<float>& signal);
// Root mean square of signal[from, to), or of the whole signal.
double rms(const std::vector<float>& signal, std::size_t from, std::size_t to);
double rms(const std::vector<float>& signal);

void writeTextFile(const std::filesystem::path& file, const std::string& text);

// A song folder `dir/name` of `stems` mono WAV stems ("stem0.wav", ...) of `seconds` at `rate`:
// sines of baseHz, 2 * baseHz, ... at 0.2.
std::filesystem::path writeSineSong(const std::filesystem::path& dir, const std::string& name,
                                    double seconds, int stems = 2, int rate = 48000,
                                    double baseHz = 110.0);

// A stereo float WAV of `bytes` bytes (at most 4 GiB) whose header is valid and whose audio is
// a hole: a sparse file that costs no disk space, for songs bigger than the machine's memory.
bool writeSparseWav(const std::filesystem::path& file, std::uint64_t bytes, int sampleRate);

}  // namespace stemdeck::test
