#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stemdeck::control {

// Text a client sent, fit for a one-line message: control characters and bytes that are not
// UTF-8 become '?', and it is cut (at a character boundary, with "…") after `maxBytes`.
// Messages quote names and keys from the network; a log line or a JSON answer must not break.
std::string printable(std::string_view text, std::size_t maxBytes = 64);

}  // namespace stemdeck::control
