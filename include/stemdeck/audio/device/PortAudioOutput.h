#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace stemdeck::audio {

class AudioDeviceError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct OutputDevice {
    int index = -1;
    std::string name;     // device name as the host API reports it
    std::string hostApi;  // "ALSA", "JACK Audio Connection Kit", ...
    int maxOutputChannels = 0;
    double defaultSampleRate = 0;
    bool isDefault = false;  // the system default output
    std::string label() const { return hostApi + ": " + name; }
};

struct OutputConfig {
    std::string device;  // empty: the system default; else a name or "HostApi: name"
    int sampleRate = 0;  // 0: the device's default rate
    int framesPerBuffer = 256;
    // Output channels to open: 2 = stereo (what most setups want: a desktop device such as
    // ALSA's "default" claims 32+ channels it only up- or down-mixes); 0 = all the device has
    // (up to 32), so stems and the click can be routed to their own pairs on a multi-channel
    // interface. Never more than the device has.
    int channels = 2;
};

// The one rule for which device a name means (PortAudioOutput::open, the app's rate
// prediction and its settings dialog all use it): empty means the system default (else the
// first output there is); otherwise the device whose label ("HostApi: name") or name is
// `wanted`, ignoring case, else the first whose label contains it. Null when none matches.
// Any thread.
const OutputDevice* findOutputDevice(const std::vector<OutputDevice>& devices,
                                     const std::string& wanted);

// What the stream calls, on the audio thread. Must follow the real-time rules.
class AudioSource {
  public:
    virtual ~AudioSource() = default;
    virtual void renderAudio(float* out, int frames, int channels, bool underflow) noexcept = 0;
};

// A PortAudio output stream (float32, interleaved; as many channels as asked and the device has).
// Control thread only; the source is called on the audio thread.
class PortAudioOutput {
  public:
    PortAudioOutput();   // initialises PortAudio (reference counted)
    ~PortAudioOutput();  // closes the stream, terminates PortAudio
    PortAudioOutput(const PortAudioOutput&) = delete;
    PortAudioOutput& operator=(const PortAudioOutput&) = delete;

    // The rates whose support open() records (supportedRates()): the usual ones of audio
    // files and interfaces.
    static constexpr int kCommonRates[] = {22050, 32000, 44100,  48000,
                                           88200, 96000, 176400, 192000};

    static std::vector<OutputDevice> devices();
    // The rate a stream opened with `config` would ask for: the configured rate, else the
    // default rate of the device it names (findOutputDevice); 0 when there is no such device.
    // Opens nothing. Control thread.
    static int expectedRate(const OutputConfig& config);
    static std::string versionText();

    // Throws AudioDeviceError with a clear message (no such device, rate unsupported, ...).
    void open(const OutputConfig& config, AudioSource* source);
    void start();
    void stop();  // lets queued buffers play out
    void close();
    // Closes a stream whose device went away, without waiting on it (see lost()). Afterwards
    // the output is closed; the source is never called again.
    void discardLostStream();

    bool isOpen() const { return stream_ != nullptr; }
    bool isActive() const;  // started and still running (false once the device vanished)
    // Started, not stopped by us, and no longer running: the device went away.
    bool lost() const;
    int sampleRate() const { return sampleRate_; }
    int framesPerBuffer() const { return framesPerBuffer_; }
    int channels() const { return channels_; }
    double outputLatencySeconds() const { return outputLatency_; }
    const std::string& deviceName() const { return deviceName_; }
    // Which of kCommonRates the open device said it could run at (Pa_IsFormatSupported, asked
    // just before the stream opened: a busy device may refuse every query), the open rate
    // included. Empty when closed. A song at one of them can play without resampling once the
    // output reopens there (the app's "follow the song's sample rate").
    const std::vector<int>& supportedRates() const { return supportedRates_; }
    bool supportsRate(int rate) const;

  private:
    struct Callback;
    struct Target;
    void abandonStream();
    void closeStream();

    void* stream_ = nullptr;    // PaStream*, kept out of the header
    Target* target_ = nullptr;  // what the callback renders into; outlives an abandoned stream
    bool onJack_ = false;       // the stream runs on PortAudio's JACK host API
    bool started_ = false;      // start() called and not stopped since
    int sampleRate_ = 0;
    int framesPerBuffer_ = 0;
    int channels_ = 0;
    double outputLatency_ = 0;
    std::string deviceName_;
    std::vector<int> supportedRates_;
    bool initialised_ = false;
};

}  // namespace stemdeck::audio
