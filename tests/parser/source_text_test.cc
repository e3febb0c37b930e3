#include "parser/source_text.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(SplitLines, OffsetsAndContent) {
  const std::string text = "  one \ntwo\n\n\fthree";
  std::vector<Line> lines = SplitLines(text);
  // "\n\f" leaves an empty line between the two breaks.
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].Content(text), "one");
  EXPECT_EQ(lines[0].begin, 0);
  EXPECT_EQ(lines[0].end, 6);
  EXPECT_EQ(lines[1].Content(text), "two");
  EXPECT_TRUE(lines[2].blank());
  EXPECT_TRUE(lines[3].blank());
  EXPECT_EQ(lines[4].Content(text), "three");
  EXPECT_TRUE(lines[4].StartsPage(text));
  EXPECT_FALSE(lines[1].StartsPage(text));
  EXPECT_FALSE(lines[3].StartsPage(text));  // after the "\n"; the "\f" ends it
}

TEST(SplitLines, EmptyAndTrailingNewline) {
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_EQ(SplitLines("a\n").size(), 1u);
}

TEST(JoinSpans, Table) {
  const struct {
    std::string text;
    std::vector<Span> spans;
    std::string expected;
  } cases[] = {
      {"a  b\nc", {{0, 6}}, "a b c"},
      {"self-\ndetermination", {{0, 19}}, "self-determination"},
      {"2014\xE2\x80\x93\n2024", {{0, 12}}, "2014\xE2\x80\x93" "2024"},
      {"word -\nnext", {{0, 11}}, "word - next"},           // spaced dash keeps the space
      {"Crime1 of", {{0, 5}, {6, 9}}, "Crime of"},          // a cut marker
      {"self-\n[cut]\ndetermination", {{0, 5}, {12, 25}}, "self-determination"},
      {"a-b", {{0, 3}}, "a-b"},
      {"  lead  ", {{0, 8}}, "lead"},
      {"x", {}, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(JoinSpans(c.text, c.spans), c.expected) << c.text;
  }
}

TEST(CollapseWhitespace, Table) {
  EXPECT_EQ(CollapseWhitespace("  a \n\n b\f c "), "a b c");
  EXPECT_EQ(CollapseWhitespace(""), "");
}

}  // namespace
}  // namespace resolute
