#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

class GetKeyMode;  // qm-dsp (global namespace); only KeyDetector.cpp includes its header

namespace stemdeck::analysis {

// The key of mono audio at SongAnalyzer::kAnalysisRate with qm-dsp's GetKeyMode (a 36-bin
// chromagram matched against major and minor profiles, as Mixxx and the QM Vamp key detector
// use it). Every frame (0.74 s) that is not silent votes for its key; the song's key is the
// one with most votes. One thread.
class KeyDetector {
  public:
    struct Key {
        std::string name;  // "A minor"; empty when no frame voted (silence)
        double confidence = 0.0;
    };

    KeyDetector();
    ~KeyDetector();
    KeyDetector(const KeyDetector&) = delete;
    KeyDetector& operator=(const KeyDetector&) = delete;

    void push(const float* samples, std::size_t count);
    Key finish();

    // GetKeyMode's key number (1..12: C..B major, 13..24: C..B minor) as "C major", "Bb minor".
    static std::string keyName(int key);

  private:
    void analyseFrame();

    std::unique_ptr<GetKeyMode> keyMode_;
    std::size_t blockSize_ = 0;
    std::size_t hopSize_ = 0;
    std::vector<double> buffer_;
    std::size_t bufferStart_ = 0;
    std::size_t frames_ = 0;
    std::array<int, 25> votes_{};
};

}  // namespace stemdeck::analysis
