// libFuzzer target: a song's markers.json, as MarkerStore reads it (MarkerStore::parse is
// load() without the file). Whatever the bytes: markers that come back are sorted, bounded in
// number, time and name length, with one-line non-empty names; and they survive being saved
// and read again unchanged, with nothing to warn about.
#include "FuzzSupport.h"
#include "stemdeck/app/MarkerStore.h"

using namespace stemdeck;
using app::MarkerStore;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const MarkerStore::Loaded loaded = MarkerStore::parse(json);
    check(loaded.markers.size() <= static_cast<std::size_t>(MarkerStore::kMaxMarkers));
    check(fuzz::isDisplayLine(loaded.warning));
    double previous = 0.0;
    for (const app::SongMarker& m : loaded.markers) {
        check(m.seconds >= previous && m.seconds <= MarkerStore::kMaxSeconds);
        previous = m.seconds;
        check(!m.name.isEmpty() && m.name.size() <= MarkerStore::kMaxNameLength);
        check(fuzz::isDisplayLine(m.name));
    }
    const MarkerStore::Loaded again = MarkerStore::parse(MarkerStore::serialize(loaded.markers));
    check(again.warning.isEmpty());
    check(again.markers == loaded.markers);
    return 0;
}
