// libFuzzer target: the CLI's JSON output (jsonText: nlohmann-json's dump plus the escaping of
// what a terminal acts on). The input drives a random document (objects, arrays, keys and
// every value type, arbitrary bytes in strings); the text must parse back, strictly, to the
// same document (strings equal when they were valid UTF-8, numbers bit-exact, non-finite
// numbers null), and no terminal control may appear raw in it.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "JsonText.h"
#include "Printable.h"

namespace {

using stemdeck::cli::Json;

void check(bool condition) {
    if (!condition) std::abort();
}

bool validUtf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t codePoint = 0;
        const std::size_t length = stemdeck::cli::decodeUtf8(text, i, codePoint);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

Json generate(FuzzedDataProvider& in, int depth) {
    switch (in.ConsumeIntegralInRange(0, depth > 6 ? 5 : 7)) {
        case 0:
            return nullptr;
        case 1:
            return in.ConsumeBool();
        case 2:
            return in.ConsumeIntegral<std::int64_t>();
        case 3:
            return in.ConsumeIntegral<std::uint64_t>();
        case 4:
            return in.ConsumeFloatingPoint<double>();
        case 5:
            return in.ConsumeRandomLengthString(64);
        case 6: {
            Json array = Json::array();
            for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n)
                array.push_back(generate(in, depth + 1));
            return array;
        }
        default: {
            Json object = Json::object();
            for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) {
                std::string key = in.ConsumeRandomLengthString(16);
                object[key] = generate(in, depth + 1);
            }
            return object;
        }
    }
}

// `read` is what parsing `written`'s text gave.
void checkSame(const Json& written, const Json& read) {
    if (written.is_number_float() && !std::isfinite(written.get<double>())) {
        check(read.is_null());
    } else if (written.is_string()) {
        check(read.is_string());
        const auto& text = written.get_ref<const std::string&>();
        if (validUtf8(text)) check(read == written);
    } else if (written.is_array()) {
        check(read.is_array() && read.size() == written.size());
        for (std::size_t i = 0; i < written.size(); ++i) checkSame(written[i], read[i]);
    } else if (written.is_object()) {
        check(read.is_object());
        // Two keys that differ only in bytes that are not UTF-8 both become U+FFFD: the
        // parsed object then has one key fewer, so only valid keys compare member by member.
        for (auto w = written.begin(); w != written.end(); ++w)
            if (!validUtf8(w.key())) return;
        check(read.size() == written.size());
        auto r = read.begin();
        for (auto w = written.begin(); w != written.end(); ++w, ++r) {
            check(r.key() == w.key());
            checkSame(w.value(), r.value());
        }
    } else if (written.is_number_float()) {
        check(read.is_number() && read.get<double>() == written.get<double>());
    } else {
        check(read == written);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const Json document = generate(in, 0);
    const std::string text = stemdeck::cli::jsonText(document);
    check(!text.empty() && text.back() == '\n');
    for (std::size_t i = 0; i < text.size();) {
        char32_t codePoint = 0;
        const std::size_t length = stemdeck::cli::decodeUtf8(text, i, codePoint);
        check(length > 0);  // valid UTF-8 throughout
        check(codePoint == '\n' || !stemdeck::cli::isTerminalControl(codePoint));
        i += length;
    }
    checkSame(document, Json::parse(text));  // throws, and so fails, on invalid JSON
    return 0;
}
