#include "SavedMix.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <stdexcept>

#include "QtPath.h"
#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/MixStore.h"

namespace stemdeck::cli {

namespace {

// `unusable` is the message for a file that cannot be used at all.
MixFromFile fromLoaded(app::MixStore::Loaded loaded, const QString& what, const QString& unusable) {
    if (!loaded.mix) throw std::runtime_error(unusable.toStdString());
    MixFromFile result{std::move(*loaded.mix), {}};
    if (!loaded.warning.isEmpty()) result.warnings.push_back(loaded.warning.toStdString());
    if (!loaded.unknownStems.isEmpty())
        result.warnings.push_back(
            (what + QStringLiteral(" has values for stems this song does not have (") +
             loaded.unknownStems.join(QStringLiteral(", ")) +
             QStringLiteral("); the rest of it is used"))
                .toStdString());
    return result;
}

}  // namespace

MixFromFile readMix(const std::string& source, const std::filesystem::path& songFolder,
                    const std::vector<std::string>& stemNames) {
    if (source == "saved") {
        app::setApplicationIdentity();
        const app::MixStore store;
        const QString folder = qtPath(songFolder);
        if (!QFile::exists(store.fileFor(folder)))
            throw std::runtime_error("no saved mix for " + songFolder.string() +
                                     " (the app saves one once the song's mix is changed in it)");
        app::MixStore::Loaded loaded = store.load(folder, stemNames);
        const QString unusable = loaded.warning;  // names the song, the file and why
        return fromLoaded(std::move(loaded), QStringLiteral("the saved mix"), unusable);
    }
    QFile file(qtPath(source));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the mix file " + source + ": " +
                                 file.errorString().toStdString());
    if (file.size() > app::MixStore::kMaxFileBytes)
        throw std::runtime_error("the mix file " + source + " is larger than 1 MB: not a mix file");
    app::MixStore::Loaded loaded = app::MixStore::parse(file.readAll(), stemNames);
    const QString what = QStringLiteral("the mix file ") + qtPath(source);
    const QString unusable = what + QStringLiteral(" is not a mix file: ") + loaded.warning;
    if (loaded.mix && !loaded.warning.isEmpty())
        loaded.warning =
            what + QStringLiteral(": ") + loaded.warning + QStringLiteral(" (ignored)");
    return fromLoaded(std::move(loaded), what, unusable);
}

}  // namespace stemdeck::cli
