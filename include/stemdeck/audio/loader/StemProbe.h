#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace stemdeck::audio {

// How a file's audio is stored: decides how far its header's length can be trusted and how
// many samples a byte of it can realistically hold (loader/MemoryBudget.h).
enum class StemCodec { Uncompressed, Flac, Vorbis, Opus, Mpeg, OtherCompressed };

// What a file in the song folder holds, read from its header without decoding.
struct StemProbe {
    std::filesystem::path file;
    std::string name;
    int channels = 0;
    int sampleRate = 0;
    // The length the header gives. For an uncompressed file at most what the file's size can
    // hold; for MP3 an estimate; 0 when the header gives none (streamed FLAC, an MP3 whose
    // length cannot be told). Decoding always goes on to the real end of the audio.
    std::int64_t frames = 0;
    StemCodec codec = StemCodec::Uncompressed;
    std::uint64_t fileBytes = 0;  // the file's size when it was probed
    // Bits per sample of an integer encoding (8 for 8-bit PCM, u-law and A-law, 16, 24, 32),
    // uncompressed or FLAC; 0 for float and lossy codecs. Decides how the stem is stored
    // (loader::storageFormat).
    int integerBits = 0;
};

}  // namespace stemdeck::audio
