// Layout: which lines are page furniture, which belong to footnote blocks,
// and which carry the document's own text.
//
// Page furniture is what the PDF repeats on every page: the document symbol,
// the running title, page numbers ("2/5"), job numbers ("23-24979 (E)"),
// date codes ("201223") and barcodes ("*2324979*"). Such lines are found in
// clusters around at least one unmistakable line (symbol, page number, job
// number, barcode); a running title or another repeated line only counts
// inside such a cluster, so the same words in the text are never dropped.
//
// A footnote block starts at a rule of underscores and runs to the next page
// (a page break, or a furniture cluster that opens a page). In texts without
// page furniture (older or re-typed documents) it runs while its lines look
// like footnotes: items that start with the next marker and continuation
// lines of an item that has not ended with a full stop.
//
// Input: the lines, the front matter and the title. Output: one LineRole per
// line, and the footnote blocks. Guarantees: never fails; lines before the
// preamble are kFront; a line is only furniture inside a cluster around an
// unmistakable furniture line; time linear in the text.

#ifndef RESOLUTE_PARSER_LAYOUT_H_
#define RESOLUTE_PARSER_LAYOUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/front_matter.h"
#include "parser/interrupt.h"
#include "parser/source_text.h"

namespace resolute {

// The role of one line of the text.
enum class LineRole : uint8_t {
  kFront,         // front matter, before the preamble
  kBlank,         // blank line between lines of text
  kText,          // the document's own text (resolution and annexes)
  kFurniture,     // page furniture (and blank lines around it)
  kFootnoteRule,  // the rule that opens a footnote block
  kFootnote,      // a line of a footnote block
};

// A footnote block: the rule line and the lines [begin, end) after it (some
// of which may be furniture). A block printed without a rule (after the
// closing lines of older texts) has `rule_line == begin`.
struct FootnoteBlock {
  int rule_line = 0;
  int begin = 0;
  int end = 0;
};

// The result of AnalyzeLayout.
struct Layout {
  std::vector<LineRole> roles;  // one per line
  std::vector<FootnoteBlock> footnote_blocks;
  // True if the text has page furniture or page breaks after its front matter.
  bool has_page_furniture = false;
};

// Assigns a role to every line. `title` is the document title as read from
// the front matter (used to recognise running titles). Stops early, with an
// incomplete layout, once `interrupt` (if not null) says to.
Layout AnalyzeLayout(absl::string_view text, const std::vector<Line>& lines,
                     const FrontMatter& front, absl::string_view title,
                     Interrupt* interrupt = nullptr);

// True if `line` starts with a footnote marker for a numbered footnote: one
// to three digits alone, or followed by spaces and text. Sets `*marker` and
// `*text_offset` (offset of the text, or the line size).
bool ParseFootnoteItemStart(absl::string_view line, std::string* marker, size_t* text_offset);

// True if `line` ends a sentence: a full stop, possibly followed by closing
// quotes or brackets.
bool EndsSentence(absl::string_view line);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_LAYOUT_H_
