#pragma once

namespace stemdeck::test {

// Makes a test run that ends badly say where: CI keeps only part of a failed run's output, and
// a crash or a hang in a long test binary otherwise names no test.
// - A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) prints the running test's name and a
//   backtrace to the original standard error (also while a test captures it), then ends the
//   process as the signal would. Not under ASan/TSan, whose own reports are better.
// - A watchdog prints the test's name and the main thread's stack, then aborts, when one test
//   runs longer than STEMDECK_TEST_WATCHDOG_S seconds (default 240, 600 under ASan, none under
//   TSan, which forbids threads in the children of the tests that fork; 0 turns the watchdog off)
//   or the process longer than STEMDECK_TEST_DEADLINE_S (CMake sets it a little under a test's
//   TIMEOUT: stemdeck_plan_tests in tests/CMakeLists.txt), before CTest kills the process
//   without a word.
// Main thread, once, after InitGoogleTest and before RUN_ALL_TESTS.
void installTestWatch();

}  // namespace stemdeck::test
