#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "stemdeck/audio/render/RenderFile.h"

struct sf_private_tag;  // libsndfile's SNDFILE

namespace stemdeck::audio {

// Used by OfflineRenderer::renderToFile; public for the tests of the RF64 path, which a render
// only takes above 4 GB.
//
// Writes a render's audio to a hidden temporary file in the target's folder
// (".stemdeck-XXXXXX.partial": short, whatever the target's name, so it always fits in a
// file name) and puts it in place only when it is complete. libsndfile writes through our own
// file descriptor (virtual I/O), so every write's outcome and errno are ours to check: a full
// disk is reported as such even where libsndfile's encoders would not say (Ogg). Every file
// carries kRenderSoftwareMark. Errors name the target, never the temporary file, and leave
// nothing behind. One thread at a time (the render's).
class RenderFileWriter {
  public:
    // Creates the temporary file. Throws RenderError ("cannot create TARGET: reason").
    RenderFileWriter(const std::filesystem::path& target, const RenderFilePlan& plan,
                     int sampleRate);
    ~RenderFileWriter() = default;  // removes the temporary file unless commit() succeeded
    RenderFileWriter(const RenderFileWriter&) = delete;
    RenderFileWriter& operator=(const RenderFileWriter&) = delete;

    // Throws RenderError when not every frame was written.
    void write(const float* interleaved, int frames);
    // Finishes the file (every pending write checked), flushes it to the disk, reads it back
    // to check it holds every frame written, and renames it over the target.
    void commit();

    const std::filesystem::path& temporaryPath() const { return temp_.path; }
    std::int64_t framesWritten() const { return frames_; }

    // The virtual I/O's state: the descriptor and the first failure (libsndfile callbacks).
    struct Io {
        int fd = -1;
        int error = 0;  // errno of the first failed call, 0 when none failed
    };

  private:
    // The temporary file: closed, and removed unless kept, also when the constructor throws.
    struct Temporary {
        std::filesystem::path path;
        Io io;
        bool kept = false;
        Temporary() = default;
        Temporary(const Temporary&) = delete;
        Temporary& operator=(const Temporary&) = delete;
        ~Temporary();
    };

    [[noreturn]] void fail(const std::string& reason) const;
    [[noreturn]] void failWriting() const;

    std::filesystem::path target_;
    RenderFilePlan plan_;
    int sampleRate_ = 0;
    std::int64_t frames_ = 0;
    Temporary temp_;
    // Declared after temp_: closed before the descriptor it writes through.
    std::unique_ptr<sf_private_tag, int (*)(sf_private_tag*)> sf_;
};

}  // namespace stemdeck::audio
