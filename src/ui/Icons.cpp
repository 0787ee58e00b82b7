#include "stemdeck/ui/Icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <functional>

#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui::icons {

namespace {

constexpr int kSize = 64;  // drawn large, scaled down by QIcon

using Draw = std::function<void(QPainter&)>;

QPixmap render(const Draw& draw, const QColor& color) {
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(color);
    draw(p);
    return pixmap;
}

QIcon make(const Draw& draw) {
    QIcon icon;
    icon.addPixmap(render(draw, palette::kText), QIcon::Normal);
    icon.addPixmap(render(draw, palette::kInaudible), QIcon::Disabled);
    return icon;
}

QPainterPath triangle(double left, double top, double right, double bottom) {
    QPainterPath path;
    path.moveTo(left, top);
    path.lineTo(right, (top + bottom) / 2);
    path.lineTo(left, bottom);
    path.closeSubpath();
    return path;
}

void magnifier(QPainter& p) {
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(10, 10, 32, 32));
    p.drawLine(QLineF(38, 38, 54, 54));
}

}  // namespace

QIcon play() {
    return make([](QPainter& p) { p.drawPath(triangle(18, 12, 52, 52)); });
}

QIcon pause() {
    return make([](QPainter& p) {
        p.drawRoundedRect(QRectF(16, 12, 10, 40), 2, 2);
        p.drawRoundedRect(QRectF(38, 12, 10, 40), 2, 2);
    });
}

QIcon stop() {
    return make([](QPainter& p) { p.drawRoundedRect(QRectF(15, 15, 34, 34), 3, 3); });
}

QIcon toStart() {
    return make([](QPainter& p) {
        p.drawRoundedRect(QRectF(13, 14, 7, 36), 2, 2);
        QPainterPath back = triangle(52, 14, 22, 50);
        p.drawPath(back);
    });
}

QIcon zoomIn() {
    return make([](QPainter& p) {
        magnifier(p);
        p.drawLine(QLineF(18, 26, 34, 26));
        p.drawLine(QLineF(26, 18, 26, 34));
    });
}

QIcon zoomOut() {
    return make([](QPainter& p) {
        magnifier(p);
        p.drawLine(QLineF(18, 26, 34, 26));
    });
}

QIcon zoomFit() {
    return make([](QPainter& p) {
        p.setBrush(Qt::NoBrush);
        p.drawLine(QLineF(8, 32, 56, 32));
        p.drawLine(QLineF(8, 16, 8, 48));
        p.drawLine(QLineF(56, 16, 56, 48));
        p.setBrush(p.pen().color());
        p.drawPath(triangle(38, 24, 50, 40));
        p.drawPath(triangle(26, 24, 14, 40));
    });
}

}  // namespace stemdeck::ui::icons
