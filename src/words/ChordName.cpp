#include "stemdeck/words/ChordName.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace stemdeck::words {

namespace {

int wrap(int pc) {
    return ((pc % 12) + 12) % 12;
}

// The words of chord qualities; a quality is any sequence of them (and digits).
constexpr std::array<std::string_view, 22> kQualityWords{
    "maj", "min", "dim", "aug", "sus", "add", "alt", "omit", "no", "Maj", "M",
    "m",   "-",   "+",   "b",   "#",   "(",   ")",   ",",    "o",  "°",   "ø"};

bool validQuality(std::string_view q) {
    while (!q.empty()) {
        if (std::isdigit(static_cast<unsigned char>(q.front()))) {
            q.remove_prefix(1);
            continue;
        }
        bool matched = false;
        for (const auto word : kQualityWords) {
            if (q.substr(0, word.size()) == word) {
                q.remove_prefix(word.size());
                matched = true;
                break;
            }
        }
        if (!matched) return false;
    }
    return true;
}

}  // namespace

std::optional<int> parseNote(std::string_view text, std::size_t& length) {
    static constexpr std::array<int, 7> kNatural{9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    if (text.empty() || text.front() < 'A' || text.front() > 'G') return std::nullopt;
    int pc = kNatural[static_cast<std::size_t>(text.front() - 'A')];
    length = 1;
    if (text.size() > 1 && (text[1] == '#' || text[1] == 'b')) {
        pc += text[1] == '#' ? 1 : -1;
        length = 2;
    }
    return wrap(pc);
}

std::string noteName(int pc, bool flats) {
    static constexpr std::array<const char*, 12> kSharps{"C",  "C#", "D",  "D#", "E",  "F",
                                                         "F#", "G",  "G#", "A",  "A#", "B"};
    static constexpr std::array<const char*, 12> kFlats{"C",  "Db", "D",  "Eb", "E",  "F",
                                                        "Gb", "G",  "Ab", "A",  "Bb", "B"};
    return (flats ? kFlats : kSharps)[static_cast<std::size_t>(wrap(pc))];
}

std::optional<ChordName> ChordName::parse(std::string_view text) {
    std::size_t length = 0;
    const auto root = parseNote(text, length);
    if (!root) return std::nullopt;
    ChordName chord;
    chord.root = *root;
    std::string_view rest = text.substr(length);
    const std::size_t slash = rest.find('/');
    if (slash != std::string_view::npos) {
        std::size_t bassLength = 0;
        const std::string_view bassText = rest.substr(slash + 1);
        const auto bass = parseNote(bassText, bassLength);
        if (!bass || bassLength != bassText.size()) return std::nullopt;
        chord.bass = *bass;
        rest = rest.substr(0, slash);
    }
    // "Bbb" or "C##": an accidental after the root's would be read as the root's once renamed.
    if (!rest.empty() && (rest.front() == 'b' || rest.front() == '#')) return std::nullopt;
    if (!validQuality(rest)) return std::nullopt;
    chord.quality.assign(rest);
    return chord;
}

bool ChordName::minor() const {
    const std::string_view q(quality);
    if (q.substr(0, 3) == "maj" || q.substr(0, 3) == "Maj") return false;
    return q.substr(0, 1) == "m" || q.substr(0, 1) == "-" || q.substr(0, 3) == "dim" ||
           q.substr(0, 1) == "o" || q.substr(0, 2) == "°" || q.substr(0, 2) == "ø";
}

std::string ChordName::text(bool flats) const {
    std::string out = noteName(root, flats) + quality;
    if (bass) out += "/" + noteName(*bass, flats);
    return out;
}

std::optional<MusicKey> MusicKey::parse(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::size_t length = 0;
    const auto tonic = parseNote(text, length);
    if (!tonic) return std::nullopt;
    std::string mode(text.substr(length));
    std::transform(mode.begin(), mode.end(), mode.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    mode.erase(std::remove(mode.begin(), mode.end(), ' '), mode.end());
    MusicKey key;
    key.tonic = *tonic;
    if (mode == "m" || mode == "min" || mode == "minor" || mode == "-") {
        key.minor = true;
    } else if (!(mode.empty() || mode == "maj" || mode == "major")) {
        return std::nullopt;
    }
    return key;
}

bool MusicKey::usesFlats() const {
    const int major = minor ? wrap(tonic + 3) : tonic;
    return major == 5 || major == 10 || major == 3 || major == 8 || major == 1 || major == 6;
}

std::string MusicKey::text() const {
    return noteName(tonic, usesFlats()) + (minor ? "m" : "");
}

Transposer::Transposer(int semitones, std::optional<MusicKey> key, int capo)
    : shift_(wrap(semitones - capo)), key_(key) {
    if (shift_ > 6) shift_ -= 12;  // the short way: a report of "-1" reads better than "11"
}

std::optional<MusicKey> Transposer::targetKey() const {
    if (!key_) return std::nullopt;
    return MusicKey{wrap(key_->tonic + shift_), key_->minor};
}

std::string Transposer::chord(std::string_view text) const {
    if (shift_ == 0) return std::string(text);
    auto parsed = ChordName::parse(text);
    if (!parsed) return std::string(text);
    parsed->root = wrap(parsed->root + shift_);
    if (parsed->bass) parsed->bass = wrap(*parsed->bass + shift_);
    const bool flats =
        key_ ? targetKey()->usesFlats() : MusicKey{parsed->root, parsed->minor()}.usesFlats();
    return parsed->text(flats);
}

}  // namespace stemdeck::words
