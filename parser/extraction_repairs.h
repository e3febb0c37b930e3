// Extraction repairs: artefacts of PDF text extraction that the structure
// stage undoes, each reported as an INFO finding by its caller or here.
//
// - A paragraph that mutool breaks after a word no sentence ends with
//   ("... on the" / "" / "Granting of ..."): EndsWithDanglingWord tells the
//   blank line from a paragraph boundary.
// - pdftotext prints the last words of a paragraph right after its number
//   ("88." / "ranges;" / "" / "Reiterates that ..."): IsDisplacedEnd.
// - pdftotext prints the words of a widely spaced line it could not fit
//   after the paragraph, each alone after a blank line: RestoreSpreadWords
//   puts them back (SPREAD_WORDS_RESTORED).
//
// Input: body lines (body_lines.h) and the structure read from them.
// (Internal to the structure stage.)

#ifndef RESOLUTE_PARSER_EXTRACTION_REPAIRS_H_
#define RESOLUTE_PARSER_EXTRACTION_REPAIRS_H_

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"
#include "parser/findings.h"
#include "parser/structure_nodes.h"

namespace resolute {

// True if `line` ends with an article, a preposition, a conjunction or a
// possessive: words after which a sentence always goes on.
bool EndsWithDanglingWord(absl::string_view line);

// True if body line k is a short line that ends a clause, right after a
// paragraph number and followed, after a blank line, by the line that really
// opens the paragraph.
bool IsDisplacedEnd(const BodyLines& body, size_t k);

// Puts the trailing spread words of every paragraph and sub-paragraph of
// `out` back after the first line of the node that ends well short of the
// text width; reports each repair in `findings`.
void RestoreSpreadWords(const BodyLines& body, Structure* out, Findings* findings);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_EXTRACTION_REPAIRS_H_
