#pragma once

#include <QString>

namespace stemdeck::ui {

// "mm:ss.t" (tenths, truncated so the display never runs ahead of the audio): 83.46 -> "01:23.4".
QString formatTime(double seconds);
// "m:ss" for ruler labels, with tenths when `tenths` is set: 75 -> "1:15".
QString formatRulerTime(double seconds, bool tenths);

}  // namespace stemdeck::ui
