#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stemdeck::voice {

// Speaks a short text ("Chorus 2") into a mono float clip at the engine's rate, with
// espeak-ng (synchronous mode, into a buffer) and libsoxr from espeak's own rate. No Qt.
// espeak-ng keeps global state, so every CueVoice shares one process-wide instance behind a
// mutex: synthesis blocks and must run on a control or worker thread, never the audio thread.
class CueVoice {
  public:
    // Any thread but the audio thread. `dataPath`: an espeak-ng-data folder (empty: espeak's
    // own search, ESPEAK_DATA_PATH first). When the data is missing, available() is false and
    // message() says so in one line; nothing else fails.
    explicit CueVoice(int sampleRate, std::string dataPath = {});

    bool available() const { return available_; }
    const std::string& message() const { return message_; }
    int sampleRate() const { return sampleRate_; }

    // Any thread but the audio thread: `text` (UTF-8) spoken, silence trimmed at both ends;
    // empty when unavailable or the text says nothing.
    std::vector<float> speak(std::string_view text) const;

  private:
    int sampleRate_;
    bool available_ = false;
    std::string message_;
};

}  // namespace stemdeck::voice
