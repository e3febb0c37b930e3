#include "parser/structure.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <optional>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "parser/text_patterns.h"
#include "parser/vote.h"

namespace resolute {
namespace {

// A line of body text, with markers and inline footnotes cut out. Its
// pieces (never none) are kept in one array for all lines, which spares an
// allocation per line.
struct BodyLine {
  int line = 0;
  int first_piece = 0;        // index into StructureParser::pieces_
  int piece_count = 0;
  bool blank_before = false;  // a blank line separates it from the previous one
  bool page_before = false;   // page furniture or footnotes come between
};

bool IsSpaceOrBreak(char c) { return c == ' ' || c == '\n' || c == '\f'; }

// Appends `pieces` to `spans`, extending the last span over whitespace.
void AppendSpans(absl::string_view text, absl::Span<const Span> pieces,
                 std::vector<Span>* spans) {
  for (const Span& p : pieces) {
    if (p.empty()) continue;
    if (!spans->empty()) {
      Span& last = spans->back();
      bool only_space = last.end <= p.begin;
      for (int k = last.end; only_space && k < p.begin; ++k) {
        only_space = IsSpaceOrBreak(text[k]);
      }
      if (only_space) {
        last.end = p.end;
        continue;
      }
    }
    spans->push_back(p);
  }
}

std::vector<Span> ToVector(absl::Span<const Span> spans) {
  return std::vector<Span>(spans.begin(), spans.end());
}

std::string NextLetterLabel(const std::string& label) {
  if (label.empty()) return "a";
  if (label.size() == 1) return label == "z" ? "aa" : std::string(1, label[0] + 1);
  // "aa" -> "bb"
  if (label[0] == 'z') return "";
  return std::string(label.size(), label[0] + 1);
}

std::string ToLowerRoman(int v) {
  static constexpr struct { int v; const char* r; } kTable[] = {
      {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"},
      {9, "ix"},  {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& t : kTable) {
    while (v >= t.v) {
      out += t.r;
      v -= t.v;
    }
  }
  return out;
}

// True if `s` ends with one of `chars`, closing quotation marks aside
// ("... languages.”" ends with ".").
bool EndsWithAny(absl::string_view s, absl::string_view chars) {
  while (!s.empty()) {
    const char last = s.back();
    if (last == '"' || last == '\'') {
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

int ToInt(absl::string_view s) {
  int v = 0;
  // Paragraph numbers are a few digits: read directly (SimpleAtoi gives the
  // same for them, and handles the rest).
  if (!s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), IsDigit)) {
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  return absl::SimpleAtoi(s, &v) ? v : 0;
}

// A heading label at the start of a line: "I", "II.", "A", "Section 3",
// "Part II", "Action 5.", "I. Title". Returns the label (without a final
// dot) and the offset of the title after it (or the line size).
struct LabelMatch {
  std::string label;
  size_t label_len = 0;  // bytes of the line that make the label
  size_t title_at = 0;   // where the title starts in the line
};

std::optional<LabelMatch> MatchHeadingLabel(absl::string_view s) {
  // Every label starts with a capital (most lines do not).
  if (s.empty() || !IsUpper(s[0])) return std::nullopt;
  LabelMatch m;
  size_t i = 0;
  for (absl::string_view word : {"Section ", "Part ", "Chapter ", "Action ", "Title "}) {
    if (absl::StartsWith(s, word)) {
      i = word.size();
      const size_t start = i;
      while (i < s.size() && (absl::ascii_isalnum(s[i]))) ++i;
      if (i == start) return std::nullopt;
      absl::string_view num = s.substr(start, i - start);
      if (!IsDigit(num[0]) && !IsUpperRoman(num) && !(num.size() == 1 && IsUpper(num[0]))) {
        return std::nullopt;
      }
      m.label = std::string(s.substr(0, i));
      break;
    }
  }
  if (m.label.empty()) {
    while (i < s.size() && IsUpper(s[i])) ++i;
    if (i == 0) return std::nullopt;
    absl::string_view lab = s.substr(0, i);
    if (!(IsUpperRoman(lab) || lab.size() == 1)) return std::nullopt;
    m.label = std::string(lab);
  }
  m.label_len = i;
  if (i < s.size() && s[i] == '.') m.label_len = ++i;
  if (i == s.size()) {
    m.title_at = s.size();
    return m;
  }
  if (s[i] != ' ') return std::nullopt;
  // A one-letter or roman label needs its dot before a title: "I. Title".
  if (m.label_len == m.label.size() && m.label.find(' ') == std::string::npos) {
    return std::nullopt;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || !(IsUpper(s[i]) || IsDigit(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) {
    return std::nullopt;
  }
  m.title_at = i;
  return m;
}

class StructureParser {
 public:
  StructureParser(absl::string_view text, const std::vector<Line>& lines, const Layout& layout,
                  const Footnotes& footnotes, const FrontMatter& front, Findings* findings,
                  Interrupt* interrupt, const std::vector<uint8_t>* bold_lines)
      : text_(text), lines_(lines), layout_(layout), footnotes_(footnotes), front_(front),
        findings_(findings), interrupt_(interrupt), bold_lines_(bold_lines) {
    out_.resolution_end = static_cast<int>(text.size());
  }

  Structure Parse() {
    if (front_.part_label_line >= 0) {
      // Part A opens before the first intro line (see FrontMatter).
      PartNode part;
      part.label = std::string(lines_[front_.part_label_line].Content(text_));
      part.label_spans = {lines_[front_.part_label_line].content()};
      for (int i : front_.part_title_lines) part.title_spans.push_back(lines_[i].content());
      out_.parts.push_back(std::move(part));
    }
    CollectBodyLines();
    for (size_t k = 0; k < body_.size(); ++k) {
      if (Stopped(interrupt_)) return std::move(out_);
      k = Step(k);
    }
    FlushDisplaced();
    RestoreSpreadWords();
    return std::move(out_);
  }

 private:
  enum class State { kPreamble, kOperative, kClosed, kAnnex };

  absl::Span<const Span> Pieces(size_t k) const {
    return absl::MakeConstSpan(pieces_).subspan(body_[k].first_piece, body_[k].piece_count);
  }
  // The text of a piece (pieces lie inside the text: no bounds check needed).
  absl::string_view PieceText(const Span& p) const {
    return absl::string_view(text_.data() + p.begin, static_cast<size_t>(p.end - p.begin));
  }
  absl::string_view Head(size_t k) const { return PieceText(pieces_[body_[k].first_piece]); }
  absl::string_view Last(size_t k) const {
    return PieceText(pieces_[body_[k].first_piece + body_[k].piece_count - 1]);
  }

  void CollectBodyLines() {
    size_t cut = 0;
    const auto& cuts = footnotes_.cuts;
    bool saw_blank = false, saw_break = false;
    const size_t most = lines_.size() - std::min<size_t>(lines_.size(), std::max(front_.body_begin, 0));
    body_.reserve(most);
    pieces_.reserve(most + cuts.size());
    for (int i = std::max(front_.body_begin, 0); i < static_cast<int>(lines_.size()); ++i) {
      const LineRole role = layout_.roles[i];
      if (role == LineRole::kBlank) {
        saw_blank = true;
        continue;
      }
      if (role != LineRole::kText) {
        if (role != LineRole::kFront) saw_break = true;
        continue;
      }
      const Line& line = lines_[i];
      BodyLine bl;
      bl.line = i;
      bl.first_piece = static_cast<int>(pieces_.size());
      // The line between cuts, spaces at piece edges trimmed, empty pieces
      // dropped.
      auto add_piece = [&](Span p) {
        while (p.begin < p.end && text_[p.begin] == ' ') ++p.begin;
        while (p.end > p.begin && text_[p.end - 1] == ' ') --p.end;
        if (!p.empty()) pieces_.push_back(p);
      };
      int pos = line.content_begin;
      while (cut < cuts.size() && cuts[cut].end <= line.content_begin) ++cut;
      for (size_t c = cut; c < cuts.size() && cuts[c].begin < line.content_end; ++c) {
        if (cuts[c].begin > pos) add_piece(Span{pos, cuts[c].begin});
        pos = std::max(pos, cuts[c].end);
      }
      if (pos < line.content_end) add_piece(Span{pos, line.content_end});
      bl.piece_count = static_cast<int>(pieces_.size()) - bl.first_piece;
      if (bl.piece_count == 0) continue;
      bl.blank_before = saw_blank;
      bl.page_before = saw_break;
      saw_blank = saw_break = false;
      body_.push_back(std::move(bl));
    }
  }

  // True if the text so far ends a clause, so a new paragraph may start.
  bool AtBoundary(size_t k) const {
    if (k == 0 || last_kind_ == Sink::kNone || last_kind_ == Sink::kHeading) return true;
    // A paragraph whose number stood alone has no text yet.
    if (last_kind_ == Sink::kParagraph && CurrentParaEmpty()) return false;
    if (last_kind_ == Sink::kSub && CurrentSubEmpty()) return false;
    // A blank line ends a paragraph, unless the line before it is a full
    // line that ends in a word no paragraph ends with ("... on the" / "" /
    // "Granting of ...", as mutool prints some paragraphs). A short line
    // may be a piece of a widely spaced line (see RestoreSpreadWords).
    if (body_[k].blank_before) {
      return !EndsWithDanglingWord(Last(k - 1)) || 2 * LineWidth(k - 1) < TypicalWidth();
    }
    return EndsWithAny(Last(k - 1), ",;:.");
  }

  // The width of body line k, in bytes.
  int LineWidth(size_t k) const {
    const Line& line = lines_[body_[k].line];
    return line.content_end - line.content_begin;
  }

  // TypicalLineWidth, computed on first need (the body's lines do not
  // change once collected).
  int TypicalWidth() const {
    if (typical_width_ < 0) typical_width_ = TypicalLineWidth();
    return typical_width_;
  }

  // True if `line` ends with an article, a preposition, a conjunction or a
  // possessive: words after which a sentence always goes on.
  static bool EndsWithDanglingWord(absl::string_view line) {
    const size_t space = line.rfind(' ');
    if (space == absl::string_view::npos) return false;
    const absl::string_view word = line.substr(space + 1);
    if (word.empty() || word.size() > 5) return false;
    static constexpr absl::string_view kWords[] = {
        "the", "a",    "an", "of",  "to", "and", "or",    "for",   "in",  "on",
        "by",  "with", "at", "its", "as", "from", "their", "which", "that"};
    for (absl::string_view w : kWords) {
      if (word == w) return true;
    }
    return false;
  }

  bool PrevEnds(size_t k, absl::string_view chars) const {
    return k > 0 && EndsWithAny(Last(k - 1), chars);
  }

  // Whether a paragraph number `v` continues the numbering here.
  bool AcceptNumber(int v, size_t k, absl::string_view rest) {
    if (v <= 0) return false;
    if (last_number_ == 0) {
      if (v == 1) return true;
      return v <= 3 && StartsWithOperativeLead(rest) && AtBoundary(k);
    }
    if (v == last_number_ + 1) return true;
    if (v == 1 && (heading_since_number_ || PrevEnds(k, ".:;"))) return true;
    if (v > last_number_ + 1 && v <= last_number_ + 3 && PrevEnds(k, ";.:") &&
        StartsWithOperativeLead(rest)) {
      findings_->Warning("PARAGRAPH_NUMBER_GAP",
                         absl::StrCat("paragraph ", v, " follows paragraph ", last_number_),
                         Pieces(k).front());
      return true;
    }
    return false;
  }

  // "26" alone on its line where paragraph 26 is due, between a finished
  // paragraph and a line that opens with an operative verb.
  // Returns the length of the number, or 0.
  size_t MissingDotNumber(size_t k) const {
    absl::string_view h = Head(k);
    size_t d = 0;
    while (d < h.size() && IsDigit(h[d])) ++d;
    if (d == 0 || d > 3 || ToInt(h.substr(0, d)) != last_number_ + 1 ||
        (last_number_ > 0 && !PrevEnds(k, ";.:")) ||
        (last_number_ == 0 && (d == h.size() || h[d] != ','))) {
      return 0;
    }
    if (d == h.size()) {  // "26" alone, the text on the next line
      return Pieces(k).size() == 1 && k + 1 < body_.size() &&
                     StartsWithOperativeLead(Head(k + 1))
                 ? d
                 : 0;
    }
    // "26 Condemns ..." or, in OCR, "1, Requests ...".
    size_t after = d;
    if (h[after] == ',') ++after;
    return after < h.size() && h[after] == ' ' &&
                   StartsWithOperativeLead(absl::StripLeadingAsciiWhitespace(h.substr(after)))
               ? d
               : 0;
  }

  // A short line that ends a clause, right after a paragraph number and
  // followed, after a blank line, by the line that really opens the
  // paragraph.
  bool IsDisplacedEnd(size_t k) const {
    if (k + 1 >= body_.size() || body_[k].blank_before || body_[k].page_before ||
        !body_[k + 1].blank_before || Pieces(k).size() != 1) {
      return false;
    }
    absl::string_view h = Head(k);
    // The opening line starts with a capital, or a figure in budget lists
    // ("(a)" / "period;" / "" / "65,459,100 dollars, being ...").
    const char open = Head(k + 1)[0];
    return h.size() <= 30 && EndsWithAny(h, ";:.") && h.find(' ') == absl::string_view::npos &&
           (IsUpper(open) || IsDigit(open)) && !ParseSubparagraphLabel(h);
  }

  // Puts displaced words back at the end of the current paragraph's (or
  // sub-paragraph's) text.
  void FlushDisplaced() {
    if (!displaced_sub_.empty() && CurrentSub() != nullptr) {
      for (const Span& p : displaced_sub_) CurrentSub()->spans.push_back(p);
    }
    displaced_sub_.clear();
    if (displaced_.empty() || out_.paragraphs.empty()) return;
    for (const Span& p : displaced_) CurrentPara().spans.push_back(p);
    displaced_.clear();
  }

  // pdftotext prints the words of a widely spaced (justified) line that it
  // could not fit in the line on lines of their own, each after a blank
  // line, once the rest of the paragraph is out:
  //   "Decides that the organizational arrangements" /
  //   "multi-stakeholder thematic panel discussions will be as follows:" /
  //   "" / "for" / "" / "the" / "" / "four"
  // Such trailing words go back after the first line of the paragraph that
  // ends well short of the text width (the line they were taken from);
  // with no such line they stay at the end (the last line is short anyway).
  void RestoreSpreadWords() {
    for (ParaNode& p : out_.paragraphs) {
      RestoreSpreadWords(&p.spans);
      for (SubNode& sub : p.subs) RestoreSpreadWordsInSub(&sub);
    }
  }

  void RestoreSpreadWordsInSub(SubNode* sub) {
    RestoreSpreadWords(&sub->spans);
    for (SubNode& child : sub->children) RestoreSpreadWordsInSub(&child);
  }

  // The work of RestoreSpreadWords on one node's spans.
  void RestoreSpreadWords(std::vector<Span>* node_spans) {
    std::vector<Span>& spans = *node_spans;
    if (spans.empty()) return;
    const Span last = spans.back();
    const int run = SpreadWordsStart(last);
    if (run < 0) return;
    const int width = TypicalWidth();
    // The first line that ends short, before the node's last line (which
    // ends where the run starts).
    int target = -1;
    for (const Span& s : spans) {
      const int end = std::min(s.end, run);
      for (int q = s.begin; q < end && target < 0; ++q) {
        if (text_[q] != '\n') continue;
        const size_t start = text_.rfind('\n', q - 1);
        const int line_width =
            q - (start == absl::string_view::npos ? 0 : static_cast<int>(start) + 1);
        if (line_width > 0 && line_width * 5 < width * 4) target = q;
      }
      if (target >= 0) break;
    }
    if (target < 0) return;
    findings_->Info("SPREAD_WORDS_RESTORED",
                    "words printed after their paragraph were put back in their line",
                    Span{run, last.end});
    std::vector<Span> out;
    for (size_t k = 0; k < spans.size(); ++k) {
      Span cur = spans[k];
      if (cur.begin < target && target < cur.end) {
        out.push_back(Span{cur.begin, target});
        out.push_back(Span{run, last.end});
        cur.begin = target;
      }
      if (k + 1 == spans.size()) cur.end = std::min(cur.end, run);
      if (cur.end > cur.begin) out.push_back(cur);
    }
    spans = std::move(out);
  }

  // Where a run of spread words ends `last` (see RestoreSpreadWords): the
  // position of the blank line before its first word, or `last.begin` if
  // all of `last` is two or more such groups (page furniture cut out before
  // them); -1 if there is none. Each word group is at most three words and 30 bytes,
  // alone on its line after a blank line.
  int SpreadWordsStart(const Span& last) const {
    int pos = last.end;
    int run = -1;
    int groups = 0;
    while (pos > last.begin) {
      // A group starts right after a newline at or after the node's start
      // (or just before it): the search looks no further back.
      const int from = std::max(last.begin - 1, 0);
      const void* found = memrchr(text_.data() + from, '\n', static_cast<size_t>(pos - from));
      if (found == nullptr) break;
      const size_t nl = static_cast<size_t>(static_cast<const char*>(found) - text_.data());
      if (nl < 1) break;
      const int start = std::max(static_cast<int>(nl) + 1, last.begin);
      const absl::string_view words = text_.substr(start, pos - start);
      if (words.empty() || words.size() > 30 ||
          std::count(words.begin(), words.end(), ' ') > 2 || start != static_cast<int>(nl) + 1 ||
          text_[nl - 1] != '\n') {
        break;
      }
      ++groups;
      // A whole span of one line is more likely the paragraph's last line,
      // carried over a page break.
      if (start == last.begin) return groups >= 2 ? last.begin : run;
      pos = static_cast<int>(nl) - 1;
      while (pos > last.begin && text_[pos - 1] == '\n') --pos;
      run = pos;
    }
    return run;
  }

  // The width of a full line of text: the 80th percentile of the lengths of
  // the body's lines, in bytes.
  int TypicalLineWidth() const {
    std::vector<int> widths;
    widths.reserve(body_.size());
    for (const BodyLine& b : body_) {
      const Line& line = lines_[b.line];
      widths.push_back(line.content_end - line.content_begin);
    }
    if (widths.empty()) return 0;
    const size_t k = widths.size() * 4 / 5;
    std::nth_element(widths.begin(), widths.begin() + k, widths.end());
    return widths[k];
  }

  // (The tests below look at the first byte before calling the recognisers:
  // numbers start with a digit, labels with "(", lead phrases with a
  // capital.)
  bool LooksLikeNumberedStart(size_t k) const {
    absl::string_view h = Head(k);
    if (!IsDigit(h[0])) return false;
    auto num = ParseParagraphNumber(h);
    if (!num.has_value()) return false;
    const int v = ToInt(num->number);
    return v == 1 || v == last_number_ + 1;
  }

  bool LooksLikeParagraphStart(size_t k) const {
    absl::string_view h = Head(k);
    if (IsDigit(h[0])) {
      auto num = ParseParagraphNumber(h);
      if (num.has_value()) {
        const int v = ToInt(num->number);
        return v == 1 || v == last_number_ + 1;
      }
      return IsMeetingLine(h);
    }
    return IsUpper(h[0]) && (StartsWithPreambularLead(h) || StartsWithOperativeLead(h));
  }

  // Recognises a heading at body_[k]; returns the number of lines it takes.
  size_t MatchHeading(size_t k, HeadingNode* heading) const {
    absl::string_view s = Head(k);
    if (Pieces(k).size() > 1 && !MatchHeadingLabel(s)) return 0;
    std::optional<LabelMatch> label = MatchHeadingLabel(s);
    if (label.has_value()) {
      const bool bare = label->title_at >= s.size();
      const bool action_like = label->label.find(' ') != std::string::npos;
      if (!bare && !action_like && EndsWithAny(Last(k), ",;")) return 0;
      if (!bare && !action_like && EndsWithAny(Last(k), ":")) return 0;
      heading->label = label->label;
      const int b = Pieces(k).front().begin;
      heading->label_spans = {Span{b, b + static_cast<int>(label->label.size())}};
      if (!bare) {
        heading->title_spans = {Span{b + static_cast<int>(label->title_at), Pieces(k).front().end}};
        for (size_t p = 1; p < Pieces(k).size(); ++p) heading->title_spans.push_back(Pieces(k)[p]);
      }
      size_t used = 1;
      if (bare && k + 1 < body_.size() && !LooksLikeNumberedStart(k + 1) &&
          !MatchHeadingLabel(Head(k + 1))) {
        // The title line after a bare label is taken whatever its first word
        // ("Addressing the deteriorating conditions ...").
        AppendSpans(text_, Pieces(k + 1), &heading->title_spans);
        ++used;
      }
      // Further title lines: a title wraps until a blank line, a line that
      // ends a clause, or the start of a paragraph.
      while ((bare || action_like) && k + used < body_.size() && used <= 5) {
        const size_t j = k + used;
        if (EndsWithAny(Last(j - 1), action_like ? "." : bare ? ";:." : ",;:.")) break;
        if (body_[j].blank_before || body_[j].page_before || LooksLikeParagraphStart(j) ||
            MatchHeadingLabel(Head(j)) || ParseSubparagraphLabel(Head(j))) {
          break;
        }
        // A wrapped title line ending a clause is text, unless the heading
        // is a sentence itself ("Action 39. We will reform ..., recognizing").
        if (!action_like && EndsWithAny(Last(j), ",;")) break;
        AppendSpans(text_, Pieces(j), &heading->title_spans);
        ++used;
      }
      return used;
    }
    // An unlabelled heading: short lines that end no clause, between a
    // finished paragraph and the start of the next one. Where the source
    // prints the line in bold, a lead word does not make it a paragraph.
    const size_t line = static_cast<size_t>(body_[k].line);
    const bool bold = bold_lines_ != nullptr && line < bold_lines_->size() && (*bold_lines_)[line];
    if (!IsUpper(s[0]) || EndsWithAny(Last(k), ",;:.") ||
        (!bold && (StartsWithPreambularLead(s) || StartsWithOperativeLead(s))) ||
        IsMeetingLine(s) || IsAnnexHeading(s)) {
      return 0;
    }
    // Only after a finished sentence or list item (a preambular paragraph
    // ending with "," goes on into the next one, not into a heading).
    const bool after_comma = k > 0 && last_kind_ != Sink::kNone && !PrevEnds(k, ";.:");
    if (after_comma && !PrevEnds(k, ",")) return 0;
    size_t used = 1;
    while (k + used < body_.size() && used < 3 && !LooksLikeParagraphStart(k + used) &&
           !EndsWithAny(Last(k + used), ",;:.")) {
      ++used;
    }
    if (k + used >= body_.size() || !LooksLikeParagraphStart(k + used)) return 0;
    // After a preambular paragraph only a heading that opens the numbered
    // part: "Governance of ... (UN-Habitat)" before "1. Welcomes".
    if (after_comma && !LooksLikeNumberedStart(k + used)) return 0;
    for (size_t j = 0; j < used; ++j) AppendSpans(text_, Pieces(k + j), &heading->title_spans);
    return used;
  }

  enum class Sink { kNone, kParagraph, kSub, kTail, kHeading, kAnnex };

  ParaNode& CurrentPara() { return out_.paragraphs.back(); }
  bool CurrentParaEmpty() const {
    return out_.paragraphs.empty() ||
           (out_.paragraphs.back().spans.empty() && out_.paragraphs.back().subs.empty());
  }
  bool CurrentSubEmpty() const {
    if (out_.paragraphs.empty() || out_.paragraphs.back().subs.empty()) return true;
    const SubNode& s = out_.paragraphs.back().subs.back();
    if (sub_depth_ == 2 && !s.children.empty()) return s.children.back().spans.empty();
    return s.spans.empty();
  }

  SubNode* CurrentSub() {
    if (out_.paragraphs.empty() || CurrentPara().subs.empty()) return nullptr;
    SubNode* s = &CurrentPara().subs.back();
    if (sub_depth_ == 2 && !s->children.empty()) return &s->children.back();
    return s;
  }

  // After the closing lines of one part: "B" / its title / "The General
  // Assembly," opens the next part; numbering starts again. Returns the
  // number of lines taken, or 0.
  size_t MatchPartStart(size_t k) {
    absl::string_view h = Head(k);
    if (!IsPartLabel(h)) return 0;
    const char expected = out_.parts.empty() ? 'A' : out_.parts.back().label[0] + 1;
    if (h[0] != expected && !(out_.parts.empty() && h[0] == 'B')) return 0;
    size_t j = k + 1;
    while (j < body_.size() && j < k + 5 && !IsIntroLine(Head(j))) ++j;
    if (j >= body_.size() || !IsIntroLine(Head(j))) return 0;
    PartNode part;
    part.label = std::string(h);
    part.label_spans = ToVector(Pieces(k));
    for (size_t t = k + 1; t < j; ++t) AppendSpans(text_, Pieces(t), &part.title_spans);
    out_.parts.push_back(std::move(part));
    state_ = State::kPreamble;
    last_kind_ = Sink::kNone;
    last_number_ = 0;
    heading_since_number_ = false;
    return j - k + 1;
  }

  void StartParagraph(ParagraphKind kind, std::string number, absl::Span<const Span> pieces) {
    FlushDisplaced();
    ParaNode p;
    p.part = static_cast<int>(out_.parts.size()) - 1;
    p.kind = kind;
    p.number = std::move(number);
    p.section = static_cast<int>(out_.headings.size()) - 1;
    AppendSpans(text_, pieces, &p.spans);
    out_.paragraphs.push_back(std::move(p));
    // The headings since the previous paragraph lead to this one (only
    // those: a loop over all headings would make long texts quadratic).
    for (; first_open_heading_ < out_.headings.size(); ++first_open_heading_) {
      out_.headings[first_open_heading_].next_paragraph = static_cast<int>(out_.paragraphs.size()) - 1;
    }
    last_kind_ = Sink::kParagraph;
    sub_depth_ = 0;
  }

  // Pieces of body_[k] from byte `offset` of its first piece on.
  absl::InlinedVector<Span, 4> PiecesFrom(size_t k, size_t offset) const {
    const absl::Span<const Span> all = Pieces(k);
    absl::InlinedVector<Span, 4> pieces(all.begin(), all.end());
    pieces.front().begin += static_cast<int>(offset);
    if (pieces.front().empty()) pieces.erase(pieces.begin());
    return pieces;
  }

  void Append(size_t k) {
    const absl::Span<const Span> pieces = Pieces(k);
    switch (last_kind_) {
      case Sink::kParagraph:
      case Sink::kTail:
        AppendSpans(text_, pieces, &CurrentPara().spans);
        break;
      case Sink::kSub:
        AppendSpans(text_, pieces, &CurrentSub()->spans);
        break;
      case Sink::kAnnex: {
        AnnexNode& a = out_.annexes.back();
        if (a.paragraphs.empty()) a.paragraphs.emplace_back();
        AppendSpans(text_, pieces, &a.paragraphs.back());
        break;
      }
      case Sink::kNone:
      case Sink::kHeading:
        findings_->Warning("TEXT_OUTSIDE_PARAGRAPH",
                           "text that opens no paragraph was read as a preambular paragraph",
                           pieces.front());
        StartParagraph(ParagraphKind::kPreambular, "", pieces);
        break;
    }
  }

  // Handles body_[k]; returns the index of the last line it consumed.
  size_t Step(size_t k) {
    const BodyLine& bl = body_[k];
    absl::string_view h = Head(k);

    if (state_ == State::kAnnex) return StepAnnex(k);

    // Most lines continue a paragraph. The first byte rules out most of the
    // shapes below, which all start with a digit ("12.", "45th plenary
    // meeting", "7 December 2023"), "(" ("(a)") or "A" ("Adopted", "Annex").
    const bool digit = IsDigit(h[0]);
    const bool letter_a = h[0] == 'A';

    if (letter_a && StartsVoteSentence(h) && (out_.paragraphs.empty() || PrevEnds(k, ".;:") ||
                                  state_ == State::kClosed)) {
      // "Adopted unanimously at the 1382nd meeting." (Security Council).
      // The first such sentence gives the vote, as the first meeting line
      // gives the meeting; later ones are read past.
      FlushDisplaced();
      std::vector<Span> spans;
      size_t j = k;
      for (; j < body_.size() && j < k + 6; ++j) {
        AppendSpans(text_, Pieces(j), &spans);
        if (EndsWithAny(Last(j), ".")) break;
      }
      if (out_.vote.spans.empty()) {
        out_.vote.value = JoinSpans(text_, spans);
        out_.vote.spans = std::move(spans);
      }
      state_ = State::kClosed;
      last_kind_ = Sink::kNone;
      return std::min(j, body_.size() - 1);
    }
    if (digit && IsDateLine(h) && Pieces(k).size() == 1 && state_ != State::kClosed && PrevEnds(k, ".") &&
        (k + 1 == body_.size() || IsAnnexHeading(Head(k + 1)))) {
      // A date alone after the last paragraph (texts without a meeting line).
      FlushDisplaced();
      out_.date.value = *FindDate(h);
      out_.date.spans = ToVector(Pieces(k));
      state_ = State::kClosed;
      last_kind_ = Sink::kNone;
      return k;
    }
    if (digit && IsMeetingLine(h) && Pieces(k).size() == 1) {
      // The first closing lines give the adoption (later parts may have
      // been adopted at other meetings).
      FlushDisplaced();
      const bool first = out_.meeting.value.empty();
      if (first) {
        out_.meeting.value = std::string(h);
        out_.meeting.spans = ToVector(Pieces(k));
      }
      state_ = State::kClosed;
      last_kind_ = Sink::kNone;
      if (k + 1 < body_.size() && IsDateLine(Head(k + 1))) {
        if (first) {
          out_.date.value = *FindDate(Head(k + 1));
          out_.date.spans = ToVector(Pieces(k + 1));
        }
        return k + 1;
      }
      return k;
    }
    if (letter_a && IsAnnexHeading(h) && Pieces(k).size() == 1 &&
        (state_ == State::kClosed || (state_ == State::kOperative && PrevEnds(k, ".")))) {
      StartAnnex(k);
      return k;
    }
    if (state_ == State::kClosed) {
      if (const size_t used = MatchPartStart(k); used > 0) return k + used - 1;
      if (IsDateLine(h) && out_.date.value.empty()) {
        out_.date.value = *FindDate(h);
        out_.date.spans = ToVector(Pieces(k));
        return k;
      }
      findings_->Info("TEXT_AFTER_CLOSING", "text after the closing lines was skipped",
                      Pieces(k).front());
      return k;
    }

    if (k > 0 && PrevEnds(k, ":") && !out_.paragraphs.empty() &&
        (last_kind_ == Sink::kParagraph || last_kind_ == Sink::kSub) && TableStartsAt(k)) {
      return ConsumeTable(k);
    }

    if (const size_t d = digit ? MissingDotNumber(k) : 0; d > 0) {
      ++last_number_;
      heading_since_number_ = false;
      state_ = State::kOperative;
      findings_->Warning("PARAGRAPH_NUMBER_WITHOUT_DOT",
                         absl::StrCat("paragraph number ", h.substr(0, d), " is printed without its dot"),
                         Pieces(k).front());
      size_t text_at = d;
      while (text_at < h.size() && (h[text_at] == ' ' || h[text_at] == ',')) ++text_at;
      StartParagraph(ParagraphKind::kOperative, std::string(h.substr(0, d)), PiecesFrom(k, text_at));
      return k;
    }

    if (auto num = digit ? ParseParagraphNumber(h) : std::nullopt; num.has_value()) {
      const int v = ToInt(num->number);
      absl::string_view rest = h.substr(num->text_offset);
      if (rest.empty() && k + 1 < body_.size()) rest = Head(k + 1);
      if (AcceptNumber(v, k, rest)) {
        last_number_ = v;
        heading_since_number_ = false;
        state_ = State::kOperative;
        StartParagraph(ParagraphKind::kOperative, num->number, PiecesFrom(k, num->text_offset));
        if (num->text_offset >= h.size() && IsDisplacedEnd(k + 1)) {
          // pdftotext: "88." / "ranges;" / "" / "Reiterates that ... desirable":
          // the paragraph's last words come first; they are put back at the
          // end of its text.
          displaced_ = ToVector(Pieces(k + 1));
          findings_->Info("DISPLACED_LINE_END",
                          "words printed before their paragraph were moved to its end",
                          displaced_.front());
          return k + 1;
        }
        return k;
      }
    }

    if (state_ == State::kOperative && !out_.paragraphs.empty() &&
        CurrentPara().kind == ParagraphKind::kOperative) {
      if (auto label = h[0] == '(' ? ParseSubparagraphLabel(h) : std::nullopt; label.has_value()) {
        if (StartSub(label->number, PiecesFrom(k, label->text_offset), k)) {
          if (label->text_offset >= h.size() && IsDisplacedEnd(k + 1)) {
            displaced_sub_ = ToVector(Pieces(k + 1));
            findings_->Info("DISPLACED_LINE_END",
                            "words printed before their sub-paragraph were moved to its end",
                            displaced_sub_.front());
            return k + 1;
          }
          return k;
        }
      }
    }

    if (AtBoundary(k)) {
      HeadingNode heading;
      const size_t used = MatchHeading(k, &heading);
      if (used > 0) {
        FlushDisplaced();
        if (IsUpperRoman(heading.label)) last_roman_heading_ = RomanValue(heading.label);
        out_.headings.push_back(std::move(heading));
        heading_since_number_ = true;
        last_kind_ = Sink::kHeading;
        return k + used - 1;
      }
      const bool section_preamble = state_ == State::kPreamble || heading_since_number_ ||
                                    last_kind_ == Sink::kHeading;
      if (section_preamble && StartsWithPreambularLead(h)) {
        StartParagraph(ParagraphKind::kPreambular, "", Pieces(k));
        return k;
      }
      // Unnumbered operative paragraphs: after the preamble or a heading, or
      // after another unnumbered one (sections without numbers).
      const bool after_unnumbered = last_kind_ == Sink::kParagraph &&
                                    CurrentPara().kind == ParagraphKind::kOperative &&
                                    CurrentPara().number.empty() && PrevEnds(k, ".;");
      const bool after_preamble = last_kind_ == Sink::kParagraph &&
                                  CurrentPara().kind == ParagraphKind::kPreambular;
      if (StartsWithOperativeLead(h) &&
          (state_ == State::kPreamble || after_preamble || after_unnumbered ||
           last_kind_ == Sink::kHeading || (bl.blank_before && PrevEnds(k, ".;")))) {
        state_ = State::kOperative;
        StartParagraph(ParagraphKind::kOperative, "", Pieces(k));
        return k;
      }
      if (state_ == State::kPreamble && StartsWithPreambularLead(h)) {
        StartParagraph(ParagraphKind::kPreambular, "", Pieces(k));
        return k;
      }
      if (last_kind_ == Sink::kSub && PrevEnds(k, ";.") &&
          (absl::StartsWith(h, "and ") || absl::StartsWith(h, "or "))) {
        last_kind_ = Sink::kTail;
      }
    }
    Append(k);
    return k;
  }

  // A table cell: a short line that ends no clause and opens no paragraph.
  bool IsCellLike(size_t k) const {
    absl::string_view h = Head(k);
    return Pieces(k).size() == 1 && h.size() <= 100 && !EndsWithAny(h, ",;") &&
           !ParseSubparagraphLabel(h) && !LooksLikeNumberedStart(k) && !IsMeetingLine(h);
  }

  // A number, amount, percentage or dash standing alone in a cell.
  static bool IsNumericCell(absl::string_view h) {
    bool digit = false;
    for (char c : h) {
      if (IsDigit(c)) {
        digit = true;
      } else if (c != '.' && c != ',' && c != '%' && c != ' ' && c != '(' && c != ')' &&
                 c != '-' && c != '/') {
        return false;
      }
    }
    return digit || h == "-" || h == "\xE2\x80\x93";
  }

  // After a line ending with ":", a run of cell-like lines with numbers in
  // it is a table, not text.
  bool TableStartsAt(size_t k) const {
    size_t cells = 0, numeric = 0;
    for (size_t j = k; j < body_.size() && j < k + 16; ++j) {
      if (!IsCellLike(j)) break;
      ++cells;
      numeric += IsNumericCell(Head(j));
    }
    // "... set forth in the table below:" announces one.
    const bool announced = absl::StrContains(Last(k - 1), "table");
    return cells >= 4 && (numeric >= 1 || announced);
  }

  size_t ConsumeTable(size_t k) {
    FlushDisplaced();
    TableNode table;
    table.paragraph = static_cast<int>(out_.paragraphs.size()) - 1;
    size_t j = k;
    for (; j < body_.size(); ++j) {
      absl::string_view h = Head(j);
      if (LooksLikeNumberedStart(j) || IsMeetingLine(h) || IsAnnexHeading(h)) break;
      // The next section's bare label ("XII" after "XI") ends the table; a
      // lone letter in a column ("C", "D") does not.
      if (auto label = MatchHeadingLabel(h); label.has_value() && label->title_at >= h.size() &&
                                            IsUpperRoman(label->label) && last_roman_heading_ > 0 &&
                                            RomanValue(label->label) == last_roman_heading_ + 1) {
        break;
      }
      if (j > k && PrevEnds(j, ".;") && (StartsWithOperativeLead(h) || StartsWithPreambularLead(h))) {
        break;
      }
      for (const Span& p : Pieces(j)) table.cells.push_back(p);
    }
    findings_->Info("TABLE", absl::StrCat("a table of ", table.cells.size(),
                                          " cells was kept apart from the paragraph text"),
                    Pieces(k).front());
    out_.tables.push_back(std::move(table));
    return j - 1;
  }

  bool StartSub(const std::string& label, absl::Span<const Span> pieces, size_t k) {
    FlushDisplaced();
    ParaNode& para = CurrentPara();
    const std::string expected_letter =
        para.subs.empty() ? "a" : NextLetterLabel(para.subs.back().number);
    SubNode* letter = para.subs.empty() ? nullptr : &para.subs.back();
    std::string expected_roman = "i";
    bool has_romans = false;
    if (letter != nullptr && !letter->children.empty()) {
      has_romans = true;
      expected_roman = ToLowerRoman(RomanValue(letter->children.back().number) + 1);
    }
    int depth = 0;
    if (letter != nullptr && label == expected_roman && (has_romans || label != expected_letter)) {
      depth = 2;
    } else if (label == expected_letter) {
      depth = 1;
    } else if (para.subs.empty() && label.size() == 1 && label[0] > 'a' && label[0] <= 'c' &&
               AtBoundary(k)) {
      depth = 1;
      findings_->Warning("SUBPARAGRAPH_LABEL_GAP",
                         absl::StrCat("sub-paragraph (", label, ") is the first of its list"),
                         Pieces(k).front());
    }
    if (depth == 0) return false;
    SubNode sub;
    sub.number = label;
    AppendSpans(text_, pieces, &sub.spans);
    if (depth == 1) {
      para.subs.push_back(std::move(sub));
    } else {
      letter->children.push_back(std::move(sub));
    }
    sub_depth_ = depth;
    last_kind_ = Sink::kSub;
    return true;
  }

  void StartAnnex(size_t k) {
    FlushDisplaced();
    if (out_.annexes.empty()) out_.resolution_end = lines_[body_[k].line].begin;
    AnnexNode a;
    a.heading_spans = ToVector(Pieces(k));
    out_.annexes.push_back(std::move(a));
    state_ = State::kAnnex;
    last_kind_ = Sink::kAnnex;
    annex_title_open_ = true;
  }

  size_t StepAnnex(size_t k) {
    absl::string_view h = Head(k);
    if (IsAnnexHeading(h) && Pieces(k).size() == 1 &&
        (PrevEnds(k, ".") || body_[k].page_before)) {
      StartAnnex(k);
      return k;
    }
    AnnexNode& a = out_.annexes.back();
    const bool numbered = IsDigit(h[0]) && ParseParagraphNumber(h);
    const bool starts_block = body_[k].blank_before || numbered ||
                              (h[0] == '(' && ParseSubparagraphLabel(h)) ||
                              (IsUpper(h[0]) && StartsWithPreambularLead(h));
    if (annex_title_open_) {
      if (!starts_block || a.title_spans.empty()) {
        if (!EndsWithAny(Last(k), ",;:.") && !numbered && a.title_spans.size() < 3) {
          AppendSpans(text_, Pieces(k), &a.title_spans);
          return k;
        }
      }
      annex_title_open_ = false;
    }
    if (starts_block || a.paragraphs.empty()) a.paragraphs.emplace_back();
    AppendSpans(text_, Pieces(k), &a.paragraphs.back());
    return k;
  }

  absl::string_view text_;
  const std::vector<Line>& lines_;
  const Layout& layout_;
  const Footnotes& footnotes_;
  const FrontMatter& front_;
  Findings* findings_;
  Interrupt* interrupt_;
  const std::vector<uint8_t>* const bold_lines_;  // may be null
  std::vector<BodyLine> body_;
  std::vector<Span> pieces_;  // the pieces of all body lines, in order
  size_t first_open_heading_ = 0;  // headings from here on have no paragraph yet
  Structure out_;
  State state_ = State::kPreamble;
  Sink last_kind_ = Sink::kNone;
  int sub_depth_ = 0;
  int last_number_ = 0;
  int last_roman_heading_ = 0;
  bool heading_since_number_ = false;
  bool annex_title_open_ = false;
  std::vector<Span> displaced_;      // words to put back at the paragraph's end
  std::vector<Span> displaced_sub_;  // the same for a sub-paragraph
  mutable int typical_width_ = -1;   // TypicalWidth(), once computed
};

}  // namespace

bool IsAnnexHeading(absl::string_view line) {
  if (line.empty() || line[0] != 'A') return false;  // "Annex...", "ANNEX"
  absl::string_view s = line;
  absl::ConsumeSuffix(&s, "*");
  if (s == "Annex" || s == "Annexes" || s == "ANNEX") return true;
  if (!absl::ConsumePrefix(&s, "Annex ")) return false;
  if (s.empty() || s.size() > 6) return false;
  if (IsUpperRoman(s)) return true;
  if (s.size() == 1 && IsUpper(s[0])) return true;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

Structure ParseStructure(absl::string_view text, const std::vector<Line>& lines,
                         const Layout& layout, const Footnotes& footnotes,
                         const FrontMatter& front, Findings* findings, Interrupt* interrupt,
                         const std::vector<uint8_t>* bold_lines) {
  return StructureParser(text, lines, layout, footnotes, front, findings, interrupt, bold_lines)
      .Parse();
}

}  // namespace resolute
