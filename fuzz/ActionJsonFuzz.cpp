// libFuzzer target: the parameters of a web action (POST /api/action/<name>, a WebSocket
// message's "params") as a client sends them. paramsFromJson must accept or refuse any bytes
// with one printable line, never crash or throw; what it accepts must validate against every
// action of the catalog without crashing, each answer dumping as JSON, and must survive a
// round trip through JSON unchanged. A "stem" text is also resolved against a few stems.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionJson.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/StemRef.h"

namespace {

using namespace stemdeck::control;

void check(bool condition) {
    if (!condition) std::abort();
}

// One line: no control characters (the message may quote a client's bytes only printably).
void checkLine(const std::string& text) {
    check(!text.empty());
    for (const char c : text) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

const ActionRegistry& registry() {
    static const ActionRegistry instance = [] {
        ActionRegistry r;
        for (auto& spec : actionCatalog()) r.add(std::move(spec));
        return r;
    }();
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::map<std::string, ParamValue> params;
    const ActionResult parsed = paramsFromJson(text, params);
    (void)resultToJson(parsed).dump();  // throws, and so fails, on bytes JSON cannot carry
    if (!parsed.ok()) {
        check(parsed.code == ActionResult::Code::BadParam);
        checkLine(parsed.message);
        return 0;
    }

    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : params) object[name] = toJson(value);
    std::map<std::string, ParamValue> again;
    check(paramsFromJson(object.dump(), again).ok());
    check(again == params);

    for (const auto& spec : registry().specs()) {
        ValidCall valid;
        const ActionResult result =
            registry().validate({spec.name, params, Origin::Http, 0}, &valid);
        (void)resultToJson(result).dump();
        if (!result.ok()) {
            checkLine(result.message);
            continue;
        }
        check(valid.spec == &spec);
        for (const auto& param : spec.params) check(param.optional || valid.has(param.name));
    }

    if (const auto stem = params.find("stem"); stem != params.end()) {
        if (const auto* name = std::get_if<std::string>(&stem->second)) {
            const StemMatch match = resolveStem({"Drums", "bass", "BASS", "2"}, *name);
            if (match.ok())
                check(*match.index < 4);
            else
                checkLine(match.error);
        }
    }
    return 0;
}
