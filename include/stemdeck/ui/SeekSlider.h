#pragma once

#include <QSlider>

namespace stemdeck::ui {

// A position slider that jumps to where it is clicked (a plain QSlider steps by a page) and
// keeps reporting while it is dragged.
class SeekSlider : public QSlider {
    Q_OBJECT
  public:
    explicit SeekSlider(QWidget* parent = nullptr);

  signals:
    void seekRequested(int value);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
};

}  // namespace stemdeck::ui
