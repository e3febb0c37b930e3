// parser/lexicon.h: the word lists keep the form their users expect. (That
// every word occurs in a corpus document is checked by
// scripts/lexicon_usage.py, which needs ../shared/corpus.)

#include "parser/lexicon.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace resolute::lexicon {
namespace {

struct NamedList {
  const char* name;
  WordList words;
  bool lower_case;  // every word lower case (the lists the header says are)
};

std::vector<NamedList> AllLists() {
  return {
      {"LeadAdverbs", LeadAdverbs(), true},
      {"PreambularAdjectives", PreambularAdjectives(), true},
      {"NotPreambularHeads", NotPreambularHeads(), true},
      {"OperativeVerbs", OperativeVerbs(), true},
      {"NotVerbs", NotVerbs(), true},
      {"AttitudeNouns", AttitudeNouns(), true},
      {"Intensifiers", Intensifiers(), true},
      {"WithNouns", WithNouns(), true},
      {"ConsiderAdjectives", ConsiderAdjectives(), true},
      {"FootnoteAbbreviations", FootnoteAbbreviations(), false},
      {"NumberTakingWords", NumberTakingWords(), true},
      {"NumberedItemNames", NumberedItemNames(), false},
      {"GluedFunctionWords", GluedFunctionWords(), true},
      {"DanglingWords", DanglingWords(), true},
      {"HeadingLabelWords", HeadingLabelWords(), false},
      {"MonthNames", MonthNames(), false},
  };
}

TEST(Lexicon, EveryListIsNonEmptyWithoutDuplicatesOrEmptyWords) {
  for (const NamedList& list : AllLists()) {
    EXPECT_FALSE(list.words.empty()) << list.name;
    absl::flat_hash_set<absl::string_view> seen;
    for (absl::string_view w : list.words) {
      EXPECT_FALSE(w.empty()) << list.name;
      EXPECT_TRUE(seen.insert(w).second) << list.name << " repeats \"" << w << "\"";
      if (list.lower_case) {
        EXPECT_EQ(absl::AsciiStrToLower(w), w) << list.name << ": \"" << w << "\"";
      }
    }
  }
}

TEST(Lexicon, MonthsAreTheTwelveInOrder) {
  const WordList months = MonthNames();
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front(), "January");
  EXPECT_EQ(months[4], "May");
  EXPECT_EQ(months.back(), "December");
}

TEST(Lexicon, OperativeVerbsEndInS) {
  // The recogniser of unnumbered operative paragraphs reads third-person
  // verbs; a word of another form would never match a paragraph's head.
  for (absl::string_view w : OperativeVerbs()) {
    EXPECT_TRUE(absl::EndsWith(w, "s")) << w;
  }
}

TEST(Lexicon, IssuerNamesEndingAnotherComeFirst) {
  const auto names = IssuerNames();
  ASSERT_FALSE(names.empty());
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = i + 1; j < names.size(); ++j) {
      // A longer name that ends with a shorter one ("General Assembly",
      // "Assembly") is listed before it.
      EXPECT_FALSE(names[j].text.size() > names[i].text.size() &&
                   absl::EndsWith(names[j].text, names[i].text))
          << "\"" << names[j].text << "\" must come before \"" << names[i].text << "\"";
    }
  }
}

}  // namespace
}  // namespace resolute::lexicon
