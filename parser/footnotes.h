// Footnotes: the texts of footnote blocks, and the markers in the text that
// anchor them.
//
// Block items are read in the forms extraction tools produce: "1 Text" on one
// line (PyMuPDF), or markers and texts on separate lines and out of order
// (pdftotext prints "Text one.", "Text two.", "3", "Text three.", "1", "2").
// Texts are kept in order and assigned the block's markers in numeric order.
// A block that starts with unmarked text continues the previous footnote.
//
// Markers are then looked for in the text before each block, after the
// previous footnote's marker: glued to a word or punctuation ("2023,1",
// "Crime1 of") first, then separated by a space ("2023, 1", "Islands 2 and"),
// never where the number is part of a reference ("paragraph 2", "A/78/1").
// Word exports carry explicit markers "[footnoteRef:1]" and inline bodies
// "[1: Text.]", which are read as such.
//
// Where the printed page says which digits are raised markers (a PDF), a
// block whose footnote lines hold raised markers is split at them (each
// opens a footnote; text before the first continues the previous one), and
// a footnote is anchored at the first raised marker of its number in the
// text before its block; the text rules above decide the rest.
//
// Input: the lines, their layout and the front matter. Output: footnote
// entries, the markers that anchor them, and the byte ranges of the text
// lines to cut out (markers, inline bodies). Guarantees: never fails; what
// it cannot pair is reported (FOOTNOTE_UNANCHORED, FOOTNOTE_MARKER_MISSING,
// FOOTNOTE_TEXT_MISSING); cuts are sorted and do not overlap.

#ifndef RESOLUTE_PARSER_FOOTNOTES_H_
#define RESOLUTE_PARSER_FOOTNOTES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/findings.h"
#include "parser/front_matter.h"
#include "parser/interrupt.h"
#include "parser/layout.h"
#include "parser/source_text.h"

namespace resolute {

// One footnote's text.
struct FootnoteEntry {
  std::string marker;       // "1"
  std::vector<Span> spans;  // the text, without the marker
  int rule_line = -1;       // the block's rule line; -1 for inline footnotes
  int position = 0;         // byte offset of the text (document order)
};

// A marker in the text that anchors a footnote.
struct MarkerRef {
  std::string marker;
  Span span;       // the marker's bytes
  int entry = -1;  // index into Footnotes::entries
};

// The result of ExtractFootnotes.
struct Footnotes {
  std::vector<FootnoteEntry> entries;  // document order
  std::vector<MarkerRef> refs;         // sorted by position
  // Byte ranges of text lines that are not text: markers and inline
  // footnote bodies. Sorted, not overlapping.
  std::vector<Span> cuts;
  // How many entries were read from blocks split at raised markers, and how
  // many refs were anchored at raised markers (the rest: the text rules).
  int entries_at_raised_markers = 0;
  int refs_at_raised_markers = 0;
};

// Reads footnote blocks and inline footnotes, and anchors their markers.
// `raised_markers` (may be null: text input) are the spans of the raised
// marker digits, sorted. Stops early, with incomplete footnotes, once
// `interrupt` (if not null) says to.
Footnotes ExtractFootnotes(absl::string_view text, const std::vector<Line>& lines,
                           const Layout& layout, const FrontMatter& front, Findings* findings,
                           Interrupt* interrupt = nullptr,
                           const std::vector<Span>* raised_markers = nullptr);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_FOOTNOTES_H_
