#pragma once

// For the GUI tests: which widgets were painted, and where. GUI thread.
#include <QApplication>
#include <QEvent>
#include <QObject>
#include <QPaintEvent>
#include <QRegion>
#include <QWidget>
#include <algorithm>
#include <string>
#include <vector>

namespace stemdeck::test {

// Records the paint events of `watched` (or of every widget of the application when none is
// given) from its construction until its destruction or clear().
class PaintCounter : public QObject {
  public:
    struct Paint {
        QWidget* widget;
        QRegion region;
    };

    explicit PaintCounter(QWidget* watched = nullptr) : watched_(watched) {
        if (watched_)
            watched_->installEventFilter(this);
        else
            qApp->installEventFilter(this);
    }
    ~PaintCounter() override {
        if (watched_)
            watched_->removeEventFilter(this);
        else
            qApp->removeEventFilter(this);
    }
    PaintCounter(const PaintCounter&) = delete;
    PaintCounter& operator=(const PaintCounter&) = delete;

    const std::vector<Paint>& paints() const { return paints_; }
    int count() const { return static_cast<int>(paints_.size()); }
    void clear() { paints_.clear(); }
    // The widest single paint (bounding width of its region), in pixels; 0 when none.
    int widest() const {
        int widest = 0;
        for (const Paint& p : paints_) widest = std::max(widest, p.region.boundingRect().width());
        return widest;
    }
    // Every rectangle painted, as separate strips: the widest of them.
    int widestRect() const {
        int widest = 0;
        for (const Paint& p : paints_)
            for (const QRect& r : p.region) widest = std::max(widest, r.width());
        return widest;
    }

    // "ClassName objectName WxH; …" for each paint, for a failure's message.
    std::string describe() const {
        std::string text;
        for (const Paint& p : paints_) {
            const QRect r = p.region.boundingRect();
            text += std::string(p.widget->metaObject()->className()) + " " +
                    p.widget->objectName().toStdString() + " " + std::to_string(r.width()) + "x" +
                    std::to_string(r.height()) + "; ";
        }
        return text;
    }

  protected:
    bool eventFilter(QObject* object, QEvent* event) override {
        if (event->type() == QEvent::Paint && object->isWidgetType())
            paints_.push_back(
                {static_cast<QWidget*>(object), static_cast<QPaintEvent*>(event)->region()});
        return false;
    }

  private:
    QWidget* watched_;
    std::vector<Paint> paints_;
};

}  // namespace stemdeck::test
