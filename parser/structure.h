// Structure: the paragraphs, sub-paragraphs, headings, closing lines and
// annexes of the resolution, read from its text lines.
//
// Works on the lines that AnalyzeLayout left as text, with footnote markers
// and inline footnotes cut out. Paragraph boundaries come from paragraph
// numbers ("12." alone or before the text), sub-paragraph labels ("(a)",
// "(iv)"), lead phrases at the start of a line after a line that ends a
// clause, blank lines, and headings. Numbers must follow in sequence (or
// restart at 1 after a heading), so a number that merely starts a line
// inside a sentence does not open a paragraph.

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

namespace resolute {

// A sub-paragraph "(a)" with its nested "(i)" items.
struct SubNode {
  std::string number;       // "a", "ii"
  std::vector<Span> spans;  // its own text, after the label
  std::vector<SubNode> children;
};

// A preambular or operative paragraph.
struct ParaNode {
  ParagraphKind kind = ParagraphKind::kPreambular;
  std::string number;       // operative number, "" if unnumbered
  std::vector<Span> spans;  // its own text (before the list, and after it)
  std::vector<SubNode> subs;
  int section = -1;         // index of the heading it follows, -1 if none
  int part = -1;            // index into Structure::parts, -1 if none
};

// A part of a resolution adopted in parts ("A", "B", ...).
struct PartNode {
  std::string label;
  std::vector<Span> label_spans;
  std::vector<Span> title_spans;
};

// A heading inside the operative part.
struct HeadingNode {
  std::string label;              // "I", "Section 3", "Action 5"; may be ""
  std::vector<Span> label_spans;  // where the label is
  std::vector<Span> title_spans;  // the words after the label
  int next_paragraph = -1;        // index into Structure::paragraphs, or -1
};

// A table inside the resolution proper: its cells, one per line.
struct TableNode {
  std::vector<Span> cells;
  int paragraph = -1;  // index into Structure::paragraphs it follows
};

// An annex after the resolution.
struct AnnexNode {
  std::vector<Span> heading_spans;  // "Annex II"
  std::vector<Span> title_spans;
  std::vector<std::vector<Span>> paragraphs;  // content, one entry per block
};

// The result of ParseStructure.
struct Structure {
  std::vector<ParaNode> paragraphs;  // document order, both kinds
  std::vector<PartNode> parts;
  std::vector<HeadingNode> headings;
  std::vector<TableNode> tables;
  std::vector<AnnexNode> annexes;
  FrontField meeting;  // "45th plenary meeting"
  FrontField date;     // ISO 8601 date under the meeting line
  FrontField vote;     // the sentence recording the adoption ("Adopted ...")
  // Byte offset where the resolution proper ends (the first annex starts);
  // the text size if it has no annex.
  int resolution_end = 0;
};

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

// True if `line` is an annex heading: "Annex", "Annexes", "Annex II", "Annex A".
bool IsAnnexHeading(absl::string_view line);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_STRUCTURE_H_
