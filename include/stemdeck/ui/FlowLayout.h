#pragma once

#include <QLayout>
#include <QList>

namespace stemdeck::ui {

// Lays its items out left to right and wraps to a new row when the width runs out, like words
// in a line of text: a bar of controls that fits a wide window on one row and a narrow one on
// two, instead of squeezing its controls below their size. Items keep their size hints; each
// row is centred vertically. GUI thread.
class FlowLayout : public QLayout {
  public:
    FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return static_cast<int>(items_.size()); }
    QLayoutItem* itemAt(int index) const override { return items_.value(index); }
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

  private:
    // Places the items in `rect` (or only measures when `apply` is false); returns the height.
    int arrange(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> items_;
    int hSpacing_;
    int vSpacing_;
};

}  // namespace stemdeck::ui
