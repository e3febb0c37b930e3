// Body lines: the text lines of a resolution's body as the structure stage
// reads them, with footnote markers and inline footnotes cut out.
//
//   BodyLines body(text, lines, layout, footnotes, front);
//   for (size_t k = 0; k < body.size(); ++k) {
//     absl::string_view first = body.Head(k);  // never empty
//   }
//
// Input: the lines AnalyzeLayout left as text (from the front matter's
// `body_begin` on) and the footnote cuts. Output: one BodyLine per text line
// that keeps some text, each made of pieces (the line between cuts, spaces at
// the edges trimmed; never none), and whether a blank line or page furniture
// came before it. The pieces of all lines are kept in one array, which spares
// an allocation per line. (Internal to the structure stage.)

#ifndef RESOLUTE_PARSER_BODY_LINES_H_
#define RESOLUTE_PARSER_BODY_LINES_H_

#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/layout.h"
#include "parser/source_text.h"

namespace resolute {

// A line of body text.
struct BodyLine {
  int line = 0;         // index into the text's lines
  int first_piece = 0;  // index into the pieces of all lines
  int piece_count = 0;
  bool blank_before = false;  // a blank line separates it from the previous one
  bool page_before = false;   // page furniture or footnotes come between
};

// The body lines of a text, and what the structure rules ask of them.
class BodyLines {
 public:
  BodyLines(absl::string_view text, const std::vector<Line>& lines, const Layout& layout,
            const Footnotes& footnotes, const FrontMatter& front);

  absl::string_view text() const { return text_; }
  const std::vector<Line>& lines() const { return lines_; }
  size_t size() const { return body_.size(); }
  const BodyLine& operator[](size_t k) const { return body_[k]; }

  // The pieces of body line k.
  absl::Span<const Span> Pieces(size_t k) const {
    return absl::MakeConstSpan(pieces_).subspan(body_[k].first_piece, body_[k].piece_count);
  }
  // The first and the last piece of body line k.
  absl::string_view Head(size_t k) const { return PieceText(pieces_[body_[k].first_piece]); }
  absl::string_view Last(size_t k) const {
    return PieceText(pieces_[body_[k].first_piece + body_[k].piece_count - 1]);
  }
  // Pieces of body line k from byte `offset` of its first piece on.
  absl::InlinedVector<Span, 4> PiecesFrom(size_t k, size_t offset) const;

  // True if body line k - 1 exists and ends with one of `chars` (closing
  // quotation marks aside: EndsWithPunctuation).
  bool PrevEnds(size_t k, absl::string_view chars) const;

  // The width of body line k, in bytes.
  int LineWidth(size_t k) const {
    const Line& line = lines_[body_[k].line];
    return line.content_end - line.content_begin;
  }
  // The width of a full line of text: the 80th percentile of the lengths of
  // the body's lines, in bytes (computed on first need).
  int TypicalWidth() const;

 private:
  // The text of a piece (pieces lie inside the text: no bounds check needed).
  absl::string_view PieceText(const Span& p) const {
    return absl::string_view(text_.data() + p.begin, static_cast<size_t>(p.end - p.begin));
  }

  absl::string_view text_;
  const std::vector<Line>& lines_;
  std::vector<BodyLine> body_;
  std::vector<Span> pieces_;        // the pieces of all body lines, in order
  mutable int typical_width_ = -1;  // TypicalWidth(), once computed
};

// Appends `pieces` to `spans`, extending the last span over whitespace.
void AppendSpans(absl::string_view text, absl::Span<const Span> pieces, std::vector<Span>* spans);

// `spans` as a vector.
std::vector<Span> ToVector(absl::Span<const Span> spans);


}  // namespace resolute

#endif  // RESOLUTE_PARSER_BODY_LINES_H_
