// Lexicon: the word lists of UN drafting that the parser's rules consult, in
// one place. Each list says where its words come from; rules read what the
// document signals (numbers, typography, position) first and consult a list
// only where the text carries no other signal.
//
//   for (absl::string_view w : lexicon::OperativeVerbs()) ...
//
// Every word of a list occurs in at least one document of the development
// corpus (../shared/corpus/texts), except those after a "Beyond the corpus"
// comment: standard UN drafting the corpus happens not to use.
// scripts/lexicon_usage.py checks both, and the duplicates. A list grows with
// the document that needs the word, and a test with that document's shape.
// Words are lower case unless the list says otherwise. The recognisers that
// use them live in text_patterns, lead_phrase, footnotes and citations.

#ifndef RESOLUTE_PARSER_LEXICON_H_
#define RESOLUTE_PARSER_LEXICON_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace resolute::lexicon {

using WordList = absl::Span<const absl::string_view>;

// --- Lead phrases (lead_phrase.cc) ---

// Adverbs before the head of a lead phrase: "Also requests", "Deeply
// concerned", "Further recalling".
WordList LeadAdverbs();
// Preambular heads that are not "-ing" forms: "Aware", "Mindful", "Deeply
// concerned"; also the adjective of "Remains concerned".
WordList PreambularAdjectives();
// Capitalised "-ing" words that open a line but never a preambular
// paragraph: prepositions ("During", "Following"), nouns ("Funding",
// "Peacekeeping"), words of names ("Working Group", "Developing States",
// "Beijing Declaration").
WordList NotPreambularHeads();
// Verbs that open operative paragraphs, third person singular: "Requests",
// "Decides", "Calls upon".
WordList OperativeVerbs();
// Words ending in "-s" that are not verbs ("States", "its", "Members"): a
// numbered paragraph may open with any "-s" verb, but not with these.
WordList NotVerbs();
// Nouns of attitude a head takes into its phrase: "Expresses its deep
// concern", "Reiterates its request", "Reaffirms its commitment".
WordList AttitudeNouns();
// Intensifiers inside an attitude phrase: "its very serious concern".
WordList Intensifiers();
// Nouns after "with": "Notes with appreciation", "Noting with concern".
WordList WithNouns();
// Adjectives of "Considers it important", "Considers it necessary".
WordList ConsiderAdjectives();

// --- Footnotes (footnotes.cc) ---

// Abbreviations (as printed, with the space before them) whose full stop
// does not end a footnote: "See A/78/1, para.", "Official Records, No.".
WordList FootnoteAbbreviations();
// Words after which a number is a reference, not a footnote marker:
// "paragraph 2", "resolution 70", "goal 5", "from 2".
WordList NumberTakingWords();
// Capitalised names of numbered items, as printed: "Action 5",
// "Commitment 3", "Objective 2".
WordList NumberedItemNames();
// Short function words a marker may be glued to the front of: "the Paris
// Agreement4and its".
WordList GluedFunctionWords();

// --- Structure (extraction_repairs.cc, headings.cc) ---

// Articles, prepositions, conjunctions and possessives after which a
// sentence always goes on ("... on the" / "" / "Granting of").
WordList DanglingWords();
// Words that open a labelled heading, each with its space: "Section 3",
// "Part II", "Action 5".
WordList HeadingLabelWords();

// --- Dates (text_patterns.cc, footnotes.cc) ---

// English month names, capitalised, January first.
WordList MonthNames();

// --- Citations (citations.cc) ---

// Who adopted a cited resolution.
enum class IssuerKind { kGeneralAssembly, kSecurityCouncil, kEcosoc, kHumanRights, kOther };
struct IssuerName {
  absl::string_view text;  // as printed, capitalised: "Security Council"
  IssuerKind issuer;
};
// Names of bodies printed before "resolution(s)" ("Human Rights Council
// resolution 7/34"), longest first where one ends another ("General
// Assembly" before "Assembly"): a rule that finds two names ending at the
// same place keeps the first.
absl::Span<const IssuerName> IssuerNames();

}  // namespace resolute::lexicon

#endif  // RESOLUTE_PARSER_LEXICON_H_
