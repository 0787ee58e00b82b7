// Synthesises stemdeck's demo song: 20 s at 48 kHz, 120 BPM, 4/4, in C major
// (C - G - Am - F twice, then a final C left to ring). Deterministic: the same program encodes
// the same samples every time (own noise generator, no clocks; only the Ogg stream serial
// numbers differ between runs). Writes OGG/Vorbis stems and meta.json
// into the folder given on the command line, then decodes the files again and checks that the
// full mix at unity gains peaks below -1 dBFS.
//
// Usage: make_demo_song OUTPUT_FOLDER

#include <sndfile.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kRate = 48000;
constexpr double kBeat = 0.5;  // seconds at 120 BPM
constexpr int kBeatsPerBar = 4;
constexpr double kBar = kBeat * kBeatsPerBar;
constexpr int kBars = 9;
constexpr double kTail = 2.0;  // room for the last chord to ring out
constexpr std::size_t kFrames = static_cast<std::size_t>((kBars * kBar + kTail) * kRate);
constexpr double kMixPeak = 0.71;          // -3 dBFS before encoding: room for Vorbis overshoot
constexpr double kMaxDecodedPeak = 0.891;  // -1 dBFS, checked on the decoded files
constexpr double kTwoPi = 2.0 * std::numbers::pi;

using Channel = std::vector<double>;

double midiHz(int note) {
    return 440.0 * std::pow(2.0, (note - 69) / 12.0);
}

// xorshift32: the same sequence on every platform (std distributions are not portable).
class Noise {
  public:
    explicit Noise(std::uint32_t seed) : state_(seed ? seed : 1) {}
    double next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 17;
        state_ ^= state_ << 5;
        return static_cast<double>(state_) / 2147483648.0 - 1.0;
    }

  private:
    std::uint32_t state_;
};

// A mono or stereo stem under construction. Events are added at a time in seconds with a
// generator that returns the sample at time t since the event's start.
class Track {
  public:
    Track(std::string name, int channels)
        : name_(std::move(name)), channels_(static_cast<std::size_t>(channels), Channel(kFrames)) {}

    const std::string& name() const { return name_; }
    std::size_t channelCount() const { return channels_.size(); }
    const Channel& channel(std::size_t c) const { return channels_[c]; }

    // Adds gen(t) for `length` seconds from `start`, spread by `pan` (-1..1, constant power)
    // on a stereo track.
    template <typename Generator>
    void add(double start, double length, double pan, Generator gen) {
        const auto first = static_cast<std::size_t>(start * kRate);
        const auto count = static_cast<std::size_t>(length * kRate);
        const double theta = (pan + 1.0) * std::numbers::pi / 4.0;
        const std::array<double, 2> gains{std::cos(theta) * std::numbers::sqrt2,
                                          std::sin(theta) * std::numbers::sqrt2};
        for (std::size_t i = 0; i < count && first + i < kFrames; ++i) {
            const double v = gen(static_cast<double>(i) / kRate);
            if (channels_.size() == 1) {
                channels_[0][first + i] += v;
            } else {
                channels_[0][first + i] += v * gains[0];
                channels_[1][first + i] += v * gains[1];
            }
        }
    }

    void scale(double factor) {
        for (auto& ch : channels_)
            for (auto& s : ch) s *= factor;
    }

  private:
    std::string name_;
    std::vector<Channel> channels_;
};

// Attack/release envelope around an exponential decay, so no note starts or ends with a step.
double envelope(double t, double length, double attack, double decay, double release) {
    if (t < 0 || t >= length) return 0.0;
    const double a = std::min(1.0, t / attack);
    const double r = std::min(1.0, (length - t) / release);
    return a * r * std::exp(-t / decay);
}

struct Chord {
    int root;                 // bass note (MIDI)
    std::array<int, 4> keys;  // voicing around middle C
};
// C - G - Am - F, voiced with small moves between chords.
constexpr std::array<Chord, 4> kProgression{{
    {36, {60, 64, 67, 72}},  // C
    {43, {59, 62, 67, 71}},  // G
    {45, {57, 60, 64, 69}},  // Am
    {41, {57, 60, 65, 69}},  // F
}};
const Chord& chordOfBar(int bar) {
    return bar == kBars - 1 ? kProgression[0] : kProgression[static_cast<std::size_t>(bar) % 4];
}
double barStart(int bar) {
    return bar * kBar;
}

void writeClick(Track& click) {
    // Every beat; the downbeat higher and louder so the bar is easy to follow.
    for (int bar = 0; bar < kBars; ++bar) {
        for (int beat = 0; beat < kBeatsPerBar; ++beat) {
            const bool accent = beat == 0;
            const double hz = accent ? 1600.0 : 1000.0;
            const double amp = accent ? 0.5 : 0.3;
            click.add(barStart(bar) + beat * kBeat, 0.05, 0.0, [=](double t) {
                return amp * envelope(t, 0.05, 0.0005, 0.012, 0.005) * std::sin(kTwoPi * hz * t);
            });
        }
    }
}

void addKick(Track& drums, double at, double amp) {
    drums.add(at, 0.45, 0.0, [amp, phase = 0.0](double t) mutable {
        // Pitch falls from ~150 Hz to 45 Hz: the classic synthesised kick.
        phase += kTwoPi * (45.0 + 105.0 * std::exp(-t / 0.035)) / kRate;
        return amp * envelope(t, 0.45, 0.001, 0.16, 0.02) * std::sin(phase);
    });
}

void addSnare(Track& drums, Noise& noise, double at, double amp) {
    drums.add(at, 0.3, 0.05, [amp, &noise, prev = 0.0](double t) mutable {
        const double n = noise.next();
        const double bright = n - prev;  // first difference: a gentle high-pass
        prev = n;
        const double body = std::sin(kTwoPi * 185.0 * t) * envelope(t, 0.3, 0.001, 0.05, 0.02);
        return amp * (0.55 * bright * envelope(t, 0.3, 0.001, 0.09, 0.03) + 0.5 * body);
    });
}

void addHat(Track& drums, Noise& noise, double at, double amp, double decay) {
    const double length = decay * 6.0;
    drums.add(at, length, 0.35, [=, &noise, p1 = 0.0, p2 = 0.0](double t) mutable {
        const double n = noise.next();
        const double d1 = n - p1;  // two differences: only the sizzle remains
        const double d2 = d1 - p2;
        p1 = n;
        p2 = d1;
        return amp * 0.5 * d2 * envelope(t, length, 0.0005, decay, 0.005);
    });
}

void addCrash(Track& drums, Noise& left, Noise& right, double at) {
    // Two independent noises, one per side, make a wide cymbal.
    const double length = 2.5;
    for (const auto& side : {std::pair{&left, -1.0}, std::pair{&right, 1.0}}) {
        // Named copies: C++20 lambdas may not capture structured bindings in clang 14.
        Noise* const noise = side.first;
        drums.add(at, length, side.second, [=, prev = 0.0](double t) mutable {
            const double n = noise->next();
            const double d = n - prev;
            prev = n;
            return 0.12 * d * envelope(t, length, 0.001, 0.7, 0.2);
        });
    }
}

void writeDrums(Track& drums) {
    Noise snareNoise(0x5eed01), hatNoise(0x5eed02), crashL(0x5eed03), crashR(0x5eed04);
    for (int bar = 0; bar < kBars; ++bar) {
        const double t0 = barStart(bar);
        if (bar == kBars - 1) {  // the final hit
            addKick(drums, t0, 0.9);
            addCrash(drums, crashL, crashR, t0);
            continue;
        }
        const bool intro = bar < 2;
        for (int eighth = 0; eighth < 8; ++eighth) {
            const bool open = !intro && eighth == 7;
            addHat(drums, hatNoise, t0 + eighth * kBeat / 2, eighth % 2 ? 0.22 : 0.32,
                   open ? 0.09 : 0.018);
        }
        if (intro) {
            addKick(drums, t0, 0.6);
            continue;
        }
        addKick(drums, t0, 0.9);
        addKick(drums, t0 + 2 * kBeat, 0.85);
        addKick(drums, t0 + 2.5 * kBeat, 0.6);
        addSnare(drums, snareNoise, t0 + kBeat, 0.7);
        if (bar == kBars - 2) {  // a sixteenth-note fill into the last bar
            for (int s = 0; s < 4; ++s)
                addSnare(drums, snareNoise, t0 + 3 * kBeat + s * kBeat / 4, 0.35 + 0.1 * s);
        } else {
            addSnare(drums, snareNoise, t0 + 3 * kBeat, 0.7);
        }
    }
}

void addBassNote(Track& bass, double at, double length, int note, double amp) {
    const double hz = midiHz(note);
    bass.add(at, length, 0.0, [=](double t) {
        // A few harmonics that fade faster than the fundamental: a soft, plucked tone.
        const double tone = std::sin(kTwoPi * hz * t) +
                            0.45 * std::exp(-t / 0.15) * std::sin(2 * kTwoPi * hz * t) +
                            0.2 * std::exp(-t / 0.08) * std::sin(3 * kTwoPi * hz * t);
        return amp * tone * envelope(t, length, 0.004, 0.6, 0.02);
    });
}

void writeBass(Track& bass) {
    // Root on the eighths, an octave up on the "and" of 2 and a fifth on beat 4.
    constexpr std::array<int, 8> kPattern{0, 0, 0, 12, 0, 0, 7, 0};
    for (int bar = 2; bar < kBars; ++bar) {
        const int root = chordOfBar(bar).root;
        if (bar == kBars - 1) {
            addBassNote(bass, barStart(bar), 3.0, root, 0.5);
            continue;
        }
        for (int eighth = 0; eighth < 8; ++eighth)
            addBassNote(bass, barStart(bar) + eighth * kBeat / 2, 0.23,
                        root + kPattern[static_cast<std::size_t>(eighth)],
                        eighth % 2 ? 0.32 : 0.42);
    }
}

void addKeysChord(Track& keys, double at, double length, const Chord& chord, double amp) {
    for (std::size_t v = 0; v < chord.keys.size(); ++v) {
        const double hz = midiHz(chord.keys[v]);
        const double pan = -0.6 + 1.2 * static_cast<double>(v) / (chord.keys.size() - 1);
        keys.add(at, length, pan, [=](double t) {
            // Electric-piano-like: a bell partial that dies quickly over a sine body.
            const double tone = std::sin(kTwoPi * hz * t) +
                                0.3 * std::exp(-t / 0.25) * std::sin(2 * kTwoPi * hz * t) +
                                0.12 * std::exp(-t / 0.05) * std::sin(7 * kTwoPi * hz * t);
            return amp * tone * envelope(t, length, 0.003, 1.4, 0.06);
        });
    }
}

void writeKeys(Track& keys) {
    for (int bar = 0; bar < kBars; ++bar) {
        const Chord& chord = chordOfBar(bar);
        const double t0 = barStart(bar);
        if (bar < 2 || bar == kBars - 1) {
            addKeysChord(keys, t0, bar == kBars - 1 ? 3.5 : kBar, chord, 0.14);
            continue;
        }
        // Beat 1, the "and" of 2 and beat 4: a light syncopation.
        addKeysChord(keys, t0, 0.7, chord, 0.14);
        addKeysChord(keys, t0 + 1.5 * kBeat, 0.9, chord, 0.11);
        addKeysChord(keys, t0 + 3 * kBeat, 0.45, chord, 0.11);
    }
}

void writeLead(Track& lead) {
    struct Note {
        double beat;    // from the start of bar 4
        double length;  // beats
        int note;
    };
    // Over the second pass of the progression: chord tones with a few passing notes.
    constexpr std::array<Note, 14> kMelody{{
        {0, 1.5, 76},
        {1.5, 0.5, 74},
        {2, 2, 72},
        {4, 1.5, 74},
        {5.5, 0.5, 71},
        {6, 2, 67},
        {8, 1, 72},
        {9, 1, 76},
        {10, 2, 81},
        {12, 1.5, 79},
        {13.5, 0.5, 77},
        {14, 1, 76},
        {15, 1, 74},
        {16, 4, 72},
    }};
    const double t0 = barStart(4);
    for (const Note& n : kMelody) {
        const double hz = midiHz(n.note);
        const double length = n.length * kBeat;
        lead.add(t0 + n.beat * kBeat, length, 0.0, [=, phase = 0.0](double t) mutable {
            // Delayed vibrato, as a singer or a flute would play it.
            const double vibrato =
                1.0 + 0.004 * std::min(1.0, t / 0.4) * std::sin(kTwoPi * 5.0 * t);
            phase += kTwoPi * hz * vibrato / kRate;
            const double tone = std::sin(phase) + 0.15 * std::sin(3 * phase);
            return 0.22 * tone * envelope(t, length, 0.03, 2.5, 0.08);
        });
    }
}

// Peak of the mix as the player makes it at unity gains: mono stems centred on both sides.
double mixPeak(const std::vector<const std::vector<Channel>*>& stems) {
    double peak = 0.0;
    for (std::size_t i = 0; i < kFrames; ++i) {
        double l = 0.0, r = 0.0;
        for (const auto* channels : stems) {
            l += (*channels)[0][i];
            r += channels->back()[i];
        }
        peak = std::max({peak, std::abs(l), std::abs(r)});
    }
    return peak;
}

void writeOgg(const std::filesystem::path& file, const Track& track) {
    SF_INFO info{};
    info.samplerate = kRate;
    info.channels = static_cast<int>(track.channelCount());
    info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    if (!sf)
        throw std::runtime_error("cannot write " + file.string() + ": " + sf_strerror(nullptr));
    double quality = 0.4;
    sf_command(sf, SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof quality);
    std::vector<float> interleaved(kFrames * track.channelCount());
    for (std::size_t i = 0; i < kFrames; ++i)
        for (std::size_t c = 0; c < track.channelCount(); ++c)
            interleaved[i * track.channelCount() + c] = static_cast<float>(track.channel(c)[i]);
    const auto written = sf_writef_float(sf, interleaved.data(), static_cast<sf_count_t>(kFrames));
    sf_close(sf);
    if (written != static_cast<sf_count_t>(kFrames))
        throw std::runtime_error("short write to " + file.string());
}

std::vector<Channel> readBack(const std::filesystem::path& file) {
    SF_INFO info{};
    SNDFILE* sf = sf_open(file.c_str(), SFM_READ, &info);
    if (!sf) throw std::runtime_error("cannot read back " + file.string());
    std::vector<double> interleaved(static_cast<std::size_t>(info.frames * info.channels));
    sf_readf_double(sf, interleaved.data(), info.frames);
    sf_close(sf);
    const auto channels = static_cast<std::size_t>(info.channels);
    std::vector<Channel> out(channels, Channel(kFrames, 0.0));
    const std::size_t frames = std::min(kFrames, interleaved.size() / channels);
    for (std::size_t i = 0; i < frames; ++i)
        for (std::size_t c = 0; c < channels; ++c) out[c][i] = interleaved[i * channels + c];
    return out;
}

void writeMeta(const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary);
    out << "{\n"
           "  \"title\": \"First Light\",\n"
           "  \"artist\": \"stemdeck\",\n"
           "  \"key\": \"C\",\n"
           "  \"tempo\": 120,\n"
           "  \"time_signature\": \"4/4\"\n"
           "}\n";
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

void run(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    std::vector<Track> tracks;
    tracks.emplace_back("bass", 1);
    tracks.emplace_back("click", 1);
    tracks.emplace_back("drums", 2);
    tracks.emplace_back("keys", 2);
    tracks.emplace_back("lead", 1);
    writeBass(tracks[0]);
    writeClick(tracks[1]);
    writeDrums(tracks[2]);
    writeKeys(tracks[3]);
    writeLead(tracks[4]);

    // One common factor keeps the balance above and puts the mix peak at kMixPeak.
    std::vector<std::vector<Channel>> synthesised;
    for (const auto& t : tracks) {
        std::vector<Channel> chans;
        for (std::size_t c = 0; c < t.channelCount(); ++c) chans.push_back(t.channel(c));
        synthesised.push_back(std::move(chans));
    }
    std::vector<const std::vector<Channel>*> views;
    for (const auto& s : synthesised) views.push_back(&s);
    const double factor = kMixPeak / mixPeak(views);
    for (auto& t : tracks) t.scale(factor);

    std::vector<std::vector<Channel>> decoded;
    for (const auto& t : tracks) {
        const auto file = folder / (t.name() + ".ogg");
        writeOgg(file, t);
        decoded.push_back(readBack(file));
        std::printf("%-6s %d ch  %7.1f kB\n", t.name().c_str(), static_cast<int>(t.channelCount()),
                    std::filesystem::file_size(file) / 1000.0);
    }
    writeMeta(folder / "meta.json");

    views.clear();
    for (const auto& d : decoded) views.push_back(&d);
    const double peak = mixPeak(views);
    std::printf("mix peak after decoding: %.2f dBFS\n", 20.0 * std::log10(peak));
    if (peak >= kMaxDecodedPeak) throw std::runtime_error("decoded mix peaks above -1 dBFS");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_demo_song OUTPUT_FOLDER\n");
        return 2;
    }
    try {
        run(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_demo_song: error: %s\n", e.what());
        return 1;
    }
    return 0;
}
