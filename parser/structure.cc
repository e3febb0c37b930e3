#include "parser/structure.h"

#include <algorithm>
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "parser/body_lines.h"
#include "parser/closing.h"
#include "parser/extraction_repairs.h"
#include "parser/headings.h"
#include "parser/numbering.h"
#include "parser/tables.h"
#include "parser/text_patterns.h"
#include "parser/vote.h"

namespace resolute {
namespace {

// The paragraph state machine: reads body lines in order and decides for
// each whether it opens a paragraph, a sub-paragraph, a heading, a table,
// the closing lines or an annex, or continues the text before it. The
// recognisers it asks live in numbering, headings, tables, closing and
// extraction_repairs.
class StructureParser {
 public:
  StructureParser(const BodyLines& body, const FrontMatter& front, Findings* findings,
                  Interrupt* interrupt, const std::vector<uint8_t>* bold_lines)
      : body_(body),
        text_(body.text()),
        front_(front),
        findings_(findings),
        interrupt_(interrupt),
        bold_lines_(bold_lines) {
    out_.resolution_end = static_cast<int>(text_.size());
  }

  Structure Parse() {
    if (front_.part_label_line >= 0) {
      // Part A opens before the first intro line (see FrontMatter).
      const std::vector<Line>& lines = body_.lines();
      PartNode part;
      part.label = std::string(lines[front_.part_label_line].Content(text_));
      part.label_spans = {lines[front_.part_label_line].content()};
      for (int i : front_.part_title_lines) part.title_spans.push_back(lines[i].content());
      out_.parts.push_back(std::move(part));
    }
    for (size_t k = 0; k < body_.size(); ++k) {
      if (Stopped(interrupt_)) return std::move(out_);
      k = Step(k);
    }
    FlushDisplaced();
    RestoreSpreadWords(body_, &out_, findings_);
    return std::move(out_);
  }

 private:
  enum class State { kPreamble, kOperative, kClosed, kAnnex };
  enum class Sink { kNone, kParagraph, kSub, kTail, kHeading, kAnnex };

  absl::Span<const Span> Pieces(size_t k) const { return body_.Pieces(k); }
  absl::string_view Head(size_t k) const { return body_.Head(k); }
  absl::string_view Last(size_t k) const { return body_.Last(k); }
  bool PrevEnds(size_t k, absl::string_view chars) const { return body_.PrevEnds(k, chars); }

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
      return !EndsWithDanglingWord(Last(k - 1)) ||
             2 * body_.LineWidth(k - 1) < body_.TypicalWidth();
    }
    return EndsWithPunctuation(Last(k - 1), ",;:.");
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

  // A part label after the closing lines opens the next part: numbering
  // starts again. Returns the number of lines taken, or 0.
  size_t StartPart(size_t k) {
    PartNode part;
    const size_t used = MatchPartStart(body_, k, out_.parts, &part);
    if (used == 0) return 0;
    out_.parts.push_back(std::move(part));
    state_ = State::kPreamble;
    last_kind_ = Sink::kNone;
    last_number_ = 0;
    heading_since_number_ = false;
    return used;
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
      out_.headings[first_open_heading_].next_paragraph =
          static_cast<int>(out_.paragraphs.size()) - 1;
    }
    last_kind_ = Sink::kParagraph;
    sub_depth_ = 0;
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

  // Handles body line k; returns the index of the last line it consumed.
  size_t Step(size_t k) {
    const BodyLine& bl = body_[k];
    absl::string_view h = Head(k);

    if (state_ == State::kAnnex) return annexes_.Step(body_, k, &out_);

    // Most lines continue a paragraph. The first byte rules out most of the
    // shapes below, which all start with a digit ("12.", "45th plenary
    // meeting", "7 December 2023"), "(" ("(a)") or "A" ("Adopted", "Annex").
    const bool digit = IsDigit(h[0]);
    const bool letter_a = h[0] == 'A';

    if (letter_a && StartsVoteSentence(h) &&
        (out_.paragraphs.empty() || PrevEnds(k, ".;:") || state_ == State::kClosed)) {
      // "Adopted unanimously at the 1382nd meeting." (Security Council).
      // The first such sentence gives the vote, as the first meeting line
      // gives the meeting; later ones are read past.
      FlushDisplaced();
      const size_t last = ReadVoteSentence(body_, k, &out_.vote);
      state_ = State::kClosed;
      last_kind_ = Sink::kNone;
      return last;
    }
    if (digit && IsDateLine(h) && Pieces(k).size() == 1 && state_ != State::kClosed &&
        PrevEnds(k, ".") && (k + 1 == body_.size() || IsAnnexHeading(Head(k + 1)))) {
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
      state_ = State::kClosed;
      last_kind_ = Sink::kNone;
      return ReadMeetingLines(body_, k, &out_);
    }
    if (letter_a && IsAnnexHeading(h) && Pieces(k).size() == 1 &&
        (state_ == State::kClosed || (state_ == State::kOperative && PrevEnds(k, ".")))) {
      FlushDisplaced();
      annexes_.Start(body_, k, &out_);
      state_ = State::kAnnex;
      last_kind_ = Sink::kAnnex;
      return k;
    }
    if (state_ == State::kClosed) {
      if (const size_t used = StartPart(k); used > 0) return k + used - 1;
      if (IsDateLine(h) && out_.date.value.empty()) {
        out_.date.value = *FindDate(h);
        out_.date.spans = ToVector(Pieces(k));
        return k;
      }
      SkipAfterClosing(k);
      return k;
    }

    if (k > 0 && PrevEnds(k, ":") && !out_.paragraphs.empty() &&
        (last_kind_ == Sink::kParagraph || last_kind_ == Sink::kSub) &&
        TableStartsAt(body_, k, last_number_)) {
      FlushDisplaced();
      TableNode table;
      table.paragraph = static_cast<int>(out_.paragraphs.size()) - 1;
      const size_t last = ReadTable(body_, k, last_number_, last_roman_heading_, &table);
      findings_->Info("TABLE",
                      absl::StrCat("a table of ", table.cells.size(),
                                   " cells was kept apart from the paragraph text"),
                      Pieces(k).front());
      out_.tables.push_back(std::move(table));
      return last;
    }

    if (const size_t d = digit ? MissingDotNumber(body_, k, last_number_) : 0; d > 0) {
      ++last_number_;
      heading_since_number_ = false;
      state_ = State::kOperative;
      findings_->Warning(
          "PARAGRAPH_NUMBER_WITHOUT_DOT",
          absl::StrCat("paragraph number ", h.substr(0, d), " is printed without its dot"),
          Pieces(k).front());
      size_t text_at = d;
      while (text_at < h.size() && (h[text_at] == ' ' || h[text_at] == ',')) ++text_at;
      StartParagraph(ParagraphKind::kOperative, std::string(h.substr(0, d)),
                     body_.PiecesFrom(k, text_at));
      return k;
    }

    if (auto num = digit ? ParseParagraphNumber(h) : std::nullopt; num.has_value()) {
      const int v = NumberValue(num->number);
      absl::string_view rest = h.substr(num->text_offset);
      if (rest.empty() && k + 1 < body_.size()) rest = Head(k + 1);
      if (AcceptNumber(v, k, rest)) {
        last_number_ = v;
        heading_since_number_ = false;
        state_ = State::kOperative;
        StartParagraph(ParagraphKind::kOperative, num->number,
                       body_.PiecesFrom(k, num->text_offset));
        if (num->text_offset >= h.size() && IsDisplacedEnd(body_, k + 1)) {
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
        if (StartSub(label->number, body_.PiecesFrom(k, label->text_offset), k)) {
          if (label->text_offset >= h.size() && IsDisplacedEnd(body_, k + 1)) {
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
      const size_t used = MatchHeading(
          body_, k, HeadingContext{last_number_, last_kind_ != Sink::kNone, bold_lines_}, &heading);
      if (used > 0) {
        FlushDisplaced();
        if (IsUpperRoman(heading.label)) last_roman_heading_ = RomanValue(heading.label);
        out_.headings.push_back(std::move(heading));
        heading_since_number_ = true;
        last_kind_ = Sink::kHeading;
        return k + used - 1;
      }
      const bool section_preamble =
          state_ == State::kPreamble || heading_since_number_ || last_kind_ == Sink::kHeading;
      if (section_preamble && StartsWithPreambularLead(h)) {
        StartParagraph(ParagraphKind::kPreambular, "", Pieces(k));
        return k;
      }
      // Unnumbered operative paragraphs: after the preamble or a heading, or
      // after another unnumbered one (sections without numbers).
      const bool after_unnumbered = last_kind_ == Sink::kParagraph &&
                                    CurrentPara().kind == ParagraphKind::kOperative &&
                                    CurrentPara().number.empty() && PrevEnds(k, ".;");
      const bool after_preamble =
          last_kind_ == Sink::kParagraph && CurrentPara().kind == ParagraphKind::kPreambular;
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

  // Opens sub-paragraph `label` ("b", or "ii" under a letter) if it is the
  // next in its list; returns false if it is not.
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

  // Skips body line k, after the closing lines, with one TEXT_AFTER_CLOSING
  // finding per run of such lines: the finding of the run k continues is
  // widened (a document with pages of text after its closing gets one
  // finding, not one per line).
  void SkipAfterClosing(size_t k) {
    const absl::Span<const Span> pieces = Pieces(k);
    static constexpr char kCode[] = "TEXT_AFTER_CLOSING";
    if (skipped_run_lines_ > 0 && last_skipped_line_ + 1 == k &&
        findings_->ExtendLast(kCode, pieces.back().end,
                              absl::StrCat(skipped_run_lines_ + 1,
                                           " lines of text after the closing lines were skipped"))) {
      ++skipped_run_lines_;
    } else {
      findings_->Info(kCode, "text after the closing lines was skipped",
                      Span{pieces.front().begin, pieces.back().end});
      skipped_run_lines_ = 1;
    }
    last_skipped_line_ = k;
  }

  const BodyLines& body_;
  absl::string_view text_;
  const FrontMatter& front_;
  Findings* findings_;
  Interrupt* interrupt_;
  const std::vector<uint8_t>* const bold_lines_;  // may be null
  size_t first_open_heading_ = 0;                 // headings from here on have no paragraph yet
  Structure out_;
  AnnexReader annexes_;
  State state_ = State::kPreamble;
  Sink last_kind_ = Sink::kNone;
  int sub_depth_ = 0;
  int last_number_ = 0;
  int last_roman_heading_ = 0;
  bool heading_since_number_ = false;
  std::vector<Span> displaced_;      // words to put back at the paragraph's end
  std::vector<Span> displaced_sub_;  // the same for a sub-paragraph
  size_t last_skipped_line_ = 0;     // the body line SkipAfterClosing last skipped
  int skipped_run_lines_ = 0;        // lines in its run (0: none skipped yet)
};

}  // namespace

Structure ParseStructure(absl::string_view text, const std::vector<Line>& lines,
                         const Layout& layout, const Footnotes& footnotes, const FrontMatter& front,
                         Findings* findings, Interrupt* interrupt,
                         const std::vector<uint8_t>* bold_lines) {
  const BodyLines body(text, lines, layout, footnotes, front);
  return StructureParser(body, front, findings, interrupt, bold_lines).Parse();
}

}  // namespace resolute
