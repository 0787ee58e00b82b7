#include "stemdeck/ui/StampWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/words/LrcFile.h"
#include "stemdeck/words/TextFile.h"

namespace stemdeck::ui {

namespace {

// "mm:ss.xx", or a dash for an unstamped line.
QString stampText(std::optional<double> time) {
    if (!time) return QStringLiteral("–");
    const std::string stamp = words::lrcStamp(*time);
    return QString::fromStdString(stamp.substr(1, stamp.size() - 2));
}

words::LyricsStamper stamperOf(const QByteArray& bytes) {
    const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    const words::LrcFile lrc = words::LrcFile::parse(view);
    return lrc.synced() ? words::LyricsStamper::fromLrc(lrc) : words::LyricsStamper::fromText(view);
}

}  // namespace

StampWindow::StampWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("stampWindow"));
    setWindowTitle(tr("Stamp Lyrics"));
    auto* layout = new QVBoxLayout(this);
    auto* help = new QLabel(
        tr("Play the song and press <b>Return</b> or <b>T</b> as each line starts. "
           "<b>Space</b> plays or pauses; <b>-</b> / <b>+</b> move the selected line by 10 ms; "
           "<b>P</b> plays from it; <b>Delete</b> clears its stamp."),
        this);
    help->setWordWrap(true);
    layout->addWidget(help);

    table_ = new QTableWidget(0, 2, this);
    table_->setObjectName(QStringLiteral("stampTable"));
    table_->setHorizontalHeaderLabels({tr("Time"), tr("Line")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(table_, 1);

    auto* row = new QHBoxLayout;
    const auto button = [this, row](const QString& name, const QString& text, auto slot) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setFocusPolicy(Qt::NoFocus);  // Space and Return stay the window's keys
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    button(QStringLiteral("stampOpen"), tr("Open Text…"), &StampWindow::openText);
    button(QStringLiteral("stampPaste"), tr("Paste Text"), &StampWindow::pasteText);
    button(QStringLiteral("stampPlay"), tr("Play/Pause"), &StampWindow::playPauseRequested);
    button(QStringLiteral("stampTap"), tr("Stamp (Return)"), [this] { stampNext(); });
    button(QStringLiteral("stampEarlier"), tr("−10 ms"), [this] { nudgeSelected(-1); });
    button(QStringLiteral("stampLater"), tr("+10 ms"), [this] { nudgeSelected(1); });
    button(QStringLiteral("stampClear"), tr("Clear"), &StampWindow::clearSelected);
    button(QStringLiteral("stampPlayFrom"), tr("Play from Line"), &StampWindow::playFromSelected);
    button(QStringLiteral("stampSave"), tr("Save"), [this] { save(); });
    layout->addLayout(row);

    auto* bottom = new QHBoxLayout;
    positionLabel_ = new QLabel(this);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("stampStatus"));
    bottom->addWidget(positionLabel_);
    bottom->addWidget(status_, 1);
    layout->addLayout(bottom);

    // The keys are read here rather than by QShortcuts: the window is the main window's
    // child, whose window-wide keys (Space, Return) must stay its own alone; and the table
    // would take T and P for its type-ahead search.
    table_->installEventFilter(this);
    setFocusPolicy(Qt::StrongFocus);
    setPosition(0.0);
    resize(640, 480);
}

bool StampWindow::handleKey(const QKeyEvent* event) {
    if (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) return false;
    switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_T:
            stampNext();
            return true;
        case Qt::Key_Space:
            emit playPauseRequested();
            return true;
        case Qt::Key_Delete:
            clearSelected();
            return true;
        case Qt::Key_P:
            playFromSelected();
            return true;
        case Qt::Key_Minus:
            nudgeSelected(-1);
            return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            nudgeSelected(1);
            return true;
        default:
            return false;
    }
}

void StampWindow::keyPressEvent(QKeyEvent* event) {
    if (!handleKey(event)) QWidget::keyPressEvent(event);
}

bool StampWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::KeyPress &&
        handleKey(static_cast<QKeyEvent*>(event)))
        return true;
    return QWidget::eventFilter(watched, event);
}

void StampWindow::setSong(const QString& folder, words::LyricsStamper stamper) {
    folder_ = folder;
    stamper_ = std::move(stamper);
    modified_ = false;
    setWindowTitle(tr("Stamp Lyrics – %1").arg(folder));
    refill();
    showStatus(stamper_.size() == 0 ? tr("No lyrics yet: paste or open the song's text.")
                                    : QString());
}

void StampWindow::setText(const QString& text) {
    stamper_ = stamperOf(text.toUtf8());
    modified_ = true;
    refill();
}

void StampWindow::setPosition(double songSeconds) {
    position_ = songSeconds;
    positionLabel_->setText(tr("Song %1").arg(stampText(songSeconds)));
}

int StampWindow::selectedLine() const {
    const auto rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

void StampWindow::selectLine(int line) {
    if (line < 0 || line >= table_->rowCount()) return;
    table_->selectRow(line);
    table_->scrollTo(table_->model()->index(line, 0), QAbstractItemView::PositionAtCenter);
}

bool StampWindow::stampNext() {
    const auto next = stamper_.next();
    if (!next || !stamper_.tap(position_)) {
        showStatus(tr("Every line is stamped."));
        return false;
    }
    modified_ = true;
    const int line = static_cast<int>(*next);
    refreshRow(line);
    // The stamped line stays selected for a nudge; the next one is shown in view.
    selectLine(line);
    if (const auto after = stamper_.next()) {
        refreshRow(static_cast<int>(*after));
        table_->scrollTo(table_->model()->index(static_cast<int>(*after), 0));
    }
    showStatus(tr("%n line(s) left to stamp", nullptr, static_cast<int>(stamper_.unstamped())));
    return true;
}

void StampWindow::nudgeSelected(int steps) {
    const int line = selectedLine();
    if (line < 0 || !stamper_.time(static_cast<std::size_t>(line))) return;
    stamper_.nudge(static_cast<std::size_t>(line), steps);
    modified_ = true;
    refreshRow(line);
}

void StampWindow::clearSelected() {
    const int line = selectedLine();
    if (line < 0) return;
    stamper_.clear(static_cast<std::size_t>(line));
    modified_ = true;
    refill();
    selectLine(line);
}

void StampWindow::playFromSelected() {
    const int line = std::max(0, selectedLine());
    if (stamper_.size() > 0)
        emit playFromRequested(stamper_.playFrom(static_cast<std::size_t>(line)));
}

bool StampWindow::save() {
    if (folder_.isEmpty()) {
        showStatus(tr("No song to save the lyrics with."));
        return false;
    }
    const QString file = store_.fileFor(folder_);
    QString error;
    if (!store_.save(folder_, QByteArray::fromStdString(stamper_.toLrc()), &error)) {
        showStatus(tr("Not saved: %1").arg(error));
        return false;
    }
    modified_ = false;
    showStatus(tr("Saved to %1").arg(file));
    emit saved(file);
    return true;
}

QString StampWindow::status() const {
    return status_->text();
}

void StampWindow::followSong(const QString& folder, words::LyricsStamper stamper) {
    if (folder == folder_) return;
    if (modified_) {
        const auto answer = QMessageBox::question(
            this, tr("Save the Stamps"),
            tr("Another song was loaded. Save the lyrics stamped for %1 first?")
                .arg(app::displayName(QDir(folder_).dirName())),
            QMessageBox::Save | QMessageBox::Discard, QMessageBox::Save);
        if (answer == QMessageBox::Save && !save()) {
            showStatus(tr("Not saved, so still on %1: %2")
                           .arg(app::displayName(QDir(folder_).dirName()), status_->text()));
            return;
        }
    }
    setSong(folder, std::move(stamper));
    setPosition(0.0);
}

void StampWindow::openText() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Lyrics Text"), folder_,
                                                      tr("Lyrics (*.txt *.lrc);;All files (*)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (file.size() > static_cast<qint64>(words::TextFile::kMaxFileBytes) ||
        !file.open(QIODevice::ReadOnly)) {
        showStatus(tr("Cannot read %1").arg(path));
        return;
    }
    if (stamper_.size() > stamper_.unstamped() &&
        QMessageBox::question(this, tr("Replace the Lines"),
                              tr("Replace the lines and their stamps by this text?")) !=
            QMessageBox::Yes)
        return;
    stamper_ = stamperOf(file.readAll());
    modified_ = true;
    refill();
}

void StampWindow::pasteText() {
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        showStatus(tr("The clipboard has no text."));
        return;
    }
    if (stamper_.size() > stamper_.unstamped() &&
        QMessageBox::question(this, tr("Replace the Lines"),
                              tr("Replace the lines and their stamps by the pasted text?")) !=
            QMessageBox::Yes)
        return;
    setText(text);
}

void StampWindow::refill() {
    table_->setRowCount(static_cast<int>(stamper_.size()));
    for (int row = 0; row < table_->rowCount(); ++row) refreshRow(row);
    if (const auto next = stamper_.next())
        table_->scrollTo(table_->model()->index(static_cast<int>(*next), 0));
}

void StampWindow::refreshRow(int row) {
    const auto line = static_cast<std::size_t>(row);
    for (int column = 0; column < 2; ++column) {
        if (!table_->item(row, column)) table_->setItem(row, column, new QTableWidgetItem);
    }
    table_->item(row, 0)->setText(stampText(stamper_.time(line)));
    table_->item(row, 1)->setText(QString::fromStdString(stamper_.text(line)));
    // The line the next tap stamps is bold: where the singer is about to be.
    const auto next = stamper_.next();
    QFont font = table_->font();
    font.setBold(next && *next == line);
    for (int column = 0; column < 2; ++column) table_->item(row, column)->setFont(font);
}

void StampWindow::showStatus(const QString& text) {
    status_->setText(text);
}

}  // namespace stemdeck::ui
