// Lead phrases: the italic words that open a paragraph of a resolution.
//
// Preambular paragraphs open with a participle or adjective phrase
// ("Recalling also", "Deeply concerned", "Taking note with appreciation",
// "Having considered"); operative paragraphs with a verb in the third person
// ("Requests", "Also decides", "Calls upon", "Expresses its deep concern").
// The text does not carry the italics, so the extent is recognised from the
// grammar of UN drafting: optional adverbs, a head word, the complements that
// belong to that head ("note", "upon", "in mind", "with appreciation", "its
// concern"), and trailing modifiers ("also", "further", "once again").

#ifndef RESOLUTE_PARSER_LEAD_PHRASE_H_
#define RESOLUTE_PARSER_LEAD_PHRASE_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace resolute {

// Which part of the resolution a paragraph belongs to.
enum class ParagraphKind { kPreambular, kOperative };

// Returns the length in bytes of the lead phrase that opens `text` (a
// paragraph's text, whitespace collapsed), or 0 if it does not open with one.
// The phrase never includes trailing punctuation.
size_t LeadPhraseLength(absl::string_view text, ParagraphKind kind);

// True if `line` opens with a word that can only start a preambular
// paragraph ("Recalling", "Deeply concerned", "Aware"); used to find where
// paragraphs begin when the text has no blank lines between them.
bool StartsWithPreambularLead(absl::string_view line);

// True if `line` opens with a verb that starts operative paragraphs
// ("Requests", "Also decides"); only verbs from the drafting vocabulary count,
// so that unnumbered operative paragraphs can be told from other text.
bool StartsWithOperativeLead(absl::string_view line);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_LEAD_PHRASE_H_
