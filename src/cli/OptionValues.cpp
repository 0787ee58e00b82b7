#include "OptionValues.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <type_traits>

#include "Printable.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::cli {

namespace limits = audio::limits;

std::string inQuotes(std::string_view text) {
    return "'" + printable(text) + "'";
}

std::string numberText(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

namespace {

// Whole-string number parse; a leading '+' is allowed ("+3" dB).
template <typename T>
bool parseNumber(std::string_view text, T& out) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty() || text.front() == '+') return false;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
    if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) return false;
    if constexpr (std::is_floating_point_v<T>) return std::isfinite(out);
    return true;
}

bool isMinusInfinity(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "-inf";
}

}  // namespace

int parseInteger(std::string_view option, std::string_view text, int low, int high) {
    int value = 0;
    if (!parseNumber(text, value) || value < low || value > high)
        throw CliError(std::string(option) + " must be an integer from " + std::to_string(low) +
                       " to " + std::to_string(high) + ", got " + inQuotes(text));
    return value;
}

int parseRate(std::string_view text) {
    int rate = 0;
    if (!parseNumber(text, rate) || !limits::sampleRateInRange(rate))
        throw CliError("--rate must be a sample rate in Hz from " +
                       std::to_string(limits::kMinSampleRate) + " to " +
                       std::to_string(limits::kMaxSampleRate) + ", got " + inQuotes(text));
    return rate;
}

double parseSeconds(std::string_view option, std::string_view text, bool allowZero) {
    double seconds = 0.0;
    if (!parseNumber(text, seconds) || seconds < 0.0 || (!allowZero && seconds == 0.0))
        throw CliError(std::string(option) + " must be a " +
                       (allowZero ? "number of seconds >= 0" : "positive number of seconds") +
                       ", got " + inQuotes(text));
    return seconds;
}

float parseGainDb(std::string_view option, std::string_view text) {
    if (isMinusInfinity(text)) return limits::kMinGainDb;
    float db = 0.0f;
    if (!parseNumber(text, db))
        throw CliError(std::string(option) + ": " + inQuotes(text) +
                       " is not a gain in dB (a number or -inf)");
    if (db > limits::kMaxGainDb)
        throw CliError(std::string(option) + ": " + inQuotes(text) + " dB is above the +" +
                       numberText(limits::kMaxGainDb) + " dB maximum");
    return db;
}

audio::RenderSampleFormat parseFormat(std::string_view text) {
    if (text == "16") return audio::RenderSampleFormat::Pcm16;
    if (text == "24") return audio::RenderSampleFormat::Pcm24;
    if (text == "float") return audio::RenderSampleFormat::Float32;
    throw CliError("--format must be 16, 24 or float, got " + inQuotes(text));
}

float parsePan(std::string_view text) {
    float pan = 0.0f;
    if (!parseNumber(text, pan) || pan < -1.0f || pan > 1.0f)
        throw CliError("--pan: " + inQuotes(text) + " is not a pan from -1 (left) to 1 (right)");
    return pan;
}

std::pair<std::string, std::string> splitAssignment(std::string_view option, std::string_view text,
                                                    std::string_view valueName) {
    const auto eq = text.rfind('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
        throw CliError(std::string(option) + " expects NAME=" + std::string(valueName) + ", got " +
                       inQuotes(text));
    return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

std::pair<double, double> parseLoop(std::string_view text) {
    const auto dash = text.find('-', 1);
    double a = 0.0, b = 0.0;
    if (dash == std::string_view::npos || !parseNumber(text.substr(0, dash), a) ||
        !parseNumber(text.substr(dash + 1), b) || a < 0.0)
        throw CliError("--loop expects A-B in seconds (e.g. 12.5-20), got " + inQuotes(text));
    if (b <= a) throw CliError("--loop: the end must be after the start, got " + inQuotes(text));
    return {a, b};
}

double parseRange(std::string_view option, std::string_view text, double low, double high,
                  std::string_view what) {
    double value = 0.0;
    if (!parseNumber(text, value) || value < low || value > high)
        throw CliError(std::string(option) + " must be " + std::string(what) + ", got " +
                       inQuotes(text));
    return value;
}

std::pair<int, int> parseMeter(std::string_view text) {
    const auto signature = audio::TimeSignature::parse(text);
    if (!signature)
        throw CliError("--meter expects a time signature like 4/4 or 6/8, got " + inQuotes(text));
    return {signature->beatsPerBar, signature->beatUnit};
}

}  // namespace stemdeck::cli
