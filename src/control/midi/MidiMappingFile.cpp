#include "stemdeck/control/midi/MidiMappingFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "../Printable.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/JsonDepth.h"
#include "stemdeck/control/midi/MidiMapper.h"

namespace stemdeck::control::midi {

namespace {

using nlohmann::json;
constexpr int kMaxDepth = 16;
const char* const kFormat = "stemdeck-midi";

// 1..16 or "any" (0).
std::optional<int> channelFrom(const json& value) {
    if (value.is_string() && value.get<std::string>() == "any") return 0;
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        if (n >= 1 && n <= 16) return static_cast<int>(n);
    }
    return std::nullopt;
}

json channelJson(int channel) {
    return channel == 0 ? json("any") : json(channel);
}

std::optional<int> byteFrom(const json& value) {
    if (!value.is_number_integer()) return std::nullopt;
    const auto n = value.get<std::int64_t>();
    if (n < 0 || n > 127) return std::nullopt;
    return static_cast<int>(n);
}

std::optional<ParamValue> paramFrom(const json& value) {
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) return value.get<std::string>();
    return std::nullopt;
}

json paramJson(const ParamValue& value) {
    return std::visit([](const auto& v) { return json(v); }, value);
}

const ActionSpec* findSpec(const std::vector<ActionSpec>& specs, const std::string& name) {
    for (const auto& spec : specs)
        if (spec.name == name) return &spec;
    return nullptr;
}

// One binding, or the problem with it (without the "binding N: " prefix).
std::variant<MidiBinding, std::string> bindingFrom(const json& item,
                                                   const std::vector<ActionSpec>& specs) {
    if (!item.is_object()) return std::string("not an object");
    MidiBinding b;
    const auto action = item.find("action");
    if (action == item.end() || !action->is_string()) return std::string("no action");
    b.action = action->get<std::string>();
    const ActionSpec* spec = findSpec(specs, b.action);
    if (!spec) return "unknown action '" + printable(b.action) + "'";

    const auto source = item.find("source");
    if (source == item.end() || !source->is_object()) return std::string("no source");
    const auto type = source->find("type");
    const std::string typeName =
        type != source->end() && type->is_string() ? type->get<std::string>() : std::string();
    if (typeName == "note")
        b.source.type = MidiSource::Type::Note;
    else if (typeName == "cc")
        b.source.type = MidiSource::Type::Cc;
    else if (typeName == "pc")
        b.source.type = MidiSource::Type::Pc;
    else
        return std::string("source type must be note, cc or pc");
    const auto channel = channelFrom(source->value("channel", json("any")));
    if (!channel) return std::string("source channel must be 1-16 or \"any\"");
    b.source.channel = *channel;
    const auto number = byteFrom(source->value("number", json()));
    if (!number) return std::string("source number must be 0-127");
    b.source.number = *number;

    if (const auto args = item.find("args"); args != item.end()) {
        if (!args->is_object()) return std::string("args must be an object");
        for (const auto& [key, value] : args->items()) {
            bool known = false;
            for (const auto& param : spec->params) known = known || param.name == key;
            if (!known)
                return "'" + printable(b.action) + "' has no parameter '" + printable(key) + "'";
            const auto param = paramFrom(value);
            if (!param) return "argument '" + printable(key) + "' must be a number, text or bool";
            b.args[key] = *param;
        }
    }
    const auto mode = item.find("mode");
    if (mode != item.end()) {
        const auto parsed =
            mode->is_string() ? modeFromName(mode->get<std::string>()) : std::nullopt;
        if (!parsed)
            return std::string("mode must be trigger, toggle, follow, momentary or absolute");
        b.mode = *parsed;
    }
    if (b.mode == MidiMode::Absolute && !MidiMapper::valueParam(*spec))
        return "'" + printable(b.action) + "' has no value for an absolute binding";
    const auto press = item.find("press");
    if (press != item.end()) {
        const auto parsed =
            press->is_string() ? pressFromName(press->get<std::string>()) : std::nullopt;
        if (!parsed) return std::string("press must be high, any or low");
        b.press = *parsed;
    }
    if (const auto takeover = item.find("takeover"); takeover != item.end()) {
        const auto parsed =
            takeover->is_string() ? takeoverFromName(takeover->get<std::string>()) : std::nullopt;
        if (!parsed) return std::string("takeover must be pickup or jump");
        b.takeover = *parsed;
    }
    if (const auto feedback = item.find("feedback"); feedback != item.end()) {
        if (feedback->is_boolean()) {
            b.feedback = feedback->get<bool>();
        } else if (feedback->is_object()) {
            const auto on = byteFrom(feedback->value("on", json(127)));
            const auto off = byteFrom(feedback->value("off", json(0)));
            if (!on || !off) return std::string("feedback on/off must be 0-127");
            b.feedback = true;
            b.feedbackOn = *on;
            b.feedbackOff = *off;
        } else {
            return std::string("feedback must be true, false or {\"on\", \"off\"}");
        }
    }
    for (const auto& [key, value] : item.items())
        if (key != "action" && key != "source" && key != "args" && key != "mode" &&
            key != "press" && key != "feedback" && key != "takeover")
            b.extra[key] = value;
    return b;
}

// Writes `text` to a temporary file beside `path`, flushes it to disk and renames it over
// `path`: a crash or a full disk leaves the old file or the new one, never half of one.
std::string writeAtomically(const std::filesystem::path& path, const std::string& text) {
    const auto temp = path.string() + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write " + printable(temp, 200) + ": " + std::strerror(errno);
    bool ok = true;
    for (std::size_t done = 0; ok && done < text.size();) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    const int error = ok ? 0 : errno;
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(error ? error : errno);
        ::unlink(temp.c_str());
        return "cannot write " + printable(path.string(), 200) + ": " + reason;
    }
    return {};
}

// Reads a whole file of at most kMaxBytes into `text`; returns an empty string or the problem.
std::string readFile(const std::filesystem::path& path, std::string& text) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return "cannot read " + printable(path.string(), 200) + ": " + error.message();
    if (size > MidiMappingFile::kMaxBytes) return "mapping file is over 1 MiB";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) return "cannot read " + printable(path.string(), 200);
    text = buffer.str();
    return {};
}

MidiMappingLoad failure(std::string problem) {
    MidiMappingLoad load;
    load.problems.push_back(std::move(problem));
    return load;
}

}  // namespace

MidiMappingLoad MidiMappingFile::parse(const std::string& text) {
    if (text.size() > kMaxBytes) return failure("mapping file is over 1 MiB");
    if (jsonNestingDepth(text, kMaxDepth) > kMaxDepth)
        return failure("mapping file is nested too deeply");
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded()) return failure("mapping file is not valid JSON");
    if (!root.is_object()) return failure("mapping file is not a JSON object");
    if (root.value("format", json()) != json(kFormat))
        return failure("not a stemdeck MIDI mapping (format is not \"stemdeck-midi\")");
    const json version = root.value("version", json());
    if (!version.is_number_integer() || version.get<std::int64_t>() < 1)
        return failure("mapping file has no valid version");

    MidiMappingLoad load;
    load.ok = true;
    auto& m = load.mapping;
    if (version.get<std::int64_t>() > 1)
        load.problems.push_back("mapping file version " + version.dump() +
                                " is newer than this stemdeck: reading what it knows");
    if (const auto c = root.find("controller"); c != root.end() && c->is_string())
        m.controller = c->get<std::string>();
    if (const auto p = root.find("feedback_port"); p != root.end() && p->is_string())
        m.feedbackPort = p->get<std::string>();

    const auto specs = actionCatalog();
    m.programChange = ProgramChangeRule{};  // absent = the default rule; null = none
    if (const auto pc = root.find("program_change"); pc != root.end()) {
        if (pc->is_null()) {
            m.programChange.reset();
        } else if (!pc->is_object()) {
            load.problems.push_back("program_change: must be an object or null; using the default");
        } else {
            ProgramChangeRule rule;
            rule.action = pc->value("action", json(rule.action)).is_string()
                              ? pc->value("action", rule.action)
                              : std::string();
            const json offset = pc->value("offset", json(rule.offset));
            const auto channel = channelFrom(pc->value("channel", json("any")));
            const ActionSpec* spec = findSpec(specs, rule.action);
            if (!spec || !MidiMapper::valueParam(*spec))
                load.problems.push_back("program_change: action must take a number (song.goto)");
            else if (!offset.is_number_integer() || offset.get<std::int64_t>() < -128 ||
                     offset.get<std::int64_t>() > 128)
                load.problems.push_back("program_change: offset must be an integer -128..128");
            else if (!channel)
                load.problems.push_back("program_change: channel must be 1-16 or \"any\"");
            else {
                rule.offset = static_cast<int>(offset.get<std::int64_t>());
                rule.channel = *channel;
                m.programChange = rule;
            }
        }
    }

    const auto bindings = root.find("bindings");
    if (bindings != root.end() && !bindings->is_array())
        load.problems.push_back("bindings: must be an array");
    if (bindings != root.end() && bindings->is_array()) {
        std::size_t index = 0;
        for (const auto& item : *bindings) {
            ++index;
            if (m.bindings.size() == kMaxBindings) {
                load.problems.push_back("bindings past " + std::to_string(kMaxBindings) +
                                        " left out (" +
                                        std::to_string(bindings->size() - index + 1) + ")");
                break;
            }
            auto result = bindingFrom(item, specs);
            if (auto* problem = std::get_if<std::string>(&result))
                load.problems.push_back("binding " + std::to_string(index) + ": " + *problem);
            else
                m.bindings.push_back(std::move(std::get<MidiBinding>(result)));
        }
    }
    for (const auto& [key, value] : root.items())
        if (key != "format" && key != "version" && key != "controller" && key != "feedback_port" &&
            key != "program_change" && key != "bindings")
            m.extra[key] = value;
    return load;
}

MidiMappingLoad MidiMappingFile::load(const std::filesystem::path& path) {
    std::string text;
    if (auto problem = readFile(path, text); !problem.empty()) return failure(std::move(problem));
    return parse(text);
}

nlohmann::json MidiMappingFile::toJson(const MidiMapping& mapping) {
    json root = mapping.extra.is_object() ? mapping.extra : json::object();
    root["format"] = kFormat;
    root["version"] = 1;
    root["controller"] = mapping.controller;
    if (!mapping.feedbackPort.empty()) root["feedback_port"] = mapping.feedbackPort;
    if (mapping.programChange)
        root["program_change"] = {{"action", mapping.programChange->action},
                                  {"offset", mapping.programChange->offset},
                                  {"channel", channelJson(mapping.programChange->channel)}};
    else
        root["program_change"] = nullptr;
    json bindings = json::array();
    for (const auto& b : mapping.bindings) {
        json item = b.extra.is_object() ? b.extra : json::object();
        item["action"] = b.action;
        if (!b.args.empty()) {
            json args = json::object();
            for (const auto& [key, value] : b.args) args[key] = paramJson(value);
            item["args"] = args;
        }
        const char* type = b.source.type == MidiSource::Type::Note ? "note"
                           : b.source.type == MidiSource::Type::Cc ? "cc"
                                                                   : "pc";
        item["source"] = {{"type", type},
                          {"channel", channelJson(b.source.channel)},
                          {"number", b.source.number}};
        item["mode"] = modeName(b.mode);
        item["press"] = pressName(b.press);
        if (b.mode == MidiMode::Absolute) item["takeover"] = takeoverName(b.takeover);
        if (b.feedback && (b.feedbackOn != 127 || b.feedbackOff != 0))
            item["feedback"] = {{"on", b.feedbackOn}, {"off", b.feedbackOff}};
        else
            item["feedback"] = b.feedback;
        bindings.push_back(std::move(item));
    }
    root["bindings"] = std::move(bindings);
    return root;
}

std::string MidiMappingFile::save(const MidiMapping& mapping, const std::filesystem::path& path) {
    // dump() replaces invalid UTF-8 instead of throwing: names may come from a device.
    const std::string text =
        toJson(mapping).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    return writeAtomically(path, text);
}

std::string MidiMappingFile::import(const std::filesystem::path& source,
                                    const std::filesystem::path& destination,
                                    MidiMappingLoad* load) {
    // One read: what is validated is exactly what is copied (the file's own text, not our rewrite).
    std::string text;
    std::string problem = readFile(source, text);
    MidiMappingLoad loaded = problem.empty() ? parse(text) : failure(problem);
    if (!loaded.ok)
        problem = "not imported: " +
                  (loaded.problems.empty() ? std::string("unreadable") : loaded.problems.front());
    else
        problem = writeAtomically(destination, text);
    if (load) *load = std::move(loaded);
    return problem;
}

}  // namespace stemdeck::control::midi
