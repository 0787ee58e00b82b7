#pragma once

namespace stemdeck::ui {

// How a peak meter moves: it jumps up to a new peak at once, falls back at a steady rate so
// the eye can follow it, and keeps a peak-hold mark for a moment. Pure arithmetic on dB.
class MeterBallistics {
  public:
    static constexpr float kFloorDb = -60.0f;
    static constexpr float kFallDbPerSecond = 26.0f;
    static constexpr float kHoldSeconds = 1.5f;
    static constexpr float kHoldFallDbPerSecond = 40.0f;

    // A new peak (linear amplitude) seen over the last `seconds`.
    void update(float peak, double seconds);
    void reset();

    float levelDb() const { return level_; }
    float holdDb() const { return hold_; }
    // A peak reached full scale (0 dBFS) within the hold time.
    bool clipped() const { return clipAge_ < kHoldSeconds; }
    // Nothing left to move: level and hold mark at the floor, clip light out.
    bool atRest() const { return level_ <= kFloorDb && hold_ <= kFloorDb && !clipped(); }

    static float toDb(float linear);

  private:
    float level_ = kFloorDb;
    float hold_ = kFloorDb;
    float holdAge_ = 0.0f;
    float clipAge_ = kHoldSeconds;
};

}  // namespace stemdeck::ui
