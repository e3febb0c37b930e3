// Headings and parts: the section headings of the operative part ("I",
// "II. Financing", "Section 3", "Action 5. We will ...", or an unlabelled
// short line before a paragraph) and the label and title that open a part of
// a resolution adopted in parts ("B" / title / "The General Assembly,").
//
//   HeadingNode h;
//   size_t used = MatchHeading(body, k, HeadingContext{...}, &h);  // 0: none
//
// Input: body lines (body_lines.h). Output: the heading or part and the
// number of body lines it takes. Guarantees: pure (the caller records what
// is matched); a heading is never longer than six lines. (Internal to the
// structure stage.)

#ifndef RESOLUTE_PARSER_HEADINGS_H_
#define RESOLUTE_PARSER_HEADINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"
#include "parser/structure_nodes.h"

namespace resolute {

// A heading label at the start of a line: "I", "II.", "A", "Section 3",
// "Part II", "Action 5.", "I. Title".
struct LabelMatch {
  std::string label;     // without a final dot
  size_t label_len = 0;  // bytes of the line that make the label
  size_t title_at = 0;   // where the title starts in the line (or its size)
};

// Matches a heading label at the start of `s` (a line's content).
std::optional<LabelMatch> MatchHeadingLabel(absl::string_view s);

// What MatchHeading needs to know of the parse so far.
struct HeadingContext {
  int last_number = 0;       // the last paragraph number read
  bool text_before = false;  // some paragraph, sub-paragraph or annex text precedes
  // One entry per line (may be null): non-zero for a line set in bold.
  const std::vector<uint8_t>* bold_lines = nullptr;
};

// Recognises a heading at body line k (which follows a clause boundary);
// fills `*heading` and returns the number of lines it takes, or 0.
size_t MatchHeading(const BodyLines& body, size_t k, const HeadingContext& context,
                    HeadingNode* heading);

// After the closing lines of one part: "B" / its title / "The General
// Assembly," opens the next part. `parts` are the parts so far. Fills `*part`
// and returns the number of lines taken (intro line included), or 0.
size_t MatchPartStart(const BodyLines& body, size_t k, const std::vector<PartNode>& parts,
                      PartNode* part);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_HEADINGS_H_
