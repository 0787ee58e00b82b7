#include "stemdeck/ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stemdeck::ui {

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutGuide::Row>& rows, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(static_cast<int>(rows.size()), 3, this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(
        tr("The keys work wherever the focus is, except while you type into a field."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    table_->setObjectName(QStringLiteral("shortcutTable"));
    table_->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Keys")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    for (int row = 0; row < rows.size(); ++row) {
        const ShortcutGuide::Row& r = rows[row];
        const QStringList cells{r.section, r.action, r.keys};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (!r.tip.isEmpty()) item->setToolTip(r.tip);
            table_->setItem(row, column, item);
        }
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(560, 600);
}

}  // namespace stemdeck::ui
