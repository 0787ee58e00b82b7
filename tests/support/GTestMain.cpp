// GoogleTest main for the test binaries without Qt: gtest_main's, plus the test watch (a
// crash or a hang names its test).
#include <gtest/gtest.h>

#include "TestWatch.h"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    stemdeck::test::installTestWatch();
    return RUN_ALL_TESTS();
}
