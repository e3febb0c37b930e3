// Table tests of paragraph numbering (parser/numbering.h).

#include "parser/numbering.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(Numbering, NextLetterLabel) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "a"}, {"a", "b"}, {"y", "z"}, {"z", "aa"}, {"aa", "bb"}, {"yy", "zz"}, {"zz", ""}};
  for (const auto& [label, next] : cases) EXPECT_EQ(NextLetterLabel(label), next) << label;
}

TEST(Numbering, ToLowerRoman) {
  const std::pair<int, const char*> cases[] = {{1, "i"},   {4, "iv"},    {9, "ix"}, {14, "xiv"},
                                               {40, "xl"}, {99, "xcix"}, {0, ""}};
  for (const auto& [v, roman] : cases) EXPECT_EQ(ToLowerRoman(v), roman) << v;
}

// Body line 1 of "<line 0>\n<line 1>\n<line 2>" after the intro line.
struct NumberCase {
  const char* lines;
  int last_number;
  bool numbered_start;   // LooksLikeNumberedStart(body, 1, ...)
  bool paragraph_start;  // LooksLikeParagraphStart(body, 1, ...)
  size_t missing_dot;    // MissingDotNumber(body, 1, ...)
};

TEST(Numbering, Starts) {
  const NumberCase cases[] = {
      {"Recalling its report,\n1. Decides to act;\n", 0, true, true, 0},
      {"2. Decides to act;\n3. Requests a report;\n", 2, true, true, 0},
      // Out of sequence: not a start.
      {"2. Decides to act;\n7. Requests a report;\n", 2, false, false, 0},
      // A meeting line opens no paragraph number but is a start.
      {"2. Decides to act.\n45th plenary meeting\n", 2, false, true, 0},
      {"2. Decides to act;\nNoting the report,\n", 2, false, true, 0},
      {"2. Decides to act;\nthe report\n", 2, false, false, 0},
      // The dot lost: "3" alone before an operative verb, or "3 Requests".
      {"2. Decides to act;\n3\nRequests a report;\n", 2, false, false, 1},
      {"2. Decides to act;\n3 Requests a report;\n", 2, false, false, 1},
      // ... but not after an unfinished clause, nor a number out of
      // sequence, nor before a word that is not an operative verb.
      {"2. Decides to act\n3 Requests a report;\n", 2, false, false, 0},
      {"2. Decides to act;\n4 Requests a report;\n", 2, false, false, 0},
      {"2. Decides to act;\n3 million dollars;\n", 2, false, false, 0},
      // The first number in OCR: "1, Requests".
      {"Noting the report,\n1, Requests a report;\n", 0, false, false, 1},
  };
  for (const NumberCase& c : cases) {
    const auto r =
        RunStagesOn(std::string("The General Assembly,\n\n") + c.lines, Until::kFootnotes);
    const BodyLines body = BodyOf(r);
    ASSERT_GE(body.size(), 2u) << c.lines;
    EXPECT_EQ(LooksLikeNumberedStart(body, 1, c.last_number), c.numbered_start) << c.lines;
    EXPECT_EQ(LooksLikeParagraphStart(body, 1, c.last_number), c.paragraph_start) << c.lines;
    EXPECT_EQ(MissingDotNumber(body, 1, c.last_number), c.missing_dot) << c.lines;
  }
}

}  // namespace
}  // namespace resolute
