#include "stemdeck/ui/NoticeBar.h"

#include <QApplication>
#include <QKeyEvent>
#include <QStringList>
#include <algorithm>

#include "stemdeck/ui/Palette.h"
#include "ui_NoticeBar.h"

namespace stemdeck::ui {

NoticeBar::NoticeBar(QWidget* parent) : QFrame(parent), ui_(std::make_unique<Ui::NoticeBar>()) {
    ui_->setupUi(this);
    // The loud sibling of the amber load-issues banner: these mean something stopped working.
    setStyleSheet(QStringLiteral("stemdeck--ui--NoticeBar { background: %1; border-bottom: 1px "
                                 "solid %2; } QLabel { color: %3; }")
                      .arg(palette::kBad.darker(330).name(), palette::kBad.darker(200).name(),
                           palette::kBad.lighter(150).name()));
    setFocusPolicy(Qt::ClickFocus);
    connect(ui_->noticeCloseButton, &QToolButton::clicked, this, &NoticeBar::dismiss);
    refresh();
}

void NoticeBar::dismiss() {
    // The bar, or its text (selectable with the mouse, so a click may give it the focus).
    const bool hadFocus = hasFocus() || isAncestorOf(QApplication::focusWidget());
    notices_.clear();
    refresh();
    // The keyboard goes back to the window (its transport keys), not to the next widget.
    if (hadFocus && window()) window()->setFocus();
}

void NoticeBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() != Qt::Key_Escape) return QFrame::keyPressEvent(event);
    dismiss();
    event->accept();
}

NoticeBar::~NoticeBar() = default;

void NoticeBar::setNotice(const QString& key, const QString& text) {
    const auto same = [&](const auto& notice) { return notice.first == key; };
    const auto it = std::find_if(notices_.begin(), notices_.end(), same);
    if (text.isEmpty()) {
        if (it != notices_.end()) notices_.erase(it);
    } else if (it != notices_.end()) {
        it->second = text;
    } else {
        notices_.append({key, text});
    }
    refresh();
}

QString NoticeBar::text() const {
    QStringList lines;
    for (const auto& notice : notices_) lines << notice.second;
    return lines.join(QLatin1Char('\n'));
}

void NoticeBar::refresh() {
    ui_->noticeLabel->setText(text());
    setVisible(!notices_.isEmpty());
}

}  // namespace stemdeck::ui
