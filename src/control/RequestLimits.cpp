#include "stemdeck/control/RequestLimits.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace stemdeck::control {
namespace {

bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

HeadVerdict reject(int status, std::string reason) {
    HeadVerdict v;
    v.kind = HeadVerdict::Kind::Reject;
    v.status = status;
    v.reason = std::move(reason);
    return v;
}

// Digits only, and no more than fit well above the limit (a 30-digit length is just "too
// large", not an overflow).
std::optional<std::size_t> parseLength(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

}  // namespace

HeadVerdict checkRequestHead(std::string_view bytes) {
    const std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string_view::npos || end + 4 > kMaxHeadBytes) {
        if (bytes.size() >= kMaxHeadBytes || end != std::string_view::npos)
            return reject(431, "the request's headers are larger than 16 KiB");
        return {};
    }
    const std::string_view head = bytes.substr(0, end);
    const std::size_t lineEnd = head.find("\r\n");
    const std::string_view requestLine = head.substr(0, lineEnd);
    const std::string_view method = requestLine.substr(0, requestLine.find(' '));
    const bool needsBody = method == "POST" || method == "PUT" || method == "PATCH";

    std::optional<std::size_t> length;
    bool upgrade = false;
    std::size_t at = lineEnd == std::string_view::npos ? head.size() : lineEnd + 2;
    while (at < head.size()) {
        std::size_t next = head.find("\r\n", at);
        if (next == std::string_view::npos) next = head.size();
        const std::string_view line = head.substr(at, next - at);
        at = next + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;  // Qt's parser judges the syntax
        const std::string_view name = trimmed(line.substr(0, colon));
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (equalsNoCase(name, "transfer-encoding"))
            return reject(411, "chunked bodies are refused: send Content-Length");
        if (equalsNoCase(name, "upgrade") && equalsNoCase(value, "websocket")) upgrade = true;
        if (!equalsNoCase(name, "content-length")) continue;
        const auto parsed = parseLength(value);
        if (!parsed) {
            // Huge digit strings are lengths too, only too large ones.
            if (!value.empty() && std::all_of(value.begin(), value.end(),
                                              [](char c) { return c >= '0' && c <= '9'; }))
                return reject(413, "the request's body is larger than 64 KiB");
            return reject(400, "Content-Length is not a number");
        }
        if (length && *length != *parsed) return reject(400, "two different Content-Lengths");
        length = parsed;
    }
    if (needsBody && !length) return reject(411, "a request with a body needs Content-Length");
    if (length && *length > kMaxBodyBytes)
        return reject(413, "the request's body is larger than 64 KiB");

    HeadVerdict v;
    v.kind = HeadVerdict::Kind::Accept;
    v.headBytes = end + 4;
    v.bodyBytes = length.value_or(0);
    v.upgrade = upgrade;
    return v;
}

}  // namespace stemdeck::control
