// Typography: what the printed form of a document says about its structure,
// applied to the model that the text rules built.
//
//   Typography t = Typography::Map(assembled, typed, normalized);
//   t.Apply(normalized, &resolution);
//
// Positions and italics are recorded against the text assembled from the
// TypedText lines, then carried over to the normalised text (normalisation
// only removes or replaces characters inside lines). Applying them:
//   - a preambular or operative paragraph's lead phrase is the italic run
//     that opens it (none if it opens upright);
//   - every Span of the message gets its page regions (page and box of the
//     words it covers, one region per page);
//   - Resolution.page_count is set.
// Before the footnote stage, where the input has a page layout (a PDF),
// ApplyLayout lets it decide which lines are page furniture and footnotes
// (the text rules' roles stand where it does not say), and RaisedMarkers
// gives the footnote stage the raised marker digits.

#ifndef RESOLUTE_PARSER_TYPOGRAPHY_H_
#define RESOLUTE_PARSER_TYPOGRAPHY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/layout.h"
#include "parser/source_text.h"
#include "parser/typed_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// What the page layout decided in one parse, against the text rules'
// fallback (ParseOptions::typography_stats; all zero for text input).
struct TypographyStats {
  // Non-blank lines that are page furniture because the layout says so,
  // because the text rules say so where the layout does not, and lines the
  // text rules called furniture that the layout prints in the body.
  int furniture_lines_layout = 0;
  int furniture_lines_text = 0;
  int furniture_lines_undone = 0;
  // Non-blank footnote lines: small text below the rule, and lines of the
  // text rules' footnote blocks that the layout does not call footnotes.
  int footnote_lines_layout = 0;
  int footnote_lines_text = 0;
  // Footnotes read from blocks split at raised markers, and by the text rules.
  int footnotes_layout = 0;
  int footnotes_text = 0;
  // Footnote markers anchored at raised digits, and by the text search.
  int anchors_layout = 0;
  int anchors_text = 0;
  // Raised markers found in the document (text and footnotes).
  int raised_markers = 0;

  void Add(const TypographyStats& o);
};

// Joins the lines of `typed` into one text: lines separated by "\n", and by
// "\n\f" where a line starts a new page. Sets `*line_starts` to the byte
// offset of each line in the result.
std::string AssembleTypedText(const TypedText& typed, std::vector<int>* line_starts);

// The typography of one document, indexed by byte offsets of its
// normalised text.
class Typography {
 public:
  // Carries the attributes of `typed` (assembled into `assembled` with
  // `line_starts`, see AssembleTypedText) over to `normalized`, the
  // normalised form of `assembled`. If the two cannot be aligned, the result
  // has no italics and no positions (the text rules decide alone).
  static Typography Map(absl::string_view assembled, const std::vector<int>& line_starts,
                        const TypedText& typed, absl::string_view normalized);

  // Applies the typography to `*out`, built from `normalized` by the text
  // rules (see the file comment).
  void Apply(absl::string_view normalized, v1::Resolution* out) const;

  // One entry per line of `lines` (the normalised text's): 1 if the line's
  // text is wholly bold. Empty if bold is not known.
  std::vector<uint8_t> BoldLines(absl::string_view normalized,
                                 const std::vector<Line>& lines) const;

  // True if the italics of the document are known.
  bool has_italics() const { return has_italics_; }

  // Applies the page layout to `*layout`, the text rules' roles of `lines`
  // (those of `normalized`, the normalised text) and footnote blocks: a line the layout calls
  // furniture or footnote becomes one, a body line the text rules called
  // furniture becomes text (or blank), and footnote lines outside every
  // block get a block of their own (one per run on a page; its rule is the
  // rule line before it on that page, if any). Front matter is left alone;
  // lines the layout does not know keep their role. Does nothing without a
  // layout. Adds its counts to `*stats` if not null.
  void ApplyLayout(absl::string_view normalized, const std::vector<Line>& lines,
                   Layout* layout, TypographyStats* stats) const;

  // The raised marker digits in the normalised text, sorted; null without a
  // layout.
  const std::vector<Span>* RaisedMarkers() const {
    return has_layout_ ? &raised_ : nullptr;
  }

 private:
  struct WordBox {
    int begin = 0;  // in the normalised text
    int end = 0;
    int page = 0;
    TypedBox box;
  };

  // The lead phrase that opens the paragraph whose first span starts at
  // `begin`: the italic run there, trailing punctuation dropped.
  std::string ItalicLead(absl::string_view normalized, int begin, int end) const;
  // Adds the page regions of `span` (words it overlaps, grouped by page).
  void AddRegions(v1::Span* span) const;

  struct LineRoleAt {
    int begin = 0;  // the line's start in the normalised text
    TypedRole role = TypedRole::kUnknown;
  };

  bool has_italics_ = false;
  bool has_layout_ = false;
  int page_count_ = 0;
  std::vector<LineRoleAt> roles_;  // by begin; only lines with a known role
  std::vector<Span> raised_;       // sorted
  std::vector<uint8_t> italic_;  // one per byte of the normalised text
  std::vector<uint8_t> bold_;    // one per byte of the normalised text
  std::vector<WordBox> words_;   // ordered by begin
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_TYPOGRAPHY_H_
