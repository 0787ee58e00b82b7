#pragma once

#include <QIcon>

namespace stemdeck::ui {

// Transport icons drawn with QPainter, so they are crisp at any scale and need no image
// plugin. Normal and disabled states are drawn in the theme's colours.
namespace icons {
QIcon play();
QIcon pause();
QIcon stop();
QIcon toStart();
QIcon zoomIn();
QIcon zoomOut();
QIcon zoomFit();
}  // namespace icons

}  // namespace stemdeck::ui
