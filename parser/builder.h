// Builder: the last stage of the parser. Writes the stages' results into the
// resolute.v1.Resolution message: metadata, title, paragraphs with their lead
// phrases and eids, headings, parts, tables, footnotes anchored in their
// nodes, annexes, citations, and the checks that become diagnostics.
// (Internal to the parser library; its own target so that it can be
// benchmarked as a stage.)
//
// Input: the normalised text, the title's spans and the results of the
// earlier stages (not the lines: the caller may free them first). Output: the Resolution message and findings. Guarantees: every
// node has spans into the text (tests/parser:corpus_property_test checks
// that they join back to its text) and an eid unique in the document; what
// is missing is reported
// (SYMBOL_NOT_FOUND, NO_PARAGRAPHS, EMPTY_PARAGRAPH, VOTE_UNREADABLE,
// FOOTNOTE_OUTSIDE_PARAGRAPH).

#ifndef RESOLUTE_PARSER_BUILDER_H_
#define RESOLUTE_PARSER_BUILDER_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/interrupt.h"
#include "parser/source_text.h"
#include "parser/structure.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// Adds the parts of the model built from `text` (the normalised text) and
// the stages' results to `*out`, and findings to `*findings`. `title_spans`
// are TitleSpans(front, lines). `out` is expected to be empty. Stops early,
// with `*out` incomplete, once `interrupt` (if not null) says to.
void BuildResolution(absl::string_view text, const std::vector<Span>& title_spans,
                     const FrontMatter& front, const Footnotes& footnotes,
                     const Structure& structure, Findings* findings, v1::Resolution* out,
                     Interrupt* interrupt = nullptr);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_BUILDER_H_
