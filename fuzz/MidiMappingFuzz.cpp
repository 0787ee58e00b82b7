// libFuzzer target: a MIDI mapping file (imported from anywhere, or edited by hand). parse must
// accept or refuse any bytes with printable one-line problems, never crash or throw; what it
// loads must save and load again unchanged with no problems, and its bindings must map every
// kind of message and answer feedback without crashing, each call validating or failing
// printably against the catalog.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ControlFuzzChecks.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/midi/MidiFeedback.h"
#include "stemdeck/control/midi/MidiMapper.h"
#include "stemdeck/control/midi/MidiMappingFile.h"

namespace {

using namespace stemdeck::control;
using namespace stemdeck::control::midi;

using stemdeck::fuzz::check;
using stemdeck::fuzz::checkLine;
const ActionRegistry& registry() {
    return stemdeck::fuzz::catalogRegistry();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto load = MidiMappingFile::parse(text);
    for (const auto& line : load.problems) checkLine(line);
    if (!load.ok) {
        check(load.problems.size() == 1 && load.mapping.bindings.empty());
        return 0;
    }
    check(load.mapping.bindings.size() <= MidiMappingFile::kMaxBindings);

    const auto saved = MidiMappingFile::toJson(load.mapping);
    const std::string again = saved.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (again.size() <= MidiMappingFile::kMaxBytes) {
        const auto reload = MidiMappingFile::parse(again);
        check(reload.ok && reload.problems.empty());
        check(MidiMappingFile::toJson(reload.mapping) == saved);
    }

    MidiMapper mapper(load.mapping.bindings, load.mapping.programChange, actionCatalog());
    MidiFeedback feedback(load.mapping.bindings, actionCatalog());
    using Type = MidiMessage::Type;
    for (const auto& b : load.mapping.bindings) {
        const int channel = b.source.channel == 0 ? 1 : b.source.channel;
        for (const MidiMessage m :
             {MidiMessage{Type::NoteOn, channel, b.source.number, 127},
              MidiMessage{Type::NoteOff, channel, b.source.number, 0},
              MidiMessage{Type::ControlChange, channel, b.source.number, 0},
              MidiMessage{Type::ControlChange, channel, b.source.number, 127},
              MidiMessage{Type::ProgramChange, channel, b.source.number, 0}}) {
            feedback.noteInput(m, 0);
            for (const auto& call : mapper.map(m, 0)) {
                const auto result = registry().validate(call);
                if (!result.ok()) checkLine(result.message);
            }
        }
        for (const auto& bytes : feedback.changed(b.action, b.args, 1.0, 1'000'000'000)) {
            check(bytes.size() == 3 && (bytes[0] & 0x80) && !(bytes[1] & 0x80) &&
                  !(bytes[2] & 0x80));
        }
    }
    return 0;
}
