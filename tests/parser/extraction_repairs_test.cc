// Tests of the extraction repairs (parser/extraction_repairs.h).

#include "parser/extraction_repairs.h"

#include <string>

#include "gtest/gtest.h"
#include "parser/structure.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::DumpFindingCodes;
using ::resolute::testing::DumpStructure;
using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(ExtractionRepairs, DanglingWord) {
  const std::pair<const char*, bool> cases[] = {
      {"the Granting of", true}, {"implementation of the", true},
      {"States and", true},      {"in its", true},
      {"the report", false},     {"the", false},  // one word
      {"of the report,", false}, {"", false},
  };
  for (const auto& [line, dangling] : cases) {
    EXPECT_EQ(EndsWithDanglingWord(line), dangling) << line;
  }
}

TEST(ExtractionRepairs, DisplacedEnd) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\n88.\nranges;\n\nReiterates that it is desirable\n"
      "89.\nranges and more;\n\nReiterates\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  EXPECT_TRUE(IsDisplacedEnd(body, 1));   // "ranges;" before a blank line
  EXPECT_FALSE(IsDisplacedEnd(body, 4));  // more than one word
  EXPECT_FALSE(IsDisplacedEnd(body, 2));  // after a blank line
}

// Through the stage: the displaced words go to the end of the paragraph, and
// spread words back into their line; both are reported.
TEST(ExtractionRepairs, InTheStructureStage) {
  const auto displaced = RunStagesOn(
      "The General Assembly,\n\n1. Decides to act;\n\n2.\nranges;\n\n"
      "Reiterates that the mountain\n",
      Until::kStructure);
  EXPECT_EQ(DumpStructure(displaced),
            "o1[Decides to act;] o2[Reiterates that the mountain ranges;]");
  EXPECT_EQ(DumpFindingCodes(displaced), "DISPLACED_LINE_END");

  const auto spread = RunStagesOn(
      "The General Assembly,\n\n1. Decides that the organizational arrangements of the\n"
      "panel discussions will be as\n"
      "follows and that the rest of the text runs to the full width.\n\nfor\n\nthe\n\nfour\n",
      Until::kStructure);
  EXPECT_EQ(DumpStructure(spread),
            "o1[Decides that the organizational arrangements of the panel discussions will be "
            "as for the four follows and that the rest of the text runs to the full width.]");
  EXPECT_EQ(DumpFindingCodes(spread), "SPREAD_WORDS_RESTORED");
}

}  // namespace
}  // namespace resolute
