#include "stemdeck/ui/Palette.h"

#include <array>

namespace stemdeck::ui {

QColor stemColor(int index) {
    // Hues far enough apart to tell neighbours apart, bright enough on the dark background.
    static const std::array<QColor, 10> colors{QColor(0x4f, 0xc3, 0xf7), QColor(0x81, 0xc7, 0x84),
                                               QColor(0xff, 0xb7, 0x4d), QColor(0xba, 0x68, 0xc8),
                                               QColor(0xf0, 0x62, 0x92), QColor(0x4d, 0xb6, 0xac),
                                               QColor(0xff, 0xd5, 0x4f), QColor(0x79, 0x86, 0xcb),
                                               QColor(0xe5, 0x73, 0x73), QColor(0xae, 0xd5, 0x81)};
    return colors[static_cast<std::size_t>(index < 0 ? 0 : index) % colors.size()];
}

}  // namespace stemdeck::ui
