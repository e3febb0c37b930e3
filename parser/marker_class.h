// MarkerClass: whether the digits at a position of a text line are a
// footnote marker, read from what surrounds them (the footnotes stage's test
// of every candidate marker in the text).
//
// Input: one line of body text and the position of a digit run equal to the
// marker being looked for. Output: a class from 0 (not a marker) to 3. What
// makes digits part of the text rather than a marker: a year or date they end
// ("12 July 20215" is 2021 and marker 5 only where the year reads so), a
// session or document number they continue, a word that takes a number
// before them ("paragraph 2", "Action 5"), or a letter, digit, "/", "-", "%"
// or "(" right after them. A pure function of its arguments.

#ifndef RESOLUTE_PARSER_MARKER_CLASS_H_
#define RESOLUTE_PARSER_MARKER_CLASS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace resolute {

// How likely `line[pos, pos + m.size())` is the footnote marker `m`: 3 glued
// to a word or punctuation, 2 after punctuation and a space, 1 after a word
// and a space, 0 not a marker.
int MarkerClass(absl::string_view line, size_t pos, absl::string_view m);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_MARKER_CLASS_H_
