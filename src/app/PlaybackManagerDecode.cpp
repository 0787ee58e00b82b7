// PlaybackManager, its progressive-loading part: a song plays from its first audio while the
// rest decodes in the background; the timer follows the decode (how far, done, buffering) and
// the waveforms are made once it is done. The rest is in PlaybackManager.cpp.
#include <QDebug>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::app {

void PlaybackManager::watchDecode(std::shared_ptr<audio::SongDecode> decode, bool keepPeaks) {
    // The previous decode (the engine cancelled it) is joined here when nothing else holds it:
    // its workers stop within a slice.
    decode_ = std::move(decode);
    decodeReported_ = false;
    lastDecoded_ = -1.0;
    lateIssues_ = {};
    // A reload at another rate keeps showing the waveforms it had (they carry their own rate)
    // until the new ones arrive; a new song has none until it is decoded.
    if (!keepPeaks) peaks_.reset();
}

bool PlaybackManager::decoding() const {
    return decode_ && engine_.decode() == decode_.get() && !decode_->finished();
}

double PlaybackManager::decodedSeconds() const {
    if (!engine_.hasSong()) return 0.0;
    if (!decode_ || engine_.decode() != decode_.get()) return duration();
    const int rate = engine_.song()->sampleRate;
    return rate > 0 ? static_cast<double>(decode_->decodedFrames()) / rate : 0.0;
}

void PlaybackManager::pollDecode() {
    if (decode_ && engine_.decode() == decode_.get()) {
        // Read before the watermark: once finished, decodedFrames() is the song's length.
        const bool done = decode_->finished();
        const double seconds = decodedSeconds();
        if (seconds != lastDecoded_) {
            lastDecoded_ = seconds;
            emit decodedChanged(seconds);
        }
        if (done && !decodeReported_) {
            decodeReported_ = true;
            const audio::SongDecode::Report report = decode_->report();
            lateIssues_ = {report.errors, report.warnings};
            for (const audio::FileIssue& issue : report.errors)
                qWarning().noquote() << displayName(issue.message);
            // The stems are whole now: their waveforms are made on the loader's pool.
            loader_.computePeaks(engine_.sharedSong());
            emit songDecoded(songFolder_);
        }
    }
    const bool buffering = engine_.buffering();  // the transport waits at a watermark
    if (buffering != buffering_) {
        buffering_ = buffering;
        emit bufferingChanged(buffering);
    }
}

void PlaybackManager::onPeaksReady(const SongPeaks& peaks) {
    // Peaks of a song that has been replaced meanwhile are of no use.
    if (!peaks.song || peaks.song != engine_.sharedSong()) return;
    peaks_ = peaks.peaks;
    emit peaksChanged();
}

}  // namespace stemdeck::app
