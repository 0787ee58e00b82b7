#include "JsonText.h"

#include <algorithm>
#include <cstdio>

#include "Printable.h"

namespace stemdeck::cli {

std::string jsonText(const Json& document) {
    const std::string text =
        document.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size();) {
        char32_t codePoint = 0;
        // dump() with `replace` writes valid UTF-8 only; 0 cannot happen, but never loops.
        const std::size_t length = std::max<std::size_t>(decodeUtf8(text, i, codePoint), 1);
        // Raw C0 controls in the dump are its own line breaks: inside strings nlohmann-json
        // already escapes them. Everything else a terminal acts on can only be in a string.
        if (codePoint >= 0x20 && isTerminalControl(codePoint)) {
            char escape[16];  // "\\u" and four digits; room for what GCC thinks %04x may write
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(codePoint));
            out += escape;
        } else {
            out.append(text, i, length);
        }
        i += length;
    }
    out += '\n';
    return out;
}

}  // namespace stemdeck::cli
