// PlaybackManager, its output part: opening the device (with its fallbacks) and saying what
// it really does. The rest is in PlaybackManager.cpp.
#include <QDebug>
#include <QStringList>
#include <algorithm>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::app {

namespace {

QString describe(const audio::OutputConfig& c) {
    QString what = c.device.empty() ? QStringLiteral("the default audio device")
                                    : QStringLiteral("'%1'").arg(displayName(c.device));
    if (c.sampleRate > 0) what += QStringLiteral(" at %1 Hz").arg(c.sampleRate);
    return what;
}

}  // namespace

void PlaybackManager::openOutput(const audio::OutputConfig& config) {
    const int rate = audio::Engine::expectedRate(config);
    if (engine_.hasSong() && rate > 0 && rate != engine_.song()->sampleRate) {
        // The song must be decoded again at that rate: on the worker, switching once it is
        // ready, while the current output keeps playing.
        pendingOutput_ = config;
        pendingFollowsSong_ = false;
        // A new song on its way is restarted at the new rate; else the current one reloads.
        const bool newSongLoading = isLoading() && !reloading_;
        startLoad(newSongLoading ? loader_.folder() : songFolder_, rate, !newSongLoading);
        return;
    }
    if (isLoading() && loader_.targetRate() != rate) {
        // The song being loaded would arrive at the old rate: switch when it is ready.
        pendingOutput_ = config;
        pendingFollowsSong_ = false;
        startLoad(loader_.folder(), rate, reloading_);
        return;
    }
    openOutputNow(config);
}

void PlaybackManager::openOutputNow(const audio::OutputConfig& config, bool followsSong) {
    outputConfig_ = config;
    const bool wasPlaying = engine_.state() == audio::PlayState::Playing;
    std::vector<audio::OutputConfig> attempts{config};
    if (config.sampleRate > 0) attempts.push_back({config.device, 0, config.framesPerBuffer});
    if (!config.device.empty()) attempts.push_back({{}, 0, config.framesPerBuffer});

    QStringList failures;
    bool opened = false;
    std::size_t used = 0;  // the attempt that opened
    for (const audio::OutputConfig& attempt : attempts) {
        try {
            engine_.openOutput(attempt);
            opened = true;
            used = static_cast<std::size_t>(&attempt - attempts.data());
            break;
        } catch (const audio::AudioDeviceError& e) {
            failures << displayName(std::string(e.what()));
        }
    }
    // The chosen device only refused the rate: it plays, at its own rate.
    const bool rateFellBack = opened && config.sampleRate > 0 && used == 1;
    OutputReport report{config.sampleRate, {}, failures.join(QStringLiteral("; ")), !followsSong};
    if (opened && (failures.isEmpty() || rateFellBack)) {
        outputProblem_.clear();
        if (rateFellBack && followsSong)
            report.rateNote = tr("%1 cannot play at the song's %2 Hz; it runs at %3 Hz, and the "
                                 "song is resampled.")
                                  .arg(displayName(engine_.output().deviceName()))
                                  .arg(config.sampleRate)
                                  .arg(engine_.output().sampleRate());
        else if (rateFellBack)
            report.rateNote =
                tr("%1 cannot play at %2 Hz; it runs at %3 Hz, and the audio settings now "
                   "use the device's own rate.")
                    .arg(displayName(engine_.output().deviceName()))
                    .arg(config.sampleRate)
                    .arg(engine_.output().sampleRate());
    } else if (opened) {
        outputProblem_ =
            QStringLiteral("Could not use %1 (%2). Playing on %3 instead.")
                .arg(describe(config), report.failures, displayName(engine_.output().deviceName()));
    } else {
        outputProblem_ = QStringLiteral("No audio output: %1. Choose a device in Settings.")
                             .arg(report.failures);
    }
    if (opened && engine_.reloadRate() != 0) {
        // The device runs at another rate than expected: the song is prepared for it on the
        // worker, and outputChanged follows once it can play there.
        outputChangePending_ = true;
        reloadForOutput(wasPlaying);
        reportOutput(report);
        publishTransport();
        return;
    }
    if (opened && wasPlaying) play();
    reportOutput(report);
    emit outputChanged();
    publishTransport();
}

void PlaybackManager::reloadForOutput(bool resume) {
    resumeAfterReload_ = resumeAfterReload_ || resume;
    // A new song on its way is checked against the output's rate when it arrives.
    if (isLoading() && !reloading_) return;
    startLoad(songFolder_, engine_.reloadRate(), true);
}

void PlaybackManager::reportOutput(const OutputReport& report) {
    // What became of the device is said at once, whether or not the song must be prepared
    // for it first.
    if (!outputProblem_.isEmpty()) emit errorOccurred(outputProblem_);
    if (!report.rateNote.isEmpty()) {
        qInfo().noquote() << report.rateNote << report.failures;
        // Following a song's rate never changes what the settings ask for.
        if (report.settingRefused) emit sampleRateFellBack(report.requestedRate, report.rateNote);
        emit message(report.rateNote);
    }
}

void PlaybackManager::setRateSupport(RateSupport supports) {
    rateSupport_ = std::move(supports);
}

std::vector<int> PlaybackManager::followRates() const {
    // Not while an output change is on its way: that one decides the rate.
    if (!followSongRate_ || !engine_.outputOpen() || pendingOutput_) return {};
    std::vector<int> rates;
    for (const int rate : audio::PortAudioOutput::kCommonRates)
        if (rateSupport_ ? rateSupport_(rate) : engine_.output().supportsRate(rate))
            rates.push_back(rate);
    return rates;
}

bool PlaybackManager::followLoadedSong(const SongLoader::Result& result) {
    const int rate = result.sampleRate();
    if (rate == engine_.sampleRate()) return true;  // the output already runs there
    const std::vector<int> rates = followRates();   // the output may have changed meanwhile
    if (std::ranges::find(rates, rate) == rates.end()) return false;
    audio::OutputConfig config = outputConfig_;
    config.sampleRate = rate;
    pendingOutput_ = config;
    pendingFollowsSong_ = true;
    return true;
}

bool PlaybackManager::outputOpen() const {
    return engine_.outputOpen();
}

int PlaybackManager::outputRate() const {
    return engine_.outputOpen() ? engine_.sampleRate() : 0;
}

QString PlaybackManager::outputDescription() const {
    return describeOutput(displayName(engine_.output().deviceName()));
}

QString PlaybackManager::outputSummary() const {
    QString name = displayName(engine_.output().deviceName());
    name.replace(QStringLiteral("JACK Audio Connection Kit"), QStringLiteral("JACK"));
    return describeOutput(name);
}

QString PlaybackManager::describeOutput(const QString& deviceName) const {
    const audio::PortAudioOutput& out = engine_.output();
    if (!out.isOpen()) return tr("No audio output");
    // The latency the stream reports (Pa_GetStreamInfo), not the block's length: the host may
    // buffer more (JACK at 1024 frames under 128-frame blocks plays 21.3 ms late, not 2.7 ms).
    const double latencyMs = 1000.0 * out.outputLatencySeconds();
    QStringList parts{deviceName,
                      tr("%1 kHz").arg(QString::number(out.sampleRate() / 1000.0, 'g', 5)),
                      tr("%1-frame blocks").arg(out.framesPerBuffer())};
    if (latencyMs > 0.0) parts << tr("%1 ms output latency").arg(latencyMs, 0, 'f', 1);
    return parts.join(QStringLiteral(" \u00b7 "));
}

bool PlaybackManager::latencyMonitorEnabled() const {
    return engine_.latencyMonitorEnabled();
}

audio::LatencyStats PlaybackManager::latencyStats() const {
    return engine_.latencyStats();
}

void PlaybackManager::resetLatencyStats() {
    engine_.resetLatencyStats();
}

void PlaybackManager::setLatencyMonitorEnabled(bool on) {
    // Figures from an earlier session would mix with the new ones: start them over.
    if (on && !engine_.latencyMonitorEnabled()) engine_.resetLatencyStats();
    engine_.setLatencyMonitorEnabled(on);
    emit latencyMonitorChanged(on);
}

}  // namespace stemdeck::app
