#pragma once

#include <string>

namespace stemdeck::cli {

// `text` as a QR code (libqrencode, error correction M) drawn with UTF-8 half blocks, two
// modules a character row, dark on a light quiet zone of 2 modules, for a terminal: a phone
// scans it off the rack machine's screen. Empty when the text does not fit a QR code. Any
// thread.
std::string qrText(const std::string& text);

}  // namespace stemdeck::cli
