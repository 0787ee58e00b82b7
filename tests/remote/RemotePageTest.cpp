// The web remote's page as served and the addresses shown for it.
#include <gtest/gtest.h>

#include "stemdeck/remote/RemotePage.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RemotePageTest {

using stemdeck::remote::remotePage;
using stemdeck::remote::remotePageUrls;

TEST(RemotePage, IsOneFileWithNoExternalResources) {
    const QByteArray full = remotePage(false);
    ASSERT_FALSE(full.isEmpty());
    EXPECT_TRUE(full.contains("data-access=\"full\""));
    EXPECT_TRUE(remotePage(true).contains("data-access=\"read\""));
    EXPECT_FALSE(full.contains("__STEMDECK_ACCESS__"));
    // No CDN, no other file: nothing is fetched but the API and the WebSocket.
    EXPECT_FALSE(full.contains("src=\"http"));
    EXPECT_FALSE(full.contains("href=\"http"));
    EXPECT_FALSE(full.contains("<link"));
    EXPECT_FALSE(full.contains("<script src"));
}

TEST(RemotePage, AddressesCarryTheTokenAndBracketIpv6) {
    EXPECT_EQ(remotePageUrls(QHostAddress::LocalHost, 8080, "abc"),
              QStringList{"http://127.0.0.1:8080/?token=abc"});
    EXPECT_EQ(remotePageUrls(QHostAddress::LocalHostIPv6, 9, "a b"),
              QStringList{"http://[::1]:9/?token=a%20b"});
    const QStringList all = remotePageUrls(QHostAddress::AnyIPv4, 8080, "t");
    EXPECT_TRUE(all.contains("http://127.0.0.1:8080/?token=t")) << all.join(' ').toStdString();
    for (const QString& url : all) EXPECT_FALSE(url.contains('[')) << url.toStdString();
}

}  // namespace unity_RemotePageTest
