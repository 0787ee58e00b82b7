#include "stemdeck/ui/QrCodeWidget.h"

#include <qrencode.h>

#include <QPainter>
#include <algorithm>
#include <memory>

namespace stemdeck::ui {

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void QrCodeWidget::setText(const QString& text) {
    if (text == text_) return;
    text_ = text;
    size_ = 0;
    modules_.clear();
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
            QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
        if (code) {
            size_ = code->width;
            modules_.resize(std::size_t(size_) * std::size_t(size_));
            // Bit 0 of each byte is the module's colour; the others are libqrencode's notes.
            for (std::size_t i = 0; i < modules_.size(); ++i) modules_[i] = code->data[i] & 1;
        }
    }
    updateGeometry();
    update();
}

QSize QrCodeWidget::sizeHint() const {
    const int side = size_ > 0 ? (size_ + 2 * kQuietZone) * 4 : 0;
    return {side, side};
}

QSize QrCodeWidget::minimumSizeHint() const {
    return sizeHint();
}

void QrCodeWidget::paintEvent(QPaintEvent*) {
    if (size_ == 0) return;
    QPainter painter(this);
    const int total = size_ + 2 * kQuietZone;
    // Whole pixels per module: a fractional scale blurs the edges a camera looks for.
    const int scale = std::max(1, std::min(width(), height()) / total);
    const int side = total * scale;
    const QPoint origin((width() - side) / 2, (height() - side) / 2);
    painter.fillRect(QRect(origin, QSize(side, side)), Qt::white);
    for (int y = 0; y < size_; ++y)
        for (int x = 0; x < size_; ++x)
            if (dark(x, y))
                painter.fillRect(origin.x() + (x + kQuietZone) * scale,
                                 origin.y() + (y + kQuietZone) * scale, scale, scale, Qt::black);
}

}  // namespace stemdeck::ui
