#include "stemdeck/app/set/SetListModel.h"

#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QMimeData>
#include <QUrl>
#include <algorithm>
#include <cmath>

#include "stemdeck/app/ClockText.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/set/ProblemText.h"
#include "stemdeck/app/set/SetFile.h"

namespace stemdeck::app::set {

namespace {

// "3:07", "1:02:03", to the nearest second.
QString clockText(double seconds) {
    return app::clockText(std::llround(std::max(0.0, seconds)));
}

QString number(double value) {
    return QString::number(value, 'g', 4);
}

}  // namespace

SetListModel::SetListModel(SetSession& session, const MarkerStore* markers, QObject* parent)
    : QAbstractTableModel(parent), session_(session), markers_(markers) {
    connect(&session_, &SetSession::aboutToReset, this, [this] { beginResetModel(); });
    connect(&session_, &SetSession::reset, this, [this] {
        shownCurrent_ = session_.currentIndex();
        recheck();
        endResetModel();
    });
    connect(&session_, &SetSession::currentChanged, this, &SetListModel::onCurrentChanged);
    shownCurrent_ = session_.currentIndex();
    recheck();
}

int SetListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : session_.size();
}

int SetListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList SetListModel::problems(int row) const {
    QStringList lines;
    const auto entry = static_cast<std::size_t>(row + 1);
    for (const SetProblem& problem : session_.fileProblems())
        if (problem.entry == entry && problem.isError()) lines << ProblemText::message(problem);
    for (const SetProblem& problem : report_.problems)
        if (problem.entry == entry && problem.isError()) lines << ProblemText::message(problem);
    return lines;
}

double SetListModel::songSeconds(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= report_.songs.size()) return 0.0;
    return report_.songs[static_cast<std::size_t>(row)].seconds;
}

QString SetListModel::settingsText(const SetEntry& entry) const {
    QStringList parts;
    if (entry.tempo != 1.0) parts << tr("%1 %").arg(number(entry.tempo * 100.0));
    if (entry.pitchCents() != 0.0) {
        const double st = entry.pitchCents() / 100.0;
        parts << tr("%1%2 st").arg(st > 0 ? QStringLiteral("+") : QString(), number(st));
    }
    if (entry.click) parts << tr("click");
    if (entry.countInBars > 0) parts << tr("count-in %1").arg(entry.countInBars);
    if (!entry.startMarker.empty())
        parts << tr("from %1").arg(QString::fromStdString(entry.startMarker));
    return parts.join(QStringLiteral(" · "));
}

QVariant SetListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= session_.size()) return {};
    const int row = index.row();
    const SetEntry& entry = session_.entry(row);
    const auto summary = static_cast<std::size_t>(row) < report_.songs.size()
                             ? &report_.songs[static_cast<std::size_t>(row)]
                             : nullptr;
    switch (role) {
        case CurrentRole:
            return row == session_.currentIndex();
        case NextRole:
            return row == session_.nextIndex();
        case ProblemRole:
            return problems(row).join(QLatin1Char('\n'));
        case FolderRole:
            return session_.songFolder(row);
        case SecondsRole:
            return songSeconds(row);
        case Qt::ToolTipRole: {
            const QStringList lines = problems(row);
            return lines.isEmpty() ? session_.songFolder(row) : lines.join(QLatin1Char('\n'));
        }
        case Qt::DisplayRole:
            break;
        default:
            return {};
    }
    switch (index.column()) {
        case SongColumn: {
            if (summary && !summary->title.empty()) return QString::fromStdString(summary->title);
            const QString name = QFileInfo(session_.songFolder(row)).fileName();
            return name.isEmpty() ? QString::fromStdString(entry.path) : name;
        }
        case TransitionColumn: {
            if (row + 1 == session_.size()) return tr("end");
            switch (entry.transition) {
                case Transition::Stop:
                    return tr("stop");
                case Transition::Gap:
                    return tr("gap %1 s").arg(number(entry.gapSeconds));
                case Transition::Segue:
                    return tr("segue");
                case Transition::Crossfade:
                    return tr("crossfade %1 s").arg(number(entry.crossfadeSeconds));
            }
            return {};
        }
        case SettingsColumn:
            return settingsText(entry);
        case DurationColumn:
            if (!problems(row).isEmpty() && (!summary || !summary->found)) return tr("missing");
            if (!summary || summary->seconds <= 0.0) return tr("?");
            return clockText(summary->seconds / entry.tempo);
        default:
            return {};
    }
}

QVariant SetListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    switch (section) {
        case SongColumn:
            return tr("Song");
        case TransitionColumn:
            return tr("Then");
        case SettingsColumn:
            return tr("Settings");
        case DurationColumn:
            return tr("Length");
        default:
            return {};
    }
}

Qt::ItemFlags SetListModel::flags(const QModelIndex& index) const {
    const Qt::ItemFlags base = QAbstractTableModel::flags(index) | Qt::ItemIsDropEnabled;
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

bool SetListModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > session_.size()) return false;
    beginRemoveRows({}, row, row + count - 1);
    session_.remove(row, count);
    endRemoveRows();
    recheck();
    return true;
}

bool SetListModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                            const QModelIndex& destinationParent, int destinationChild) {
    if (sourceParent.isValid() || destinationParent.isValid()) return false;
    if (sourceRow < 0 || count <= 0 || sourceRow + count > session_.size()) return false;
    if (destinationChild < 0 || destinationChild > session_.size()) return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count) return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild)) return false;
    session_.move(sourceRow, count, destinationChild);
    endMoveRows();
    recheck();  // transitions and crossfade checks depend on the neighbours
    return true;
}

Qt::DropActions SetListModel::supportedDropActions() const {
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions SetListModel::supportedDragActions() const {
    return Qt::MoveAction;
}

QStringList SetListModel::mimeTypes() const {
    return {kRowsMime, QStringLiteral("text/uri-list")};
}

QMimeData* SetListModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const QModelIndex& index : indexes)
        if (index.isValid() && !rows.contains(index.row())) rows << index.row();
    std::sort(rows.begin(), rows.end());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << rows;
    auto* mime = new QMimeData;
    mime->setData(kRowsMime, bytes);
    return mime;
}

bool SetListModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                   const QModelIndex&) const {
    return data && (data->hasFormat(kRowsMime) || data->hasUrls());
}

bool SetListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                const QModelIndex& parent) {
    if (!data || action == Qt::IgnoreAction) return false;
    // Dropped on a row: before it.
    if (row < 0) row = parent.isValid() ? parent.row() : session_.size();
    if (data->hasFormat(kRowsMime)) {
        QList<int> rows;
        QDataStream in(data->data(kRowsMime));
        in >> rows;
        if (rows.isEmpty()) return false;
        // Rows above the drop point go just above it, bottom one first; rows below it go just
        // under those, top one first. Each move shifts only rows the next ones do not count.
        session_.beginEdits(rows.size() > 1 ? tr("Move Songs") : tr("Move Song"));
        int above = row;
        for (auto it = rows.crbegin(); it != rows.crend(); ++it)
            if (*it < row) moveRows({}, *it, 1, {}, above--);
        int below = row;
        for (int from : rows)
            if (from >= row && from < session_.size()) moveRows({}, from, 1, {}, below++);
        session_.endEdits();
        // The view removes the "moved" rows itself only for a MoveAction it thinks it made:
        // the move is done here, so nothing is left for it to remove.
        return false;
    }
    QStringList paths;
    for (const QUrl& url : data->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return addPaths(paths, row) > 0;
}

int SetListModel::addPaths(const QStringList& paths, int row, QStringList* refused) {
    std::vector<SetEntry> entries;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            SetEntry entry;
            entry.path = session_.entryPathFor(info.absoluteFilePath());
            entries.push_back(std::move(entry));
        } else if (SetFile::isSetPath(path.toStdString())) {
            ParsedSet parsed = SetFile::read(path.toStdString());
            if (!parsed.readable && refused) {
                for (const SetProblem& problem : parsed.problems)
                    *refused << QString::fromStdString(problem.message);
            }
            const std::filesystem::path folder = info.absoluteDir().absolutePath().toStdString();
            for (SetEntry& entry : parsed.set.songs) {
                if (!entry.unreadable.is_null()) continue;
                entry.path =
                    session_.entryPathFor(QString::fromStdString(entry.resolve(folder).string()));
                entries.push_back(std::move(entry));
            }
        } else if (refused) {
            *refused << tr("%1: not a song folder or a set file").arg(path);
        }
    }
    const int count = static_cast<int>(entries.size());
    insertEntries(row, std::move(entries));
    return count;
}

void SetListModel::insertEntries(int row, std::vector<SetEntry> entries) {
    if (entries.empty()) return;
    if (row < 0 || row > session_.size()) row = session_.size();
    const int count = static_cast<int>(entries.size());
    beginInsertRows({}, row, row + count - 1);
    session_.insertEntries(row, std::move(entries));
    endInsertRows();
    recheck();
}

void SetListModel::setEntry(int row, const SetEntry& entry) {
    if (row < 0 || row >= session_.size()) return;
    session_.setEntry(row, entry);
    recheck();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

double SetListModel::secondsLeft(double position) const {
    const int current = session_.currentIndex();
    if (current < 0) return report_.totalSeconds;
    const auto row = static_cast<std::size_t>(current);
    const double rest = row < secondsFrom_.size() ? secondsFrom_[row] : 0.0;
    const double played = std::max(0.0, position) / session_.entry(current).tempo;
    return std::max(0.0, rest - played);
}

void SetListModel::recheck() {
    CheckOptions options;
    options.decodeEnds = false;  // headers only: the panel must not stall on a long set
    options.markers = markers_;
    report_ = SetCheck::run(session_.set(), session_.baseFolder().toStdString(), options);
    secondsFrom_ = SetCheck::secondsFrom(session_.set(), report_.songs);
    if (session_.size() > 0)
        emit dataChanged(index(0, 0), index(session_.size() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, 0, std::max(0, session_.size() - 1));
    emit reportChanged();
}

void SetListModel::onCurrentChanged(int) {
    // The old current and next rows lose their marks, the new ones get them.
    const int old = shownCurrent_;
    shownCurrent_ = session_.currentIndex();
    for (int row : {old, old + 1, shownCurrent_, shownCurrent_ + 1})
        if (row >= 0 && row < session_.size())
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

}  // namespace stemdeck::app::set
