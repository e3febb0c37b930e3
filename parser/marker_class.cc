#include "parser/marker_class.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "parser/lexicon.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// Words after which a number is a reference, not a footnote marker.
const absl::flat_hash_set<absl::string_view>& NumberTakingWords() {
  static const auto* s = new absl::flat_hash_set<absl::string_view>(
      lexicon::NumberTakingWords().begin(), lexicon::NumberTakingWords().end());
  return *s;
}

// True if the word before the number at `pos` is a capitalised name of a
// numbered item ("Action 5", "Commitment 3", "Objective 2", "Stage 1").
bool IsCapitalizedItemName(absl::string_view line, size_t pos) {
  size_t e = pos;
  while (e > 0 && line[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && line[b - 1] != ' ') --b;
  absl::string_view w = line.substr(b, e - b);
  for (absl::string_view n : lexicon::NumberedItemNames()) {
    if (w == n) return true;
  }
  return false;
}


// The word before position `pos` (which follows a space), lower-cased,
// without a trailing full stop.
std::string WordBefore(absl::string_view line, size_t pos) {
  size_t e = pos;
  while (e > 0 && line[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && line[b - 1] != ' ') --b;
  absl::string_view w = line.substr(b, e - b);
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ':')) {
    w.remove_suffix(1);
  }
  return absl::AsciiStrToLower(w);
}

absl::string_view WordAfter(absl::string_view line, size_t pos) {
  size_t b = pos;
  while (b < line.size() && line[b] == ' ') ++b;
  size_t e = b;
  while (e < line.size() && line[e] != ' ' && line[e] != ',' && line[e] != ';') ++e;
  return line.substr(b, e - b);
}

bool IsClosingPunct(unsigned char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == ']' || c == '"' ||
         c == '\'';
}

// True if `line[b, b + 4)` is a year, 1900 to 2099.
bool IsYearAt(absl::string_view line, size_t b) {
  if (b + 4 > line.size()) return false;
  absl::string_view year = line.substr(b, 4);
  for (char c : year) {
    if (!IsDigit(c)) return false;
  }
  return year >= "1900" && year <= "2099";
}

// The length of the dash that ends at `e` (exclusive): 1 for "-", 3 for the
// en dash U+2013 in UTF-8; 0 if none.
size_t DashBefore(absl::string_view line, size_t e) {
  if (e >= 1 && line[e - 1] == '-') return 1;
  if (e >= 3 && line.substr(e - 3, 3) == "\xE2\x80\x93") return 3;
  return 0;
}

// What the four characters before `pos` are.
enum class YearBefore {
  kNone,
  // A year standing alone: at the start of the line or after a space.
  kAlone,
  // A year closing a range of years ("2014–2024").
  kRangeEnd,
};

YearBefore YearEndingAt(absl::string_view line, size_t pos) {
  if (pos < 4 || !IsYearAt(line, pos - 4)) return YearBefore::kNone;
  const size_t b = pos - 4;
  if (b == 0 || line[b - 1] == ' ') return YearBefore::kAlone;
  const size_t dash = DashBefore(line, b);
  if (dash > 0 && b >= dash + 4 && IsYearAt(line, b - dash - 4) &&
      (b == dash + 4 || !IsDigit(line[b - dash - 5]))) {
    return YearBefore::kRangeEnd;
  }
  return YearBefore::kNone;
}

// True if the four digits before `pos` are a year closing a date
// ("12 July 2021" + marker "5" printed as "20215").
bool GluedToDate(absl::string_view line, size_t pos) {
  if (YearEndingAt(line, pos) != YearBefore::kAlone || pos < 6) return false;
  size_t e = pos - 5;
  size_t b = e;
  while (b > 0 && line[b - 1] != ' ') --b;
  return IsMonthName(line.substr(b, e - b));
}

// True if the digits before `pos` end a resolution number of a numbered
// session ("54/26" + marker "39" printed as "54/2639"): a session of one or
// two digits after a space or slash, then a number that the marker would
// take past three digits, which no session-numbered resolution reaches, and
// not to a year ("10/2018"). With `spaced`, the marker follows after a space
// ("55/28 31", pdftotext) and only the shape of the number is checked.
bool GluedToSessionNumber(absl::string_view line, size_t pos, size_t marker_size,
                          bool spaced = false) {
  size_t b = pos;
  while (b > 0 && IsDigit(line[b - 1])) --b;
  const size_t number_digits = pos - b;
  if (number_digits == 0 || number_digits > 3) return false;
  if (!spaced && number_digits + marker_size <= 3) return false;
  if (b < 2 || line[b - 1] != '/') return false;
  size_t s = b - 1;
  while (s > 0 && IsDigit(line[s - 1])) --s;
  const size_t session_digits = b - 1 - s;
  if (session_digits == 0 || session_digits > 2) return false;
  if (s > 0 && line[s - 1] != ' ' && line[s - 1] != '/') return false;
  // "Law No. 10/2018": number and marker together read as a year.
  const absl::string_view whole = line.substr(b, number_digits + marker_size);
  return !(whole.size() == 4 && whole >= "1900" && whole <= "2099");
}

// True if `line[b...]` is a short function word ("and", "of", "the") that
// ends at a space or punctuation.
bool GluedFunctionWordAt(absl::string_view line, size_t b) {
  size_t e = b;
  while (e < line.size() && absl::ascii_islower(line[e])) ++e;
  if (e < line.size() && (absl::ascii_isalnum(line[e]) || line[e] == '-')) return false;
  static const absl::flat_hash_set<absl::string_view>* const kWords =
      new absl::flat_hash_set<absl::string_view>(lexicon::GluedFunctionWords().begin(),
                                                 lexicon::GluedFunctionWords().end());
  return kWords->contains(line.substr(b, e - b));
}

// True if the number at `line[b...]` is the marker after `m` and ends there
// ("conflict,10,11": two markers printed with a comma between them).
bool IsNextMarkerAt(absl::string_view line, size_t b, absl::string_view m) {
  size_t e = b;
  while (e < line.size() && IsDigit(line[e])) ++e;
  if (e == b || e - b > 3) return false;
  if (e < line.size() && (absl::ascii_isalnum(line[e]) || line[e] == '/' || line[e] == '.' ||
                          line[e] == ',')) {
    return false;
  }
  return NumberValue(line.substr(b, e - b)) == NumberValue(m) + 1;
}

}  // namespace

int MarkerClass(absl::string_view line, size_t pos, absl::string_view m) {
  const size_t end = pos + m.size();
  if (pos == 0) return 0;
  // "the Paris Agreement4and its": a marker with no space after it, between a
  // word and a short function word (never part of a name such as "G77").
  if (end < line.size() && absl::ascii_isalpha(line[end]) &&
      absl::ascii_islower(line[pos - 1]) && GluedFunctionWordAt(line, end)) {
    return 1;
  }
  if (end < line.size()) {
    const char next = line[end];
    if (IsDigit(next) || absl::ascii_isalpha(next) || next == '/' || next == '-' ||
        next == '%' || next == '(') {
      return 0;
    }
    if ((next == '.' || next == ',') && end + 1 < line.size() && IsDigit(line[end + 1]) &&
        !(next == ',' && IsNextMarkerAt(line, end + 1, m))) {
      return 0;
    }
  }
  const unsigned char prev = line[pos - 1];
  // "12 July 20215": a marker glued to the year of a date; "Decade
  // 2014–20242": to the end of a range of years; "for 20231 and": to a year
  // alone (less sure).
  if (IsDigit(prev)) {
    if (GluedToDate(line, pos)) return 3;
    const YearBefore year = YearEndingAt(line, pos);
    if (year == YearBefore::kRangeEnd) return 2;
    if (year == YearBefore::kAlone) return 1;
  }
  // "resolutions 54/18 and 54/2639": glued to a session-numbered resolution.
  if (IsDigit(prev) && GluedToSessionNumber(line, pos, m.size())) return 2;
  // "held from 5 to 9 June 2017.3": after the full stop that ends a
  // sentence on a date (otherwise a digit, a full stop and the candidate
  // read as a decimal: "6.8 million").
  if (prev == '.' && pos >= 2 && IsDigit(line[pos - 2]) && GluedToDate(line, pos - 1) &&
      (end == line.size() || line[end] == ' ')) {
    return 2;
  }
  if (IsDigit(prev) || prev == '/' || prev == '-' || prev == '(' || prev == '[' ||
      (prev == '.' && pos >= 2 && IsDigit(line[pos - 2]))) {
    return 0;
  }
  if (absl::ascii_isalpha(prev) || prev >= 0x80 || IsClosingPunct(prev)) {
    return 3;
  }
  if (prev != ' ') return 0;
  // Separated by a space (pdftotext).
  size_t q = pos - 1;
  while (q > 0 && line[q - 1] == ' ') --q;
  if (q == 0) return 0;
  // "16 April 2004 4": a marker after the year of a date.
  if (IsDigit(line[q - 1]) && GluedToDate(line, q)) return 2;
  absl::string_view after = WordAfter(line, end);
  // "resolutions 55/28 31 and 55/29": after a session-numbered resolution.
  if (IsDigit(line[q - 1]) && !IsMonthName(after) &&
      GluedToSessionNumber(line, q, /*marker_size=*/0, /*spaced=*/true)) {
    return 1;
  }
  if (IsMonthName(after) || after == "per" || after == "million" || after == "billion" ||
      (after == "and" && end + 5 < line.size() && IsDigit(line[end + 5]))) {
    return 0;
  }
  const unsigned char before = line[q - 1];
  // "for 2023 1 and", "2015–2030 3 can": after a year, or a range of years.
  if (IsDigit(before) && YearEndingAt(line, q) != YearBefore::kNone) return 1;
  const std::string word = WordBefore(line, pos);
  // "para. 33", "No. 2": a number after an abbreviation is a reference.
  const bool abbreviation = before == '.' || absl::ascii_isalpha(before);
  if (abbreviation && NumberTakingWords().contains(word)) return 0;
  // "Action 5", "Objective 2": capitalised names of numbered items.
  if (absl::ascii_isalpha(before) && IsCapitalizedItemName(line, pos)) return 0;
  if (IsClosingPunct(before) || before >= 0x80) return 2;
  if (absl::ascii_isalpha(before)) return 1;
  return 0;
}

}  // namespace resolute
