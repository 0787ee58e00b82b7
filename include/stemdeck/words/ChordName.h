#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stemdeck::words {

// A note name's pitch class (C = 0 … B = 11) from "C", "F#", "Bb", "E#", "Cb" at the start of
// `text`; `length` gets the characters read. Empty when it does not start with A–G.
std::optional<int> parseNote(std::string_view text, std::size_t& length);
// The name of pitch class `pc` (any integer, wrapped) with sharps or with flats.
std::string noteName(int pc, bool flats);

// A chord symbol: root, quality and extensions as written ("m7b5", "maj7", "sus4", "add9",
// "7#9", "13" …, checked against the chord vocabulary so that "Chorus" is not C + "horus"),
// and an optional slash bass. Value type, any thread.
struct ChordName {
    int root = 0;  // pitch class
    std::string quality;
    std::optional<int> bass;  // pitch class of the slash bass

    static std::optional<ChordName> parse(std::string_view text);
    // Minor for key spelling: "m", "min", "-" (not "maj"), also half-diminished and diminished.
    bool minor() const;
    std::string text(bool flats) const;
};

// A key: "C", "Am", "F# minor", "Bb major", "Ebm" (what meta.json, ChordPro's {key:} and the
// predecessor's analysis write). Value type, any thread.
struct MusicKey {
    int tonic = 0;
    bool minor = false;

    static std::optional<MusicKey> parse(std::string_view text);
    // Its signature has flats: F Bb Eb Ab Db Gb and their relative minors (Dm Gm Cm Fm Bbm Ebm).
    bool usesFlats() const;
    std::string text() const;  // "Bb", "Gm"
};

// Moves chord names by semitones, spelled for the key they land in: sharps or flats by that
// key's signature; without a key, each chord is spelled as if it were the key (a Bb chord
// with flats, an F#m with sharps). A capo gives the shapes a guitarist plays: sounding pitch
// minus the capo. A move of a whole octave (or none) leaves every chord as written, and text
// that is not a chord stays as written. Value type, any thread.
class Transposer {
  public:
    Transposer() = default;
    Transposer(int semitones, std::optional<MusicKey> key, int capo = 0);

    int shift() const { return shift_; }  // semitones - capo, in -11..11
    // The song's key moved, or empty without a key.
    std::optional<MusicKey> targetKey() const;
    std::string chord(std::string_view text) const;

  private:
    int shift_ = 0;
    std::optional<MusicKey> key_;
};

}  // namespace stemdeck::words
