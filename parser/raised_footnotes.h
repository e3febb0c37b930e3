// Footnote blocks read at their raised markers: where the printed page says
// which digits are raised (a PDF), each raised marker in a block's footnote
// lines opens a footnote, wherever it stands on its line (two short
// footnotes printed side by side are two footnotes).
//
//   std::vector<RaisedFootnote> items;
//   if (SplitAtRaisedMarkers(text, lines, layout, block, raised, &items)) ...
//
// Used by the footnote stage (footnotes.h), which falls back to its text
// rules for a block without raised markers.

#ifndef RESOLUTE_PARSER_RAISED_FOOTNOTES_H_
#define RESOLUTE_PARSER_RAISED_FOOTNOTES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/layout.h"
#include "parser/source_text.h"

namespace resolute {

// One footnote of a block: its marker ("" for text before the block's first
// marker, which continues the previous page's last footnote) and its text.
struct RaisedFootnote {
  std::string marker;
  std::vector<Span> spans;  // without the marker, trimmed of spaces
};

// Splits the footnote lines of `block` (role kFootnote, not blank) at the
// raised markers among `raised` (sorted spans of the normalised text).
// Returns false, and leaves `*out` empty, if no footnote line of the block
// holds a raised marker.
bool SplitAtRaisedMarkers(absl::string_view text, const std::vector<Line>& lines,
                          const Layout& layout, const FootnoteBlock& block,
                          const std::vector<Span>& raised, std::vector<RaisedFootnote>* out);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_RAISED_FOOTNOTES_H_
