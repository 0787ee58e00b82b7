#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stemdeck::control {

// The size rules of the web remote's HTTP door (docs/design/CONTROL.md §9), decided on the
// bytes of a request as they arrive, before Qt HttpServer buffers them (it has no limits of
// its own in Qt 6.4). Pure: any thread; fuzzed (fuzz/HttpHeadFuzz.cpp).
inline constexpr std::size_t kMaxHeadBytes = 16 * 1024;  // request line + headers
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

struct HeadVerdict {
    enum class Kind {
        NeedMore,  // the head is not complete yet and still within its limit
        Accept,    // a complete head within the limits
        Reject,    // answer `status` with `reason` and close
    };
    Kind kind = Kind::NeedMore;
    int status = 0;             // Reject: 400, 411, 413 or 431
    std::string reason;         // Reject: one printable line
    std::size_t headBytes = 0;  // Accept: the head with its blank line
    std::size_t bodyBytes = 0;  // Accept: Content-Length (0 when absent)
    bool upgrade = false;       // Accept: an "Upgrade: websocket" request

    // Accept and all of head and body are among the `available` bytes.
    bool complete(std::size_t available) const {
        return kind == Kind::Accept && available >= headBytes + bodyBytes;
    }
};

// Looks at the start of what a connection has sent (`bytes`: the unread bytes, peeked):
// a head longer than kMaxHeadBytes → 431; Transfer-Encoding (chunked) or a POST/PUT/PATCH
// without Content-Length → 411; Content-Length over kMaxBodyBytes → 413; a Content-Length
// that is not a number, or two that differ → 400.
HeadVerdict checkRequestHead(std::string_view bytes);

}  // namespace stemdeck::control
