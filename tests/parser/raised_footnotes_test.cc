// parser/raised_footnotes.h: a footnote block split at its raised markers.

#include "parser/raised_footnotes.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/source_text.h"

namespace resolute {
namespace {

// The block: line 0 is the rule, every later line a footnote line.
struct Block {
  std::string text;
  std::vector<Line> lines;
  Layout layout;
  FootnoteBlock block;

  explicit Block(std::string t) : text(std::move(t)), lines(SplitLines(text)) {
    layout.roles.assign(lines.size(), LineRole::kFootnote);
    layout.roles[0] = LineRole::kFootnoteRule;
    block = FootnoteBlock{0, 1, static_cast<int>(lines.size())};
  }
  // The span of the `n`-th occurrence (from 0) of `s` in the text.
  Span At(const std::string& s, int n = 0) const {
    size_t p = text.find(s);
    while (n-- > 0) p = text.find(s, p + 1);
    return Span{static_cast<int>(p), static_cast<int>(p + s.size())};
  }
  // marker + ": " + text of each footnote found.
  std::vector<std::string> Split(const std::vector<Span>& raised) const {
    std::vector<RaisedFootnote> out;
    std::vector<std::string> got;
    if (!SplitAtRaisedMarkers(text, lines, layout, block, raised, &out)) return got;
    for (const RaisedFootnote& f : out) got.push_back(f.marker + ": " + JoinSpans(text, f.spans));
    return got;
  }
};

TEST(SplitAtRaisedMarkers, OneFootnotePerRaisedMarker) {
  Block b("____\n1 A/78/23.\n2 Ibid., para. 3.\n");
  const Span one{b.At("1 A").begin, b.At("1 A").begin + 1};
  const Span two{b.At("2 I").begin, b.At("2 I").begin + 1};
  EXPECT_EQ(b.Split({one, two}), (std::vector<std::string>{"1: A/78/23.", "2: Ibid., para. 3."}));
}

TEST(SplitAtRaisedMarkers, TwoFootnotesSideBySideOnOneLine) {
  Block b("____\n3 A/79/1. 4 A/79/2.\n");
  const Span three{b.At("3").begin, b.At("3").end};
  const Span four{b.At("4").begin, b.At("4").end};
  EXPECT_EQ(b.Split({three, four}), (std::vector<std::string>{"3: A/79/1.", "4: A/79/2."}));
}

TEST(SplitAtRaisedMarkers, TextBeforeTheFirstMarkerContinuesThePreviousFootnote) {
  Block b("____\nthe end of a footnote.\n5 Next one.\n");
  const Span five = b.At("5");
  EXPECT_EQ(b.Split({five}), (std::vector<std::string>{": the end of a footnote.", "5: Next one."}));
}

TEST(SplitAtRaisedMarkers, NoRaisedMarkerMeansTheTextRulesDecide) {
  Block b("____\n1 A/78/23.\n");
  EXPECT_TRUE(b.Split({}).empty());
  // Nor does a raised marker on a line of the block that is not a footnote line.
  Block c("____\n1 A/78/23.\n");
  c.layout.roles[1] = LineRole::kText;
  EXPECT_TRUE(c.Split({c.At("1")}).empty());
}

TEST(SplitAtRaisedMarkers, AMarkerWithNoTextAfterItIsNoFootnote) {
  Block b("____\n6 Text of six. 7\n");
  EXPECT_EQ(b.Split({b.At("6"), b.At("7")}), (std::vector<std::string>{"6: Text of six."}));
}

}  // namespace
}  // namespace resolute
