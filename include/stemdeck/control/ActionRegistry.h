#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "stemdeck/control/ActionCall.h"
#include "stemdeck/control/ActionSpec.h"

namespace stemdeck::control {

// A call that passed validation: every parameter converted to its spec's type (Bool → bool,
// Int → int64, Float → double, Text and StemRef → string, a StemRef given as a number kept as
// its decimal text) and the defaults of absent optional ones filled in.
struct ValidCall {
    const ActionSpec* spec = nullptr;
    std::map<std::string, ParamValue> params;
    Origin origin = Origin::Test;
    std::int64_t receivedNs = 0;

    bool has(const std::string& name) const { return params.count(name) != 0; }
    // The converted value; the parameter must be present (has()) and of that type.
    bool flag(const std::string& name) const;
    std::int64_t integer(const std::string& name) const;
    double number(const std::string& name) const;
    const std::string& text(const std::string& name) const;
    // A Toggle's wish: its `on` when given, else `otherwise` (the opposite of now: a flip).
    bool flagOr(const std::string& name, bool otherwise) const {
        return has(name) ? flag(name) : otherwise;
    }
};

using ActionHandler = std::function<ActionResult(const ValidCall&)>;

// The named actions and what runs them. Filled once (ActionCatalog plus app::AppActions'
// handlers) on the control thread before any door opens; validate() is pure and may then be
// called from any thread, invoke() from the control thread only.
class ActionRegistry {
  public:
    // Adds or replaces an action (by name); a spec without a handler answers Unavailable.
    void add(ActionSpec spec, ActionHandler handler = {});
    // Sets the handler of an action already added; false if there is no such action.
    bool setHandler(const std::string& name, ActionHandler handler);
    const ActionSpec* find(const std::string& name) const;
    const std::vector<ActionSpec>& specs() const { return specs_; }

    // Checks the name, each parameter's presence, type and range, and unknown parameters.
    // Numbers accept int, float or numeric text; bools accept true/false, 0/1, "on"/"off".
    // On success fills *out when given.
    ActionResult validate(const ActionCall& call, ValidCall* out = nullptr) const;
    // validate(), then the handler. Never throws: a handler's exception becomes Unavailable.
    ActionResult invoke(const ActionCall& call) const;

  private:
    std::vector<ActionSpec> specs_;
    std::map<std::string, std::size_t> index_;  // name → position in specs_
    std::map<std::string, ActionHandler> handlers_;
};

}  // namespace stemdeck::control
