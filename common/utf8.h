// UTF-8 validation and repair, shared by the parser (which validates every
// submitted text), the service (names that go into proto `string` fields:
// archive entry paths, document ids) and the client (file paths).
//
// Valid means well-formed UTF-8 as Unicode defines it: no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence.

#ifndef RESOLUTE_COMMON_UTF8_H_
#define RESOLUTE_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace resolute {

// Decodes the UTF-8 sequence that starts at `text[i]` (i < text.size()) into
// `*cp` and returns its length in bytes (1 to 4), or 0 if no valid sequence
// starts there (then `*cp` is unspecified).
size_t DecodeUtf8(absl::string_view text, size_t i, uint32_t* cp);

// Returns the byte offset of the first byte of `text` that does not start a
// valid UTF-8 sequence, or `text.size()` if all of it is valid.
size_t FirstInvalidUtf8Offset(absl::string_view text);

// Returns `text` with each byte that starts no valid UTF-8 sequence replaced
// by U+FFFD (so a truncated 3-byte sequence becomes three replacements).
std::string SanitizeUtf8(absl::string_view text);

}  // namespace resolute

#endif  // RESOLUTE_COMMON_UTF8_H_
