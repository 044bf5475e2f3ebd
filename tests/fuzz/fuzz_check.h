// Invariant checks for the fuzz targets: a broken promise of a header is a
// finding, so it aborts with the promise that failed, and libFuzzer keeps
// the input that broke it.
#ifndef WHOSAID_TESTS_FUZZ_FUZZ_CHECK_H_
#define WHOSAID_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                 \
  do {                                                                        \
    if (!(condition)) {                                                       \
      std::fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, \
                   #condition);                                               \
      std::abort();                                                           \
    }                                                                         \
  } while (0)

#endif  // WHOSAID_TESTS_FUZZ_FUZZ_CHECK_H_
