#include "stemdeck/control/KeyDefaults.h"

namespace stemdeck::control {
namespace {

std::vector<KeyDefault> makeDefaults() {
    std::vector<KeyDefault> table = {
        // As in ui/MainWindow.ui and src/ui/MainWindow.cpp.
        {"play_pause", {}, {"Space"}},
        {"to_start", {}, {"Home", "Return", "Enter"}},
        {"loop", {}, {"L"}},
        // src/ui/SetWindowPart.cpp, VampWindowPart.cpp, MainWindowStage.cpp.
        {"song.previous", {}, {"Ctrl+Left"}},
        {"song.next", {}, {"Ctrl+Right"}},
        {"vamp", {}, {"V"}},
        {"stage", {}, {"F11"}},
        {"lock", {}, {"Ctrl+L"}},
        // Bluetooth page-turner pedals send PageDown/PageUp (a few send arrows, which stemdeck
        // already uses to seek). A song is a score of sections: turning a page moves to the next
        // or previous marker; songs stay on Ctrl+arrows, so one pedal press never skips a song
        // by accident. (CONTROL.md §14, open question 1.)
        {"marker.next", {}, {"PgDown"}},
        {"marker.previous", {}, {"PgUp"}},
    };
    // 1–9: Jump to Marker n (src/ui/MainWindow.cpp, setUpMarkerActions).
    for (int n = 1; n <= 9; ++n)
        table.push_back({"marker.goto", {{"n", std::int64_t{n}}}, {std::to_string(n)}});
    return table;
}

}  // namespace

const std::vector<KeyDefault>& keyDefaults() {
    static const std::vector<KeyDefault> table = makeDefaults();
    return table;
}

std::vector<std::string> defaultKeys(const std::string& action) {
    for (const auto& binding : keyDefaults())
        if (binding.action == action && binding.params.empty()) return binding.keys;
    return {};
}

}  // namespace stemdeck::control
