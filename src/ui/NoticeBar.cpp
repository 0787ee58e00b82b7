#include "stemdeck/ui/NoticeBar.h"

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
    connect(ui_->noticeCloseButton, &QToolButton::clicked, this, [this] {
        notices_.clear();
        refresh();
    });
    refresh();
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
