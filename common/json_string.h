// JSON string literals for the JSON the server logs and the client prints
// (shared by both; no dependency on either).

#ifndef RESOLUTE_COMMON_JSON_STRING_H_
#define RESOLUTE_COMMON_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace resolute {

// Appends `text` to `*out` as a JSON string literal, quotes included:
// `"` and `\` escaped, control characters and DEL as \n, \t, ... or \u00XX,
// and each byte that starts no valid UTF-8 sequence replaced by U+FFFD.
void AppendJsonString(absl::string_view text, std::string* out);

}  // namespace resolute

#endif  // RESOLUTE_COMMON_JSON_STRING_H_
