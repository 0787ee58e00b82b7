#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace stemdeck::control::osc {

// One OSC argument. T and F arrive as bool; N, I, blobs, time tags and other rarely used types
// as Other (their tag stays in OscMessage::types, so a route can name the type it refused).
struct OscOther {
    bool operator==(const OscOther&) const = default;
};
using OscArg = std::variant<std::int32_t, std::int64_t, float, double, std::string, bool, OscOther>;

struct OscMessage {
    std::string address;  // "/stemdeck/play"
    std::string types;    // type tags without the leading ',': "f", "ss", "T"
    std::vector<OscArg> args;
};

// What one UDP datagram held: its messages (a bundle's in order, flattened), or why it was
// refused. A refused datagram yields no messages at all: a half-applied bundle is worse than
// none. `address` names the first message's address when it could be read, for the error reply.
struct OscPacket {
    std::vector<OscMessage> messages;
    std::string error;    // one printable line, empty when the datagram was good
    std::string address;  // the address the error is about, if known
    bool ok() const { return error.empty(); }
};

// Limits of what a door accepts: no control message needs more (the largest, /stemdeck/action
// with JSON parameters, is limited to 4 KiB of JSON).
inline constexpr std::size_t kMaxDatagramBytes = 16 * 1024;
inline constexpr int kMaxBundleDepth = 4;  // a bundle inside a bundle … four levels at most
inline constexpr std::size_t kMaxMessagesPerDatagram = 64;
inline constexpr std::size_t kMaxArgs = 16;

// Decodes one datagram: a message, or a bundle walked here (each element's size checked
// against what is left, nesting ≤ kMaxBundleDepth) whose messages liblo decodes. Never throws
// on bad bytes. Pure: any thread.
OscPacket decodeDatagram(const void* data, std::size_t size);

// One message in OSC wire form (through liblo). int32/float/string/bool/int64/double args;
// Other is encoded as N (nil). Any thread.
std::vector<char> encodeMessage(const OscMessage& message);

// The messages packed into as few bundles ("#bundle", time tag "now") as hold `maxMessages`
// and fit `maxBytes` each (a message alone larger than that still gets a bundle of its own);
// one message is sent as it is. Any thread.
std::vector<std::vector<char>> encodeBundles(const std::vector<OscMessage>& messages,
                                             std::size_t maxBytes = 8192,
                                             std::size_t maxMessages = 32);

// Convenience for building messages: the type tags follow from the arguments.
OscMessage makeMessage(std::string address, std::vector<OscArg> args);

}  // namespace stemdeck::control::osc
