#pragma once

#include <QColor>

namespace stemdeck::ui {

// The colours of the dark theme, shared by the style sheet and the custom-painted widgets.
namespace palette {
inline const QColor kWindow{0x16, 0x18, 0x1d};
inline const QColor kPanel{0x1d, 0x20, 0x26};
inline const QColor kRaised{0x25, 0x29, 0x31};
inline const QColor kBorder{0x31, 0x36, 0x40};
inline const QColor kText{0xe6, 0xe8, 0xec};
inline const QColor kDimText{0x8b, 0x91, 0x9c};
inline const QColor kAccent{0x3f, 0xa9, 0xf5};
inline const QColor kPlayhead{0xff, 0xff, 0xff};
inline const QColor kInaudible{0x4a, 0x4f, 0x59};
inline const QColor kGood{0x3e, 0xcf, 0x8e};
inline const QColor kWarn{0xf2, 0xa3, 0x3a};
inline const QColor kBad{0xf0, 0x4e, 0x4e};
}  // namespace palette

// A distinct colour per stem, the same in the mixer and the timeline.
QColor stemColor(int index);

}  // namespace stemdeck::ui
