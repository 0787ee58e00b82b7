#pragma once
// A filesystem path as the app layer's Qt API takes it (the CLI's paths are the system's bytes).

#include <QByteArray>
#include <QFile>
#include <QString>
#include <filesystem>

namespace stemdeck::cli {

inline QString qtPath(const std::filesystem::path& path) {
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

}  // namespace stemdeck::cli
