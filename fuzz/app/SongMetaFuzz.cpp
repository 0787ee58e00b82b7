// libFuzzer target: a song folder's meta.json (SongMeta::parse is read() without the file).
// Whatever the bytes, the title is never empty, every text is one line the window can show,
// of bounded length, and the tempo is a real tempo or unknown.
#include <cmath>

#include "FuzzSupport.h"
#include "stemdeck/app/SongMeta.h"

using namespace stemdeck;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const app::SongMeta meta = app::SongMeta::parse(json, QStringLiteral("Sóng – 曲"));
    check(!meta.title.isEmpty());
    for (const QString& text : {meta.title, meta.artist, meta.key, meta.timeSignature})
        check(fuzz::isDisplayLine(text) && text.size() <= app::SongMeta::kMaxTextLength);
    check(fuzz::isDisplayLine(meta.details()));
    check(meta.tempo == 0.0 || (meta.tempo > 0.0 && meta.tempo <= app::SongMeta::kMaxTempo));
    return 0;
}
