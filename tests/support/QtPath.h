#pragma once

// For the Qt-side tests (app and GUI): a std::filesystem path as a QString. Header-only, so
// the engine's test-support library stays free of Qt.
#include <QString>
#include <filesystem>

namespace stemdeck::test {

inline QString qpath(const std::filesystem::path& p) {
    return QString::fromStdString(p.string());
}

}  // namespace stemdeck::test
