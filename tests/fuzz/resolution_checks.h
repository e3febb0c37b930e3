// Invariants every fuzz target checks on a parsed Resolution: each span lies
// inside the text and sub-paragraphs nest no deeper than the model allows.
// A violation aborts, which the fuzzer reports as a finding.

#ifndef RESOLUTE_TESTS_FUZZ_RESOLUTION_CHECKS_H_
#define RESOLUTE_TESTS_FUZZ_RESOLUTION_CHECKS_H_

#include "resolute/v1/resolution.pb.h"

namespace resolute {
namespace fuzz {

// Aborts unless every span of `resolution` lies inside its `text` (which
// must have been included).
void CheckResolution(const v1::Resolution& resolution);

}  // namespace fuzz
}  // namespace resolute

#endif  // RESOLUTE_TESTS_FUZZ_RESOLUTION_CHECKS_H_
