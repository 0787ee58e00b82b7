// The web remote's tokens: constant-time digest comparison and fresh random tokens.
#include <gtest/gtest.h>

#include <QRegularExpression>

#include "stemdeck/remote/TokenCheck.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TokenCheckTest {

using stemdeck::remote::generateToken;
using stemdeck::remote::TokenCheck;

TEST(TokenCheck, MatchesOnlyTheSameToken) {
    const TokenCheck check(QStringLiteral("s3cret"));
    EXPECT_TRUE(check.isSet());
    EXPECT_TRUE(check.matches(u"s3cret"));
    EXPECT_FALSE(check.matches(u"s3cre"));
    EXPECT_FALSE(check.matches(u"s3cret "));
    EXPECT_FALSE(check.matches(u"S3cret"));
    EXPECT_FALSE(check.matches(u""));
}

TEST(TokenCheck, EmptyTokenMatchesNothing) {
    const TokenCheck none;
    EXPECT_FALSE(none.isSet());
    EXPECT_FALSE(none.matches(u""));
    EXPECT_FALSE(TokenCheck(QString()).matches(u""));
}

TEST(TokenCheck, GeneratedTokensAre128BitBase64Url) {
    const QString a = generateToken();
    const QString b = generateToken();
    EXPECT_EQ(a.size(), 22);  // 16 bytes, no padding
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{22}$")).match(a).hasMatch())
        << a.toStdString();
    EXPECT_NE(a, b);
    EXPECT_EQ(QByteArray::fromBase64(a.toLatin1(), QByteArray::Base64UrlEncoding).size(), 16);
}

}  // namespace unity_TokenCheckTest
