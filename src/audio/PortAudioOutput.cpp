#include "stemdeck/audio/PortAudioOutput.h"

#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <portaudio.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace stemdeck::audio {

namespace {

void quietAlsa(const char*, int, const char*, int, const char*, ...) {}
void quietJack(const char*) {}

// PortAudio probes every host API at start-up, and ALSA and JACK print what they do not find
// ("cannot find card", "jack server is not running") straight to stderr. stemdeck reports
// device problems itself in one clear line, so their chatter is silenced unless
// STEMDECK_AUDIO_DEBUG is set.
PaError initialisePortAudio() {
    if (!std::getenv("STEMDECK_AUDIO_DEBUG")) {
        snd_lib_error_set_handler(&quietAlsa);
        jack_set_error_function(&quietJack);
        jack_set_info_function(&quietJack);
    }
    return Pa_Initialize();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

OutputDevice describe(PaDeviceIndex index) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
    const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
    OutputDevice d;
    d.index = index;
    d.name = info->name ? info->name : "";
    d.hostApi = api && api->name ? api->name : "";
    d.maxOutputChannels = info->maxOutputChannels;
    d.defaultSampleRate = info->defaultSampleRate;
    d.isDefault = index == Pa_GetDefaultOutputDevice();
    return d;
}

std::vector<OutputDevice> listOutputs() {
    std::vector<OutputDevice> out;
    const PaDeviceIndex count = Pa_GetDeviceCount();
    for (PaDeviceIndex i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (info && info->maxOutputChannels > 0) out.push_back(describe(i));
    }
    return out;
}

// The device to open: the named one, or the system default, or (a machine whose default host
// API has no device, e.g. ALSA without cards but JACK running) the first output there is.
PaDeviceIndex findDevice(const std::string& wanted) {
    const auto outputs = listOutputs();
    if (wanted.empty()) {
        const PaDeviceIndex def = Pa_GetDefaultOutputDevice();
        if (def != paNoDevice) return def;
        if (!outputs.empty()) return outputs.front().index;
        throw AudioDeviceError("no audio output device found");
    }
    const std::string key = lower(wanted);
    for (const auto& d : outputs)
        if (lower(d.label()) == key || lower(d.name) == key) return d.index;
    for (const auto& d : outputs)
        if (lower(d.label()).find(key) != std::string::npos) return d.index;
    std::string names;
    for (const auto& d : outputs) names += (names.empty() ? "" : ", ") + d.label();
    throw AudioDeviceError("audio device '" + wanted +
                           "' not found (available: " + (names.empty() ? "none" : names) + ")");
}

}  // namespace

struct PortAudioOutput::Callback {
    // Audio thread: hands the buffer to the source and nothing else.
    static int render(const void*, void* output, unsigned long frames,
                      const PaStreamCallbackTimeInfo*, PaStreamCallbackFlags flags, void* user) {
        auto* self = static_cast<PortAudioOutput*>(user);
        self->source_->renderAudio(static_cast<float*>(output), static_cast<int>(frames),
                                   self->channels_, (flags & paOutputUnderflow) != 0);
        return paContinue;
    }
};

PortAudioOutput::PortAudioOutput() {
    initialised_ = initialisePortAudio() == paNoError;
}

PortAudioOutput::~PortAudioOutput() {
    close();
    if (initialised_) Pa_Terminate();
}

std::vector<OutputDevice> PortAudioOutput::devices() {
    if (initialisePortAudio() != paNoError) return {};
    auto out = listOutputs();
    Pa_Terminate();
    return out;
}

std::string PortAudioOutput::versionText() {
    return Pa_GetVersionText();
}

void PortAudioOutput::open(const OutputConfig& config, AudioSource* source) {
    close();
    if (!initialised_) {
        initialised_ = initialisePortAudio() == paNoError;
        if (!initialised_) throw AudioDeviceError("PortAudio could not be initialised");
    }
    const PaDeviceIndex index = findDevice(config.device);
    const OutputDevice device = describe(index);
    const PaDeviceInfo* info = Pa_GetDeviceInfo(index);

    PaStreamParameters params{};
    params.device = index;
    params.channelCount = std::min(2, info->maxOutputChannels);
    params.sampleFormat = paFloat32;
    params.suggestedLatency = info->defaultLowOutputLatency;
    const double rate = config.sampleRate > 0 ? config.sampleRate : info->defaultSampleRate;
    const int frames = config.framesPerBuffer > 0 ? config.framesPerBuffer : 256;
    const std::string where = "'" + device.label() + "'";

    if (Pa_IsFormatSupported(nullptr, &params, rate) != paFormatIsSupported)
        throw AudioDeviceError("audio device " + where + " does not support " +
                               std::to_string(static_cast<int>(rate)) + " Hz");
    // Members the callback reads are set before the stream exists.
    source_ = source;
    channels_ = params.channelCount;
    PaStream* stream = nullptr;
    const PaError err =
        Pa_OpenStream(&stream, nullptr, &params, rate, static_cast<unsigned long>(frames), paNoFlag,
                      &Callback::render, this);
    if (err != paNoError)
        throw AudioDeviceError("cannot open audio device " + where + ": " + Pa_GetErrorText(err));
    stream_ = stream;
    const PaStreamInfo* streamInfo = Pa_GetStreamInfo(stream);
    sampleRate_ = static_cast<int>(streamInfo ? streamInfo->sampleRate : rate);
    outputLatency_ = streamInfo ? streamInfo->outputLatency : 0.0;
    framesPerBuffer_ = frames;
    deviceName_ = device.label();
}

void PortAudioOutput::start() {
    if (!stream_) throw AudioDeviceError("no audio device is open");
    if (Pa_IsStreamActive(stream_) == 1) return;
    // A stream that stopped by itself (device gone) must be stopped before it can restart.
    if (Pa_IsStreamStopped(stream_) == 0) Pa_AbortStream(stream_);
    const PaError err = Pa_StartStream(stream_);
    if (err != paNoError)
        throw AudioDeviceError("cannot start audio on '" + deviceName_ +
                               "': " + Pa_GetErrorText(err));
}

void PortAudioOutput::stop() {
    if (stream_ && Pa_IsStreamStopped(stream_) == 0) Pa_StopStream(stream_);
}

void PortAudioOutput::close() {
    if (!stream_) return;
    if (Pa_IsStreamStopped(stream_) == 0) Pa_AbortStream(stream_);
    Pa_CloseStream(stream_);
    stream_ = nullptr;
}

bool PortAudioOutput::isActive() const {
    return stream_ && Pa_IsStreamActive(stream_) == 1;
}

}  // namespace stemdeck::audio
