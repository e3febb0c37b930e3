// Lines and spans of the normalised text, and the one rule that turns spans
// back into the text of a node.
//
// Every stage after normalisation works on `Line`s (positions into the
// normalised text) and produces `Span`s; JoinSpans is how a node's text is
// made from its spans, so a node's text is always reproducible from where it
// claims to come from.

#ifndef RESOLUTE_PARSER_SOURCE_TEXT_H_
#define RESOLUTE_PARSER_SOURCE_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace resolute {

// A half-open byte range [begin, end) of the normalised text.
struct Span {
  int begin = 0;
  int end = 0;

  int size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  // The bytes of `text` this span covers.
  absl::string_view Of(absl::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

// One line of the normalised text. Lines are separated by "\n" or "\f".
struct Line {
  // The whole line, without its terminator.
  int begin = 0;
  int end = 0;
  // The line without leading and trailing spaces; empty for a blank line.
  int content_begin = 0;
  int content_end = 0;

  bool blank() const { return content_begin == content_end; }
  // True if a page break ("\f") comes right before this line in `text` (the
  // text it was split from). Read from the text rather than stored: a text
  // can have a line every few bytes, and lines are held through the parse.
  bool StartsPage(absl::string_view text) const { return begin > 0 && text[begin - 1] == '\f'; }
  Span content() const { return Span{content_begin, content_end}; }
  absl::string_view Content(absl::string_view text) const { return content().Of(text); }
};

// Splits normalised text into lines. An empty text has no lines; a text
// ending in "\n" has no empty last line.
std::vector<Line> SplitLines(absl::string_view text);

// The text of a node made of `spans` of `text`: the spans' bytes in order,
// with every run of whitespace (inside a span or between two spans) made one
// space, except that a line break right after a hyphen or dash that follows
// a letter or digit is removed ("self-\ndetermination" -> "self-determination").
// Leading and trailing whitespace is dropped.
std::string JoinSpans(absl::string_view text, absl::Span<const Span> spans);

// Same as JoinSpans, written into `*out` (its contents replaced, its capacity
// reused: a message field filled again for the next document costs no
// allocation). `*out` must not be `text`'s storage.
void JoinSpansTo(absl::string_view text, absl::Span<const Span> spans, std::string* out);

// Returns `s` with runs of whitespace made one space and trimmed.
std::string CollapseWhitespace(absl::string_view s);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_SOURCE_TEXT_H_
