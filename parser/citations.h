// Citations: the United Nations documents a text refers to.
//
// Two forms are recognised:
//   - document symbols written out: "A/78/23", "E/CN.15/2002/10",
//     "A/RES/77/148", "S/2002/515" (a first element of capital letters, at
//     least one "/" and at least one digit);
//   - resolutions cited by number after "resolution(s)": "resolution 77/148"
//     (General Assembly, "A/RES/77/148"), "resolution 1514 (XV)"
//     ("A/RES/1514(XV)"), "Security Council resolution 2334 (2016)"
//     ("S/RES/2334(2016)"), "Economic and Social Council resolution 2019/10"
//     and any "resolution 2019/10" with a year ("E/RES/2019/10"), "Human
//     Rights Council resolution 52/1" ("A/HRC/RES/52/1"), lists included
//     ("resolutions 66/288 of 27 July 2012, 67/290 and 68/1"); a part
//     ("resolution 75/253 A", "76/247 A to C") is kept apart from the
//     symbol, which names the whole resolution ("A/RES/75/253").
// Qualifiers printed after a symbol are part of it: "A/78/6 (Sect. 2)" ->
// "A/78/6(Sect.2)"; joint symbols "A/50/60-S/1995/1" give both documents.
// A date that follows the citation ("of 14 December 1960") is kept.

#ifndef RESOLUTE_PARSER_CITATIONS_H_
#define RESOLUTE_PARSER_CITATIONS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/source_text.h"

namespace resolute {

// One mention of a document.
struct CitationMention {
  std::string symbol;  // normalised: no spaces
  std::string part;    // the part cited of a resolution in parts ("A", "A-C")
  std::string date;    // ISO 8601, or ""
  Span span;           // the mention in the text
};

// Finds the citations in the text of `spans` of `text`, read as one run of
// words (a list that continues after a page break or footnote marker is
// still one list). Raw text is fine: line breaks and extra spaces are
// ignored. Mentions are returned in order.
std::vector<CitationMention> FindCitations(absl::string_view text, const std::vector<Span>& spans);

// Same for a single span.
std::vector<CitationMention> FindCitations(absl::string_view text, Span span);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_CITATIONS_H_
