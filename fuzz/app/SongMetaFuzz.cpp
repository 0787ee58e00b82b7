// libFuzzer target: a song folder's meta.json (SongMeta::parse is read() without the file).
// Whatever the bytes, the title is never empty, every text is one line the window can show,
// of bounded length, the tempo is within the engine's range or unknown, and every problem
// is one line to show.
#include <cmath>

#include "FuzzSupport.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

using namespace stemdeck;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const app::SongMeta meta = app::SongMeta::parse(json, QStringLiteral("Sóng – 曲"));
    check(!meta.title.isEmpty());
    for (const QString& text : {meta.title, meta.artist, meta.key, meta.timeSignature})
        check(fuzz::isDisplayLine(text) && text.size() <= app::SongMeta::kMaxTextLength);
    check(fuzz::isDisplayLine(meta.details()));
    check(meta.tempo == 0.0 || audio::limits::bpmInRange(meta.tempo));
    check(meta.beatsPerBar == 0 || audio::TimeSignature{meta.beatsPerBar, meta.beatUnit}.valid());
    for (const QString& problem : meta.problems)
        check(fuzz::isDisplayLine(problem) && problem.startsWith(QLatin1String("meta.json: ")));
    return 0;
}
