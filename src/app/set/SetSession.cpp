#include "stemdeck/app/set/SetSession.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <utility>

#include "stemdeck/app/set/SetFile.h"

namespace stemdeck::app::set {

namespace fs = std::filesystem;

namespace {

fs::path toPath(const QString& text) {
    return fs::path(text.toStdString());
}

QString toQString(const fs::path& path) {
    return QString::fromStdString(path.string());
}

SetEdit makeEdit(SetEdit::Kind kind, int row, std::vector<SetEntry> entries = {}) {
    SetEdit edit;
    edit.kind = kind;
    edit.row = row;
    edit.entries = std::move(entries);
    return edit;
}

}  // namespace

SetSession::SetSession(QObject* parent) : QObject(parent) {}

QString SetSession::baseFolder() const {
    return filePath_.isEmpty() ? QDir::currentPath() : QFileInfo(filePath_).absolutePath();
}

QString SetSession::songFolder(int row) const {
    if (row < 0 || row >= size()) return {};
    return QDir::cleanPath(toQString(entry(row).resolve(toPath(baseFolder()))));
}

QString SetSession::displayName() const {
    if (!set_.name.empty()) return QString::fromStdString(set_.name);
    if (!filePath_.isEmpty()) return QFileInfo(filePath_).completeBaseName();
    return tr("Untitled set");
}

void SetSession::setCurrentIndex(int row) {
    if (row < -1 || row >= size()) row = -1;
    if (row == current_) return;
    current_ = row;
    emit currentChanged(current_);
}

int SetSession::nextIndex() const {
    return current_ >= 0 && current_ + 1 < size() ? current_ + 1 : -1;
}

void SetSession::newSet() {
    emit aboutToReset();
    set_ = SetList{};
    filePath_.clear();
    fileProblems_.clear();
    current_ = -1;
    emit reset();
    emit fileChanged(filePath_);
    emit currentChanged(current_);
    setDirty(false);
}

bool SetSession::open(const QString& file, QString* error) {
    ParsedSet parsed = SetFile::read(toPath(file));
    if (!parsed.readable) {
        std::string why;
        for (const SetProblem& problem : parsed.problems)
            why += (why.empty() ? "" : "; ") + problem.message;
        if (error) *error = QString::fromStdString(why);
        return false;
    }
    emit aboutToReset();
    set_ = std::move(parsed.set);
    filePath_ = QFileInfo(file).absoluteFilePath();
    fileProblems_ = std::move(parsed.problems);
    current_ = -1;
    emit reset();
    emit fileChanged(filePath_);
    emit currentChanged(current_);
    setDirty(false);
    return true;
}

bool SetSession::save(QString* error) {
    if (filePath_.isEmpty()) {
        if (error) *error = tr("The set has no file yet: use Save Set As.");
        return false;
    }
    std::string why;
    if (!SetFile::save(toPath(filePath_), set_, &why)) {
        if (error) *error = QString::fromStdString(why);
        return false;
    }
    setDirty(false);
    return true;
}

bool SetSession::saveAs(const QString& file, QString* error) {
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const fs::path oldBase = toPath(baseFolder());
    const fs::path newBase = toPath(QFileInfo(absolute).absolutePath());
    SetList moved = set_;
    // Relative paths keep pointing at the same songs from the new folder; absolute ones stay.
    for (SetEntry& entry : moved.songs) {
        if (entry.path.empty() || fs::path(entry.path).is_absolute()) continue;
        entry.path = entry.resolve(oldBase).lexically_relative(newBase).generic_string();
    }
    std::string why;
    if (!SetFile::save(toPath(absolute), moved, &why)) {
        if (error) *error = QString::fromStdString(why);
        return false;
    }
    set_ = std::move(moved);
    filePath_ = absolute;
    emit fileChanged(filePath_);
    emit changed();  // the paths as shown may have changed
    setDirty(false);
    return true;
}

std::string SetSession::entryPathFor(const QString& folder) const {
    const QString clean = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (filePath_.isEmpty()) return clean.toStdString();
    return QDir(baseFolder()).relativeFilePath(clean).toStdString();
}

void SetSession::insertSongs(int row, const QStringList& folders) {
    std::vector<SetEntry> entries;
    for (const QString& folder : folders) {
        SetEntry entry;
        entry.path = entryPathFor(folder);
        entries.push_back(std::move(entry));
    }
    insertEntries(row, std::move(entries));
}

void SetSession::insertEntries(int row, std::vector<SetEntry> entries) {
    if (entries.empty()) return;
    row = std::clamp(row, 0, size());
    const int count = static_cast<int>(entries.size());
    set_.songs.insert(set_.songs.begin() + row, entries.begin(), entries.end());
    if (current_ >= row) {
        current_ += count;
        emit currentChanged(current_);
    }
    markEdited(makeEdit(SetEdit::Kind::Insert, row, std::move(entries)));
}

void SetSession::remove(int row, int count) {
    if (row < 0 || count <= 0 || row + count > size()) return;
    std::vector<SetEntry> removed(set_.songs.begin() + row, set_.songs.begin() + row + count);
    set_.songs.erase(set_.songs.begin() + row, set_.songs.begin() + row + count);
    if (current_ >= row + count) {
        current_ -= count;
        emit currentChanged(current_);
    } else if (current_ >= row) {
        current_ = -1;  // the song still plays, but it is no longer in the set
        emit currentChanged(current_);
    }
    markEdited(makeEdit(SetEdit::Kind::Remove, row, std::move(removed)));
}

void SetSession::move(int from, int count, int to) {
    if (from < 0 || count <= 0 || from + count > size() || to < 0 || to > size()) return;
    if (to >= from && to <= from + count) return;  // onto itself
    auto& songs = set_.songs;
    const auto first = songs.begin() + from;
    const auto last = first + count;
    if (to < from)
        std::rotate(songs.begin() + to, first, last);
    else
        std::rotate(first, last, songs.begin() + to);
    if (current_ >= 0) {
        int now = current_;
        if (current_ >= from && current_ < from + count)
            now = (to < from ? to : to - count) + (current_ - from);
        else if (to < from && current_ >= to && current_ < from)
            now = current_ + count;
        else if (to > from && current_ >= from + count && current_ < to)
            now = current_ - count;
        if (now != current_) {
            current_ = now;
            emit currentChanged(current_);
        }
    }
    SetEdit edit = makeEdit(SetEdit::Kind::Move, from);
    edit.count = count;
    edit.to = to;
    markEdited(edit);
}

void SetSession::setEntry(int row, const SetEntry& entry) {
    if (row < 0 || row >= size()) return;
    SetEntry& stored = set_.songs[static_cast<std::size_t>(row)];
    const SetEdit edit = makeEdit(SetEdit::Kind::Entry, row, {stored, entry});
    stored = entry;
    markEdited(edit);
}

void SetSession::setName(const QString& name) {
    const std::string after = name.trimmed().toStdString();
    if (after == set_.name) return;
    SetEdit edit = makeEdit(SetEdit::Kind::Name, 0);
    edit.nameBefore = set_.name;
    edit.nameAfter = after;
    set_.name = after;
    markEdited(edit);
}

void SetSession::beginEdits(const QString& what) {
    if (editDepth_++ == 0) emit editsBegun(what);
}

void SetSession::endEdits() {
    if (editDepth_ > 0 && --editDepth_ == 0) emit editsEnded();
}

void SetSession::setGuideCues(bool on, double levelDb) {
    if (!std::isfinite(levelDb)) return;
    levelDb = std::clamp(levelDb, kMinGuideCueLevelDb, 0.0);
    if (on == set_.guideCues && levelDb == set_.guideCueLevelDb) return;
    set_.guideCues = on;
    set_.guideCueLevelDb = levelDb;
    // Not a step of the set's undo history: a switch and a level, set back as easily.
    emit changed();
    setDirty(true);
}

void SetSession::setDirty(bool dirty) {
    if (dirty == dirty_) return;
    dirty_ = dirty;
    emit dirtyChanged(dirty_);
}

void SetSession::markEdited(const SetEdit& edit) {
    emit changed();
    setDirty(true);
    emit edited(edit);
}

}  // namespace stemdeck::app::set
