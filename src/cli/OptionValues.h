#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "CliOptions.h"

// The value checks of the command-line options: each takes one argument's text and throws
// CliError (one line, naming the option, the text shown printable) when it cannot use it.
// Ranges come from stemdeck/audio/core/Limits.h. Numbers are whole-string parses; a leading '+' is
// allowed ("+3" dB), NaN and infinities are not (but "-inf" is a gain).
namespace stemdeck::cli {

// 'text', printable, for an error message.
std::string inQuotes(std::string_view text);
// A limit as the help and the messages write it: 6, 0.5, 300.
std::string numberText(double value);

int parseInteger(std::string_view option, std::string_view text, int low, int high);
// A number from low to high; the message says it must be `what`.
double parseRange(std::string_view option, std::string_view text, double low, double high,
                  std::string_view what);
int parseRate(std::string_view text);
double parseSeconds(std::string_view option, std::string_view text, bool allowZero);
// dB up to limits::kMaxGainDb, or -inf.
float parseGainDb(std::string_view option, std::string_view text);
audio::RenderSampleFormat parseFormat(std::string_view text);
float parsePan(std::string_view text);
// NAME=VALUE; the last '=' splits, so a stem name may itself contain '='.
std::pair<std::string, std::string> splitAssignment(std::string_view option, std::string_view text,
                                                    std::string_view valueName);
// A-B in seconds, e.g. "12.5-20".
std::pair<double, double> parseLoop(std::string_view text);
// N/D as TimeSignature::parse reads it.
std::pair<int, int> parseMeter(std::string_view text);

}  // namespace stemdeck::cli
