// Quotation marks and dashes spelled out, so that test tables stay
// readable ASCII source.
#ifndef WHOSAID_TESTS_MARKS_H_
#define WHOSAID_TESTS_MARKS_H_

#define LDQ "\xE2\x80\x9C"     // “
#define RDQ "\xE2\x80\x9D"     // ”
#define LSQ "\xE2\x80\x98"     // ‘
#define RSQ "\xE2\x80\x99"     // ’
#define LOW "\xE2\x80\x9E"     // „
#define EMDASH "\xE2\x80\x94"  // —

#endif  // WHOSAID_TESTS_MARKS_H_
