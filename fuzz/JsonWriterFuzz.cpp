// libFuzzer target: the CLI's JSON writer. The input drives a random document (objects,
// arrays, keys and every value type, arbitrary bytes in strings); the writer's text is then
// parsed back by the small strict parser below and must give the same document: strings
// equal when they were valid UTF-8 (else valid UTF-8 with U+FFFD), numbers bit-exact,
// non-finite numbers null.
#include <fuzzer/FuzzedDataProvider.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "Json.h"

namespace {

using stemdeck::cli::JsonWriter;

void check(bool condition) {
    if (!condition) std::abort();
}

struct Value {
    enum Kind { Null, Bool, Int, UInt, Double, String, Array, Object } kind = Null;
    bool b = false;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double d = 0;
    std::string s;                  // String; number text when parsed
    std::vector<Value> items;       // Array elements, or Object member values
    std::vector<std::string> keys;  // Object member names, one per item
};

// --- generating ------------------------------------------------------------------------------

Value generate(FuzzedDataProvider& in, JsonWriter& out, int depth) {
    Value v;
    const int pick = in.ConsumeIntegralInRange(0, depth > 6 ? 5 : 7);
    switch (pick) {
        case 0:
            v.kind = Value::Null;
            out.null();
            break;
        case 1:
            v.kind = Value::Bool;
            v.b = in.ConsumeBool();
            out.value(v.b);
            break;
        case 2:
            v.kind = Value::Int;
            v.i = in.ConsumeIntegral<std::int64_t>();
            out.value(v.i);
            break;
        case 3:
            v.kind = Value::UInt;
            v.u = in.ConsumeIntegral<std::uint64_t>();
            out.value(v.u);
            break;
        case 4: {
            std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
            std::memcpy(&v.d, &bits, sizeof v.d);
            v.kind = std::isfinite(v.d) ? Value::Double : Value::Null;
            out.value(v.d);
            break;
        }
        case 5:
            v.kind = Value::String;
            v.s = in.ConsumeRandomLengthString(64);
            out.value(v.s);
            break;
        case 6: {
            v.kind = Value::Array;
            out.beginArray();
            for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n)
                v.items.push_back(generate(in, out, depth + 1));
            out.endArray();
            break;
        }
        default: {
            v.kind = Value::Object;
            out.beginObject();
            for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) {
                v.keys.push_back(in.ConsumeRandomLengthString(16));
                out.key(v.keys.back());
                v.items.push_back(generate(in, out, depth + 1));
            }
            out.endObject();
        }
    }
    return v;
}

// --- parsing (strict JSON, RFC 8259) ---------------------------------------------------------

struct Parser {
    const std::string& t;
    std::size_t p = 0;

    void ws() {
        while (p < t.size() && (t[p] == ' ' || t[p] == '\n' || t[p] == '\t' || t[p] == '\r')) ++p;
    }
    void expect(char c) {
        check(p < t.size() && t[p] == c);
        ++p;
    }
    void literal(const char* word) {
        for (const char* c = word; *c; ++c) expect(*c);
    }
    unsigned hex4() {
        check(p + 4 <= t.size());
        unsigned v = 0;
        const auto r = std::from_chars(t.data() + p, t.data() + p + 4, v, 16);
        check(r.ec == std::errc{} && r.ptr == t.data() + p + 4);
        p += 4;
        return v;
    }
    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    std::string string() {
        expect('"');
        std::string out;
        for (;;) {
            check(p < t.size());
            const auto c = static_cast<unsigned char>(t[p++]);
            if (c == '"') return out;
            check(c >= 0x20);  // raw control characters are not allowed
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            check(p < t.size());
            const char e = t[p++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4();
                    check(cp < 0xD800 || cp > 0xDFFF);  // the writer never splits into surrogates
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    check(false);
            }
        }
    }
    Value value() {
        ws();
        check(p < t.size());
        Value v;
        const char c = t[p];
        if (c == 'n') {
            literal("null");
        } else if (c == 't' || c == 'f') {
            v.kind = Value::Bool;
            v.b = c == 't';
            literal(v.b ? "true" : "false");
        } else if (c == '"') {
            v.kind = Value::String;
            v.s = string();
        } else if (c == '[') {
            v.kind = Value::Array;
            ++p;
            ws();
            if (p < t.size() && t[p] == ']') {
                ++p;
                return v;
            }
            for (;;) {
                v.items.push_back(value());
                ws();
                check(p < t.size());
                if (t[p++] == ']') return v;
                check(t[p - 1] == ',');
            }
        } else if (c == '{') {
            v.kind = Value::Object;
            ++p;
            ws();
            if (p < t.size() && t[p] == '}') {
                ++p;
                return v;
            }
            for (;;) {
                ws();
                v.keys.push_back(string());
                ws();
                expect(':');
                v.items.push_back(value());
                ws();
                check(p < t.size());
                if (t[p++] == '}') return v;
                check(t[p - 1] == ',');
            }
        } else {
            v.kind = Value::Double;  // any number; compared against the expected type below
            const std::size_t start = p;
            if (t[p] == '-') ++p;
            check(p < t.size() && t[p] >= '0' && t[p] <= '9');
            while (p < t.size() && std::strchr("0123456789.eE+-", t[p])) ++p;
            v.s = t.substr(start, p - start);
        }
        return v;
    }
};

std::size_t replacements(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t at = s.find("\xEF\xBF\xBD"); at != std::string::npos;
         at = s.find("\xEF\xBF\xBD", at + 3))
        ++n;
    return n;
}

// Valid UTF-8 must come back byte for byte. The writer adds a U+FFFD only for a byte that is
// not valid UTF-8, so equal counts of U+FFFD before and after quoting mean the input was valid.
bool sameString(const std::string& written, const std::string& read) {
    if (replacements(JsonWriter::quote(written)) == replacements(written)) return written == read;
    return replacements(read) > replacements(written);
}

void compare(const Value& expected, const Value& got) {
    switch (expected.kind) {
        case Value::Null:
            check(got.kind == Value::Null);
            break;
        case Value::Bool:
            check(got.kind == Value::Bool && got.b == expected.b);
            break;
        case Value::Int: {
            std::int64_t i = 0;
            const auto r = std::from_chars(got.s.data(), got.s.data() + got.s.size(), i);
            check(r.ec == std::errc{} && r.ptr == got.s.data() + got.s.size() && i == expected.i);
            break;
        }
        case Value::UInt: {
            std::uint64_t u = 0;
            const auto r = std::from_chars(got.s.data(), got.s.data() + got.s.size(), u);
            check(r.ec == std::errc{} && r.ptr == got.s.data() + got.s.size() && u == expected.u);
            break;
        }
        case Value::Double: {
            check(got.kind == Value::Double);
            const double d = std::strtod(got.s.c_str(), nullptr);
            check(std::memcmp(&d, &expected.d, sizeof d) == 0);
            break;
        }
        case Value::String:
            check(got.kind == Value::String && sameString(expected.s, got.s));
            break;
        case Value::Array:
        case Value::Object:
            check(got.kind == expected.kind && got.items.size() == expected.items.size() &&
                  got.keys.size() == expected.keys.size());
            for (std::size_t k = 0; k < expected.keys.size(); ++k)
                check(sameString(expected.keys[k], got.keys[k]));
            for (std::size_t k = 0; k < expected.items.size(); ++k)
                compare(expected.items[k], got.items[k]);
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    JsonWriter writer;
    const Value expected = generate(in, writer, 0);
    const std::string text = writer.str();
    check(!text.empty() && text.back() == '\n');
    Parser parser{text};
    const Value got = parser.value();
    parser.ws();
    check(parser.p == text.size());  // nothing after the document
    compare(expected, got);
    return 0;
}
