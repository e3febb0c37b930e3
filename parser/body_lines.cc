#include "parser/body_lines.h"

#include <algorithm>

#include "parser/text_patterns.h"

namespace resolute {
namespace {

bool IsSpaceOrBreak(char c) { return c == ' ' || c == '\n' || c == '\f'; }

}  // namespace

BodyLines::BodyLines(absl::string_view text, const std::vector<Line>& lines, const Layout& layout,
                     const Footnotes& footnotes, const FrontMatter& front)
    : text_(text), lines_(lines) {
  size_t cut = 0;
  const auto& cuts = footnotes.cuts;
  bool saw_blank = false, saw_break = false;
  const int first = std::max(front.body_begin, 0);
  const int n = static_cast<int>(lines_.size());
  // Allocated once, for the text lines alone (blank lines, furniture and
  // footnotes can be half of a text's lines): at most one body line per text
  // line, and one piece more than that per cut.
  size_t text_lines = 0;
  for (int i = first; i < n; ++i) text_lines += layout.roles[i] == LineRole::kText ? 1 : 0;
  body_.reserve(text_lines);
  pieces_.reserve(text_lines + cuts.size());
  for (int i = first; i < n; ++i) {
    const LineRole role = layout.roles[i];
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

absl::InlinedVector<Span, 4> BodyLines::PiecesFrom(size_t k, size_t offset) const {
  const absl::Span<const Span> all = Pieces(k);
  absl::InlinedVector<Span, 4> pieces(all.begin(), all.end());
  pieces.front().begin += static_cast<int>(offset);
  if (pieces.front().empty()) pieces.erase(pieces.begin());
  return pieces;
}

bool BodyLines::PrevEnds(size_t k, absl::string_view chars) const {
  return k > 0 && EndsWithPunctuation(Last(k - 1), chars);
}

int BodyLines::TypicalWidth() const {
  if (typical_width_ >= 0) return typical_width_;
  std::vector<int> widths;
  widths.reserve(body_.size());
  for (const BodyLine& b : body_) {
    const Line& line = lines_[b.line];
    widths.push_back(line.content_end - line.content_begin);
  }
  if (widths.empty()) {
    typical_width_ = 0;
    return 0;
  }
  const size_t k = widths.size() * 4 / 5;
  std::nth_element(widths.begin(), widths.begin() + k, widths.end());
  typical_width_ = widths[k];
  return typical_width_;
}

void AppendSpans(absl::string_view text, absl::Span<const Span> pieces, std::vector<Span>* spans) {
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


}  // namespace resolute
