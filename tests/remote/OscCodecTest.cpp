// The OSC codec, routes and state messages without a socket.
#include <gtest/gtest.h>

#include "OscTestSupport.h"
#include "stemdeck/control/ActionJson.h"
#include "stemdeck/control/osc/OscRoutes.h"
#include "stemdeck/control/osc/OscState.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_OscCodecTest {

using namespace stemdeck::control;
using namespace stemdeck::control::osc;
using stemdeck::test::bundle;
using stemdeck::test::encoded;

namespace {

OscPacket decode(const std::vector<char>& bytes) {
    return decodeDatagram(bytes.data(), bytes.size());
}

std::vector<char> nested(int levels) {
    std::vector<char> inner = encoded("/stemdeck/play");
    for (int i = 0; i < levels; ++i) inner = bundle({inner});
    return inner;
}

}  // namespace

TEST(OscCodec, RoundTripsEveryArgumentType) {
    const auto bytes = encoded("/x", {std::int32_t{-7}, std::int64_t{1} << 40, 1.5f, 0.25,
                                      std::string("héllo"), true, false});
    const auto packet = decode(bytes);
    ASSERT_TRUE(packet.ok()) << packet.error;
    ASSERT_EQ(packet.messages.size(), 1u);
    const auto& m = packet.messages[0];
    EXPECT_EQ(m.address, "/x");
    EXPECT_EQ(m.types, "ihfdsTF");
    EXPECT_EQ(std::get<std::int32_t>(m.args[0]), -7);
    EXPECT_EQ(std::get<std::int64_t>(m.args[1]), std::int64_t{1} << 40);
    EXPECT_EQ(std::get<float>(m.args[2]), 1.5f);
    EXPECT_EQ(std::get<double>(m.args[3]), 0.25);
    EXPECT_EQ(std::get<std::string>(m.args[4]), "héllo");
    EXPECT_TRUE(std::get<bool>(m.args[5]));
    EXPECT_FALSE(std::get<bool>(m.args[6]));
}

TEST(OscCodec, BundlesAreFlattenedInOrderUpToFourLevels) {
    const auto packet = decode(bundle({encoded("/a"), bundle({encoded("/b"), encoded("/c")})}));
    ASSERT_TRUE(packet.ok()) << packet.error;
    ASSERT_EQ(packet.messages.size(), 3u);
    EXPECT_EQ(packet.messages[0].address, "/a");
    EXPECT_EQ(packet.messages[2].address, "/c");
    EXPECT_TRUE(decode(nested(4)).ok());
    const auto deep = decode(nested(5));
    EXPECT_FALSE(deep.ok());
    EXPECT_NE(deep.error.find("nested"), std::string::npos) << deep.error;
    EXPECT_TRUE(deep.messages.empty());
}

TEST(OscCodec, BundlesForSendingHoldEveryMessageWithinTheLimits) {
    std::vector<OscMessage> messages;
    for (int i = 0; i < 100; ++i)
        messages.push_back(
            makeMessage("/stemdeck/stem/" + std::to_string(i) + "/gain", {float(i)}));
    const auto bundles = encodeBundles(messages, 1024, 32);
    std::size_t total = 0;
    for (const auto& b : bundles) {
        EXPECT_LE(b.size(), 1024u);
        const auto packet = decode(b);
        ASSERT_TRUE(packet.ok()) << packet.error;
        EXPECT_LE(packet.messages.size(), 32u);
        for (const auto& m : packet.messages) EXPECT_EQ(m.address, messages[total++].address);
    }
    EXPECT_EQ(total, messages.size());
    EXPECT_GE(bundles.size(), 4u);
    const auto single = encodeBundles({messages[0]});
    ASSERT_EQ(single.size(), 1u);
    EXPECT_EQ(single[0], encodeMessage(messages[0])) << "one message is sent unbundled";
}

TEST(OscCodec, RefusesBrokenDatagramsWithOneLine) {
    auto good = encoded("/stemdeck/seek", {1.0f});
    std::vector<std::vector<char>> bad;
    bad.push_back({});                                               // empty
    bad.push_back(std::vector<char>(good.begin(), good.end() - 4));  // argument cut off
    bad.push_back(std::vector<char>(good.begin(), good.end() - 1));  // not a multiple of 4
    bad.push_back(std::vector<char>(kMaxDatagramBytes + 4, '/'));    // too large
    bad.push_back({'/', 'a', 'b', 'c'});                             // address not terminated
    bad.push_back({'x', 'y', 0, 0});                                 // not an address
    bad.push_back({'#', 'b', 'u', 'n', 'd', 'l', 'e', 0});           // bundle without time tag
    bad.push_back({'/', 'a', 0, 0, ',', 'b', 0, 0});                 // a blob without its size
    bad.push_back({'/', 'a', 0, 0, ',', 'i', 'i', 0, 0, 0, 0, 1});   // two ints announced, one sent
    bad.push_back({'/', 'a', 0, 0, 0, 0, 0, 0});                     // no type tags
    auto lying = bundle({good});
    lying[19] = 100;  // the element claims more bytes than there are
    bad.push_back(lying);
    auto tags = good;
    tags[16 + 1] = 'z';  // an unknown type tag
    bad.push_back(tags);
    for (std::size_t i = 0; i < bad.size(); ++i) {
        const auto packet = decode(bad[i]);
        EXPECT_FALSE(packet.ok()) << "case " << i;
        EXPECT_TRUE(packet.messages.empty()) << "case " << i;
        EXPECT_EQ(packet.error.find('\n'), std::string::npos) << "case " << i;
    }
}

TEST(OscCodec, BlobsDecodeButNoRouteTakesThem) {
    const std::vector<char> blob{'/', 's', 't', 'e', 'm', 'd', 'e', 'c', 'k', '/',
                                 's', 'e', 'e', 'k', 0,   0,   ',', 'b', 0,   0,
                                 0,   0,   0,   2,   'x', 'y', 0,   0};
    const auto packet = decode(blob);
    ASSERT_TRUE(packet.ok()) << packet.error;
    EXPECT_EQ(packet.messages[0].types, "b");
    const auto route = routeMessage(packet.messages[0]);
    EXPECT_EQ(route.kind, OscRoute::Kind::Error);
    EXPECT_NE(route.error.find("'b'"), std::string::npos) << route.error;
}

TEST(OscCodec, HalfABundleIsNotRun) {
    auto b = bundle({encoded("/a"), std::vector<char>{'x', 0, 0, 0}});
    const auto packet = decode(b);
    EXPECT_FALSE(packet.ok());
    EXPECT_TRUE(packet.messages.empty());
}

TEST(OscRoutes, WrongTypesAndCountsNameTheAddress) {
    const auto r1 = routeMessage(makeMessage("/stemdeck/seek", {std::string("soon")}));
    ASSERT_EQ(r1.kind, OscRoute::Kind::Error);
    EXPECT_NE(r1.error.find("/stemdeck/seek"), std::string::npos) << r1.error;
    EXPECT_NE(r1.error.find("number"), std::string::npos) << r1.error;
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/seek", {})).kind, OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/play", {1.0f})).kind, OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/song/goto", {2.5f})).kind, OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/stem/drums/pan", {0.5f})).kind,
              OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/stem//gain", {0.5f})).kind,
              OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/other/play", {})).kind, OscRoute::Kind::Error);
    EXPECT_EQ(routeMessage(makeMessage("/stemdeck/subscribe", {std::int32_t{70000}})).kind,
              OscRoute::Kind::Error);
    const auto sub = routeMessage(makeMessage("/stemdeck/subscribe", {std::int32_t{9001}}));
    ASSERT_EQ(sub.kind, OscRoute::Kind::Subscribe);
    EXPECT_EQ(sub.port, 9001);
}

TEST(OscRoutes, JsonParamsAreFlatSmallAndValid) {
    ActionCall call;
    std::string why;
    EXPECT_TRUE(parseJsonParams(R"({"on": true, "n": 3, "db": -1.5, "stem": "vox"})", call, &why))
        << why;
    EXPECT_EQ(std::get<bool>(call.params["on"]), true);
    EXPECT_EQ(std::get<std::int64_t>(call.params["n"]), 3);
    EXPECT_EQ(std::get<double>(call.params["db"]), -1.5);
    EXPECT_EQ(std::get<std::string>(call.params["stem"]), "vox");
    EXPECT_FALSE(parseJsonParams("{\"a\": ", call, &why));
    EXPECT_FALSE(parseJsonParams("[1, 2]", call, &why));
    EXPECT_FALSE(parseJsonParams(R"({"a": {"b": 1}})", call, &why));
    EXPECT_FALSE(parseJsonParams(std::string(100, '[') + std::string(100, ']'), call, &why));
    EXPECT_NE(why.find("deep"), std::string::npos) << why;
    EXPECT_FALSE(
        parseJsonParams("{\"a\": \"" + std::string(kMaxParamsJsonBytes, 'x') + "\"}", call, &why));
}

TEST(OscState, ChangesSendOnlyWhatMoved) {
    ControlState before;
    before.song = "Intro";
    before.stems = {{"drums", 0.0, false, false}, {"bass", -3.0, false, false}};
    ControlState after = before;
    after.playing = true;
    after.pitchCents = 150.0;
    after.stems[1].mute = true;
    const auto messages = changeMessages(before, after);
    std::vector<std::string> addresses;
    for (const auto& m : messages) addresses.push_back(m.address);
    // Fields in diff()'s (alphabetical) order, then the stems.
    EXPECT_EQ(addresses,
              (std::vector<std::string>{"/stemdeck/state/pitch", "/stemdeck/state/playing",
                                        "/stemdeck/stem/bass/mute"}));
    EXPECT_FLOAT_EQ(std::get<float>(messages[0].args[0]), 1.5f);
    EXPECT_EQ(std::get<std::int32_t>(messages[1].args[0]), 1);
    EXPECT_TRUE(changeMessages(after, after).empty());

    ControlState other = after;  // another song: every stem of it is sent
    other.stems = {{"keys", -1.0, false, true}};
    EXPECT_EQ(changeMessages(after, other).size(), 3u);
}

TEST(OscState, FullDumpHasEveryFieldAndStem) {
    ControlState s;
    s.setIndex = 2;
    s.stems = {{"drums", -2.0, true, false}};
    const auto messages = stateMessages(s);
    auto find = [&](const std::string& address) -> const OscMessage* {
        for (const auto& m : messages)
            if (m.address == address) return &m;
        return nullptr;
    };
    for (const char* a :
         {"/stemdeck/state/playing", "/stemdeck/state/position", "/stemdeck/state/song",
          "/stemdeck/state/section", "/stemdeck/state/bar_beat", "/stemdeck/state/tempo",
          "/stemdeck/state/click", "/stemdeck/state/lock", "/stemdeck/master/gain",
          "/stemdeck/stem/drums/gain", "/stemdeck/stem/drums/mute", "/stemdeck/stem/drums/solo"})
        EXPECT_NE(find(a), nullptr) << a;
    ASSERT_NE(find("/stemdeck/state/song/index"), nullptr);
    EXPECT_EQ(std::get<std::int32_t>(find("/stemdeck/state/song/index")->args[0]), 3);  // 1-based
    EXPECT_EQ(std::get<std::int32_t>(find("/stemdeck/stem/drums/mute")->args[0]), 1);
}

// A small in-test fuzz: mutated real datagrams through the codec and the routes. Each must end
// in messages or one printable error line, never a crash or an exception.
TEST(OscCodec, MutatedDatagramsNeverCrash) {
    const std::vector<std::vector<char>> seeds{
        encoded("/stemdeck/seek", {12.5f}),
        encoded("/stemdeck/pitch", {std::int32_t{-2}, 50.0}),
        encoded("/stemdeck/action",
                {std::string("stem.gain"), std::string(R"({"stem":"vox","db":-4})")}),
        encoded("/stemdeck/stem/drums/mute", {true}),
        bundle({encoded("/stemdeck/play"),
                bundle({encoded("/stemdeck/subscribe", {std::int64_t{9000}})})}),
    };
    std::uint32_t rng = 12345;
    auto next = [&rng] {
        rng = rng * 1664525u + 1013904223u;
        return rng >> 8;
    };
    int good = 0, refused = 0;
    for (int i = 0; i < 30000; ++i) {
        auto bytes = seeds[next() % seeds.size()];
        const int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits && !bytes.empty(); ++e) {
            const std::size_t at = next() % bytes.size();
            switch (next() % 4) {
                case 0:
                    bytes[at] = static_cast<char>(next());
                    break;
                case 1:
                    bytes.resize(at);
                    break;
                case 2:
                    bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), 4,
                                 static_cast<char>(next()));
                    break;
                case 3:
                    bytes[at] = static_cast<char>(bytes[at] ^ 0x80);
                    break;
            }
        }
        OscPacket packet;
        ASSERT_NO_THROW(packet = decodeDatagram(bytes.data(), bytes.size()));
        if (!packet.ok()) {
            ++refused;
            EXPECT_EQ(packet.error.find('\n'), std::string::npos);
            continue;
        }
        ++good;
        for (const auto& m : packet.messages) {
            OscRoute route;
            ASSERT_NO_THROW(route = routeMessage(m));
            if (route.kind == OscRoute::Kind::Error) {
                EXPECT_FALSE(route.error.empty());
                EXPECT_EQ(route.error.find('\n'), std::string::npos);
            }
        }
    }
    EXPECT_GT(good, 100);  // the mutations also leave decodable datagrams, so routes are reached
    EXPECT_GT(refused, 100);
}

}  // namespace unity_OscCodecTest
