#include "stemdeck/ui/WheelGuard.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QPointer>
#include <QWheelEvent>
#include <QWidget>

namespace stemdeck::ui {

void WheelGuard::guard(QWidget* control) {
    if (control->focusPolicy() == Qt::WheelFocus) control->setFocusPolicy(Qt::StrongFocus);
    control->installEventFilter(instance());
}

WheelGuard* WheelGuard::instance() {
    // One filter serves every control; it goes with the application.
    static QPointer<WheelGuard> guard;
    if (!guard) guard = new WheelGuard(qApp);
    return guard;
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Wheel || !watched->isWidgetType()) return false;
    const auto* control = static_cast<QWidget*>(watched);
    const auto* wheel = static_cast<QWheelEvent*>(event);
    if (control->hasFocus() || wheel->modifiers() != Qt::NoModifier) return false;
    // Not the control's: it scrolls what holds the control (the mixer's strips).
    for (QWidget* w = control->parentWidget(); w; w = w->parentWidget()) {
        auto* area = qobject_cast<QAbstractScrollArea*>(w);
        if (!area || !area->viewport()->isAncestorOf(control)) continue;
        QWidget* viewport = area->viewport();
        QWheelEvent moved(control->mapTo(viewport, wheel->position()), wheel->globalPosition(),
                          wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(),
                          wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source(),
                          wheel->pointingDevice());
        QCoreApplication::sendEvent(viewport, &moved);
        event->setAccepted(moved.isAccepted());
        return true;
    }
    // Nothing scrolls here: the control keeps its value all the same.
    event->ignore();
    return true;
}

}  // namespace stemdeck::ui
