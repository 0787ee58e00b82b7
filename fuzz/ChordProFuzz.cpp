// libFuzzer target: a ChordPro chord sheet (from anywhere) and the chord names in it. parse()
// must take any bytes without crashing: text valid UTF-8, every chord on a character of its
// line (or just after its end), problems one printable line each. Each chord moved up and down
// again by the same semitones names the same notes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stemdeck/words/ChordName.h"
#include "stemdeck/words/ChordProSheet.h"
#include "stemdeck/words/TextFile.h"

namespace {

using namespace stemdeck::words;

void check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const ChordProSheet sheet = ChordProSheet::parse(bytes);
    const int semitones = size == 0 ? 0 : static_cast<int>(data[0] % 23) - 11;
    const Transposer there(semitones, MusicKey::parse(sheet.key), sheet.capo);
    const Transposer back(-there.shift(), there.targetKey());
    for (const auto& line : sheet.lines) {
        check(validUtf8(line.text));
        const std::size_t length = codePointCount(line.text);
        for (const auto& chord : line.chords) {
            check(chord.position <= length);
            const std::string moved = there.chord(chord.name);
            const auto original = ChordName::parse(chord.name);
            const auto returned = ChordName::parse(back.chord(moved));
            check(original.has_value() == ChordName::parse(moved).has_value());
            if (original) {
                check(returned && returned->root == original->root);
                check(returned->bass == original->bass);
                check(returned->quality == original->quality);
            } else {
                check(moved == chord.name);
            }
        }
    }
    for (const auto& problem : sheet.problems) {
        check(!problem.empty() && problem.size() < 300);
        for (const char c : problem) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    }
    return 0;
}
