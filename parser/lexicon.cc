#include "parser/lexicon.h"

// Where the words come from: the resolutions of the development corpus
// (../shared/corpus/texts, General Assembly sessions 57 to 79, the Security
// Council from 1946, ECOSOC), each list with the words that open or close
// the shapes named in lexicon.h. Duplicates, and words that occur in no corpus
// document and are no UN drafting (place names, British -ise spellings the UN
// does not use, everyday words) were removed when the lists were gathered
// here. Words of UN drafting that the corpus happens not to use stay, after a
// "Beyond the corpus" comment in their list: without them a paragraph that
// opens with one ("Grateful to ...", "Deeply shocked by ...") is not seen to
// open (scripts/lexicon_usage.py checks both parts).

namespace resolute::lexicon {
namespace {

constexpr absl::string_view kLeadAdverbs[] = {
    "also",     "further",       "deeply",      "gravely", "seriously",    "strongly",
    "firmly",   "fully",         "profoundly",  "greatly", "highly",       "particularly",
    "urgently", "unequivocally", "sincerely",   "acutely", "increasingly", "equally",
    "again",    "most",          "furthermore", "duly",    "especially",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "emphatically", "categorically", "warmly", "keenly", "solemnly", "resolutely",
    "likewise"};

constexpr absl::string_view kPreambularAdjectives[] = {
    "aware",     "mindful",  "conscious", "cognizant",  "concerned", "convinced",
    "alarmed",   "guided",   "seized",    "determined", "desirous",  "encouraged",
    "disturbed", "resolved", "committed", "confident",  "troubled",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "dismayed", "shocked", "appalled", "outraged", "saddened", "gratified",
    "pleased", "satisfied", "anxious", "grateful", "appreciative", "persuaded",
    "inspired", "distressed", "heartened", "reassured", "keen", "eager",
    "hopeful", "recognizant", "apprehensive"};

constexpr absl::string_view kNotPreambularHeads[] = {
    "during", "nothing", "king", "beijing", "kunming", "following", "including", "regarding",
    "concerning", "excluding", "pending", "notwithstanding", "according", "ring", "bring",
    "building", "funding", "training", "financing", "housing", "planning", "peacekeeping",
    "programming", "trafficking", "reporting", "monitoring", "meeting", "understanding", "beings",
    "being",
    // Adjectives of names: "High Contracting Parties", "Working Group",
    // "Emerging Technologies", "Developing States", "Governing Council".
    "contracting", "working", "emerging", "developing", "governing", "existing", "ongoing",
    "outstanding", "remaining"};

constexpr absl::string_view kOperativeVerbs[] = {
    "accepts",       "acknowledges", "adopts",      "affirms",      "agrees",     "appeals",
    "appoints",      "appreciates",  "approves",    "appropriates", "authorizes", "calls",
    "commends",      "commits",      "condemns",    "confirms",     "considers",  "continues",
    "declares",      "decides",      "demands",     "deplores",     "determines", "directs",
    "draws",         "elects",       "emphasizes",  "encourages",   "endorses",   "establishes",
    "expects",       "expresses",    "extends",     "highlights",   "instructs",  "invites",
    "looks",         "mandates",     "notes",       "pays",         "pledges",    "reaffirms",
    "recalls",       "receives",     "recognizes",  "recommends",   "recommits",  "reconfirms",
    "re-emphasizes", "regrets",      "reiterates",  "remains",      "reminds",    "requests",
    "resolves",      "stresses",     "suggests",    "supports",     "takes",      "thanks",
    "trusts",        "underlines",   "underscores", "urges",        "welcomes",   "wishes",
    "brings",        "deems",        "requires",    "reviews",      "shares",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "allocates", "amends", "applauds", "asks", "assures", "believes",
    "cautions", "concludes", "concurs", "congratulates", "defers", "designates",
    "entrusts", "hopes", "insists", "observes", "proclaims", "rejects",
    "renews", "salutes", "transmits", "exhorts", "implores", "reinforces",
    "rescinds", "restates", "stipulates", "upholds", "acclaims", "adjourns",
    "condones", "denounces", "deprecates", "discourages", "enjoins", "opposes",
    "permits", "proposes", "invokes", "prohibits"};

constexpr absl::string_view kNotVerbs[] = {
    "this",       "its",         "as",          "is",        "was",        "has",      "does",
    "thus",       "always",      "unless",      "states",    "nations",    "parties",  "members",
    "countries",  "governments", "various",     "numerous",  "serious",    "previous", "series",
    "yes",        "plus",        "towards",     "sometimes", "whereas",    "his",      "ours",
    "us",         "news",        "means",       "persons",   "peoples",    "women",    "children",
    "goals",      "efforts",     "measures",    "resources", "activities", "actions",  "policies",
    "programmes", "decisions",   "resolutions", "reports",   "rights",     "issues",   "needs"};

constexpr absl::string_view kAttitudeNouns[] = {
    "concern",  "concerns",   "appreciation", "gratitude", "commitment",   "commitments",
    "support",  "conviction", "request",      "requests",  "call",         "invitation",
    "demand",   "belief",     "intention",    "hope",      "need",         "abhorrence",
    "sympathy", "regret",     "condolences",  "alarm",     "satisfaction", "solidarity",
    "thanks",   "sorrow",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "dismay", "outrage", "disappointment", "frustration", "indignation", "admiration"};

constexpr absl::string_view kIntensifiers[] = {
    "deep",    "grave",      "gravest",     "serious",    "very",    "continued", "continuing",
    "strong",  "strongest",  "firm",        "profound",   "great",   "greatest",  "sincere",
    "full",    "unwavering", "steadfast",   "particular", "utmost",  "warmest",   "increasing",
    "growing", "renewed",    "unequivocal", "highest",    "special", "ongoing",   "sustained",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "deepest", "heartfelt", "warm", "unreserved"};

constexpr absl::string_view kWithNouns[] = {"appreciation", "concern",  "satisfaction", "alarm",
                                            "regret",       "interest", "gratitude",    "approval",
                                            "sorrow",       "shock",    "thanks",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    "dismay", "disappointment", "sadness", "outrage", "indignation", "pleasure",
    "admiration"};

constexpr absl::string_view kConsiderAdjectives[] = {
    "important", "necessary",  "essential", "appropriate", "useful",    "vital",
    "timely",    "imperative", "crucial",   "desirable",   "advisable", "indispensable"};

constexpr absl::string_view kFootnoteAbbreviations[] = {
    " No.",  " Nos.",  " vol.", " vols.", " para.", " paras.", " chap.",
    " chaps.", " sect.", " Add.", " Corr.", " Rev.",  " pp.",    " Sales No.",
    // Beyond the corpus: UN drafting that no corpus document happens to use.
    " p.", " art.", " arts.", " Suppl."};

constexpr absl::string_view kNumberTakingWords[] = {"paragraph",
                                                    "paragraphs",
                                                    "para",
                                                    "paras",
                                                    "resolution",
                                                    "resolutions",
                                                    "decision",
                                                    "decisions",
                                                    "goal",
                                                    "goals",
                                                    "target",
                                                    "targets",
                                                    "article",
                                                    "articles",
                                                    "no",
                                                    "nos",
                                                    "vol",
                                                    "volume",
                                                    "chapter",
                                                    "chap",
                                                    "section",
                                                    "sect",
                                                    "sections",
                                                    "annex",
                                                    "rule",
                                                    "rules",
                                                    "principle",
                                                    "principles",
                                                    "page",
                                                    "pages",
                                                    "part",
                                                    "parts",
                                                    "item",
                                                    "items",
                                                    "table",
                                                    "figure",
                                                    "and",
                                                    "to",
                                                    "or",
                                                    "of",
                                                    "than",
                                                    "about",
                                                    "some",
                                                    "over",
                                                    "under",
                                                    "least",
                                                    "nearly",
                                                    "approximately",
                                                    "almost",
                                                    "by",
                                                    "from",
                                                    "in",
                                                    "on",
                                                    "at",
                                                    "for",
                                                    "with",
                                                    "protocol",
                                                    "phase",
                                                    "level",
                                                    "option",
                                                    "recommendation",
                                                    "recommendations",
                                                    "sdg",
                                                    "sdgs",
                                                    "step",
                                                    "tier",
                                                    "category",
                                                    "group",
                                                    "session",
                                                    "meeting",
                                                    "the",
                                                    "all",
                                                    "first",
                                                    "last",
                                                    "only",
                                                    "every",
                                                    "each",
                                                    "per",
                                                    "plus",
                                                    "minus",
                                                    "between",
                                                    "within",
                                                    "up",
                                                    "since",
                                                    "until",
                                                    "before",
                                                    "after",
                                                    "around",
                                                    "programme",
                                                    "subprogramme",
                                                    "cluster",
                                                    "is",
                                                    "are",
                                                    "was",
                                                    "were",
                                                    "be",
                                                    "its",
                                                    "their",
                                                    "our",
                                                    "his",
                                                    "her",
                                                    "a",
                                                    "an",
                                                    "year",
                                                    "years",
                                                    "day",
                                                    "days",
                                                    "week",
                                                    "weeks",
                                                    "month",
                                                    "months",
                                                    "decade",
                                                    "subparagraph",
                                                    "subparagraphs",
                                                    "clause",
                                                    "clauses",
                                                    "point",
                                                    "points",
                                                    "modules",
                                                    "element",
                                                    "elements",
                                                    "indicator",
                                                    "indicators",
                                                    "sub-item",
                                                    "conclusion",
                                                    "conclusions",
                                                    "number",
                                                    "numbers",
                                                    "note",
                                                    "footnote",
                                                    "draft"};

constexpr absl::string_view kNumberedItemNames[] = {
    "Action",    "Actions", "Commitment", "Commitments", "Objective", "Objectives",
    "Priority",  "Pillar",  "Stage",      "Phase",       "Level",     "Option",
    "Step",      "Tier",    "Category",   "Group",       "Cluster",   "Track",
    "Principle", "Target",  "Goal",       "Goals",       "Article"};

constexpr absl::string_view kGluedFunctionWords[] = {
    "and",   "or",   "of", "the", "to",  "in",   "on",  "for",  "with", "by",    "as",  "at",
    "which", "that", "is", "are", "was", "were", "has", "have", "its",  "their", "from"};

constexpr absl::string_view kDanglingWords[] = {
    "the", "a",    "an", "of",  "to", "and",  "or",    "for",   "in",  "on",
    "by",  "with", "at", "its", "as", "from", "their", "which", "that"};

constexpr absl::string_view kHeadingLabelWords[] = {"Section ", "Part ", "Chapter ", "Action ",
                                                    "Title "};

constexpr absl::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};

constexpr IssuerName kIssuerNames[] = {
    {"General Assembly", IssuerKind::kGeneralAssembly},
    {"the Assembly", IssuerKind::kGeneralAssembly},
    {"Security Council", IssuerKind::kSecurityCouncil},
    {"Economic and Social Council", IssuerKind::kEcosoc},
    {"Human Rights Council", IssuerKind::kHumanRights},
    {"Council", IssuerKind::kOther},
    {"Board", IssuerKind::kOther},
    {"Commission", IssuerKind::kOther},
    {"Conference", IssuerKind::kOther},
    {"Organization", IssuerKind::kOther},
    {"Committee", IssuerKind::kOther},
    {"Assembly", IssuerKind::kGeneralAssembly},  // "of Assembly resolutions"
    {"Parties", IssuerKind::kOther},
    {"Meeting", IssuerKind::kOther},
};

}  // namespace

WordList LeadAdverbs() { return kLeadAdverbs; }
WordList PreambularAdjectives() { return kPreambularAdjectives; }
WordList NotPreambularHeads() { return kNotPreambularHeads; }
WordList OperativeVerbs() { return kOperativeVerbs; }
WordList NotVerbs() { return kNotVerbs; }
WordList AttitudeNouns() { return kAttitudeNouns; }
WordList Intensifiers() { return kIntensifiers; }
WordList WithNouns() { return kWithNouns; }
WordList ConsiderAdjectives() { return kConsiderAdjectives; }
WordList FootnoteAbbreviations() { return kFootnoteAbbreviations; }
WordList NumberTakingWords() { return kNumberTakingWords; }
WordList NumberedItemNames() { return kNumberedItemNames; }
WordList GluedFunctionWords() { return kGluedFunctionWords; }
WordList DanglingWords() { return kDanglingWords; }
WordList HeadingLabelWords() { return kHeadingLabelWords; }
WordList MonthNames() { return kMonthNames; }
absl::Span<const IssuerName> IssuerNames() { return kIssuerNames; }

}  // namespace resolute::lexicon
