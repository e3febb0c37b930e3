#include "parser/source_text.h"

#include "absl/strings/ascii.h"

namespace resolute {
namespace {

bool IsBreak(char c) { return c == '\n' || c == '\f'; }
bool IsWhite(char c) { return c == ' ' || c == '\n' || c == '\f' || c == '\t'; }

// True if `out` ends with a hyphen or dash that follows a letter or digit.
bool EndsWithJoiningDash(const std::string& out) {
  static constexpr absl::string_view kDashes[] = {
      "\xE2\x80\x90",  // U+2010 hyphen
      "\xE2\x80\x91",  // U+2011 non-breaking hyphen
      "\xE2\x80\x93",  // U+2013 en dash
      "\xE2\x80\x94",  // U+2014 em dash
      "-",
  };
  absl::string_view view(out);
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
  std::string out;
  bool pending_space = false;
  bool pending_break = false;
  for (size_t s = 0; s < spans.size(); ++s) {
    const Span& span = spans[s];
    if (s > 0) {
      pending_space = true;
      // A gap between spans counts as a line break if it contains one.
      for (int k = spans[s - 1].end; k < span.begin && k < static_cast<int>(text.size()); ++k) {
        if (IsBreak(text[k])) pending_break = true;
      }
    }
    for (int i = span.begin; i < span.end; ++i) {
      const char c = text[i];
      if (IsWhite(c)) {
        pending_space = true;
        if (IsBreak(c)) pending_break = true;
        continue;
      }
      if (pending_space && !out.empty() && !(pending_break && EndsWithJoiningDash(out))) {
        out.push_back(' ');
      }
      pending_space = pending_break = false;
      out.push_back(c);
    }
  }
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
