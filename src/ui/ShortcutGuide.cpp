#include "stemdeck/ui/ShortcutGuide.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>
#include <QWidget>
#include <functional>

#include "stemdeck/ui/ShortcutsDialog.h"
#include "stemdeck/ui/TransportKeys.h"

namespace stemdeck::ui {

namespace {

// Dynamic properties an annotated action carries.
const char* const kWatched = "stemdeckKeysWatched";
const char* const kBaseTip = "stemdeckBaseToolTip";  // the tooltip without the keys
const char* const kShownTip = "stemdeckShownToolTip";
const char* const kTipFromText = "stemdeckToolTipFromText";  // the text, as Qt makes it

// "Open Song", "Back to Start": an action's or menu's text without its mnemonic "&" or "…".
QString plainText(const QString& text) {
    return QAction(text).toolTip();  // what Qt shows as the tooltip of an action with no tooltip
}

QString joinKeys(const QList<QKeySequence>& keys) {
    QStringList texts;
    for (const QKeySequence& key : keys) texts << key.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

}  // namespace

ShortcutGuide::ShortcutGuide(QWidget* window) : QObject(window), window_(window) {
    for (QAction* action : window->findChildren<QAction*>()) watch(action);
}

void ShortcutGuide::watch(QAction* action) {
    if (!action->property(kWatched).toBool()) {
        action->setProperty(kWatched, true);
        connect(action, &QAction::changed, this, [this, action] { annotate(action); });
    }
    annotate(action);
}

QString ShortcutGuide::keysText(const QAction* action) {
    return joinKeys(action->shortcuts());
}

void ShortcutGuide::annotate(QAction* action) {
    if (annotating_) return;
    const QString current = action->toolTip();
    QString base;
    if (!current.isEmpty() && current == action->property(kShownTip).toString()) {
        // Ours, and not replaced since: only the text (a tooltip made from it), or the keys,
        // may have changed.
        base = action->property(kTipFromText).toBool() ? plainText(action->text())
                                                       : action->property(kBaseTip).toString();
    } else {
        // New, or given a new tooltip by its owner. "Undo Drums Level" has no tooltip of its
        // own: it follows its text.
        action->setProperty(kTipFromText, current == plainText(action->text()));
        base = current;
    }
    const QString keys = keysText(action);
    const QString shown = keys.isEmpty() || base.isEmpty() ? base : tr("%1 (%2)").arg(base, keys);
    action->setProperty(kBaseTip, base);
    action->setProperty(kShownTip, shown);
    if (shown == current) return;
    annotating_ = true;
    action->setToolTip(shown);
    annotating_ = false;
}

QList<ShortcutGuide::Row> ShortcutGuide::rows() const {
    QList<Row> rows;
    QSet<const QAction*> listed;
    const auto add = [&](const QString& section, QAction* action) {
        if (action->shortcuts().isEmpty() || listed.contains(action)) return;
        listed.insert(action);
        const QString tip = action->property(kBaseTip).toString();
        rows.append({section, plainText(action->text()), keysText(action), tip});
    };
    const std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* action : menu->actions()) {
            if (action->menu())
                walk(action->menu());
            else
                add(plainText(menu->title()), action);
        }
    };
    if (auto* bar = window_->findChild<QMenuBar*>())
        for (QAction* action : bar->actions())
            if (action->menu()) walk(action->menu());
    for (QAction* action : window_->findChildren<QAction*>()) add(tr("Other"), action);
    for (QShortcut* shortcut : window_->findChildren<QShortcut*>()) {
        const QString what =
            shortcut->whatsThis().isEmpty() ? shortcut->objectName() : shortcut->whatsThis();
        rows.append({tr("Other"), what, joinKeys(shortcut->keys()), {}});
    }
    for (const TransportKeys::Help& help : TransportKeys::fieldKeys())
        rows.append({tr("Fields"), help.what, help.keys, {}});
    return rows;
}

ShortcutsDialog* ShortcutGuide::showDialog() {
    // Made afresh, so it lists the keys as they are now.
    if (dialog_) dialog_->close();
    dialog_ = new ShortcutsDialog(rows(), window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
    return dialog_;
}

}  // namespace stemdeck::ui
