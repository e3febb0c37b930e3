#include "parser/text_patterns.h"

#include <algorithm>
#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "parser/lexicon.h"

namespace resolute {
namespace {

size_t CountDigits(absl::string_view s, size_t from) {
  size_t i = from;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i - from;
}

size_t SkipSpaces(absl::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

bool AllDigits(absl::string_view s) { return !s.empty() && CountDigits(s, 0) == s.size(); }



}  // namespace

int NumberValue(absl::string_view s) {
  int v = 0;
  // Numbers and markers are a few digits: read directly (SimpleAtoi gives the
  // same for them, and handles the rest).
  if (!s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), IsDigit)) {
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  return absl::SimpleAtoi(s, &v) ? v : 0;
}

int MonthNumber(absl::string_view word) {
  const lexicon::WordList months = lexicon::MonthNames();
  for (size_t m = 0; m < months.size(); ++m) {
    if (word == months[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

bool EndsWithPunctuation(absl::string_view s, absl::string_view chars, Closers closers) {
  while (closers != Closers::kNone && !s.empty()) {
    const char last = s.back();
    if (last == '"' || last == '\'') {
      s.remove_suffix(1);
    } else if (closers == Closers::kQuotesAndBrackets && (last == ')' || last == ']')) {
      s.remove_suffix(1);
    } else if ((last == '\x9D' || last == '\x99') && s.size() >= 3 && s[s.size() - 3] == '\xE2' &&
               s[s.size() - 2] == '\x80') {  // U+201D, U+2019
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  for (char c : chars) {
    if (s.back() == c) return true;
  }
  return false;
}

bool IsPageNumberLine(absl::string_view line) {
  const size_t a = CountDigits(line, 0);
  if (a == 0 || a > 3 || a >= line.size() || line[a] != '/') return false;
  const size_t b = CountDigits(line, a + 1);
  return b > 0 && b <= 3 && a + 1 + b == line.size();
}

bool IsJobNumberLine(absl::string_view line) {
  if (CountDigits(line, 0) != 2 || line.size() < 8 || line[2] != '-') return false;
  const size_t n = CountDigits(line, 3);
  if (n < 4 || n > 6) return false;
  size_t i = SkipSpaces(line, 3 + n);
  if (i < line.size() && line[i] == '(') {  // language code "(E)"
    if (i + 2 >= line.size() || !IsUpper(line[i + 1]) || line[i + 2] != ')') return false;
    i = SkipSpaces(line, i + 3);
  }
  if (i < line.size()) {
    const size_t d = CountDigits(line, i);
    if (d != 6) return false;
    i = SkipSpaces(line, i + d);
  }
  return i == line.size();
}

bool IsDateCodeLine(absl::string_view line) { return line.size() == 6 && AllDigits(line); }

bool IsBarcodeLine(absl::string_view line) {
  return line.size() >= 7 && line.front() == '*' && line.back() == '*' &&
         AllDigits(line.substr(1, line.size() - 2));
}

bool IsFootnoteRule(absl::string_view line) {
  if (line.size() < 5) return false;
  for (char c : line) {
    if (c != '_') return false;
  }
  return true;
}

std::optional<NumberedStart> ParseParagraphNumber(absl::string_view line) {
  const size_t d = CountDigits(line, 0);
  if (d == 0 || d > 3 || d >= line.size() || line[d] != '.') return std::nullopt;
  if (line[0] == '0') return std::nullopt;
  const size_t after = d + 1;
  if (after < line.size() && line[after] != ' ') return std::nullopt;
  return NumberedStart{std::string(line.substr(0, d)), SkipSpaces(line, after)};
}

std::optional<NumberedStart> ParseSubparagraphLabel(absl::string_view line) {
  if (line.size() < 3 || line[0] != '(') return std::nullopt;
  size_t i = 1;
  while (i < line.size() && IsLower(line[i])) ++i;
  const size_t len = i - 1;
  if (len == 0 || i >= line.size() || line[i] != ')') return std::nullopt;
  absl::string_view label = line.substr(1, len);
  const bool letters = len == 1 || (len == 2 && label[0] == label[1]);
  if (!letters && !IsLowerRoman(label)) return std::nullopt;
  const size_t after = i + 1;
  if (after < line.size() && line[after] != ' ') return std::nullopt;
  return NumberedStart{std::string(label), SkipSpaces(line, after)};
}

int RomanValue(absl::string_view s) {
  if (s.empty() || s.size() > 12) return 0;
  auto value = [](char c) {
    switch (absl::ascii_toupper(c)) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const int v = value(s[i]);
    if (v == 0) return 0;
    const int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // Reject non-canonical forms such as "IIII" or "VX" by round-tripping.
  static constexpr struct { int v; const char* r; } kTable[] = {
      {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
      {9, "IX"},  {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string canonical;
  int rest = total;
  for (const auto& t : kTable) {
    while (rest >= t.v) {
      canonical += t.r;
      rest -= t.v;
    }
  }
  std::string upper(s);
  absl::AsciiStrToUpper(&upper);
  return canonical == upper ? total : 0;
}

bool IsUpperRoman(absl::string_view s) {
  for (char c : s) {
    if (!IsUpper(c)) return false;
  }
  return RomanValue(s) > 0;
}

bool IsLowerRoman(absl::string_view s) {
  for (char c : s) {
    if (!IsLower(c)) return false;
  }
  return RomanValue(s) > 0;
}

bool IsMeetingLine(absl::string_view line) {
  const size_t d = CountDigits(line, 0);
  if (d == 0 || d + 2 > line.size()) return false;
  absl::string_view suffix = line.substr(d, 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
  absl::string_view rest = line.substr(d + 2);
  if (absl::StartsWith(rest, " (resumed)")) rest.remove_prefix(10);
  return rest == " plenary meeting" || rest == " meeting";
}

std::optional<std::string> FindDate(absl::string_view s, absl::string_view* found) {
  // Look for "<1-2 digits> <Month> <4 digits>".
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || absl::ascii_isalpha(s[i - 1])))) {
      continue;
    }
    const size_t d = CountDigits(s, i);
    if (d > 2 || i + d >= s.size() || s[i + d] != ' ') continue;
    const size_t m = i + d + 1;
    size_t e = m;
    while (e < s.size() && absl::ascii_isalpha(s[e])) ++e;
    const int month = MonthNumber(s.substr(m, e - m));
    if (month == 0 || e >= s.size() || s[e] != ' ') continue;
    if (CountDigits(s, e + 1) != 4) continue;
    if (e + 5 < s.size() && IsDigit(s[e + 5])) continue;
    int day = 0, year = 0;
    if (!absl::SimpleAtoi(s.substr(i, d), &day) || !absl::SimpleAtoi(s.substr(e + 1, 4), &year) ||
        day < 1 || day > 31) {
      continue;
    }
    if (found != nullptr) *found = s.substr(i, e + 5 - i);
    // "%04d-%02d-%02d", written out (a formatter costs more than the search).
    std::string iso = "0000-00-00";
    for (int k = 3, v = year; k >= 0; --k, v /= 10) iso[k] = static_cast<char>('0' + v % 10);
    iso[5] = static_cast<char>('0' + month / 10);
    iso[6] = static_cast<char>('0' + month % 10);
    iso[8] = static_cast<char>('0' + day / 10);
    iso[9] = static_cast<char>('0' + day % 10);
    return iso;
  }
  return std::nullopt;
}

bool IsDateLine(absl::string_view line) {
  // "7 December 2023" .. "30 September 2023".
  if (line.size() < 10 || line.size() > 17 || !IsDigit(line[0])) return false;
  absl::string_view found;
  return FindDate(line, &found).has_value() && found.size() == line.size();
}

int OrdinalWordValue(absl::string_view word) {
  static constexpr struct { absl::string_view word; int value; } kUnits[] = {
      {"first", 1},      {"second", 2},      {"third", 3},       {"fourth", 4},
      {"fifth", 5},      {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},      {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
      {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
      {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
      {"thirtieth", 30}, {"fortieth", 40},    {"fiftieth", 50},   {"sixtieth", 60},
      {"seventieth", 70}, {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100}};
  static constexpr struct { absl::string_view word; int value; } kTens[] = {
      {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
      {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
  std::string w = absl::AsciiStrToLower(word);
  int tens = 0;
  absl::string_view rest = w;
  for (const auto& t : kTens) {
    if (absl::StartsWith(rest, t.word) && rest.size() > t.word.size() &&
        rest[t.word.size()] == '-') {
      tens = t.value;
      rest.remove_prefix(t.word.size() + 1);
      break;
    }
  }
  for (const auto& u : kUnits) {
    if (rest == u.word) {
      if (tens > 0 && u.value >= 10) return 0;
      return tens + u.value;
    }
  }
  return 0;
}

}  // namespace resolute
