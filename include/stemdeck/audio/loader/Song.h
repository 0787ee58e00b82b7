#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "stemdeck/audio/loader/StemAudio.h"

namespace stemdeck::audio {

// One decoded stem, already at the song's sample rate. Audio is planar: one channel for
// mono stems (played centred on both outputs), two for stereo (more are downmixed on load),
// kept compact where the source allows (StemAudio.h).
struct Stem {
    std::string name;            // file name without extension
    std::filesystem::path file;  // where it was read from
    int sourceChannels = 0;      // channels in the file
    int sourceRate = 0;          // sample rate of the file
    std::int64_t sourceFrames = 0;
    bool resampled = false;    // true when sourceRate differs from the song's rate
    StemAudio audio;           // 1 or 2 planar channels
    std::vector<float> peaks;  // per kPeakBucketFrames frames, for the meters (StemPeaks.h)

    // Frames ready to be read (all of them once the loader has returned the song). Any thread.
    std::int64_t frames() const { return audio.readyFrames(); }
};

// What kind of problem made a file fail to become a stem, so a front end can say it in its own
// words without reading the message.
enum class FileProblem {
    NotAudio,         // libsndfile cannot read it, or it is damaged
    Empty,            // no audio in it
    Unreadable,       // no permission to read it (or to list the folder it is in)
    TooBig,           // it does not fit in the memory the song may take
    UnsupportedRate,  // a sample rate outside limits::kMinSampleRate..kMaxSampleRate
    Other             // ignored files and stems loaded with a warning
};

// A file in the song folder that did not become a stem (or became one not quite as it says),
// and why.
struct FileIssue {
    std::filesystem::path file;
    std::string message;  // one line, starts with the file's name, says what is wrong and
                          // what was done ("skipped", "ignored", or what was loaded)
    FileProblem problem = FileProblem::Other;
};

// A loaded song: stems are sorted by name. Stems shorter than the longest are treated as
// padded with silence (the padding is not stored, so one very long stem costs no extra memory
// for the others).
struct Song {
    std::filesystem::path folder;
    int sampleRate = 0;
    std::int64_t frames = 0;  // length of the longest stem
    std::vector<Stem> stems;
    std::vector<FileIssue> errors;   // audio files that could not be loaded
    std::vector<FileIssue> ignored;  // files deliberately not loaded (sidecars, master mix)
    // Stems that loaded, but not exactly as their file says: samples out of range bounded,
    // a length that disagrees with the header, a file that changed while it was read.
    std::vector<FileIssue> warnings;

    double durationSeconds() const {
        return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0;
    }
    int stemIndex(const std::string& name) const {
        for (std::size_t i = 0; i < stems.size(); ++i)
            if (stems[i].name == name) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace stemdeck::audio
