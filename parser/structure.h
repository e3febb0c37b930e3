// Structure: the paragraphs, sub-paragraphs, headings, closing lines and
// annexes of the resolution, read from its text lines.
//
// Input: the lines that AnalyzeLayout left as text, with footnote markers
// and inline footnotes cut out (body_lines.h). Output: the nodes of
// structure_nodes.h, with spans into the text, and findings for what was
// guessed or repaired. Guarantees: never fails on odd structure (it
// records what it guessed as a finding); numbers must follow in sequence (or restart at 1 after a heading), so a number that merely
// starts a line inside a sentence does not open a paragraph.
//
// Paragraph boundaries come from paragraph numbers ("12." alone or before
// the text), sub-paragraph labels ("(a)", "(iv)"), lead phrases at the start
// of a line after a line that ends a clause, blank lines, and headings.
// The stage is one state machine (structure.cc) over recognisers that each
// have a library of their own:
//   body_lines          the body's lines, cut around footnote markers
//   numbering           paragraph numbers and sub-paragraph labels in sequence
//   headings            section headings and the labels of parts
//   tables              runs of cells kept apart from the text
//   closing             meeting, date and vote lines; annexes
//   extraction_repairs  artefacts of PDF extraction put right

#ifndef RESOLUTE_PARSER_STRUCTURE_H_
#define RESOLUTE_PARSER_STRUCTURE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/interrupt.h"
#include "parser/layout.h"
#include "parser/lead_phrase.h"
#include "parser/source_text.h"
#include "parser/structure_nodes.h"

namespace resolute {

// Reads the structure from the text lines of the body. Stops early, with an
// incomplete structure, once `interrupt` (if not null) says to. `bold_lines`,
// if not null, has one entry per line: non-zero for a line set wholly in bold
// in the source (a PDF); such a line can be a section heading even when it
// opens with a word that also opens paragraphs ("Ensuring adequate funding ...").
Structure ParseStructure(absl::string_view text, const std::vector<Line>& lines,
                         const Layout& layout, const Footnotes& footnotes,
                         const FrontMatter& front, Findings* findings,
                         Interrupt* interrupt = nullptr,
                         const std::vector<uint8_t>* bold_lines = nullptr);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_STRUCTURE_H_
