#include "parser/source_text.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "parser/byte_scan.h"

namespace resolute {
namespace {

bool IsBreak(char c) { return c == '\n' || c == '\f'; }
bool IsWhite(char c) { return c == ' ' || c == '\n' || c == '\f' || c == '\t'; }

// True if `out` ends with a hyphen or dash that follows a letter or digit:
// "-", or U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash, U+2014
// em dash (E2 80 90/91/93/94). Asked at every line break of a node's text,
// so the last byte decides first.
bool EndsWithJoiningDash(absl::string_view out) {
  const size_t n = out.size();
  if (n == 0) return false;
  const unsigned char last = out[n - 1];
  size_t dash_size;
  if (last == '-') {
    dash_size = 1;
  } else if ((last == 0x90 || last == 0x91 || last == 0x93 || last == 0x94) && n >= 3 &&
             out[n - 3] == '\xE2' && out[n - 2] == '\x80') {
    dash_size = 3;
  } else {
    return false;
  }
  if (n <= dash_size) return false;
  const unsigned char before = out[n - dash_size - 1];
  return absl::ascii_isalnum(before) || before >= 0x80;
}

// Writes JoinSpans(text, spans) at `base` and returns its size. `base` needs
// room for the spans' bytes, one per span, and 16 bytes more (the copy below
// stores whole 16-byte blocks).
size_t JoinSpansAt(absl::string_view text, absl::Span<const Span> spans, char* const base) {
  char* o = base;
  bool pending_space = false;
  bool pending_break = false;
  // The output so far ends with a hyphen or dash after a letter or digit.
  auto ends_with_joining_dash = [&] {
    return EndsWithJoiningDash(absl::string_view(base, static_cast<size_t>(o - base)));
  };
  const char* const text_end = text.data() + text.size();
  for (size_t s = 0; s < spans.size(); ++s) {
    const Span& span = spans[s];
    if (s > 0) {
      pending_space = true;
      // A gap between spans counts as a line break if it contains one.
      const int from = std::min(spans[s - 1].end, span.begin);
      const int to = std::min(std::max(spans[s - 1].end, span.begin), static_cast<int>(text.size()));
      for (int k = from; k < to; ++k) {
        if (IsBreak(text[k])) {
          pending_break = true;
          break;
        }
      }
    }
    const char* p = text.data() + span.begin;
    const char* const end = text.data() + span.end;
    while (p < end) {
      for (; p < end && IsWhite(*p); ++p) {
        pending_space = true;
        if (IsBreak(*p)) pending_break = true;
      }
      if (p == end) break;
      if (pending_space) {
        if (o != base && !(pending_break && ends_with_joining_dash())) *o++ = ' ';
        pending_space = pending_break = false;
      }
      // Most of a span is words separated by single spaces, which are kept
      // as they are: copy up to the next line break, tab or run of spaces.
      p = byte_scan::CopyToWhitespaceToCollapse(p, end, text_end, &o);
    }
  }
  return static_cast<size_t>(o - base);
}

}  // namespace

std::vector<Line> SplitLines(absl::string_view text) {
  int start = 0;
  const int n = static_cast<int>(text.size());
  const char* const data = text.data();
  // Counted first, so that the vector is allocated once and exactly: lines
  // are a few bytes each in some texts, and a vector grown by doubling would
  // hold up to twice what it needs through the whole parse.
  std::vector<Line> lines;
  lines.reserve(byte_scan::CountLineBreaks(data, data + n) + 1);
  // The line [start, end); `end` is a break or the end of the text.
  auto add_line = [&](int end) {
    Line line;
    line.begin = start;
    line.end = end;
    int cb = start, ce = end;
    while (cb < ce && data[cb] == ' ') ++cb;
    while (ce > cb && data[ce - 1] == ' ') --ce;
    line.content_begin = cb;
    line.content_end = ce;
    lines.push_back(line);
    start = end + 1;
  };
  // All breaks in one pass (16 bytes at a time), rather than a search from
  // each line's start.
  byte_scan::ForEachLineBreak(data, data + n,
                              [&](const char* at) { add_line(static_cast<int>(at - data)); });
  if (start < n) add_line(n);
  return lines;
}

std::string JoinSpans(absl::string_view text, absl::Span<const Span> spans) {
  std::string out;
  JoinSpansTo(text, spans, &out);
  return out;
}

void JoinSpansTo(absl::string_view text, absl::Span<const Span> spans, std::string* result) {
  size_t total = 0;
  for (const Span& s : spans) total += static_cast<size_t>(std::max(0, s.size())) + 1;
  // A short text (a table cell, a number, a title) is made on the stack and
  // assigned: the string then holds exactly its bytes, inline when they fit,
  // rather than a heap buffer with room for the block copy.
  constexpr size_t kStackBytes = 128;
  if (total + 16 <= kStackBytes) {
    char buffer[kStackBytes];
    result->assign(buffer, JoinSpansAt(text, spans, buffer));
    return;
  }
  std::string& out = *result;
  out.clear();
  out.resize(total + 16);
  out.resize(JoinSpansAt(text, spans, out.data()));
}

std::string CollapseWhitespace(absl::string_view s) {
  std::string out(s.size() + 16, '\0');  // room for the block copy below
  char* const base = out.data();
  char* o = base;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    bool pending = false;
    for (; p < end && IsWhite(*p); ++p) pending = true;
    if (p == end) break;
    if (pending && o != base) *o++ = ' ';
    // Single spaces between words are kept: copy up to the next other
    // whitespace at once.
    p = byte_scan::CopyToWhitespaceToCollapse(p, end, end, &o);
  }
  out.resize(static_cast<size_t>(o - base));
  return out;
}

}  // namespace resolute
