// Tests of the structure stage's body lines (parser/body_lines.h): which
// lines are kept, how footnote markers are cut out, and the helpers the
// structure rules share.

#include "parser/body_lines.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(BodyLines, KeepsTextLinesWithBreaksBefore) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nRecalling its report,1\n__________\n1 A/78/1.\n\f2/5\n"
      "A/RES/78/100\nand its plan,\n\n1. Decides to act;\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  ASSERT_EQ(body.size(), 3u);
  // The marker "1" is cut out: the line keeps one piece without it.
  EXPECT_EQ(body.Head(0), "Recalling its report,");
  EXPECT_EQ(body.Pieces(0).size(), 1u);
  EXPECT_TRUE(body[0].blank_before);  // after the intro line
  EXPECT_EQ(body.Head(1), "and its plan,");
  EXPECT_TRUE(body[1].page_before);  // footnotes and furniture between
  EXPECT_FALSE(body[1].blank_before);
  EXPECT_EQ(body.Head(2), "1. Decides to act;");
  EXPECT_TRUE(body[2].blank_before);
  EXPECT_FALSE(body[2].page_before);
  EXPECT_TRUE(body.PrevEnds(2, ","));
  EXPECT_FALSE(body.PrevEnds(0, ","));  // no line before the first
}

TEST(BodyLines, MarkerInsideALineSplitsIt) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nRecalling the Office1 of the Secretariat,\n__________\n"
      "1 Formerly the Office.\n\n1. Decides to act;\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  ASSERT_GE(body.size(), 1u);
  ASSERT_EQ(body.Pieces(0).size(), 2u);
  EXPECT_EQ(body.Head(0), "Recalling the Office");
  EXPECT_EQ(body.Last(0), "of the Secretariat,");
  const auto from = body.PiecesFrom(0, 10);  // after "Recalling "
  ASSERT_EQ(from.size(), 2u);
  EXPECT_EQ(from[0].Of(r.text), "the Office");
  // Joined again, the two pieces make one span only across whitespace.
  std::vector<Span> spans;
  AppendSpans(r.text, body.Pieces(0), &spans);
  EXPECT_EQ(spans.size(), 2u);
}

TEST(BodyLines, TypicalWidthIsThe80thPercentile) {
  const auto r = RunStagesOn("The General Assembly,\n\nRecalling\nab\nabcd\nabcdef\nabcdefgh\n",
                             Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body.LineWidth(1), 2);
  EXPECT_EQ(body.TypicalWidth(), 9);  // widths 2 4 6 8 9: the 5th of 5
}

TEST(BodyLines, AppendSpansJoinsAcrossWhitespaceOnly) {
  const std::string text = "ab cd\nef|gh";
  std::vector<Span> spans;
  AppendSpans(text, {Span{0, 2}, Span{3, 5}, Span{6, 8}, Span{9, 11}, Span{11, 11}}, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].Of(text), "ab cd\nef");
  EXPECT_EQ(spans[1].Of(text), "gh");
}

}  // namespace
}  // namespace resolute
