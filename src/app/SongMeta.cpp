#include "stemdeck/app/SongMeta.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <string_view>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/audio/loader/SongMetaFile.h"

namespace stemdeck::app {

namespace {

// The engine's reading of meta.json, as lines the window can show.
SongMeta fromFile(const audio::SongMetaFile& file, const QString& folderName) {
    const auto line = [](const std::string& text) {
        return displayLine(QString::fromStdString(text), SongMeta::kMaxTextLength);
    };
    SongMeta meta;
    meta.title = line(file.title);
    meta.artist = line(file.artist);
    meta.key = line(file.key);
    meta.timeSignature = line(file.timeSignatureText);
    if (file.signature) {
        meta.beatsPerBar = file.signature->beatsPerBar;
        meta.beatUnit = file.signature->beatUnit;
    }
    meta.tempo = file.bpm.value_or(0.0);
    meta.firstDownbeat = file.firstDownbeat.value_or(0.0);
    meta.hasFirstDownbeat = file.firstDownbeat.has_value();
    for (const std::string& problem : file.problems) meta.problems << line(problem);
    // A file name's escape or newline is shown, not turned into a space (see displayName).
    if (meta.title.isEmpty())
        meta.title = displayLine(displayName(folderName), SongMeta::kMaxTextLength);
    if (meta.title.isEmpty()) meta.title = QStringLiteral("Untitled");  // the folder "/"
    return meta;
}

}  // namespace

SongMeta SongMeta::read(const QString& folder) {
    const std::filesystem::path path(QFile::encodeName(folder).toStdString());
    return fromFile(audio::SongMetaFile::read(path), QDir(folder).dirName());
}

SongMeta SongMeta::parse(const QByteArray& json, const QString& folderName) {
    return fromFile(audio::SongMetaFile::parse(std::string_view(json.constData(), json.size())),
                    folderName);
}

bool SongMeta::parseTimeSignature(const QString& text, int* beatsPerBar, int* beatUnit) {
    const auto signature = audio::TimeSignature::parse(text.toStdString());
    if (!signature) return false;
    *beatsPerBar = signature->beatsPerBar;
    *beatUnit = signature->beatUnit;
    return true;
}

QString SongMeta::details() const {
    QStringList parts;
    if (!key.isEmpty()) parts << QStringLiteral("Key %1").arg(key);
    if (tempo > 0) parts << QStringLiteral("%1 BPM").arg(tempo, 0, 'g', 4);
    if (!timeSignature.isEmpty()) parts << timeSignature;
    return parts.join(QStringLiteral(" · "));
}

}  // namespace stemdeck::app
