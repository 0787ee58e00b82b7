#pragma once

#include <QByteArray>
#include <QString>

namespace stemdeck::app {

// What the per-song stores (MixStore, MarkerStore) share: one key per song folder, and files
// written so a crash or a full disk never leaves a half-written one behind.

// The folder's canonical path (symlinks resolved), or its clean absolute path when it does
// not exist.
QString canonicalFolder(const QString& folder);
// `directory`/<sha1 of the canonical folder>.json: the file of that song in an app folder,
// so read-only song folders, and a song reached through a symlink, work.
QString keyedSongFile(const QString& directory, const QString& songFolder);
// `directory` as given, or, when it is empty, the app's data folder's `name` subfolder: where
// a store keeps its files unless a test or the caller says otherwise.
QString storeDirectory(const QString& directory, const QString& name);
// Writes `data` to `path` atomically (QSaveFile), creating the folder. False with `error`
// set when it cannot.
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error);

}  // namespace stemdeck::app
