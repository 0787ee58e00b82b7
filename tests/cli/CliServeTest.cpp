// `stemdeck-cli serve`, run as a user would on the JACK dummy server (with_jack.sh): what it
// announces, how it stops on a signal, and a bad song.

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>

#include "CliProcess.h"
#include "TempDir.h"

namespace fs = std::filesystem;
using namespace stemdeck;
using test::CliProcess;
using test::CliResult;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// Ctrl-C and SIGTERM end a serving process within a second, with the conventional status.
TEST(CliServe, ASignalStopsItWithinASecond) {
    if (!test::jackRunning()) GTEST_SKIP() << "needs the JACK dummy server (with_jack.sh)";
    for (const int signal : {SIGINT, SIGTERM}) {
        CliProcess serve({"serve", test::demoSong()});
        ASSERT_TRUE(serve.waitForErr("Ctrl-C or SIGTERM stops")) << serve.wait().err;
        const auto sent = Clock::now();
        serve.signal(signal);
        const CliResult r = serve.wait();
        EXPECT_LT(secondsSince(sent), 1.0);
        EXPECT_EQ(r.status, 128 + signal) << r.err;
        EXPECT_NE(r.err.find("serving " + test::demoSong() + " on "), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
}

TEST(CliServe, AMissingSongOrSetIsOneLine) {
    test::TempDir dir;
    test::expectOneLineError(test::runCli({"serve", (dir / "nothing").string()}),
                             "no song folder " + (dir / "nothing").string());
    test::expectOneLineError(test::runCli({"serve", (dir / "gone.stemset").string()}),
                             "no set file " + (dir / "gone.stemset").string());
}

TEST(CliServe, ABadOscPortIsAUsageError) {
    const CliResult r = test::runCli({"serve", test::demoSong(), "--osc", "70000"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--osc"), std::string::npos) << r.err;
}
