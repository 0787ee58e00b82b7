#include <gtest/gtest.h>

#include <QLabel>

#include "stemdeck/ui/AboutDialog.h"

using stemdeck::ui::AboutDialog;

TEST(AboutDialog, NamesTheLibraryVersions) {
    const QString versions = AboutDialog::versionsText();
    EXPECT_TRUE(versions.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    EXPECT_TRUE(versions.contains(QStringLiteral("PortAudio")));
    EXPECT_TRUE(versions.contains(QStringLiteral("libsndfile")));
    AboutDialog dialog;
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("versionsLabel"))->text(), versions);
}
