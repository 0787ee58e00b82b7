#include "stemdeck/ui/TimeFormat.h"

#include <algorithm>
#include <cmath>

namespace stemdeck::ui {

QString formatTime(double seconds) {
    const auto tenths = static_cast<long long>(std::floor(std::max(0.0, seconds) * 10.0 + 1e-6));
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600, 2, 10, QLatin1Char('0'))
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

QString formatRulerTime(double seconds, bool tenths) {
    const auto t = static_cast<long long>(std::llround(std::max(0.0, seconds) * 10.0));
    QString text = QStringLiteral("%1:%2").arg(t / 600).arg(t / 10 % 60, 2, 10, QLatin1Char('0'));
    if (tenths) text += QStringLiteral(".%1").arg(t % 10);
    return text;
}

}  // namespace stemdeck::ui
