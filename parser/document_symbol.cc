#include "parser/document_symbol.h"

#include <cstring>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// One "/"-separated element after the first: letters, digits, ".", "-", "(", ")".
bool IsSymbolSegment(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '(' && c != ')') return false;
  }
  return true;
}

}  // namespace

bool IsDocumentSymbol(absl::string_view token) {
  const size_t slash = token.find('/');
  if (slash == absl::string_view::npos || slash == 0 || slash + 1 >= token.size()) return false;
  absl::string_view first = token.substr(0, slash);
  // "A", "E", "ST", "A/C.2" ("C.2" is a later segment), "E/CN.15".
  size_t i = 0;
  while (i < first.size() && IsUpper(first[i])) ++i;
  if (i == 0 || i > 10) return false;
  if (i < first.size()) {
    if (first[i] != '.') return false;
    for (size_t k = i + 1; k < first.size(); ++k) {
      if (!absl::ascii_isalnum(first[k]) && first[k] != '.') return false;
    }
  }
  bool digit = false;
  size_t start = slash + 1;
  while (start <= token.size()) {
    size_t next = token.find('/', start);
    if (next == absl::string_view::npos) next = token.size();
    absl::string_view seg = token.substr(start, next - start);
    if (!IsSymbolSegment(seg)) return false;
    for (char c : seg) digit |= IsDigit(c);
    start = next + 1;
  }
  return digit;
}

size_t JointSymbolDash(absl::string_view s) {
  const size_t n = s.size();
  if (std::memchr(s.data(), '-', n) == nullptr) return absl::string_view::npos;
  auto in_segment = [](char c) {
    return absl::ascii_isalnum(c) || c == '.' || c == '-' || c == '(' || c == ')';
  };
  auto alnum_or_dot = [](char c) { return absl::ascii_isalnum(c) || c == '.'; };
  // The first element of a symbol, from `p` to the "/" at `slash`: one to
  // ten capitals, then possibly "." and letters, digits and dots ("CN.15"),
  // `alnum_end` being where letters, digits and dots from `p` end.
  auto first_element = [&](size_t p, size_t slash, size_t alnum_end) {
    size_t i = 0;
    while (p + i < slash && i <= 10 && IsUpper(s[p + i])) ++i;
    if (i == 0 || i > 10 || alnum_end != slash) return false;
    return p + i == slash || s[p + i] == '.';
  };
  // Right to left: whether the symbol after each dash is one (IsDocumentSymbol
  // of the rest), from what lies right of each position, read once.
  absl::InlinedVector<bool, 64> after_ok(n + 1, false);
  size_t next_slash = absl::string_view::npos;  // first "/" at or after x
  bool tail_ok = false;                         // the elements after next_slash
  bool bad = false, double_slash = false, digit = false;  // in [x + 1, n)
  size_t alnum_end = n;  // first position at or after x that is no letter, digit or dot
  const bool ends_in_slash = s[n - 1] == '/';
  for (size_t x = n; x-- > 0;) {
    const char c = s[x];
    if (c == '/') {
      next_slash = x;
      tail_ok = x + 1 < n && !bad && !double_slash && s[x + 1] != '/' && digit && !ends_in_slash;
    }
    if (!alnum_or_dot(c)) alnum_end = x;
    if (x > 0 && s[x - 1] == '-') {
      after_ok[x] = IsUpper(c) && next_slash != absl::string_view::npos && tail_ok &&
                    first_element(x, next_slash, alnum_end);
    }
    if (c != '/' && !in_segment(c)) bad = true;
    if (c == '/' && x + 1 < n && s[x + 1] == '/') double_slash = true;
    if (IsDigit(c)) digit = true;
  }
  // Left to right: whether the symbol before each dash is one.
  const size_t first_slash = s.find('/');
  if (first_slash == absl::string_view::npos || first_slash == 0) return absl::string_view::npos;
  size_t first_alnum_end = 0;
  while (first_alnum_end < first_slash && alnum_or_dot(s[first_alnum_end])) ++first_alnum_end;
  if (!first_element(0, first_slash, first_alnum_end)) return absl::string_view::npos;
  bad = double_slash = digit = false;  // now in [first_slash + 1, d)
  for (size_t d = first_slash + 1; d < n; ++d) {
    const char c = s[d];
    if (c == '-' && d > first_slash + 1 && !bad && !double_slash && digit && s[d - 1] != '/' &&
        after_ok[d + 1]) {
      return d;
    }
    if (c != '/' && !in_segment(c)) bad = true;
    if (c == '/' && s[d - 1] == '/') double_slash = true;
    if (IsDigit(c)) digit = true;
  }
  return absl::string_view::npos;
}

}  // namespace resolute
