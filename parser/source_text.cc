#include "parser/source_text.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace resolute {
namespace {

bool IsBreak(char c) { return c == '\n' || c == '\f'; }
bool IsWhite(char c) { return c == ' ' || c == '\n' || c == '\f' || c == '\t'; }

// True if `out` ends with a hyphen or dash that follows a letter or digit.
bool EndsWithJoiningDash(absl::string_view out) {
  static constexpr absl::string_view kDashes[] = {
      "\xE2\x80\x90",  // U+2010 hyphen
      "\xE2\x80\x91",  // U+2011 non-breaking hyphen
      "\xE2\x80\x93",  // U+2013 en dash
      "\xE2\x80\x94",  // U+2014 em dash
      "-",
  };
  absl::string_view view = out;
  for (absl::string_view dash : kDashes) {
    if (view.size() > dash.size() && view.substr(view.size() - dash.size()) == dash) {
      const unsigned char before = view[view.size() - dash.size() - 1];
      return absl::ascii_isalnum(before) || before >= 0x80;
    }
  }
  return false;
}

}  // namespace

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  int start = 0;
  bool page_break = false;
  const int n = static_cast<int>(text.size());
  while (start < n) {
    int end = start;
    while (end < n && !IsBreak(text[end])) ++end;
    Line line;
    line.begin = start;
    line.end = end;
    line.page_break = page_break;
    int cb = start, ce = end;
    while (cb < ce && text[cb] == ' ') ++cb;
    while (ce > cb && text[ce - 1] == ' ') --ce;
    line.content_begin = cb;
    line.content_end = ce;
    lines.push_back(line);
    page_break = end < n && text[end] == '\f';
    start = end + 1;
  }
  return lines;
}

std::string JoinSpans(absl::string_view text, absl::Span<const Span> spans) {
  size_t total = 0;
  for (const Span& s : spans) total += static_cast<size_t>(std::max(0, s.size())) + 1;
  std::string out(total, '\0');
  char* const base = out.data();
  char* o = base;
  bool pending_space = false;
  bool pending_break = false;
  // The output so far ends with a hyphen or dash after a letter or digit.
  auto ends_with_joining_dash = [&] {
    return EndsWithJoiningDash(absl::string_view(base, static_cast<size_t>(o - base)));
  };
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
    for (; p < end; ++p) {
      const char c = *p;
      if (!IsWhite(c)) {
        if (pending_space) {
          if (o != base && !(pending_break && ends_with_joining_dash())) *o++ = ' ';
          pending_space = pending_break = false;
        }
        *o++ = c;
        continue;
      }
      pending_space = true;
      if (IsBreak(c)) pending_break = true;
    }
  }
  out.resize(static_cast<size_t>(o - base));
  return out;
}

std::string CollapseWhitespace(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (IsWhite(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace resolute
