// PlaybackManager, its progressive-loading part: a song plays from its first audio while the
// rest decodes in the background; the timer follows the decode (how far, done, buffering) and
// the waveforms grow with it and are made whole once it is done. The rest is in
// PlaybackManager.cpp.
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
    lastSpans_.reset();
    lateIssues_ = {};
    // A reload at another rate keeps showing the waveforms it had (they carry their own rate)
    // until the new ones arrive; a new song's grow with its decode (growPeaks).
    if (!keepPeaks) peaks_.reset();
    growingPeaks_ = !keepPeaks;
    peaksHold_.clear();
    pollsSincePeaks_ = kPeaksEveryPolls;  // the first audio's waveform at once
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

TimeSpans PlaybackManager::decodedSpans() const {
    if (!engine_.hasSong()) return {};
    const double length = duration();
    if (!decode_ || engine_.decode() != decode_.get())
        return length > 0 ? TimeSpans{{0.0, length}} : TimeSpans{};
    const int rate = engine_.song()->sampleRate;
    if (rate <= 0) return {};
    TimeSpans spans;
    for (const audio::FrameRange& r : decode_->decodedRanges())
        spans.push_back({static_cast<double>(r.start) / rate, static_cast<double>(r.end) / rate});
    return spans;
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
        // Islands grow while the front stands still: the spans are compared on their own.
        TimeSpans spans = decodedSpans();
        if (spans != lastSpans_) {
            lastSpans_ = std::move(spans);
            emit decodedSpansChanged(*lastSpans_);
        }
        if (growingPeaks_ && !done && ++pollsSincePeaks_ >= kPeaksEveryPolls) {
            pollsSincePeaks_ = 0;
            growPeaks();
        }
        if (done && !decodeReported_) {
            decodeReported_ = true;
            const audio::SongDecode::Report report = decode_->report();
            lateIssues_ = {report.errors, report.warnings};
            for (const audio::FileIssue& issue : report.errors)
                qWarning().noquote() << displayName(issue.message);
            // The stems are whole now: their waveforms are made on the loader's pool.
            growingPeaks_ = false;
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

void PlaybackManager::growPeaks() {
    const audio::Song* song = engine_.song();
    const audio::FrameRanges decoded = decode_->decodedRanges();
    const audio::FrameRanges grown = audio::subtractRanges(decoded, peaksHold_);
    if (!song || song->sampleRate <= 0 || grown.empty()) return;
    // A copy (views may hold the previous ones), extended where decoding went. The copy
    // shares every pyramid's buckets (PeakLevel) and a fill duplicates only the chunks it
    // writes: an update costs what grew, a few seconds of audio a poll, not the whole set.
    std::shared_ptr<std::vector<WaveformPeaks>> peaks;
    if (peaks_ && peaks_->size() == song->stems.size()) {
        peaks = std::make_shared<std::vector<WaveformPeaks>>(*peaks_);
    } else {
        peaks = std::make_shared<std::vector<WaveformPeaks>>();
        for (std::size_t i = 0; i < song->stems.size(); ++i)
            peaks->emplace_back(song->frames, song->sampleRate);
    }
    for (std::size_t i = 0; i < song->stems.size(); ++i)
        for (const audio::FrameRange& r : grown)
            (*peaks)[i].fill(song->stems[i].audio, r.start, r.end);
    peaksHold_ = decoded;
    peaks_ = std::move(peaks);
    TimeSpans where;
    const double rate = song->sampleRate;
    for (const audio::FrameRange& r : grown) where.push_back({r.start / rate, r.end / rate});
    emit peaksGrew(where);
}

void PlaybackManager::onPeaksReady(const SongPeaks& peaks) {
    // Peaks of a song that has been replaced meanwhile are of no use.
    if (!peaks.song || peaks.song != engine_.sharedSong()) return;
    peaks_ = peaks.peaks;
    emit peaksChanged();
}

}  // namespace stemdeck::app
