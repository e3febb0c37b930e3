// Numbering: the rules that tell a paragraph number or a sub-paragraph label
// that continues the numbering from a number that merely starts a line.
//
//   if (LooksLikeNumberedStart(body, k, /*last_number=*/11)) ...  // "12. ..."
//   NextLetterLabel("b") == "c";  NextLetterLabel("z") == "aa";
//
// Input: body lines (see body_lines.h) and the last paragraph number read.
// Guarantees: pure functions; a number is only "expected" if it is 1 or
// follows the last one. (Internal to the structure stage.)

#ifndef RESOLUTE_PARSER_NUMBERING_H_
#define RESOLUTE_PARSER_NUMBERING_H_

#include <string>

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"

namespace resolute {

// The sub-paragraph letter after `label`: "" -> "a", "b" -> "c", "z" -> "aa",
// "aa" -> "bb"; "" after "zz".
std::string NextLetterLabel(const std::string& label);

// `v` (1 to 399) as a lower-case roman numeral: 4 -> "iv".
std::string ToLowerRoman(int v);

// True if body line k opens with paragraph number 1 or `last_number` + 1.
bool LooksLikeNumberedStart(const BodyLines& body, size_t k, int last_number);

// True if body line k opens a paragraph: an expected number, a meeting line,
// or a preambular or operative lead phrase.
bool LooksLikeParagraphStart(const BodyLines& body, size_t k, int last_number);

// "26" alone on its line where paragraph 26 is due, between a finished
// paragraph and a line that opens with an operative verb; or "26 Condemns"
// / "1, Requests" (OCR). Returns the length of the number, or 0.
size_t MissingDotNumber(const BodyLines& body, size_t k, int last_number);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_NUMBERING_H_
