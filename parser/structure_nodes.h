// Structure nodes: what the structure stage produces (see structure.h),
// in a header of its own so that the libraries of that stage (headings,
// tables, closing, extraction_repairs) can fill them.

#ifndef RESOLUTE_PARSER_STRUCTURE_NODES_H_
#define RESOLUTE_PARSER_STRUCTURE_NODES_H_

#include <string>
#include <vector>

#include "parser/front_matter.h"
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
  int section = -1;  // index of the heading it follows, -1 if none
  int part = -1;     // index into Structure::parts, -1 if none
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

}  // namespace resolute

#endif  // RESOLUTE_PARSER_STRUCTURE_NODES_H_
