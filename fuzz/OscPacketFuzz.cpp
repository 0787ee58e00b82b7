// libFuzzer target: one OSC datagram as the door receives it (control::osc). Decoding either
// refuses it with one printable line or yields messages; each message routes to an action, a
// door request or one printable error line; a decoded message without exotic arguments
// encodes and decodes back to the same address and type tags.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "stemdeck/control/osc/OscCodec.h"
#include "stemdeck/control/osc/OscRoutes.h"

namespace {

using namespace stemdeck::control::osc;

void check(bool condition) {
    if (!condition) std::abort();
}

bool oneLine(const std::string& text) {
    return !text.empty() && text.find('\n') == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const OscPacket packet = decodeDatagram(data, size);
    if (!packet.ok()) {
        check(oneLine(packet.error));
        check(packet.messages.empty());
        return 0;
    }
    check(packet.messages.size() <=
          kMaxMessagesPerDatagram);  // an empty bundle is valid, and no-op
    for (const OscMessage& message : packet.messages) {
        const OscRoute route = routeMessage(message);
        if (route.kind == OscRoute::Kind::Error) check(oneLine(route.error));
        if (message.types.find_first_not_of("ihfdsSTF") != std::string::npos) continue;
        const auto bytes = encodeMessage(message);
        const OscPacket again = decodeDatagram(bytes.data(), bytes.size());
        check(again.ok() && again.messages.size() == 1);
        check(again.messages[0].address == message.address);
        // S (symbol) is sent back as s: the same text.
        std::string types = message.types;
        for (char& c : types)
            if (c == 'S') c = 's';
        check(again.messages[0].types == types);
    }
    return 0;
}
