#include "stemdeck/control/ActionCall.h"

namespace stemdeck::control {

const char* codeName(ActionResult::Code code) {
    switch (code) {
        case ActionResult::Code::Ok:
            return "ok";
        case ActionResult::Code::UnknownAction:
            return "unknown_action";
        case ActionResult::Code::BadParam:
            return "bad_param";
        case ActionResult::Code::OutOfRange:
            return "out_of_range";
        case ActionResult::Code::Unavailable:
            return "unavailable";
        case ActionResult::Code::Locked:
            return "locked";
        case ActionResult::Code::ReadOnly:
            return "read_only";
    }
    return "unknown";
}

}  // namespace stemdeck::control
