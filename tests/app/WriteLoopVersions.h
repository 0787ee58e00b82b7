#pragma once

// The versions stemdeck_write_loop writes and AtomicWriteTest recognises: version g of a mix
// or of the settings, each consistent in itself, so a file holding anything but one whole
// version is caught.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/app/Settings.h"
#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::test {

// Enough stems that a mix file is several kB: a torn write has room to show.
inline const std::vector<std::string>& writeLoopStems() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (int i = 0; i < 64; ++i) out.push_back("stem " + std::to_string(i));
        return out;
    }();
    return names;
}

// Version g of a mix: stem i muted when bit i of g is set (so g is told exactly), every stem
// and the master at -(g mod 60) dB, every pan at (g mod 21 - 10) / 10.
inline audio::MixSnapshot writeLoopMix(std::uint64_t g) {
    audio::MixSnapshot mix;
    mix.masterGainDb = -static_cast<float>(g % 60);
    const float pan = static_cast<float>(static_cast<int>(g % 21) - 10) / 10.0f;
    for (std::size_t i = 0; i < writeLoopStems().size(); ++i)
        mix.stems.push_back({mix.masterGainDb, pan, ((g >> i) & 1u) != 0, false});
    return mix;
}

// Which version `mix` is, when it is wholly one; nullopt for anything else.
inline std::optional<std::uint64_t> writeLoopMixVersion(const audio::MixSnapshot& mix) {
    if (mix.stems.size() != writeLoopStems().size()) return std::nullopt;
    std::uint64_t g = 0;
    for (std::size_t i = 0; i < mix.stems.size(); ++i)
        if (mix.stems[i].muted) g |= std::uint64_t{1} << i;
    const audio::MixSnapshot expected = writeLoopMix(g);
    if (mix.masterGainDb != expected.masterGainDb) return std::nullopt;
    for (std::size_t i = 0; i < mix.stems.size(); ++i) {
        const audio::StemMix& a = mix.stems[i];
        const audio::StemMix& b = expected.stems[i];
        if (a.gainDb != b.gainDb || a.pan != b.pan || a.solo != b.solo) return std::nullopt;
    }
    return g;
}

constexpr int kWriteLoopGeometryBytes = 16384;

inline void writeLoopSettings(app::Settings& settings, std::uint64_t g) {
    settings.setOutputDevice(QStringLiteral("device %1").arg(g));
    settings.setLastSong(QStringLiteral("/songs/%1").arg(g));
    settings.setWindowGeometry(
        QByteArray(kWriteLoopGeometryBytes, static_cast<char>('A' + g % 26)));
}

// The version the settings hold, when they are wholly one; nullopt for anything else.
inline std::optional<std::uint64_t> writeLoopSettingsVersion(const app::Settings& settings) {
    bool ok = false;
    const std::uint64_t g = settings.outputDevice().section(QLatin1Char(' '), 1).toULongLong(&ok);
    if (!ok || settings.lastSong() != QStringLiteral("/songs/%1").arg(g)) return std::nullopt;
    if (settings.windowGeometry() !=
        QByteArray(kWriteLoopGeometryBytes, static_cast<char>('A' + g % 26)))
        return std::nullopt;
    return g;
}

}  // namespace stemdeck::test
