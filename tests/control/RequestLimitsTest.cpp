// The HTTP door's size rules on raw request bytes (docs/design/CONTROL.md §9).

#include <gtest/gtest.h>

#include <string>

#include "stemdeck/control/RequestLimits.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RequestLimitsTest {

using namespace stemdeck::control;
using Kind = HeadVerdict::Kind;

TEST(RequestLimits, IncompleteHeadWithinTheLimitWaits) {
    EXPECT_EQ(checkRequestHead("").kind, Kind::NeedMore);
    EXPECT_EQ(checkRequestHead("GET / HTTP/1.1\r\nHost: x\r\n").kind, Kind::NeedMore);
}

TEST(RequestLimits, CompleteGetIsAccepted) {
    const std::string head = "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const HeadVerdict v = checkRequestHead(head + "GET / HTTP/1.1\r\n");
    ASSERT_EQ(v.kind, Kind::Accept);
    EXPECT_EQ(v.headBytes, head.size());
    EXPECT_EQ(v.bodyBytes, 0u);
    EXPECT_TRUE(v.complete(head.size()));
    EXPECT_FALSE(v.upgrade);
}

TEST(RequestLimits, PostWithLengthIsAcceptedAndCompleteOnlyWithItsBody) {
    const std::string head = "POST /api/action/play HTTP/1.1\r\ncontent-LENGTH:  5 \r\n\r\n";
    const HeadVerdict v = checkRequestHead(head + "{}");
    ASSERT_EQ(v.kind, Kind::Accept);
    EXPECT_EQ(v.bodyBytes, 5u);
    EXPECT_FALSE(v.complete(head.size() + 2));
    EXPECT_TRUE(v.complete(head.size() + 5));
}

TEST(RequestLimits, PostWithoutLengthIs411AndChunkedToo) {
    EXPECT_EQ(checkRequestHead("POST /api/action/play HTTP/1.1\r\nHost: a\r\n\r\n").status, 411);
    const HeadVerdict chunked = checkRequestHead(
        "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n");
    EXPECT_EQ(chunked.kind, Kind::Reject);
    EXPECT_EQ(chunked.status, 411);
    EXPECT_FALSE(chunked.reason.empty());
}

TEST(RequestLimits, BodyOverTheLimitIs413) {
    EXPECT_EQ(checkRequestHead("POST /x HTTP/1.1\r\nContent-Length: 65537\r\n\r\n").status, 413);
    EXPECT_EQ(checkRequestHead("POST /x HTTP/1.1\r\nContent-Length: 65536\r\n\r\n").kind,
              Kind::Accept);
    EXPECT_EQ(
        checkRequestHead("POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
            .status,
        413);
}

TEST(RequestLimits, BadOrConflictingLengthIs400) {
    EXPECT_EQ(checkRequestHead("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n").status, 400);
    EXPECT_EQ(checkRequestHead("POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                  .status,
              400);
}

TEST(RequestLimits, HeadOverTheLimitIs431CompleteOrNot) {
    const std::string big = "GET / HTTP/1.1\r\nX-Pad: " + std::string(kMaxHeadBytes, 'a');
    EXPECT_EQ(checkRequestHead(big).status, 431);  // no end in sight
    EXPECT_EQ(checkRequestHead(big + "\r\n\r\n").status, 431);
    const std::string fits =
        "GET / HTTP/1.1\r\nX: " + std::string(kMaxHeadBytes - 4 - 19, 'a') + "\r\n\r\n";
    ASSERT_EQ(fits.size(), kMaxHeadBytes);
    EXPECT_EQ(checkRequestHead(fits).kind, Kind::Accept);
}

TEST(RequestLimits, WebSocketUpgradeIsNoticed) {
    const HeadVerdict v = checkRequestHead(
        "GET /ws?token=a HTTP/1.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n");
    ASSERT_EQ(v.kind, Kind::Accept);
    EXPECT_TRUE(v.upgrade);
}

}  // namespace unity_RequestLimitsTest
