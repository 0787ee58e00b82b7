// Shared by the app-layer fuzz targets: a failed property aborts, which libFuzzer reports as a
// crash and saves the input for.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::fuzz {

// Names the failed line (libFuzzer's own report only shows the abort).
inline void check(bool condition, const char* file = __builtin_FILE(),
                  int line = __builtin_LINE()) {
    if (condition) return;
    std::fprintf(stderr, "property failed at %s:%d\n", file, line);
    std::abort();
}

// A folder for the files a target writes, made once per process.
inline const QString& scratchDir() {
    static const QTemporaryDir dir;
    static const QString path = dir.path();
    return path;
}

inline void writeFile(const QString& path, const std::uint8_t* data, std::size_t size) {
    QFile file(path);
    check(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    check(file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) ==
          static_cast<qint64>(size));
}

// Text the window shows on one line: no control characters (a newline, a NUL, an escape), no
// characters that reorder the text (a right-to-left override).
inline bool isDisplayLine(const QString& text) {
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || app::isBidiControl(c)) return false;
    return true;
}

}  // namespace stemdeck::fuzz
