#include "parser/footnotes.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "parser/lexicon.h"
#include "parser/raised_footnotes.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {


bool IsBareMarker(absl::string_view c) {
  if (c.empty() || c.size() > 3 || c[0] == '0') return false;
  for (char ch : c) {
    if (!IsDigit(ch)) return false;
  }
  return true;
}

// text.find(needle, from): memchr for the first byte, then the rest
// compared in place (the marker search runs it many times over the text).
size_t FindIn(absl::string_view text, absl::string_view needle, size_t from) {
  if (from > text.size() || needle.empty()) return text.find(needle, from);
  if (text.size() - from < needle.size()) return absl::string_view::npos;
  const char* p = text.data() + from;
  const char* const last = text.data() + text.size() - needle.size();  // last possible start
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, needle[0], static_cast<size_t>(last - p) + 1));
    if (p == nullptr) break;
    if (std::memcmp(p + 1, needle.data() + 1, needle.size() - 1) == 0) {
      return static_cast<size_t>(p - text.data());
    }
    ++p;
  }
  return absl::string_view::npos;
}

// Abbreviations whose full stop does not end a footnote.
bool EndsWithAbbreviation(absl::string_view c) {
  for (absl::string_view a : lexicon::FootnoteAbbreviations()) {
    if (absl::EndsWith(c, a)) return true;
  }
  return false;
}

bool EndsFootnoteText(absl::string_view c) { return EndsSentence(c) && !EndsWithAbbreviation(c); }

// A group of footnote text lines, with the marker printed before it if any.
struct Group {
  std::string marker;
  std::vector<Span> spans;
  bool ended = false;
};

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

// How likely `line[pos, pos + m.size())` is the footnote marker `m`: 3 glued
// to a word or punctuation, 2 after punctuation and a space, 1 after a word
// and a space, 0 not a marker.
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

// Pairs each "[" of `line` with the "]" that closes it (brackets nest), or
// with npos if none does, in the order of the "["s.
void MatchBrackets(absl::string_view line, std::vector<std::pair<size_t, size_t>>* out) {
  std::vector<size_t> open;  // indices into `out` of the brackets still open
  for (size_t k = 0; k < line.size(); ++k) {
    if (line[k] == '[') {
      open.push_back(out->size());
      out->emplace_back(k, absl::string_view::npos);
    } else if (line[k] == ']' && !open.empty()) {
      (*out)[open.back()].second = k;
      open.pop_back();
    }
  }
}

class FootnoteReader {
 public:
  FootnoteReader(absl::string_view text, const std::vector<Line>& lines, const Layout& layout,
                 const FrontMatter& front, Findings* findings, Interrupt* interrupt,
                 const std::vector<Span>* raised)
      : text_(text), lines_(lines), layout_(layout), front_(front), findings_(findings),
        interrupt_(interrupt), raised_(raised) {}

  Footnotes Read() {
    for (const FootnoteBlock& block : layout_.footnote_blocks) {
      if (Stopped(interrupt_)) return std::move(out_);
      ReadBlock(block);
    }
    ReadInline();
    Anchor();
    std::sort(out_.refs.begin(), out_.refs.end(),
              [](const MarkerRef& a, const MarkerRef& b) { return a.span.begin < b.span.begin; });
    std::sort(out_.cuts.begin(), out_.cuts.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
  absl::string_view Content(int i) const { return lines_[i].Content(text_); }

  void ReadBlock(const FootnoteBlock& block) {
    if (raised_ != nullptr && ReadAtRaisedMarkers(block)) return;
    std::vector<Group> groups;
    std::vector<std::string> orphans;
    std::optional<std::string> pending;
    const int expected = next_marker_;
    for (int i = block.begin; i < block.end; ++i) {
      if (layout_.roles[i] != LineRole::kFootnote || lines_[i].blank()) continue;
      absl::string_view c = Content(i);
      if (IsBareMarker(c) || c == "*") {
        if (pending.has_value()) orphans.push_back(*pending);
        pending = std::string(c);
        continue;
      }
      Span span = lines_[i].content();
      std::string marker;
      size_t offset = 0;
      const bool previous_open = !groups.empty() && !groups.back().ended && !pending.has_value();
      // A footnote whose text lacks its final full stop stays open, but a
      // line after a blank line that starts with the next number in
      // sequence opens the next one ("... No. 30822" / "" / "4 Adopted ...").
      const bool next_in_sequence_after_blank =
          previous_open && i > block.begin && lines_[i - 1].blank() &&
          !groups.back().marker.empty();
      if ((!previous_open || next_in_sequence_after_blank) &&
          ParseFootnoteItemStart(c, &marker, &offset) && offset < c.size() &&
          (!previous_open || NumberValue(marker) == NumberValue(groups.back().marker) + 1)) {
        const int v = NumberValue(marker);
        // The first footnote of a text may have any number (printed volumes
        // number them across the volume); later ones follow in sequence.
        const bool first = out_.entries.empty() && groups.empty() && !pending.has_value();
        if ((v >= expected && v < expected + 20) || first) {
          if (pending.has_value()) orphans.push_back(*pending);
          pending = marker;
          span.begin += static_cast<int>(offset);
        }
      }
      const bool starts = pending.has_value() || groups.empty() || groups.back().ended;
      if (starts) {
        Group g;
        if (pending.has_value()) g.marker = *pending;
        pending.reset();
        groups.push_back(std::move(g));
      }
      groups.back().spans.push_back(span);
      groups.back().ended = EndsFootnoteText(span.Of(text_));
    }
    if (pending.has_value()) orphans.push_back(*pending);
    if (groups.empty()) {
      for (const std::string& m : orphans) {
        findings_->Warning("FOOTNOTE_TEXT_MISSING",
                           absl::StrCat("footnote marker ", m, " has no text in its block"),
                           lines_[block.rule_line].content());
      }
      return;
    }

    size_t unmarked = 0;
    for (const Group& g : groups) unmarked += g.marker.empty();
    // Text at the top of a block without a marker continues the previous
    // page's last footnote, when there are more such texts than markers.
    if (groups.front().marker.empty() && unmarked > orphans.size() && !out_.entries.empty()) {
      for (const Span& s : groups.front().spans) out_.entries.back().spans.push_back(s);
      groups.erase(groups.begin());
      --unmarked;
    }
    if (unmarked > 0 && unmarked == orphans.size()) {
      // pdftotext: texts in order, markers elsewhere. Pair them in order.
      std::vector<std::string> markers = orphans;
      for (const Group& g : groups) {
        if (!g.marker.empty()) markers.push_back(g.marker);
      }
      std::sort(markers.begin(), markers.end(), [](const std::string& a, const std::string& b) {
        return NumberValue(a) < NumberValue(b);
      });
      for (size_t k = 0; k < groups.size(); ++k) groups[k].marker = markers[k];
      orphans.clear();
    } else {
      // Unmarked texts beyond the markers available continue the text
      // before them (a full stop inside a footnote).
      std::vector<Group> merged;
      size_t free_markers = orphans.size();
      for (Group& g : groups) {
        if (g.marker.empty() && !merged.empty() && unmarked > free_markers) {
          for (const Span& s : g.spans) merged.back().spans.push_back(s);
          --unmarked;
          continue;
        }
        merged.push_back(std::move(g));
      }
      groups = std::move(merged);
      std::sort(orphans.begin(), orphans.end(), [](const std::string& a, const std::string& b) {
        return NumberValue(a) < NumberValue(b);
      });
      size_t o = 0;
      for (Group& g : groups) {
        if (g.marker.empty() && o < orphans.size()) g.marker = orphans[o++];
      }
      for (; o < orphans.size(); ++o) {
        findings_->Warning("FOOTNOTE_TEXT_MISSING",
                           absl::StrCat("footnote marker ", orphans[o], " has no text in its block"),
                           lines_[block.rule_line].content());
      }
    }
    for (Group& g : groups) {
      if (g.marker.empty()) {
        findings_->Warning("FOOTNOTE_MARKER_MISSING", "footnote text without a marker",
                           g.spans.front());
      }
      AddBlockEntry(g.marker, std::move(g.spans), block.rule_line);
    }
  }

  // Adds the footnote `marker` of a block; the next one is expected after it.
  void AddBlockEntry(std::string marker, std::vector<Span> spans, int rule_line) {
    FootnoteEntry e;
    e.marker = std::move(marker);
    e.spans = std::move(spans);
    e.rule_line = rule_line;
    e.position = e.spans.front().begin;
    const int v = NumberValue(e.marker);
    if (v >= next_marker_) next_marker_ = v + 1;
    out_.entries.push_back(std::move(e));
  }

  // The block split at its raised markers (raised_footnotes.h); false if
  // it has none.
  bool ReadAtRaisedMarkers(const FootnoteBlock& block) {
    std::vector<RaisedFootnote> items;
    if (!SplitAtRaisedMarkers(text_, lines_, layout_, block, *raised_, &items)) return false;
    for (RaisedFootnote& item : items) {
      if (item.marker.empty()) {
        if (!out_.entries.empty()) {
          for (const Span& s : item.spans) out_.entries.back().spans.push_back(s);
          continue;
        }
        findings_->Warning("FOOTNOTE_MARKER_MISSING", "footnote text without a marker",
                           item.spans.front());
      }
      AddBlockEntry(std::move(item.marker), std::move(item.spans), block.rule_line);
      ++out_.entries_at_raised_markers;
    }
    return true;
  }

  // Word exports: "[footnoteRef:1]" markers and "[1: Text.]" bodies.
  void ReadInline() {
    // Few lines have a "[": one search of the text finds the next one.
    size_t next_bracket = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (Stopped(interrupt_)) return;
      if (layout_.roles[i] != LineRole::kText) continue;
      const Line& line = lines_[i];
      if (next_bracket < static_cast<size_t>(line.content_begin)) {
        next_bracket = text_.find('[', line.content_begin);
      }
      if (next_bracket == absl::string_view::npos) break;
      if (next_bracket >= static_cast<size_t>(line.content_end)) continue;
      absl::string_view c = Content(static_cast<int>(i));
      const int base = lines_[i].content_begin;
      // The bracket that closes each "[" of the line, found on first need
      // in one pass (a "[" that is never closed must not cost a scan of
      // the rest of the line each).
      std::vector<std::pair<size_t, size_t>> closes;  // (open, close or npos)
      size_t next_close = 0;
      auto close_of = [&](size_t open) {
        if (closes.empty()) MatchBrackets(c, &closes);
        while (closes[next_close].first < open) ++next_close;
        return closes[next_close].second;
      };
      size_t at = 0;
      while ((at = c.find('[', at)) != absl::string_view::npos) {
        absl::string_view rest = c.substr(at);
        if (absl::StartsWith(rest, "[footnoteRef:")) {
          size_t d = 13;
          while (d < rest.size() && IsDigit(rest[d])) ++d;
          if (d > 13 && d < rest.size() && rest[d] == ']') {
            MarkerRef ref;
            ref.marker = std::string(rest.substr(13, d - 13));
            ref.span = Span{base + static_cast<int>(at), base + static_cast<int>(at + d + 1)};
            inline_refs_.push_back(ref);
            out_.cuts.push_back(ref.span);
            at += d + 1;
            continue;
          }
        }
        size_t d = 1;
        while (d < rest.size() && IsDigit(rest[d])) ++d;
        if (d > 1 && d < rest.size() && rest[d] == ':') {
          const size_t close_at = close_of(at);
          const size_t close =
              close_at == absl::string_view::npos ? close_at : close_at - at;
          if (close != absl::string_view::npos) {
            size_t tb = d + 1;
            while (tb < close && rest[tb] == ' ') ++tb;
            size_t te = close;
            while (te > tb && rest[te - 1] == ' ') --te;
            FootnoteEntry e;
            e.marker = std::string(rest.substr(1, d - 1));
            e.spans.push_back(Span{base + static_cast<int>(at + tb), base + static_cast<int>(at + te)});
            e.position = base + static_cast<int>(at);
            out_.entries.push_back(std::move(e));
            out_.cuts.push_back(Span{base + static_cast<int>(at), base + static_cast<int>(at + close + 1)});
            at += close + 1;
            continue;
          }
        }
        ++at;
      }
    }
  }

  bool Searchable(int i) const {
    if (layout_.roles[i] == LineRole::kText) return true;
    return std::find(front_.title_lines.begin(), front_.title_lines.end(), i) !=
           front_.title_lines.end();
  }

  void Anchor() {
    inline_cuts_ = out_.cuts.size();
    // Explicit inline markers pair with inline bodies of the same marker,
    // each with the first one not taken yet.
    absl::flat_hash_map<absl::string_view, std::pair<std::vector<int>, size_t>> inline_bodies;
    for (size_t e = 0; e < out_.entries.size(); ++e) {
      if (out_.entries[e].rule_line < 0) {
        inline_bodies[out_.entries[e].marker].first.push_back(static_cast<int>(e));
      }
    }
    for (MarkerRef& ref : inline_refs_) {
      auto it = inline_bodies.find(ref.marker);
      if (it != inline_bodies.end() && it->second.second < it->second.first.size()) {
        ref.entry = it->second.first[it->second.second++];
      }
      out_.refs.push_back(ref);
    }
    // Block footnotes: search the text before the block.
    int from_line = front_.title_lines.empty() ? front_.body_begin : front_.title_lines.front();
    int from_pos = 0;
    for (size_t e = 0; e < out_.entries.size(); ++e) {
      if (Stopped(interrupt_)) return;
      const FootnoteEntry& entry = out_.entries[e];
      if (entry.rule_line < 0 || entry.marker.empty()) continue;
      int best_class = 0, best_line = -1;
      size_t best_pos = 0;
      if (raised_ != nullptr) {
        const int at = FirstRaisedMarker(entry.marker, from_pos, lines_[entry.rule_line].begin);
        if (at >= 0) {
          best_line = LineAt(at);
          best_pos = static_cast<size_t>(at - lines_[best_line].content_begin);
          ++out_.refs_at_raised_markers;
        }
      }
      // Occurrences of the marker in lines [from_line, rule_line), in order:
      // one search of that stretch of text, not one per line (a marker,
      // digits or "*", lies within one line's content).
      if (best_line < 0 && from_line < entry.rule_line) {
        const absl::string_view marker = entry.marker;
        const size_t end = static_cast<size_t>(lines_[entry.rule_line].begin);
        int i = from_line;
        size_t found = static_cast<size_t>(lines_[from_line].begin);
        while ((found = FindIn(text_, marker, found)) != absl::string_view::npos &&
               found < end) {
          while (static_cast<size_t>(lines_[i].end) <= found) ++i;
          const int pos = static_cast<int>(found);
          if (Searchable(i) && pos >= from_pos && !InCut(pos)) {
            const size_t at = found - static_cast<size_t>(lines_[i].content_begin);
            const int cls = MarkerClass(Content(i), at, marker);
            if (cls > best_class) {
              best_class = cls, best_line = i, best_pos = at;
            }
          }
          found += marker.size();
        }
      }
      if (best_line < 0) {
        findings_->Warning("FOOTNOTE_UNANCHORED",
                           absl::StrCat("marker of footnote ", entry.marker,
                                        " not found in the text before it"),
                           entry.spans.front());
        continue;
      }
      MarkerRef ref;
      ref.marker = entry.marker;
      const int pos = lines_[best_line].content_begin + static_cast<int>(best_pos);
      ref.span = Span{pos, pos + static_cast<int>(entry.marker.size())};
      ref.entry = static_cast<int>(e);
      Span cut = ref.span;
      // "conflict,10,11": the comma between two markers goes with them.
      if (!out_.refs.empty() && out_.refs.back().span.end + 1 == cut.begin &&
          text_[static_cast<size_t>(cut.begin) - 1] == ',') {
        cut.begin -= 1;
      }
      out_.refs.push_back(ref);
      out_.cuts.push_back(cut);
      from_line = best_line;
      from_pos = ref.span.end;
    }
  }

  // The index of the line that holds byte `pos`.
  int LineAt(int pos) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                               [](int p, const Line& l) { return p < l.begin; });
    return static_cast<int>(it - lines_.begin()) - 1;
  }

  // The start of the first raised marker `marker` in [from, end) on a line
  // of text (or the title), not cut yet; -1 if none.
  int FirstRaisedMarker(absl::string_view marker, int from, int end) const {
    auto it = std::lower_bound(raised_->begin(), raised_->end(), from,
                               [](const Span& s, int p) { return s.begin < p; });
    for (; it != raised_->end() && it->begin < end; ++it) {
      if (it->Of(text_) != marker || InCut(it->begin)) continue;
      const int line = LineAt(it->begin);
      if (line >= 0 && Searchable(line)) return it->begin;
    }
    return -1;
  }

  // True if `pos` is inside one of the cuts made so far. The cuts are two
  // sorted runs of disjoint spans: inline footnotes, in text order, then the
  // markers anchored, each after the one before. A binary search in each
  // keeps long texts with many footnotes linear.
  bool InCut(int pos) const {
    auto in = [pos](std::vector<Span>::const_iterator begin, std::vector<Span>::const_iterator end) {
      auto it = std::upper_bound(begin, end, pos, [](int p, const Span& s) { return p < s.begin; });
      return it != begin && pos < (it - 1)->end;
    };
    const auto split = out_.cuts.begin() + static_cast<std::ptrdiff_t>(inline_cuts_);
    return in(out_.cuts.begin(), split) || in(split, out_.cuts.end());
  }

  absl::string_view text_;
  const std::vector<Line>& lines_;
  const Layout& layout_;
  const FrontMatter& front_;
  Findings* findings_;
  Interrupt* interrupt_;
  Footnotes out_;
  std::vector<MarkerRef> inline_refs_;
  size_t inline_cuts_ = 0;  // cuts of inline footnotes, before the anchored markers
  int next_marker_ = 1;
  const std::vector<Span>* raised_;  // may be null
};

}  // namespace

Footnotes ExtractFootnotes(absl::string_view text, const std::vector<Line>& lines,
                           const Layout& layout, const FrontMatter& front, Findings* findings,
                           Interrupt* interrupt, const std::vector<Span>* raised_markers) {
  return FootnoteReader(text, lines, layout, front, findings, interrupt, raised_markers).Read();
}

}  // namespace resolute
