#pragma once

#include <gtest/gtest.h>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <filesystem>

namespace stemdeck::test {

// Runs `stemdeck-cli render SONG OUT ARGS...` (the build's binary, STEMDECK_CLI_PATH) as a
// user would; false (and a test failure saying why) when it does not succeed.
inline bool cliRender(const std::filesystem::path& song, const std::filesystem::path& out,
                      const QStringList& args) {
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(STEMDECK_CLI_PATH),
              QStringList{QStringLiteral("render"), QString::fromStdString(song.string()),
                          QString::fromStdString(out.string())} +
                  args);
    if (!cli.waitForFinished(120000) || cli.exitStatus() != QProcess::NormalExit ||
        cli.exitCode() != 0) {
        ADD_FAILURE() << "stemdeck-cli render failed: " << cli.readAll().toStdString();
        return false;
    }
    return true;
}

}  // namespace stemdeck::test
