#pragma once

#include <QString>
#include <QWidget>
#include <vector>

namespace stemdeck::ui {

// A QR code of a text (the web remote's address), drawn from libqrencode's modules (error
// correction M, as `serve --qr`), dark on white with a quiet zone of kQuietZone modules so a
// phone's camera finds it on a dark theme. Empty text, or one too long for a QR code: the
// widget draws nothing and matrixSize() is 0. GUI thread only.
class QrCodeWidget : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kQuietZone = 4;  // modules, the minimum the standard asks for

    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setText(const QString& text);
    const QString& text() const { return text_; }
    // Modules per side, 0 without a code.
    int matrixSize() const { return size_; }
    bool dark(int x, int y) const { return modules_[std::size_t(y * size_ + x)]; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QString text_;
    int size_ = 0;
    std::vector<bool> modules_;  // row by row, true: dark
};

}  // namespace stemdeck::ui
