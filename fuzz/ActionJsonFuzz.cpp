// libFuzzer target: the parameters of a web action (POST /api/action/<name>, a WebSocket
// message's "params") as a client sends them. paramsFromJson must accept or refuse any bytes
// with one printable line, never crash or throw; what it accepts must validate against every
// action of the catalog without crashing, each answer dumping as JSON, and must survive a
// round trip through JSON unchanged. A "stem" text is also resolved against a few stems.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ControlFuzzChecks.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionJson.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/StemRef.h"

namespace {

using namespace stemdeck::control;

using stemdeck::fuzz::check;
using stemdeck::fuzz::checkLine;
const ActionRegistry& registry() {
    return stemdeck::fuzz::catalogRegistry();
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
