#include "stemdeck/ui/IssueBanner.h"

#include <QApplication>
#include <QKeyEvent>
#include <QStringList>

#include "ui_IssueBanner.h"

namespace stemdeck::ui {

IssueBanner::IssueBanner(QWidget* parent)
    : QFrame(parent), ui_(std::make_unique<Ui::IssueBanner>()) {
    ui_->setupUi(this);
    connect(ui_->detailsButton, &QToolButton::toggled, ui_->detailsLabel, &QWidget::setVisible);
    connect(ui_->closeButton, &QToolButton::clicked, this, &IssueBanner::dismiss);
}

IssueBanner::~IssueBanner() = default;

void IssueBanner::showMessages(const QList<LoadMessages::Message>& messages) {
    QStringList summaries, details;
    for (const LoadMessages::Message& m : messages) {
        if (m.summary.isEmpty()) continue;
        summaries << QStringLiteral("\u26a0  ") + m.summary;
        if (!m.details.isEmpty()) details << m.details;
    }
    ui_->summaryLabel->setText(summaries.join(QLatin1Char('\n')));
    ui_->detailsLabel->setText(details.join(QLatin1Char('\n')));
    ui_->detailsButton->setChecked(false);
    ui_->detailsButton->setVisible(!details.isEmpty());
    setVisible(!summaries.isEmpty());
}

QString IssueBanner::text() const {
    return ui_->summaryLabel->text();
}

QString IssueBanner::details() const {
    return ui_->detailsLabel->text();
}

bool IssueBanner::detailsShown() const {
    return ui_->detailsLabel->isVisibleTo(this);
}

void IssueBanner::dismiss() {
    // The bar, or its text (selectable with the mouse, so a click may give it the focus).
    const bool hadFocus = hasFocus() || isAncestorOf(QApplication::focusWidget());
    hide();
    // The keyboard goes back to the window (its transport keys), not to the next widget.
    if (hadFocus && window()) window()->setFocus();
}

void IssueBanner::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

}  // namespace stemdeck::ui
