// Normalisation: the first stage of the parser.
//
// Turns submitted text into the canonical form that every later stage and
// every span of the model refer to (`Resolution.text`). Only character-level
// artefacts of extraction are touched; nothing is reordered or dropped beyond
// what is listed here:
//   - "\r\n" and lone "\r" become "\n" ("\f", a page break, is kept);
//   - a tab or vertical tab and the spaces and tabs around it become one " ";
//   - no-break and other Unicode spaces become " ";
//   - soft hyphens, zero-width characters, byte order marks and other control
//     characters are removed;
//   - spaces before a line end ("\n", "\f" or the end of the text) are removed;
//   - a run of three or more spaces between two pieces of text on one line
//     (columns, as `pdftotext -layout` prints them) becomes a line break;
//   - letter-spaced words are closed up ("I n v i t e s" -> "Invites": four
//     or more one-letter words, all but the first lower case).
// NormalizeText is idempotent: NormalizeText(NormalizeText(x)) == NormalizeText(x).

#ifndef RESOLUTE_PARSER_NORMALIZE_H_
#define RESOLUTE_PARSER_NORMALIZE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace resolute {

// Returns the normalised form of `text`, which must be valid UTF-8
// (see FirstInvalidUtf8Offset in common/utf8.h).
std::string NormalizeText(absl::string_view text);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_NORMALIZE_H_
