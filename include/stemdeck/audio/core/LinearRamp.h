#pragma once

namespace stemdeck::audio {

// A value that moves linearly, per sample, to its target over a fixed number of samples,
// so the fade time does not depend on the block size. Linear (not multiplicative) so that it
// really reaches 0 for a mute. Audio thread only; no allocation.
class LinearRamp {
  public:
    void setLength(int samples) { length_ = samples > 0 ? samples : 1; }
    int length() const { return length_; }

    // Jump straight to `value` (used before playback starts).
    void reset(float value) {
        current_ = target_ = value;
        step_ = 0.0f;
        remaining_ = 0;
    }
    // Start a ramp from the current value; retargeting mid-ramp restarts from where it is.
    void setTarget(float value) {
        if (value == target_) return;
        target_ = value;
        remaining_ = length_;
        step_ = (target_ - current_) / static_cast<float>(length_);
    }

    float current() const { return current_; }
    float target() const { return target_; }
    bool ramping() const { return remaining_ > 0; }
    int remaining() const { return remaining_; }

    // Writes the next n values to out and advances.
    void fill(float* out, int n) {
        int i = 0;
        for (; i < n && remaining_ > 0; ++i, --remaining_) {
            current_ += step_;
            out[i] = remaining_ == 1 ? target_ : current_;
        }
        if (remaining_ == 0) current_ = target_;
        for (; i < n; ++i) out[i] = current_;
    }
    // Advances by n samples without writing.
    void skip(int n) {
        if (n >= remaining_) {
            remaining_ = 0;
            current_ = target_;
        } else {
            remaining_ -= n;
            current_ += step_ * static_cast<float>(n);
        }
    }

  private:
    float current_ = 0.0f;
    float target_ = 0.0f;
    float step_ = 0.0f;
    int remaining_ = 0;
    int length_ = 1;
};

}  // namespace stemdeck::audio
