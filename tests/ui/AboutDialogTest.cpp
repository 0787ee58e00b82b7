#include <gtest/gtest.h>

#include <QLabel>

#include "stemdeck/ui/AboutDialog.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AboutDialogTest {

using stemdeck::ui::AboutDialog;

TEST(AboutDialog, NamesTheLibraryVersions) {
    const QString versions = AboutDialog::versionsText();
    EXPECT_TRUE(versions.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    EXPECT_TRUE(versions.contains(QStringLiteral("PortAudio")));
    EXPECT_TRUE(versions.contains(QStringLiteral("libsndfile")));
    AboutDialog dialog;
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("versionsLabel"))->text(), versions);
}

TEST(AboutDialog, SaysTheLicence) {
    // The GPL of the libraries it links (Rubber Band, qm-dsp, espeak-ng) is the program's.
    AboutDialog dialog;
    const QLabel* licence = dialog.findChild<QLabel*>(QStringLiteral("licenceLabel"));
    ASSERT_NE(licence, nullptr);
    EXPECT_TRUE(licence->text().contains(QStringLiteral("GPL-3.0-or-later")));
}

}  // namespace unity_AboutDialogTest
