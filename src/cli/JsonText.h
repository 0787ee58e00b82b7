#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace stemdeck::cli {

// The CLI's JSON output keeps its keys in the order they were written.
using Json = nlohmann::ordered_json;

// `document` as the CLI prints it: indented by two spaces, with a final newline. Bytes that
// are not UTF-8 (file names need not be) become U+FFFD, NaN and infinities null (both
// nlohmann-json's own rules). On top of those, every code point a terminal acts on (DEL, C1
// controls, line separators, bidi overrides; see isTerminalControl) is written as a \u
// escape: the same JSON value, but it cannot act on a terminal showing the output.
std::string jsonText(const Json& document);

}  // namespace stemdeck::cli
