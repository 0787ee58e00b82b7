#pragma once

namespace stemdeck::test {

// Makes a test run that ends badly say where: CI keeps only part of a failed run's output, and
// a crash or a hang in a long test binary otherwise names no test.
// - A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) prints the running test's name and a
//   backtrace to the original standard error (also while a test captures it), then ends the
//   process as the signal would. Not under ASan/TSan, whose own reports are better.
// - A watchdog prints the test's name and aborts when one test runs longer than
//   STEMDECK_TEST_WATCHDOG_S seconds (default 90, 400 under a sanitizer; 0 turns it
//   off), before CTest's timeout
//   kills the process without a word.
// Main thread, once, after InitGoogleTest and before RUN_ALL_TESTS.
void installTestWatch();

}  // namespace stemdeck::test
