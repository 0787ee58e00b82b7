#include "stemdeck/control/osc/OscCodec.h"

#include <lo/lo_lowlevel.h>

#include <cstring>
#include <memory>
#include <string_view>

namespace stemdeck::control::osc {
namespace {

std::size_t padded(std::size_t n) {
    return (n + 3) & ~std::size_t{3};
}

// The OSC string at data[0..size): its length up to the NUL, or npos when it is not
// terminated within the buffer.
std::size_t stringLength(const char* data, std::size_t size) {
    const void* nul = std::memchr(data, '\0', size);
    return nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - data) : std::string::npos;
}

bool isPrintableAscii(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

std::uint32_t readBigEndian32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) |
           std::uint32_t{u[3]};
}

// liblo's arguments sit at 4-byte offsets of its buffer: an int64 or a double there may be
// misaligned for a direct load.
template <typename T>
T load(const lo_arg* arg) {
    T value;
    std::memcpy(&value, arg, sizeof value);
    return value;
}

// The type tag string at `at` and the arguments it announces fit exactly in the message. Checked
// before liblo sees the bytes: liblo 0.31 reads a blob's 4-byte size without checking that 4
// bytes are left (found by valgrind on mutated datagrams).
bool argumentsFit(const char* data, std::size_t size, std::size_t at) {
    if (at >= size || data[at] != ',') return false;
    const std::size_t tagsLength = stringLength(data + at, size - at);
    if (tagsLength == std::string::npos || padded(tagsLength + 1) > size - at) return false;
    const std::string_view tags(data + at + 1, tagsLength - 1);
    at += padded(tagsLength + 1);
    for (char tag : tags) {
        std::size_t need = 0;
        switch (tag) {
            case 'i':
            case 'f':
            case 'c':
            case 'r':
            case 'm':
                need = 4;
                break;
            case 'h':
            case 'd':
            case 't':
                need = 8;
                break;
            case 'T':
            case 'F':
            case 'N':
            case 'I':
                need = 0;
                break;
            case 's':
            case 'S': {
                if (at >= size) return false;
                const std::size_t n = stringLength(data + at, size - at);
                if (n == std::string::npos) return false;
                need = padded(n + 1);
                break;
            }
            case 'b': {
                if (size - at < 4) return false;
                need = 4 + padded(readBigEndian32(data + at));
                break;
            }
            default:
                return false;  // liblo refuses unknown tags too; we say so first
        }
        if (need > size - at) return false;
        at += need;
    }
    return at == size;
}

struct LoMessageFree {
    void operator()(lo_message m) const { lo_message_free(m); }
};
using LoMessage = std::unique_ptr<std::remove_pointer_t<lo_message>, LoMessageFree>;

class Decoder {
  public:
    OscPacket packet;

    bool element(const char* data, std::size_t size, int depth) {
        if (size >= 8 && std::memcmp(data, "#bundle", 8) == 0) return bundle(data, size, depth);
        return message(data, size);
    }

  private:
    bool fail(std::string why) {
        packet.error = std::move(why);
        packet.messages.clear();
        return false;
    }

    bool bundle(const char* data, std::size_t size, int depth) {
        if (depth >= kMaxBundleDepth)
            return fail("bundles nested deeper than " + std::to_string(kMaxBundleDepth) +
                        " levels");
        if (size < 16) return fail("bundle without a time tag");
        std::size_t at = 16;  // "#bundle\0" and the 8-byte time tag (ignored: run now)
        while (at < size) {
            if (size - at < 4) return fail("bundle element size cut short");
            const std::uint32_t length = readBigEndian32(data + at);
            at += 4;
            if (length == 0 || length % 4 != 0 || length > size - at)
                return fail("bundle element of " + std::to_string(length) + " bytes does not fit");
            if (!element(data + at, length, depth + 1)) return false;
            at += length;
        }
        return true;
    }

    bool message(const char* data, std::size_t size) {
        if (size == 0 || data[0] != '/') return fail("not an OSC message (no address)");
        const std::size_t len = stringLength(data, size);
        if (len == std::string::npos || padded(len + 1) > size)
            return fail("OSC address not terminated");
        std::string address(data, len);
        if (!isPrintableAscii(address)) return fail("OSC address has control characters");
        if (packet.address.empty()) packet.address = address;
        if (packet.messages.size() >= kMaxMessagesPerDatagram)
            return fail("more than " + std::to_string(kMaxMessagesPerDatagram) +
                        " messages in one datagram");
        if (!argumentsFit(data, size, padded(len + 1))) {
            packet.address = address;
            return fail("malformed OSC message (type tags and arguments do not match its size)");
        }
        // liblo copies the bytes before reading them; it takes a non-const pointer only.
        int result = 0;
        LoMessage m(lo_message_deserialise(const_cast<char*>(data), size, &result));
        if (!m || result != 0) {
            packet.address = address;
            return fail("malformed OSC message (liblo error " + std::to_string(result) + ")");
        }
        OscMessage out;
        out.address = std::move(address);
        const char* types = lo_message_get_types(m.get());
        out.types = types ? types : "";
        if (out.types.size() > kMaxArgs) {
            packet.address = out.address;
            return fail("more than " + std::to_string(kMaxArgs) + " arguments");
        }
        lo_arg** argv = lo_message_get_argv(m.get());
        for (std::size_t i = 0; i < out.types.size(); ++i) {
            const lo_arg* a = argv ? argv[i] : nullptr;
            switch (out.types[i]) {
                case LO_INT32:
                    out.args.emplace_back(load<std::int32_t>(a));
                    break;
                case LO_INT64:
                    out.args.emplace_back(load<std::int64_t>(a));
                    break;
                case LO_FLOAT:
                    out.args.emplace_back(load<float>(a));
                    break;
                case LO_DOUBLE:
                    out.args.emplace_back(load<double>(a));
                    break;
                case LO_STRING:
                case LO_SYMBOL:
                    out.args.emplace_back(std::string(reinterpret_cast<const char*>(a)));
                    break;
                case LO_TRUE:
                    out.args.emplace_back(true);
                    break;
                case LO_FALSE:
                    out.args.emplace_back(false);
                    break;
                default:
                    out.args.emplace_back(OscOther{});
                    break;
            }
        }
        packet.messages.push_back(std::move(out));
        return true;
    }
};

}  // namespace

OscPacket decodeDatagram(const void* data, std::size_t size) {
    Decoder decoder;
    if (size == 0) {
        decoder.packet.error = "empty datagram";
    } else if (size > kMaxDatagramBytes) {
        // The door reads one byte over the limit: the size is "more than", not exact.
        decoder.packet.error =
            "datagram larger than " + std::to_string(kMaxDatagramBytes) + " bytes";
    } else if (size % 4 != 0) {
        decoder.packet.error = "datagram size " + std::to_string(size) + " is not a multiple of 4";
    } else {
        decoder.element(static_cast<const char*>(data), size, 0);
    }
    return std::move(decoder.packet);
}

std::vector<char> encodeMessage(const OscMessage& message) {
    LoMessage m(lo_message_new());
    for (const OscArg& arg : message.args) {
        if (const auto* i = std::get_if<std::int32_t>(&arg))
            lo_message_add_int32(m.get(), *i);
        else if (const auto* h = std::get_if<std::int64_t>(&arg))
            lo_message_add_int64(m.get(), *h);
        else if (const auto* f = std::get_if<float>(&arg))
            lo_message_add_float(m.get(), *f);
        else if (const auto* d = std::get_if<double>(&arg))
            lo_message_add_double(m.get(), *d);
        else if (const auto* s = std::get_if<std::string>(&arg))
            lo_message_add_string(m.get(), s->c_str());
        else if (const auto* b = std::get_if<bool>(&arg))
            *b ? lo_message_add_true(m.get()) : lo_message_add_false(m.get());
        else
            lo_message_add_nil(m.get());
    }
    std::size_t size = lo_message_length(m.get(), message.address.c_str());
    std::vector<char> bytes(size);
    lo_message_serialise(m.get(), message.address.c_str(), bytes.data(), &size);
    bytes.resize(size);
    return bytes;
}

std::vector<std::vector<char>> encodeBundles(const std::vector<OscMessage>& messages,
                                             std::size_t maxBytes, std::size_t maxMessages) {
    if (messages.size() == 1) return {encodeMessage(messages[0])};
    static constexpr char kHead[16] = {'#', 'b', 'u', 'n', 'd', 'l', 'e', '\0',
                                       0,   0,   0,   0,   0,   0,   0,   1};
    std::vector<std::vector<char>> bundles;
    std::size_t inLast = 0;
    for (const OscMessage& message : messages) {
        const std::vector<char> bytes = encodeMessage(message);
        if (bundles.empty() || inLast >= maxMessages ||
            bundles.back().size() + 4 + bytes.size() > maxBytes) {
            bundles.emplace_back(std::begin(kHead), std::end(kHead));
            inLast = 0;
        }
        ++inLast;
        std::vector<char>& out = bundles.back();
        const auto n = static_cast<std::uint32_t>(bytes.size());
        for (int shift = 24; shift >= 0; shift -= 8)
            out.push_back(static_cast<char>((n >> shift) & 0xff));
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    return bundles;
}

OscMessage makeMessage(std::string address, std::vector<OscArg> args) {
    OscMessage m;
    m.address = std::move(address);
    for (const OscArg& arg : args) {
        static constexpr char kTags[] = {'i', 'h', 'f', 'd', 's', 'T', 'N'};
        char tag = kTags[arg.index()];
        if (tag == 'T' && !std::get<bool>(arg)) tag = 'F';
        m.types.push_back(tag);
    }
    m.args = std::move(args);
    return m;
}

}  // namespace stemdeck::control::osc
