// Small recognisers for the line shapes of UN documents: page furniture,
// paragraph numbers, sub-paragraph labels, meeting lines, dates, ordinals.
//
// All take a line's content (no leading or trailing spaces) or a word, and
// are cheap: no regular expressions, no allocation unless they return text.

#ifndef RESOLUTE_PARSER_TEXT_PATTERNS_H_
#define RESOLUTE_PARSER_TEXT_PATTERNS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace resolute {

// "2/5", "12/56": a page number line.
bool IsPageNumberLine(absl::string_view line);
// "23-24979 (E)", "23-24979", "23-24979 (E) 201223": a job number line.
bool IsJobNumberLine(absl::string_view line);
// "201223": a six-digit date code printed under the job number.
bool IsDateCodeLine(absl::string_view line);
// "*2324979*": the barcode line.
bool IsBarcodeLine(absl::string_view line);
// "__________": the rule that opens a footnote block.
bool IsFootnoteRule(absl::string_view line);

// A numbered paragraph start "12. Text" or "12." alone.
struct NumberedStart {
  std::string number;  // "12"
  size_t text_offset;  // offset of the text after the number, or line size
};
// Parses a paragraph number (1 to 3 digits, a dot, then a space or the end).
std::optional<NumberedStart> ParseParagraphNumber(absl::string_view line);
// Parses a sub-paragraph label "(a)", "(iv)", "(aa)" at the start of a line,
// followed by a space or the end; `number` is the label without brackets.
std::optional<NumberedStart> ParseSubparagraphLabel(absl::string_view line);

// True if `s` is a roman numeral of upper-case letters I, V, X, L, C.
bool IsUpperRoman(absl::string_view s);
// True if `s` is a roman numeral of lower-case letters i, v, x, l, c.
bool IsLowerRoman(absl::string_view s);
// Value of a roman numeral (either case), or 0 if it is not one.
int RomanValue(absl::string_view s);

// "45th plenary meeting", "50th (resumed) plenary meeting", "4683rd meeting":
// true if the whole line is a meeting designation.
bool IsMeetingLine(absl::string_view line);

// Finds the first date "7 December 2023" (day month year, English month
// names) in `s`; returns it as ISO 8601 "2023-12-07" and, through `found`,
// where it was.
std::optional<std::string> FindDate(absl::string_view s, absl::string_view* found = nullptr);
// True if the whole of `line` is a date ("7 December 2023").
bool IsDateLine(absl::string_view line);

// "Seventy-eighth" -> 78, "Tenth" -> 10, "first" -> 1; 0 if not an ordinal.
int OrdinalWordValue(absl::string_view word);

// "12" -> 12: the value of a paragraph number or footnote marker; 0 if `s` is
// not a number (or does not fit an int).
int NumberValue(absl::string_view s);

// "March" -> 3; 0 if `word` is not an English month name (lexicon.h).
int MonthNumber(absl::string_view word);
// True if `word` is an English month name, capitalised ("May").
inline bool IsMonthName(absl::string_view word) { return MonthNumber(word) != 0; }

// What EndsWithPunctuation sets aside at the end of a line before it looks.
enum class Closers {
  kNone,               // nothing: "said." ends with "."; "said.\"" does not
  kQuotes,             // closing quotes " ' U+201D U+2019: "languages.”" ends with "."
  kQuotesAndBrackets,  // the same and ")" "]": "(A/78/1.)" ends with "."
};
// True if `s` ends with one of `chars` once `closers` are set aside: the one
// test of a line's final punctuation ("ends a clause", "ends a sentence").
bool EndsWithPunctuation(absl::string_view s, absl::string_view chars,
                         Closers closers = Closers::kQuotes);

// True if `c` is an ASCII digit.
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// True if `c` is an ASCII upper-case letter.
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
// True if `c` is an ASCII lower-case letter.
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace resolute

#endif  // RESOLUTE_PARSER_TEXT_PATTERNS_H_
