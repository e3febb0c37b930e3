// Table tests of headings and parts (parser/headings.h).

#include "parser/headings.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(Headings, Label) {
  struct Case {
    const char* line;
    const char* label;  // nullptr: no label
    size_t title_at;
  };
  const Case cases[] = {
      {"I", "I", 1},
      {"II.", "II", 3},
      {"IV. Financing", "IV", 4},
      {"A", "A", 1},
      {"B. Coordination", "B", 3},
      {"Section 3", "Section 3", 9},
      {"Part II Budget", "Part II", 8},
      {"Action 5. We will act", "Action 5", 10},
      {"Chapter A", "Chapter A", 9},
      // Must not match: a word, a roman numeral without its dot before a
      // title, a lower-case title, a label word without a number.
      {"Recalling", nullptr, 0},
      {"II Financing", nullptr, 0},
      {"II. financing", nullptr, 0},
      {"Section three", nullptr, 0},
      {"AB", nullptr, 0},
      {"iv.", nullptr, 0},
      {"", nullptr, 0},
  };
  for (const Case& c : cases) {
    const auto m = MatchHeadingLabel(c.line);
    if (c.label == nullptr) {
      EXPECT_FALSE(m.has_value()) << c.line;
      continue;
    }
    ASSERT_TRUE(m.has_value()) << c.line;
    EXPECT_EQ(m->label, c.label) << c.line;
    EXPECT_EQ(m->title_at, c.title_at) << c.line;
  }
}

// The heading MatchHeading finds at body line 1 ("label[title]/lines"), or "".
struct HeadingCase {
  const char* lines;
  int last_number;
  const char* heading;
};

TEST(Headings, Match) {
  const HeadingCase cases[] = {
      {"1. Decides to act;\nII\nFinancing\n2. Requests a report;\n", 1, "II[Financing]/2"},
      // A label with its title on one line takes that line only.
      {"1. Decides to act;\nII. Financing of the mission\n\n2. Requests a report;\n", 1,
       "II[Financing of the mission]/1"},
      // ... and its wrapped lines up to a blank line or a paragraph's start,
      // when they end no clause.
      {"1. Decides to act;\nII. Financing of the\nmission\n\n2. Requests a report;\n", 1,
       "II[Financing of the mission]/2"},
      {"1. Decides to act;\nII. Financing of the\nmission\n2. Requests a report;\n", 1,
       "II[Financing of the mission]/2"},
      {"1. Decides to act;\nII. Financing of the\nmission;\n\n2. Requests a report;\n", 1,
       "II[Financing of the]/1"},
      // Unlabelled: a short line that ends no clause before a paragraph.
      {"1. Decides to act;\nFinancing of the mission\n2. Requests a report;\n", 1,
       "[Financing of the mission]/1"},
      // Not headings: a line that opens with a lead phrase, a line ending a
      // clause, a heading-like line not followed by a paragraph start.
      {"1. Decides to act;\nRequests a report\n2. Requests a report;\n", 1, ""},
      {"1. Decides to act;\nFinancing of the mission;\n2. Requests a report;\n", 1, ""},
      {"1. Decides to act;\nFinancing of the mission\nfor the year\nand more\nthe end\n", 1, ""},
      // After a preambular paragraph, only a heading before a number.
      {"Noting the report,\nFinancing of the mission\nRecalling the plan,\n", 0, ""},
      {"Noting the report,\nFinancing of the mission\n1. Decides to act;\n", 0,
       "[Financing of the mission]/1"},
  };
  for (const HeadingCase& c : cases) {
    const auto r =
        RunStagesOn(std::string("The General Assembly,\n\n") + c.lines, Until::kFootnotes);
    const BodyLines body = BodyOf(r);
    HeadingNode h;
    const size_t used = MatchHeading(body, 1, HeadingContext{c.last_number, true, nullptr}, &h);
    const std::string got =
        used == 0 ? ""
                  : h.label + "[" + JoinSpans(r.text, h.title_spans) + "]/" + std::to_string(used);
    EXPECT_EQ(got, c.heading) << c.lines;
  }
}

// A line in bold is a heading even if it opens with a lead word.
TEST(Headings, BoldLineWithALeadWord) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\n1. Decides to act;\nEnsuring adequate funding\n"
      "2. Requests a report;\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  HeadingNode h;
  EXPECT_EQ(MatchHeading(body, 1, HeadingContext{1, true, nullptr}, &h), 0u);
  std::vector<uint8_t> bold(r.lines.size(), 0);
  bold[body[1].line] = 1;
  EXPECT_EQ(MatchHeading(body, 1, HeadingContext{1, true, &bold}, &h), 1u);
  EXPECT_EQ(JoinSpans(r.text, h.title_spans), "Ensuring adequate funding");
}

TEST(Headings, PartStart) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\n1. Decides to act.\nB\nSecond part\nThe General Assembly,\n"
      "C\nThe General Assembly,\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  std::vector<PartNode> parts;
  PartNode part;
  // "B" may open the first part recorded (part A had no label line).
  EXPECT_EQ(MatchPartStart(body, 1, parts, &part), 3u);
  EXPECT_EQ(part.label, "B");
  EXPECT_EQ(JoinSpans(r.text, part.title_spans), "Second part");
  parts.push_back(part);
  PartNode next;
  EXPECT_EQ(MatchPartStart(body, 4, parts, &next), 2u);  // "C" after "B"
  // Not a part: a letter out of order, a label without an intro line.
  parts.push_back(next);
  PartNode none;
  EXPECT_EQ(MatchPartStart(body, 1, parts, &none), 0u);
  EXPECT_EQ(MatchPartStart(body, 2, {}, &none), 0u);
}

}  // namespace
}  // namespace resolute
