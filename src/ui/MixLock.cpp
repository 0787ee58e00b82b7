#include "stemdeck/ui/MixLock.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QScrollBar>
#include <QWidget>

namespace stemdeck::ui {

namespace {

// The events by which a user changes a control.
bool isInput(QEvent::Type type) {
    switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::ContextMenu:
        case QEvent::DragEnter:
        case QEvent::DragMove:
        case QEvent::Drop:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TouchEnd:
        case QEvent::TabletPress:
        case QEvent::TabletMove:
        case QEvent::TabletRelease:
            return true;
        default:
            return false;
    }
}

}  // namespace

MixLock::MixLock(QObject* parent) : QObject(parent), actions_(new QActionGroup(this)) {
    actions_->setExclusionPolicy(QActionGroup::ExclusionPolicy::None);
}

MixLock::~MixLock() {
    if (locked_) qApp->removeEventFilter(this);
}

void MixLock::setLocked(bool locked) {
    if (locked == locked_) return;
    locked_ = locked;
    // The filter sits on the application only while locked: unlocked, it costs nothing.
    if (locked_)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
    actions_->setEnabled(!locked_);
    emit lockedChanged(locked_);
}

void MixLock::guard(QWidget* area) {
    if (area && !areas_.contains(area)) areas_.append(area);
}

void MixLock::guard(QAction* action) {
    if (action) actions_->addAction(action);
}

bool MixLock::guards(const QWidget* widget) const {
    for (const QPointer<QWidget>& area : areas_)
        if (area && (area == widget || area->isAncestorOf(widget))) return true;
    return false;
}

bool MixLock::eventFilter(QObject* watched, QEvent* event) {
    if (!locked_ || !isInput(event->type()) || !watched->isWidgetType()) return false;
    const auto* widget = static_cast<const QWidget*>(watched);
    if (!guards(widget)) return false;
    // Scrolling to the strips out of view changes no mix.
    for (const QWidget* w = widget; w; w = w->parentWidget())
        if (qobject_cast<const QScrollBar*>(w)) return false;
    event->accept();  // swallowed here: it goes no further up to a parent either
    return true;
}

}  // namespace stemdeck::ui
