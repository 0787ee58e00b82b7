// libFuzzer target: the per-song mix file, as MixStore reads it (MixStore::parse is load()
// without the file). Whatever the bytes: a mix file that cannot be used says why; a mix that
// comes back has one entry per stem of the song and every value in its range; and it
// survives being saved and read again unchanged, with nothing to warn about.
#include <cmath>
#include <string>
#include <vector>

#include "FuzzSupport.h"
#include "stemdeck/app/MixStore.h"

using namespace stemdeck;
using fuzz::check;

namespace {

const std::vector<std::string> kStems{"bass", "drums", "keys (take 2) 音", ""};

bool inRange(float db) {
    return (std::isinf(db) && db < 0) ||
           (std::isfinite(db) && db > audio::MixControls::kSilenceDb &&
            db <= audio::MixControls::kMaxGainDb);
}

void checkMix(const audio::MixSnapshot& mix) {
    check(mix.stems.size() == kStems.size());
    check(inRange(mix.masterGainDb));
    for (const audio::StemMix& s : mix.stems)
        check(inRange(s.gainDb) && std::isfinite(s.pan) && s.pan >= -1.0f && s.pan <= 1.0f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const app::MixStore::Loaded loaded = app::MixStore::parse(json, kStems);
    if (!loaded.mix) {
        check(!loaded.warning.isEmpty());
        return 0;
    }
    checkMix(*loaded.mix);
    const QByteArray saved =
        app::MixStore::serialize(QStringLiteral("/songs/Sóng"), kStems, *loaded.mix);
    const app::MixStore::Loaded again = app::MixStore::parse(saved, kStems);
    check(again.mix && again.warning.isEmpty() && *again.mix == *loaded.mix);
    return 0;
}
