#include "stemdeck/ui/SetlistPanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/SetEntryEditor.h"
#include "stemdeck/ui/TimeFormat.h"

namespace stemdeck::ui {

using app::set::SetListModel;

namespace {

// The current song bold in the accent colour, the next one in italics with a mark, a song
// that cannot play in red.
class SetRowDelegate : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

  protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        SetlistPanel::decorate(*option, index);
    }
};

}  // namespace

void SetlistPanel::decorate(QStyleOptionViewItem& option, const QModelIndex& index) {
    const bool current = index.data(SetListModel::CurrentRole).toBool();
    const bool next = index.data(SetListModel::NextRole).toBool();
    const bool problem = !index.data(SetListModel::ProblemRole).toString().isEmpty();
    const bool title = index.column() == SetListModel::SongColumn;
    if (current) {
        option.font.setBold(true);
        option.palette.setColor(QPalette::Text, palette::kAccent);
        option.palette.setColor(QPalette::HighlightedText, palette::kAccent);
        if (title) option.text = QStringLiteral("▶ ") + option.text;
    } else if (next) {
        option.font.setItalic(true);
        if (title) option.text = QStringLiteral("› ") + option.text;
    }
    if (problem) {
        option.palette.setColor(QPalette::Text, palette::kBad);
        option.palette.setColor(QPalette::HighlightedText, palette::kBad);
    }
}

SetlistPanel::SetlistPanel(SetListModel& model, QAction* previous, QAction* next, QWidget* parent)
    : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("setlistPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("setNameEdit"));
    name_->setToolTip(tr("The set's name"));
    name_->setAccessibleName(name_->toolTip());
    layout->addWidget(name_);

    auto* buttons = new QHBoxLayout;
    add_ = new QPushButton(tr("Add…"), this);
    add_->setObjectName(QStringLiteral("addSongsButton"));
    add_->setToolTip(tr("Add song folders to the set (or drop them on the list)"));
    remove_ = new QPushButton(tr("Remove"), this);
    remove_->setObjectName(QStringLiteral("removeSongButton"));
    remove_->setToolTip(tr("Remove the selected songs from the set"));
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    for (QAction* action : {previous, next}) {
        if (!action) continue;
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(action == previous ? QStringLiteral("previousSongButton")
                                                 : QStringLiteral("nextSongButton"));
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("setTable"));
    table_->setAccessibleName(tr("Setlist"));
    table_->setTabKeyNavigation(false);  // Tab leaves the list (arrows move in it)
    table_->setModel(&model_);
    table_->setItemDelegate(new SetRowDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setDragEnabled(true);
    table_->setAcceptDrops(true);
    table_->setDropIndicatorShown(true);
    table_->setDragDropMode(QAbstractItemView::DragDrop);
    table_->setDefaultDropAction(Qt::MoveAction);
    table_->setDragDropOverwriteMode(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(SetListModel::SongColumn,
                                                     QHeaderView::Stretch);
    for (int column : {SetListModel::TransitionColumn, SetListModel::SettingsColumn,
                       SetListModel::DurationColumn})
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table_->installEventFilter(this);
    layout->addWidget(table_, 1);

    times_ = new QLabel(this);
    times_->setObjectName(QStringLiteral("setTimeLabel"));
    layout->addWidget(times_);

    editor_ = new SetEntryEditor(this);
    layout->addWidget(editor_);

    connect(add_, &QPushButton::clicked, this, &SetlistPanel::addRequested);
    connect(remove_, &QPushButton::clicked, this, &SetlistPanel::removeSelected);
    connect(table_, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit jumpRequested(index.row()); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SetlistPanel::showSelected);
    connect(&model_, &QAbstractItemModel::modelReset, this, &SetlistPanel::showSelected);
    connect(&model_, &QAbstractItemModel::rowsMoved, this, &SetlistPanel::showSelected);
    connect(&model_, &QAbstractItemModel::rowsRemoved, this, &SetlistPanel::showSelected);
    connect(&model_, &QAbstractItemModel::rowsInserted, this, &SetlistPanel::showSelected);
    connect(editor_, &SetEntryEditor::entryEdited, &model_,
            [this](int row, const app::set::SetEntry& entry) { model_.setEntry(row, entry); });
    connect(name_, &QLineEdit::editingFinished, this,
            [this] { model_.session().setName(name_->text()); });
    connect(&model_.session(), &app::set::SetSession::changed, this, [this] {
        showName();
        // An undo or redo changed the entry on show: the editor must not keep the old values
        // (its next edit would put them back). Its own edits match and leave it alone.
        const int row = editor_->row();
        if (row >= 0 && row < model_.rowCount() &&
            !editor_->entry().playsLike(model_.session().entry(row)))
            showSelected();
    });
    connect(&model_.session(), &app::set::SetSession::reset, this, &SetlistPanel::showName);
    connect(&model_.session(), &app::set::SetSession::fileChanged, this, &SetlistPanel::showName);
    showTimes(model_.totalSeconds(), model_.totalSeconds());
    showSelected();
    showName();
}

void SetlistPanel::setUndoActions(QAction* undo, QAction* redo) {
    undo_ = undo;
    redo_ = redo;
}

void SetlistPanel::showName() {
    const auto& session = model_.session();
    const QString name = QString::fromStdString(session.set().name);
    if (name_->text() != name) name_->setText(name);
    name_->setPlaceholderText(session.displayName());
}

void SetlistPanel::setMarkerNames(std::function<QStringList(int)> names) {
    markerNames_ = std::move(names);
    showSelected();
}

void SetlistPanel::showTimes(double totalSeconds, double leftSeconds) {
    times_->setText(
        tr("Set %1 · left %2")
            .arg(formatRulerTime(totalSeconds, false), formatRulerTime(leftSeconds, false)));
}

int SetlistPanel::selectedRow() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SetlistPanel::removeSelected() {
    QList<int> rows;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    if (rows.isEmpty()) return;
    model_.session().beginEdits(rows.size() > 1 ? tr("Remove Songs") : tr("Remove Song"));
    for (int row : rows) model_.removeRows(row, 1);
    model_.session().endEdits();
}

void SetlistPanel::showSelected() {
    const int row = selectedRow();
    remove_->setEnabled(row >= 0);
    if (row < 0 || row >= model_.rowCount()) {
        editor_->setEntry(-1, {});
        return;
    }
    editor_->setEntry(row, model_.session().entry(row),
                      markerNames_ ? markerNames_(row) : QStringList());
}

bool SetlistPanel::eventFilter(QObject* watched, QEvent* event) {
    // Undo in the song list undoes set edits: the window's Undo (the mix's) must not take it.
    if (watched == table_ &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        QAction* action = key->matches(QKeySequence::Undo)   ? undo_
                          : key->matches(QKeySequence::Redo) ? redo_
                                                             : nullptr;
        if (!action && key->key() == Qt::Key_Y && key->modifiers() == Qt::ControlModifier)
            action = redo_;
        if (action) {
            event->accept();
            if (event->type() == QEvent::KeyPress && action->isEnabled()) action->trigger();
            return true;
        }
    }
    // Enter on a row jumps to its song: the window's Enter (back to the start) must not take
    // the key first.
    if (watched == table_ && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            table_->currentIndex().isValid()) {
            event->accept();
            return true;
        }
    }
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            table_->currentIndex().isValid()) {
            emit jumpRequested(table_->currentIndex().row());
            return true;
        }
        if (key->key() == Qt::Key_Delete && selectedRow() >= 0) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace stemdeck::ui
