#include "parser/front_matter.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "parser/lead_phrase.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// How far into the text the front matter may reach.
constexpr int kMaxFrontLines = 250;

bool IsFurnitureLike(absl::string_view c) {
  return IsPageNumberLine(c) || IsJobNumberLine(c) || IsBarcodeLine(c) || IsDateCodeLine(c);
}

std::string RemoveSpaces(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// Finds a resolution or decision symbol ("A/RES/78/100", "S/RES/1454 (2002)")
// in `line`; returns its extent within the line.
absl::string_view FindResolutionSymbol(absl::string_view line) {
  for (absl::string_view marker : {"/RES/", "/DEC/"}) {
    size_t at = line.find(marker);
    if (at == absl::string_view::npos) continue;
    size_t begin = at;
    while (begin > 0 && line[begin - 1] != ' ') --begin;
    size_t end = at + marker.size();
    while (end < line.size() && line[end] != ' ') ++end;
    if (begin == at || end == at + marker.size()) continue;
    if (!IsUpper(line[begin])) continue;
    // Security Council style: "S/RES/1454 (2002)".
    if (end + 7 <= line.size() && line[end] == ' ' && line[end + 1] == '(' &&
        IsDigit(line[end + 2]) && line[end + 6] == ')') {
      end += 7;
    }
    return line.substr(begin, end - begin);
  }
  return absl::string_view();
}

// "78/100." / "ES-11/1." / "2020/1." / "1514 (XV)." at the start of a line:
// the resolution number; returns its length without the dot, or 0.
size_t NumberLineLength(absl::string_view c) {
  size_t i = 0;
  {
    // Sessions I to XXX numbered resolutions with the session in roman
    // numerals: "1514 (XV).".
    size_t d = 0;
    while (d < c.size() && IsDigit(c[d])) ++d;
    if (d > 0 && d <= 4 && d + 2 < c.size() && c[d] == ' ' && c[d + 1] == '(') {
      const size_t close = c.find(')', d + 2);
      if (close != absl::string_view::npos && IsUpperRoman(c.substr(d + 2, close - d - 2)) &&
          close + 1 < c.size() && c[close + 1] == '.' &&
          (close + 2 == c.size() || c[close + 2] == ' ')) {
        return close + 1;
      }
    }
  }
  if (i < c.size() && IsUpper(c[i])) {  // "ES-11/1", "S-32/1"
    while (i < c.size() && IsUpper(c[i])) ++i;
    if (i >= c.size() || c[i] != '-') return 0;
    ++i;
  }
  const size_t d1 = i;
  while (i < c.size() && IsDigit(c[i])) ++i;
  if (i == d1 || i - d1 > 4 || i >= c.size() || c[i] != '/') return 0;
  ++i;
  const size_t d2 = i;
  while (i < c.size() && IsDigit(c[i])) ++i;
  if (i == d2 || i - d2 > 4) return 0;
  // Parts: "78/253 A."
  if (i + 2 < c.size() && c[i] == ' ' && IsUpper(c[i + 1]) && c[i + 2] == '.') i += 2;
  if (i >= c.size() || c[i] != '.') return 0;
  if (i + 1 < c.size() && c[i + 1] != ' ') return 0;
  return i;
}

Span LineSpan(const Line& line) { return line.content(); }

// "242 (1967)": a Security Council resolution number with its year.
bool IsYearNumber(absl::string_view s) {
  size_t d = 0;
  while (d < s.size() && IsDigit(s[d])) ++d;
  return d > 0 && d <= 5 && s.size() == d + 7 && s.substr(d, 2) == " (" && IsDigit(s[d + 2]) &&
         IsDigit(s[d + 3]) && IsDigit(s[d + 4]) && IsDigit(s[d + 5]) && s[d + 6] == ')';
}

// Sets `field` to the first date in line content `c`, with its span.
void SetDateFrom(const Line& line, absl::string_view c, FrontField* field) {
  absl::string_view found;
  auto date = FindDate(c, &found);
  if (!date.has_value()) return;
  field->value = *date;
  const int at = line.content_begin + static_cast<int>(found.data() - c.data());
  field->spans = {Span{at, at + static_cast<int>(found.size())}};
}

}  // namespace

std::vector<Span> TitleSpans(const FrontMatter& front, const std::vector<Line>& lines) {
  std::vector<Span> spans;
  for (int i : front.title_lines) spans.push_back(lines[i].content());
  if (!spans.empty() && front.title_begin > spans.front().begin) {
    spans.front().begin = front.title_begin;
  }
  return spans;
}

bool IsPartLabel(absl::string_view line) { return line.size() == 1 && IsUpper(line[0]); }

bool IsIntroLine(absl::string_view line) {
  absl::string_view c = line;
  absl::ConsumeSuffix(&c, ",");
  c = absl::StripTrailingAsciiWhitespace(c);
  if (!absl::ConsumePrefix(&c, "The ")) return false;
  return c == "General Assembly" || c == "Security Council" ||
         c == "Economic and Social Council" || c == "Human Rights Council";
}

v1::Body BodyFromName(absl::string_view text) {
  if (absl::StrContains(text, "General Assembly")) return v1::BODY_GENERAL_ASSEMBLY;
  if (absl::StrContains(text, "Security Council")) return v1::BODY_SECURITY_COUNCIL;
  if (absl::StrContains(text, "Economic and Social Council")) {
    return v1::BODY_ECONOMIC_AND_SOCIAL_COUNCIL;
  }
  if (absl::StrContains(text, "Human Rights Council")) return v1::BODY_HUMAN_RIGHTS_COUNCIL;
  return v1::BODY_UNSPECIFIED;
}

FrontMatter ExtractFrontMatter(absl::string_view text, const std::vector<Line>& lines) {
  FrontMatter fm;
  const int n = static_cast<int>(lines.size());
  const int limit = std::min(n, kMaxFrontLines);
  auto content = [&](int i) { return lines[i].Content(text); };

  for (int i = 0; i < limit; ++i) {
    if (IsIntroLine(content(i))) {
      fm.intro_line = i;
      break;
    }
  }
  int front_end = fm.intro_line;
  if (front_end < 0) {
    // No intro line (Word exports): the front matter ends at the first line
    // that opens a paragraph.
    front_end = 0;
    for (int i = 0; i < limit; ++i) {
      absl::string_view c = content(i);
      auto num = ParseParagraphNumber(c);
      if (StartsWithPreambularLead(c) || StartsWithOperativeLead(c) ||
          (num.has_value() && num->number == "1")) {
        front_end = i;
        break;
      }
    }
  }
  fm.body_begin = fm.intro_line >= 0 ? fm.intro_line + 1 : front_end;

  int number_line = -1;
  for (int i = 0; i < front_end; ++i) {
    absl::string_view c = content(i);
    if (c.empty()) continue;
    if (fm.symbol.value.empty()) {
      absl::string_view sym = FindResolutionSymbol(c);
      if (!sym.empty()) {
        fm.symbol.value = RemoveSpaces(sym);
        const int at = lines[i].content_begin + static_cast<int>(sym.data() - c.data());
        fm.symbol.spans.push_back(Span{at, at + static_cast<int>(sym.size())});
      }
    }
    if (absl::StartsWith(c, "Distr.") && fm.distribution_date.value.empty()) {
      for (int k = i; k < std::min(front_end, i + 3); ++k) {
        absl::string_view found;
        auto date = FindDate(content(k), &found);
        if (date.has_value()) {
          fm.distribution_date.value = *date;
          const int at = lines[k].content_begin + static_cast<int>(found.data() - content(k).data());
          fm.distribution_date.spans.push_back(Span{at, at + static_cast<int>(found.size())});
          break;
        }
      }
      continue;
    }
    if (absl::StartsWith(c, "Agenda item") && fm.agenda_number.value.empty()) {
      absl::string_view rest = c;
      absl::ConsumePrefix(&rest, "Agenda items");
      absl::ConsumePrefix(&rest, "Agenda item");
      fm.agenda_number.value = std::string(absl::StripAsciiWhitespace(rest));
      fm.agenda_number.spans.push_back(LineSpan(lines[i]));
      int k = i + 1;
      while (k < front_end && !lines[k].blank() && !IsFurnitureLike(content(k)) &&
             !absl::StartsWith(content(k), "Resolution adopted") &&
             !absl::StartsWith(content(k), "Decision adopted") &&
             !absl::StartsWith(content(k), "[") && NumberLineLength(content(k)) == 0) {
        fm.agenda_title.spans.push_back(LineSpan(lines[k]));
        ++k;
      }
      fm.agenda_title.value = JoinSpans(text, fm.agenda_title.spans);
      i = k - 1;
      continue;
    }
    if ((absl::StartsWith(c, "Resolution adopted by") || absl::StartsWith(c, "Decision adopted by") ||
         absl::StartsWith(c, "Adopted by the")) &&
        fm.adoption_date.value.empty()) {
      if (absl::StartsWith(c, "Decision")) fm.kind = v1::DOCUMENT_KIND_DECISION;
      if (absl::StartsWith(c, "Resolution")) fm.kind = v1::DOCUMENT_KIND_RESOLUTION;
      int k = i;
      std::vector<Span> spans;
      for (; k < std::min(front_end, i + 3); ++k) {
        if (lines[k].blank()) continue;
        spans.push_back(LineSpan(lines[k]));
        std::string joined = JoinSpans(text, spans);
        auto date = FindDate(joined);
        if (date.has_value()) {
          fm.adoption_date.value = *date;
          fm.adoption_date.spans = spans;
          if (fm.body == v1::BODY_UNSPECIFIED) fm.body = BodyFromName(joined);
          // "at its 4683rd meeting,"
          size_t at = joined.find(" at its ");
          if (at != std::string::npos) {
            size_t end = joined.find(" meeting", at);
            if (end != std::string::npos) {
              fm.adoption_meeting.value = joined.substr(at + 8, end + 8 - (at + 8));
              fm.adoption_meeting.spans = spans;
            }
          }
          break;
        }
      }
      i = k;
      continue;
    }
    if ((absl::StartsWith(c, "Resolution ") || absl::StartsWith(c, "RESOLUTION ")) &&
        fm.number.value.empty()) {
      // Security Council: "Resolution 1454 (2002)", "RESOLUTION 792 (1992)".
      absl::string_view rest = c.substr(11);
      if (IsYearNumber(rest)) {
        fm.number.value = std::string(rest);
        fm.number.spans.push_back(LineSpan(lines[i]));
        fm.kind = v1::DOCUMENT_KIND_RESOLUTION;
        continue;
      }
    }
    if (fm.number.value.empty()) {
      // Printed volumes: "10 (1946). Resolution of 4 November 1946".
      const size_t dot = c.find("). Resolution");
      if (dot != absl::string_view::npos && IsYearNumber(c.substr(0, dot + 1))) {
        fm.number.value = std::string(c.substr(0, dot + 1));
        fm.number.spans.push_back(Span{lines[i].content_begin, lines[i].content_begin + static_cast<int>(dot + 1)});
        fm.kind = v1::DOCUMENT_KIND_RESOLUTION;
        SetDateFrom(lines[i], c, &fm.adoption_date);
        continue;
      }
    }
    if ((absl::StartsWith(c, "of ") || absl::StartsWith(c, "Of ")) && !fm.number.value.empty() &&
        fm.adoption_date.value.empty()) {
      // "Resolution 242 (1967)" / "of 22 November 1967".
      SetDateFrom(lines[i], c, &fm.adoption_date);
      continue;
    }
    if (absl::StartsWith(c, "[") && fm.committee_note.value.empty()) {
      int k = i;
      std::vector<Span> spans;
      for (; k < front_end && k < i + 6; ++k) {
        if (lines[k].blank()) continue;
        spans.push_back(LineSpan(lines[k]));
        if (absl::EndsWith(content(k), "]")) break;
      }
      std::string note = JoinSpans(text, spans);
      absl::string_view v = note;
      absl::ConsumePrefix(&v, "[");
      absl::ConsumeSuffix(&v, "]");
      fm.committee_note.value = std::string(v);
      fm.committee_note.spans = spans;
      i = k;
      continue;
    }
    const size_t num_len = NumberLineLength(c);
    if (num_len > 0 && number_line < 0) {
      number_line = i;
      fm.number.value = std::string(c.substr(0, num_len));
      fm.number.spans = {Span{lines[i].content_begin, lines[i].content_begin + static_cast<int>(num_len)}};
      size_t title_at = num_len + 1;
      while (title_at < c.size() && c[title_at] == ' ') ++title_at;
      if (title_at < c.size()) {
        fm.title_lines.push_back(i);
        fm.title_begin = lines[i].content_begin + static_cast<int>(title_at);
      }
      for (int k = i + 1; k < front_end; ++k) {
        if (lines[k].blank() || IsFurnitureLike(content(k))) continue;
        if (!fm.title_lines.empty() && IsPartLabel(content(k)) && fm.part_label_line < 0) {
          fm.part_label_line = k;  // the rest is the title of part A
          continue;
        }
        if (fm.part_label_line >= 0) {
          fm.part_title_lines.push_back(k);
          continue;
        }
        if (fm.title_lines.empty()) fm.title_begin = lines[k].content_begin;
        fm.title_lines.push_back(k);
      }
      break;
    }
  }

  // Fill what can be derived.
  if (fm.symbol.value.empty() && fm.body == v1::BODY_UNSPECIFIED && fm.intro_line >= 0) {
    fm.body = BodyFromName(content(fm.intro_line));
  }
  const std::string& sym = fm.symbol.value;
  if (absl::StartsWith(sym, "A/HRC/")) {
    fm.body = v1::BODY_HUMAN_RIGHTS_COUNCIL;
  } else if (absl::StartsWith(sym, "A/")) {
    fm.body = v1::BODY_GENERAL_ASSEMBLY;
  } else if (absl::StartsWith(sym, "S/")) {
    fm.body = v1::BODY_SECURITY_COUNCIL;
  } else if (absl::StartsWith(sym, "E/")) {
    fm.body = v1::BODY_ECONOMIC_AND_SOCIAL_COUNCIL;
  }
  if (fm.body == v1::BODY_UNSPECIFIED && fm.intro_line >= 0) {
    fm.body = BodyFromName(content(fm.intro_line));
  }
  if (fm.kind == v1::DOCUMENT_KIND_UNSPECIFIED) {
    if (absl::StrContains(sym, "/RES/")) fm.kind = v1::DOCUMENT_KIND_RESOLUTION;
    if (absl::StrContains(sym, "/DEC/")) fm.kind = v1::DOCUMENT_KIND_DECISION;
  }
  if (sym.empty() && fm.body == v1::BODY_SECURITY_COUNCIL && IsYearNumber(fm.number.value)) {
    // "242 (1967)" -> "S/RES/242(1967)".
    fm.symbol.value = absl::StrCat("S/RES/", RemoveSpaces(fm.number.value));
    fm.symbol.spans = fm.number.spans;
  }
  const size_t roman_open = fm.number.value.find(" (");
  const bool roman_number = fm.body != v1::BODY_SECURITY_COUNCIL && roman_open != std::string::npos &&
                            absl::EndsWith(fm.number.value, ")") &&
                            IsUpperRoman(absl::string_view(fm.number.value)
                                             .substr(roman_open + 2,
                                                     fm.number.value.size() - roman_open - 3));
  if (roman_number) {
    // "1514 (XV)": General Assembly, fifteenth session.
    if (fm.body == v1::BODY_UNSPECIFIED) fm.body = v1::BODY_GENERAL_ASSEMBLY;
    if (sym.empty()) {
      fm.symbol.value = absl::StrCat("A/RES/", RemoveSpaces(fm.number.value));
      fm.symbol.spans = fm.number.spans;
    }
    fm.session = absl::StrCat(RomanValue(absl::string_view(fm.number.value)
                                             .substr(roman_open + 2,
                                                     fm.number.value.size() - roman_open - 3)));
  }
  if (sym.empty() && fm.body == v1::BODY_GENERAL_ASSEMBLY && !fm.number.value.empty() &&
      (IsDigit(fm.number.value[0]) || absl::StartsWith(fm.number.value, "ES-") ||
       absl::StartsWith(fm.number.value, "S-"))) {
    // Older texts print only the number ("57/168."): the symbol follows from it.
    fm.symbol.value = absl::StrCat("A/RES/", fm.number.value);
    fm.symbol.spans = fm.number.spans;
  }
  if (fm.number.value.empty() && !sym.empty() && fm.body != v1::BODY_SECURITY_COUNCIL) {
    // "A/RES/78/100" -> "78/100".
    size_t at = sym.find("/RES/");
    if (at == std::string::npos) at = sym.find("/DEC/");
    if (at != std::string::npos) fm.number.value = sym.substr(at + 5);
  }
  if (fm.body != v1::BODY_SECURITY_COUNCIL && !roman_number) {
    const size_t slash = fm.number.value.find('/');
    if (slash != std::string::npos) fm.session = fm.number.value.substr(0, slash);
  }
  if (fm.session.empty() && fm.body == v1::BODY_GENERAL_ASSEMBLY) {
    for (int i = 0; i < front_end; ++i) {
      absl::string_view c = content(i);
      if (absl::EndsWith(c, " session") && c.find(' ') == c.size() - 8) {
        const int v = OrdinalWordValue(c.substr(0, c.size() - 8));
        if (v > 0) fm.session = absl::StrCat(v);
        break;
      }
    }
  }
  return fm;
}

}  // namespace resolute
