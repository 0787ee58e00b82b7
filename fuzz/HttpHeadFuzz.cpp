// libFuzzer target: the first bytes of an HTTP request as the web remote's GuardedTcpServer
// peeks them (control::checkRequestHead). Any bytes must give a verdict without a crash; a
// refusal is 400, 411, 413 or 431 with one printable line; an acceptance stays within the
// limits and within the bytes seen; and a verdict never changes as more bytes arrive once
// the head is complete (the server peeks again on every read).
#include <cstdint>
#include <string_view>

#include "ControlFuzzChecks.h"
#include "stemdeck/control/RequestLimits.h"

using namespace stemdeck::control;
using stemdeck::fuzz::check;
using stemdeck::fuzz::checkLine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const HeadVerdict verdict = checkRequestHead(bytes);
    switch (verdict.kind) {
        case HeadVerdict::Kind::NeedMore:
            check(size < kMaxHeadBytes);
            break;
        case HeadVerdict::Kind::Reject:
            check(verdict.status == 400 || verdict.status == 411 || verdict.status == 413 ||
                  verdict.status == 431);
            checkLine(verdict.reason);
            break;
        case HeadVerdict::Kind::Accept:
            check(verdict.headBytes <= size && verdict.headBytes <= kMaxHeadBytes);
            check(verdict.bodyBytes <= kMaxBodyBytes);
            check(bytes.substr(verdict.headBytes - 4, 4) == "\r\n\r\n");
            break;
    }
    if (verdict.kind != HeadVerdict::Kind::NeedMore) {
        // The same head with fewer trailing bytes (but all of it) decides the same.
        const std::size_t headEnd = bytes.find("\r\n\r\n");
        if (headEnd != std::string_view::npos && headEnd + 4 <= size) {
            const HeadVerdict shorter = checkRequestHead(bytes.substr(0, headEnd + 4));
            check(shorter.kind == verdict.kind && shorter.status == verdict.status &&
                  shorter.headBytes == verdict.headBytes);
        }
    }
    return 0;
}
