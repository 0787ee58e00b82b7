#include "stemdeck/app/StageCues.h"

#include <algorithm>
#include <cmath>

#include "stemdeck/app/ClockText.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::app::stage {

namespace {

// Any rate will do: the grid is asked in frames only to turn seconds into beats.
constexpr int kGridRate = 48000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

Sections sectionsAt(const std::vector<SongMarker>& markers, double seconds) {
    Sections out;
    const auto after =
        std::upper_bound(markers.begin(), markers.end(), seconds + kMarkerSlackSeconds,
                         [](double s, const SongMarker& m) { return s < m.seconds; });
    if (after != markers.begin()) out.current = std::prev(after)->name;
    if (after != markers.end()) {
        out.next = after->name;
        out.secondsToNext = std::max(0.0, after->seconds - seconds);
    }
    return out;
}

bool BarBeat::flashing() const {
    return sinceBeat >= 0.0 && sinceBeat < std::min(kBeatFlashSeconds, beatSeconds / 2.0);
}

BarBeat barBeatAt(const audio::ClickSettings& click, double seconds) {
    const audio::BeatGrid grid(
        click.bpm, audio::TimeSignature{click.beatsPerBar, click.beatUnit},
        static_cast<std::int64_t>(std::llround(click.firstBeatSeconds * kGridRate)), kGridRate);
    const auto frame = static_cast<std::int64_t>(std::llround(seconds * kGridRate));
    const std::int64_t beat = grid.firstBeatAtOrAfter(frame + 1) - 1;
    const std::int64_t perBar = grid.signature().beatsPerBar;
    BarBeat out;
    out.bar = floorDiv(beat, perBar) + 1;
    out.beat = static_cast<int>(beat - floorDiv(beat, perBar) * perBar) + 1;
    out.sinceBeat = static_cast<double>(frame - grid.beatFrame(beat)) / kGridRate;
    out.beatSeconds = grid.framesPerBeat() / kGridRate;
    return out;
}

QString formatBarBeat(const BarBeat& position) {
    return QStringLiteral("%1.%2").arg(position.bar).arg(position.beat);
}

QString formatElapsed(double seconds) {
    return clockText(static_cast<qint64>(std::floor(std::max(0.0, seconds))));
}

QString formatRemaining(double seconds) {
    return clockText(static_cast<qint64>(std::ceil(std::max(0.0, seconds) - 1e-6)));
}

}  // namespace stemdeck::app::stage
