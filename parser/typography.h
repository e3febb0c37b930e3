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

#ifndef RESOLUTE_PARSER_TYPOGRAPHY_H_
#define RESOLUTE_PARSER_TYPOGRAPHY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/source_text.h"
#include "parser/typed_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

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

  bool has_italics_ = false;
  int page_count_ = 0;
  std::vector<uint8_t> italic_;  // one per byte of the normalised text
  std::vector<uint8_t> bold_;    // one per byte of the normalised text
  std::vector<WordBox> words_;   // ordered by begin
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_TYPOGRAPHY_H_
