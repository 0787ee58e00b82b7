#include "stemdeck/voice/CueVoice.h"

#include <espeak-ng/espeak_ng.h>
#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>

namespace stemdeck::voice {

namespace {

// espeak-ng's one instance: initialised once (successfully) per process, used under the lock.
struct Espeak {
    std::mutex mutex;
    bool ready = false;
    int rate = 0;
};
Espeak& espeak() {
    static Espeak instance;
    return instance;
}

std::vector<short>* collecting = nullptr;  // the buffer of the synthesis under way (locked)

int collect(short* wav, int count, espeak_EVENT*) {
    if (wav && count > 0 && collecting) collecting->insert(collecting->end(), wav, wav + count);
    return 0;  // go on
}

std::string statusText(espeak_ng_STATUS status) {
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// Cuts what is below -60 dBFS at both ends, so that a cue starts with its first sound.
void trim(std::vector<float>& clip) {
    constexpr float kFloor = 0.001f;
    const auto loud = [](float v) { return std::fabs(v) > kFloor; };
    const auto first = std::find_if(clip.begin(), clip.end(), loud);
    const auto last = std::find_if(clip.rbegin(), clip.rend(), loud).base();
    if (first >= last) {
        clip.clear();
        return;
    }
    clip.assign(first, last);
}

}  // namespace

CueVoice::CueVoice(int sampleRate, std::string dataPath) : sampleRate_(sampleRate) {
    if (sampleRate <= 0) {
        message_ = "spoken cues off: invalid sample rate";
        return;
    }
    // espeak falls back to its built-in path when a given one is missing: say so instead.
    if (!dataPath.empty() &&
        !std::filesystem::exists(std::filesystem::path(dataPath) / "phontab")) {
        message_ = "spoken cues off: no espeak-ng data in " + dataPath;
        return;
    }
    Espeak& e = espeak();
    const std::lock_guard lock(e.mutex);
    if (!e.ready) {
        espeak_ng_InitializePath(dataPath.empty() ? nullptr : dataPath.c_str());
        espeak_ng_STATUS status = espeak_ng_Initialize(nullptr);
        if (status == ENS_OK)
            status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (status == ENS_OK) status = espeak_ng_SetVoiceByName("en");
        if (status != ENS_OK) {
            message_ = "spoken cues off: espeak-ng: " + statusText(status) +
                       " (is espeak-ng-data installed?)";
            return;
        }
        espeak_SetSynthCallback(collect);
        e.rate = espeak_ng_GetSampleRate();
        e.ready = e.rate > 0;
        if (!e.ready) {
            message_ = "spoken cues off: espeak-ng gave no sample rate";
            return;
        }
    }
    available_ = true;
}

std::vector<float> CueVoice::speak(std::string_view text) const {
    if (!available_ || text.empty()) return {};
    std::vector<short> raw;
    int rate = 0;
    {
        Espeak& e = espeak();
        const std::lock_guard lock(e.mutex);
        const std::string utf8(text);
        collecting = &raw;
        const espeak_ng_STATUS status = espeak_ng_Synthesize(
            utf8.c_str(), utf8.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        if (status == ENS_OK) espeak_ng_Synchronize();
        collecting = nullptr;
        rate = e.rate;
        if (status != ENS_OK) return {};
    }
    std::vector<float> voice(raw.size());
    std::transform(raw.begin(), raw.end(), voice.begin(),
                   [](short s) { return static_cast<float>(s) / 32768.0f; });
    std::vector<float> out;
    if (rate == sampleRate_) {
        out = std::move(voice);
    } else {
        const double ratio = static_cast<double>(sampleRate_) / rate;
        out.resize(static_cast<std::size_t>(std::ceil(voice.size() * ratio)) + 64);
        std::size_t done = 0;
        const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
        const soxr_error_t error =
            soxr_oneshot(rate, sampleRate_, 1, voice.data(), voice.size(), nullptr, out.data(),
                         out.size(), &done, &io, &quality, nullptr);
        if (error) return {};
        out.resize(done);
    }
    trim(out);
    return out;
}

}  // namespace stemdeck::voice
