#pragma once

#include <QSlider>

namespace stemdeck::ui {

// A position slider that jumps to where it is clicked (a plain QSlider steps by a page) and
// keeps reporting while it is dragged. GUI thread only.
class SeekSlider : public QSlider {
    Q_OBJECT
  public:
    explicit SeekSlider(QWidget* parent = nullptr);

    // Shows `value` (as setValue, with the same signals) when the handle then moves by a
    // pixel, or reaches an end; otherwise keeps the value it has (no repaint).
    void showValue(int value);
    // Where the handle's left edge is for `value` (pixels from the groove's start).
    int handleX(int value) const;

  signals:
    void seekRequested(int value);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
};

}  // namespace stemdeck::ui
