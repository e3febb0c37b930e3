// UTF-8 helpers for names that end up in proto `string` fields (archive entry
// paths, file paths used as document ids), which must be valid UTF-8.
// Document content is validated by the parser, not here.

#ifndef RESOLUTE_SERVICE_UTF8_H_
#define RESOLUTE_SERVICE_UTF8_H_

#include <string>

#include "absl/strings/string_view.h"

namespace resolute {
namespace service {

// Returns `text` with every invalid UTF-8 sequence (including overlong forms,
// surrogates and code points above U+10FFFF) replaced by U+FFFD.
std::string SanitizeUtf8(absl::string_view text);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_UTF8_H_
