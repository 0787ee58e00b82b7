#pragma once

class QApplication;

namespace stemdeck::ui {

// The dark look: Fusion style, a dark palette for everything standard, and the style sheet
// (resource :/stemdeck/style.qss) for the mixer and transport.
void applyTheme(QApplication& app);

}  // namespace stemdeck::ui
