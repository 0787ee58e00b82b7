// PlaybackManager, its output part: opening the device (with its fallbacks) and saying what
// it really does. The rest is in PlaybackManager.cpp.
#include <QDebug>
#include <QStringList>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"

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
    const int rate = predictedRate(config);
    if (engine_.hasSong() && rate > 0 && rate != engine_.song()->sampleRate) {
        // Engine::openOutput would decode the song again on this thread; do it on the
        // worker and switch once it is ready, while the current output keeps playing.
        pendingOutput_ = config;
        // A new song on its way is restarted at the new rate; else the current one reloads.
        const bool newSongLoading = isLoading() && !reloading_;
        startLoad(newSongLoading ? loader_.folder() : songFolder_, rate, !newSongLoading);
        return;
    }
    if (isLoading() && loader_.targetRate() != rate) {
        // The song being loaded would arrive at the old rate: switch when it is ready.
        pendingOutput_ = config;
        startLoad(loader_.folder(), rate, reloading_);
        return;
    }
    openOutputNow(config);
}

void PlaybackManager::openOutputNow(const audio::OutputConfig& config) {
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
        } catch (const audio::LoadError& e) {
            // The device opened at a rate the song could not be decoded at: do not play the
            // song at the wrong speed.
            engine_.closeOutput();
            failures << displayName(std::string(e.what()));
            break;
        }
    }
    // The chosen device only refused the rate: it plays, at its own rate.
    const bool rateFellBack = opened && config.sampleRate > 0 && used == 1;
    QString rateNote;
    if (opened && (failures.isEmpty() || rateFellBack)) {
        outputProblem_.clear();
        if (rateFellBack)
            rateNote = tr("%1 cannot play at %2 Hz; it runs at %3 Hz, and the audio settings now "
                          "use the device's own rate.")
                           .arg(displayName(engine_.output().deviceName()))
                           .arg(config.sampleRate)
                           .arg(engine_.output().sampleRate());
    } else if (opened) {
        outputProblem_ = QStringLiteral("Could not use %1 (%2). Playing on %3 instead.")
                             .arg(describe(config), failures.join(QStringLiteral("; ")),
                                  displayName(engine_.output().deviceName()));
    } else {
        outputProblem_ = QStringLiteral("No audio output: %1. Choose a device in Settings.")
                             .arg(failures.join(QStringLiteral("; ")));
    }
    if (opened && wasPlaying) play();
    if (!outputProblem_.isEmpty()) emit errorOccurred(outputProblem_);
    if (!rateNote.isEmpty()) {
        qInfo().noquote() << rateNote << failures.join(QStringLiteral("; "));
        emit sampleRateFellBack(config.sampleRate, rateNote);
        emit message(rateNote);
    }
    emit outputChanged();
    publishTransport();
}

int PlaybackManager::predictedRate(const audio::OutputConfig& config) const {
    if (config.sampleRate > 0) return config.sampleRate;
    // The device's default rate, found the way PortAudioOutput finds the device. If this
    // guess is wrong, Engine::openOutput still decodes the song at the right rate.
    const auto devices = audio::PortAudioOutput::devices();
    const QString wanted = QString::fromStdString(config.device);
    const audio::OutputDevice* match = nullptr;
    for (const auto& d : devices) {
        const bool named =
            wanted.compare(QString::fromStdString(d.label()), Qt::CaseInsensitive) == 0 ||
            wanted.compare(QString::fromStdString(d.name), Qt::CaseInsensitive) == 0;
        if (wanted.isEmpty() ? d.isDefault : named) {
            match = &d;
            break;
        }
    }
    if (!match && wanted.isEmpty() && !devices.empty()) match = &devices.front();
    return match ? static_cast<int>(match->defaultSampleRate) : 0;
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

void PlaybackManager::setLatencyMonitorEnabled(bool on) {
    // Figures from an earlier session would mix with the new ones: start them over.
    if (on && !engine_.latencyMonitorEnabled()) engine_.resetLatencyStats();
    engine_.setLatencyMonitorEnabled(on);
    emit latencyMonitorChanged(on);
}

}  // namespace stemdeck::app
