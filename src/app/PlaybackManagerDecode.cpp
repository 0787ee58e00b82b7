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
    const bool buffering = engineBuffering();
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

// ---- THE place to wire Engine::buffering() ---------------------------------------------
// Whether the transport waits at the watermark of a stem still decoding. Until the engine
// says so itself (Engine::buffering(), on its way from the `buffering` branch), it is
// inferred: playing a song that still decodes, with the playhead at the decoded part's end
// (within two polls' worth of audio). Replace the body with `return engine_.buffering();`.
bool PlaybackManager::engineBuffering() const {
    if (!decoding() || engine_.state() != audio::PlayState::Playing) return false;
    const int rate = engine_.song()->sampleRate;
    const auto margin = static_cast<std::int64_t>(2.0 * kPollIntervalMs / 1000.0 * rate);
    return engine_.positionFrames() + margin >= decode_->decodedFrames();
}

}  // namespace stemdeck::app
