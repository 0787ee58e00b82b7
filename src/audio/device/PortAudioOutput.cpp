#include "stemdeck/audio/device/PortAudioOutput.h"

#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <portaudio.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <thread>

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

// The device to open (findOutputDevice), or why there is none.
PaDeviceIndex findDevice(const std::string& wanted) {
    const auto outputs = listOutputs();
    if (const OutputDevice* device = findOutputDevice(outputs, wanted)) return device->index;
    if (wanted.empty()) throw AudioDeviceError("no audio output device found");
    std::string names;
    for (const auto& d : outputs) names += (names.empty() ? "" : ", ") + d.label();
    throw AudioDeviceError("audio device '" + wanted +
                           "' not found (available: " + (names.empty() ? "none" : names) + ")");
}

}  // namespace

const OutputDevice* findOutputDevice(const std::vector<OutputDevice>& devices,
                                     const std::string& wanted) {
    if (wanted.empty()) {
        // A machine whose default host API has no device (ALSA without cards, but JACK
        // running) still plays on the first output there is.
        for (const auto& d : devices)
            if (d.isDefault) return &d;
        return devices.empty() ? nullptr : &devices.front();
    }
    const std::string key = lower(wanted);
    for (const auto& d : devices)
        if (lower(d.label()) == key || lower(d.name) == key) return &d;
    for (const auto& d : devices)
        if (lower(d.label()).find(key) != std::string::npos) return &d;
    return nullptr;
}

// What the stream's callback renders into. Heap-allocated apart from the PortAudioOutput: a
// stream abandoned on a lost device keeps pointing at it (see abandonStream()).
struct PortAudioOutput::Target {
    std::atomic<AudioSource*> source{nullptr};
    // True while a callback may be using `source`. With `source` it is a Dekker pair (both
    // sequentially consistent): the control thread clears `source` and then waits for this to
    // be false, so either the callback saw no source, or the control thread sees it inside and
    // waits for it to leave. Its release on leaving is what orders the abandoned stream's last
    // render before whatever the control thread then does with the source (a stream that is
    // abandoned is never joined).
    std::atomic<bool> inside{false};
    int channels = 0;
};

struct PortAudioOutput::Callback {
    // Audio thread: hands the buffer to the source and nothing else.
    static int render(const void*, void* output, unsigned long frames,
                      const PaStreamCallbackTimeInfo*, PaStreamCallbackFlags flags, void* user) {
        auto* target = static_cast<Target*>(user);
        auto* out = static_cast<float*>(output);
        target->inside.store(true);
        AudioSource* source = target->source.load();
        if (!source) {  // an abandoned stream that came back to life: silence, and end it
            target->inside.store(false, std::memory_order_release);
            std::fill_n(out, frames * static_cast<unsigned long>(target->channels), 0.0f);
            return paAbort;
        }
        source->renderAudio(out, static_cast<int>(frames), target->channels,
                            (flags & paOutputUnderflow) != 0);
        target->inside.store(false, std::memory_order_release);
        return paContinue;
    }
};

namespace {
// Set once a JACK stream has been abandoned: PortAudio's JACK client died with the server
// and PortAudio cannot make a new one without Pa_Terminate, which would hang on that stream.
std::atomic<bool> g_jackLost{false};

// A JACK client of our own, never activated, to ask the server questions.
class JackProbe {
  public:
    JackProbe() {
        jack_status_t status{};
        client_ = jack_client_open("stemdeck-probe", JackNoStartServer, &status);
        refused_ = !client_ && (status & JackServerFailed) != 0;
    }
    ~JackProbe() {
        if (client_) jack_client_close(client_);
    }
    JackProbe(const JackProbe&) = delete;
    JackProbe& operator=(const JackProbe&) = delete;
    bool serverGone() const { return refused_; }
    // One request the server answers: it handles requests one at a time, so this returns
    // after what was queued before it (a graph change's latency callbacks among them).
    void roundTrip() const {
        if (client_) jack_free(jack_get_uuid_for_client_name(client_, "stemdeck-probe"));
    }

  private:
    jack_client_t* client_ = nullptr;
    bool refused_ = false;
};

// Whether the JACK server still answers, asked with a client of our own (never starting a
// server). PortAudio only notices a dead server through a running stream; a stopped stream of
// a dead server cannot be started (PortAudio asserts) nor closed (it aborts the process), so
// a stopped JACK stream is checked this way before either.
// Only a refused connection (JackServerFailed: no server listens) means it is gone. Any other
// failure comes from a server that accepted us: on a busy machine the open can miss JACK's
// client timeout (the server waits on every client's notification thread, and a slow new
// thread misses it), and calling that a lost server would lose JACK for the whole process.
bool jackServerAnswers() {
    return !JackProbe().serverGone();
}
}  // namespace

PortAudioOutput::PortAudioOutput() {
    initialised_ = initialisePortAudio() == paNoError;
}

PortAudioOutput::~PortAudioOutput() {
    close();
    if (initialised_) Pa_Terminate();
    delete target_;
}

std::vector<OutputDevice> PortAudioOutput::devices() {
    if (initialisePortAudio() != paNoError) return {};
    auto out = listOutputs();
    Pa_Terminate();
    return out;
}

int PortAudioOutput::expectedRate(const OutputConfig& config) {
    if (config.sampleRate > 0) return config.sampleRate;
    const auto outputs = devices();
    const OutputDevice* device = findOutputDevice(outputs, config.device);
    return device ? static_cast<int>(device->defaultSampleRate) : 0;
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
    const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
    const bool onJack = api && api->type == paJACK;
    if (onJack && g_jackLost.load())
        throw AudioDeviceError("audio device '" + device.label() +
                               "' was lost when the JACK server stopped; PortAudio " +
                               Pa_GetVersionText() +
                               " cannot reconnect to a restarted JACK server: restart stemdeck");

    PaStreamParameters params{};
    params.device = index;
    params.channelCount =
        std::min(config.channels > 0 ? config.channels : 32, info->maxOutputChannels);
    params.sampleFormat = paFloat32;
    params.suggestedLatency = info->defaultLowOutputLatency;
    const double rate = config.sampleRate > 0 ? config.sampleRate : info->defaultSampleRate;
    const int frames = config.framesPerBuffer > 0 ? config.framesPerBuffer : 256;
    const std::string where = "'" + device.label() + "'";

    if (Pa_IsFormatSupported(nullptr, &params, rate) != paFormatIsSupported)
        throw AudioDeviceError("audio device " + where + " does not support " +
                               std::to_string(static_cast<int>(rate)) + " Hz");
    // Asked now, while the device is free: a stream of ours on it may make it refuse queries.
    std::vector<int> supported;
    for (const int r : kCommonRates)
        if (r == static_cast<int>(rate) ||
            Pa_IsFormatSupported(nullptr, &params, r) == paFormatIsSupported)
            supported.push_back(r);
    // What the callback reads is set before the stream exists.
    if (!target_) target_ = new Target;
    target_->source.store(source, std::memory_order_release);
    target_->channels = params.channelCount;
    channels_ = params.channelCount;
    PaStream* stream = nullptr;
    const PaError err =
        Pa_OpenStream(&stream, nullptr, &params, rate, static_cast<unsigned long>(frames), paNoFlag,
                      &Callback::render, target_);
    if (err != paNoError)
        throw AudioDeviceError("cannot open audio device " + where + ": " + Pa_GetErrorText(err));
    stream_ = stream;
    const PaStreamInfo* streamInfo = Pa_GetStreamInfo(stream);
    sampleRate_ = static_cast<int>(streamInfo ? streamInfo->sampleRate : rate);
    outputLatency_ = streamInfo ? streamInfo->outputLatency : 0.0;
    framesPerBuffer_ = frames;
    deviceName_ = device.label();
    supportedRates_ = std::move(supported);
    if (!supportsRate(sampleRate_)) supportedRates_.push_back(sampleRate_);
    onJack_ = onJack;
    started_ = false;
}

bool PortAudioOutput::supportsRate(int rate) const {
    return std::find(supportedRates_.begin(), supportedRates_.end(), rate) != supportedRates_.end();
}

void PortAudioOutput::start() {
    if (!stream_) throw AudioDeviceError("no audio device is open");
    if (Pa_IsStreamActive(stream_) == 1) return;
    if (onJack_ && !jackServerAnswers()) {
        const std::string name = deviceName_;
        abandonStream();
        throw AudioDeviceError("audio device '" + name + "' was lost (the JACK server is gone)");
    }
    // A stream that stopped by itself (device gone) must be stopped before it can restart;
    // on JACK that would hang (see discardLostStream), so it cannot restart at all.
    if (Pa_IsStreamStopped(stream_) == 0) {
        if (onJack_) throw AudioDeviceError("audio device '" + deviceName_ + "' was lost");
        Pa_AbortStream(stream_);
    }
    const PaError err = Pa_StartStream(stream_);
    if (err != paNoError)
        throw AudioDeviceError("cannot start audio on '" + deviceName_ +
                               "': " + Pa_GetErrorText(err));
    started_ = true;
}

void PortAudioOutput::stop() {
    if (!stream_) return;
    if (lost()) return discardLostStream();
    if (Pa_IsStreamStopped(stream_) == 0) Pa_StopStream(stream_);
    started_ = false;
}

void PortAudioOutput::close() {
    if (!stream_) return;
    if (lost()) return discardLostStream();
    if (!onJack_) {
        if (Pa_IsStreamStopped(stream_) == 0) Pa_AbortStream(stream_);
        return closeStream();
    }
    // libjack 1.9.21 walks a client's port list on its notification thread, with no lock,
    // to answer the latency callback the server sends after every graph change, while
    // jack_port_unregister erases from that list on the caller's thread: a close that meets
    // one reads a freed node and crashes (jackaudio/jack2#216; seen here as a SIGSEGV on a
    // libjack thread about once in 300 window tests). Stopping disconnects the stream's
    // ports, and opening or closing any client changes the graph too. So the graph changes
    // are let through before PortAudio unregisters: the server's next cycles post them (two
    // periods), and the probe's round trip returns once they have been handled. The probe
    // itself closes after the stream: its own change then meets no unregistering.
    const JackProbe probe;
    if (probe.serverGone()) return discardLostStream();
    if (Pa_IsStreamStopped(stream_) == 0) Pa_AbortStream(stream_);
    const double period = std::clamp(outputLatency_, 0.005, 0.05);
    std::this_thread::sleep_for(std::chrono::duration<double>(2 * period));
    probe.roundTrip();
    closeStream();
}

void PortAudioOutput::closeStream() {
    Pa_CloseStream(stream_);
    stream_ = nullptr;
    started_ = false;
    supportedRates_.clear();
}

void PortAudioOutput::discardLostStream() {
    if (!stream_) return;
    if (onJack_) return abandonStream();
    // Other host APIs end their callback thread on a device error; stopping joins it.
    if (Pa_IsStreamStopped(stream_) == 0) Pa_AbortStream(stream_);
    closeStream();
}

// PortAudio 19.6's JACK host API waits up to 10 minutes for a JACK cycle that never comes
// when a stream of a dead (or frozen) server is stopped, aborted or closed, and Pa_Terminate
// closes every open stream (PortAudio issue #820; measured here: Pa_AbortStream,
// Pa_CloseStream and Pa_Terminate all hang after the server is killed). So the stream is left
// as it is: the callback target is detached and leaked (a frozen server that wakes up calls
// it; it then renders silence and ends the stream), and PortAudio is never terminated.
void PortAudioOutput::abandonStream() {
    target_->source.store(nullptr);
    // A render under way ends within its block (it never waits); a stream that is frozen
    // is frozen outside the callback, so this is bounded in practice and capped anyway.
    for (int i = 0; i < 1000 && target_->inside.load(std::memory_order_acquire); ++i)
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    // Kept for the life of the process, reachable (so leak checkers do not flag it): the
    // abandoned stream may still call into it.
    static auto* const abandoned = new std::vector<Target*>;
    abandoned->push_back(target_);
    target_ = nullptr;
    stream_ = nullptr;
    started_ = false;
    supportedRates_.clear();
    g_jackLost.store(true);
    Pa_Initialize();  // a reference never released: the count can no longer reach zero
}

bool PortAudioOutput::isActive() const {
    return stream_ && Pa_IsStreamActive(stream_) == 1;
}

bool PortAudioOutput::lost() const {
    return stream_ && started_ && Pa_IsStreamActive(stream_) != 1;
}

}  // namespace stemdeck::audio
