#include "stemdeck/ui/TransportKeys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QWidget>

namespace stemdeck::ui {

namespace {

enum class FieldKind {
    Text,    // a line edit, an editable combo box: the keys that type are always its own
    Number,  // a spin box: its own once typed into
    Choice,  // a combo box: only Enter and Escape are handled here
    Other,   // no field: Qt already lets the window's actions go first
};

FieldKind kindOf(const QWidget* w) {
    if (const auto* edit = qobject_cast<const QLineEdit*>(w))
        return edit->isReadOnly() ? FieldKind::Other : FieldKind::Text;
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(w))
        return spin->isReadOnly() ? FieldKind::Other : FieldKind::Number;
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return combo->isEditable() ? FieldKind::Text : FieldKind::Choice;
    return FieldKind::Other;
}

bool isEnterOrEscape(const QKeyEvent* key) {
    const int k = key->key();
    return (k == Qt::Key_Return || k == Qt::Key_Enter || k == Qt::Key_Escape) &&
           (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool withoutCommandModifier(const QKeyEvent* key) {
    return (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) == Qt::NoModifier;
}

// A key that begins a number typed into a spin box: a digit, a sign, a decimal point.
bool startsNumber(const QKeyEvent* key) {
    if (!withoutCommandModifier(key) || key->text().size() != 1) return false;
    const QChar c = key->text().front();
    const QLocale locale;
    return c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.') ||
           c == QLatin1Char(',') || locale.decimalPoint() == QString(c) ||
           locale.negativeSign() == QString(c);
}

// A key that changes the text: something printable, or one that deletes.
bool editsText(const QKeyEvent* key) {
    if (key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Delete) return true;
    if (key->matches(QKeySequence::Paste) || key->matches(QKeySequence::Cut)) return true;
    return withoutCommandModifier(key) && !key->text().isEmpty() && key->text().front().isPrint();
}

}  // namespace

TransportKeys::TransportKeys(QWidget* window) : QObject(window), window_(window) {
    // On the application: the keys reach the focus widget's own filters and handlers after
    // this, whichever widget of the window it is (also one made later).
    qApp->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget*, QWidget* now) { follow(now); });
    follow(QApplication::focusWidget());
}

TransportKeys::~TransportKeys() {
    qApp->removeEventFilter(this);
}

bool TransportKeys::typingInto(const QWidget* widget) const {
    switch (kindOf(widget)) {
        case FieldKind::Text:
            return true;
        case FieldKind::Number:
            return typed_ && widget == field_;
        case FieldKind::Choice:
        case FieldKind::Other:
            break;
    }
    return false;
}

QList<TransportKeys::Help> TransportKeys::fieldKeys() {
    return {
        {tr("Apply what was typed into a field, give the keys back"), tr("Enter")},
        {tr("Cancel what was typed into a number field, give the keys back"), tr("Esc")},
        {tr("Change the value of the field or fader clicked last"),
         tr("Up, Down (Page Up, Page Down when no action has them)")},
    };
}

void TransportKeys::follow(QWidget* now) {
    if (now == field_) return;
    field_ = now && now->window() == window_ ? now : nullptr;
    typed_ = false;
    // A typed value is applied when it is complete (Enter, or leaving the field), not at each
    // keystroke; the arrows and the wheel still apply at once.
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(field_.data()))
        spin->setKeyboardTracking(false);
}

bool TransportKeys::eventFilter(QObject* watched, QEvent* event) {
    if (!field_) return false;
    if (forwarding_) {
        // Qt asks again whether a shortcut takes the key handed on: it is the field's.
        if (event->type() != QEvent::ShortcutOverride || watched != field_) return false;
        event->accept();
        return true;
    }
    switch (event->type()) {
        case QEvent::ShortcutOverride:
            return watched == field_ && onShortcutOverride(static_cast<QKeyEvent*>(event));
        case QEvent::KeyPress:
            return watched == field_ && onKeyPress(static_cast<QKeyEvent*>(event));
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick: {
            if (!watched->isWidgetType() || kindOf(field_) == FieldKind::Other) break;
            auto* target = static_cast<QWidget*>(watched);
            if (target == field_ || field_->isAncestorOf(target)) {
                // Into the text (not onto the arrows): the user means to type.
                if (qobject_cast<QLineEdit*>(target)) typed_ = true;
            } else if (target->window() == window_) {
                // A click on something that takes no focus (the timeline, a button) still
                // ends the typing: the keys are the window's again.
                leaveField(false);
            }
            break;
        }
        default:
            break;
    }
    return false;
}

bool TransportKeys::onShortcutOverride(QKeyEvent* key) {
    const FieldKind kind = kindOf(field_);
    if (kind == FieldKind::Other) return false;
    if (isEnterOrEscape(key)) {
        key->accept();  // the field's: handled when the key press arrives
        return true;
    }
    if (typingInto(field_) || kind == FieldKind::Choice) return false;  // the field's own rules
    if (startsNumber(key)) {
        key->accept();
        return true;
    }
    // A spin box not typed into: the window's actions first (a line edit inside it would
    // claim Space, Home and the arrows); a key no action takes still reaches the spin box.
    key->ignore();
    return true;
}

bool TransportKeys::onKeyPress(QKeyEvent* key) {
    const FieldKind kind = kindOf(field_);
    if (kind == FieldKind::Other) return false;
    if (isEnterOrEscape(key)) {
        const bool cancel = key->key() == Qt::Key_Escape;
        if (!cancel) {
            // The field's own Enter applies the text (a spin box interprets it, a line edit
            // says returnPressed) ...
            forwarding_ = true;
            QCoreApplication::sendEvent(field_, key);
            forwarding_ = false;
        }
        // ... and nothing else happens: not "back to start", not a dialog's default button.
        leaveField(cancel);
        key->accept();
        return true;
    }
    if (kind == FieldKind::Number && editsText(key)) typed_ = true;
    return false;
}

void TransportKeys::leaveField(bool cancel) {
    if (cancel && field_) {
        // A spin box shows its value again (QSpinBox, QDoubleSpinBox: "value").
        const QVariant value = field_->property("value");
        if (value.isValid()) field_->setProperty("value", value);
    }
    typed_ = false;
    // Leaving the field applies its text (QAbstractSpinBox does on focus out), and the
    // window's actions have the keys again.
    window_->setFocus(Qt::OtherFocusReason);
}

}  // namespace stemdeck::ui
