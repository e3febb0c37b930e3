// Table tests of the layout stage (parser/layout.h): which lines are page
// furniture, which belong to footnote blocks, which are text. The dump has
// one character per line: 'f' front, '.' blank, 't' text, 'p' furniture,
// 'r' footnote rule, 'n' footnote line.

#include "parser/layout.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::DumpRoles;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

struct LayoutCase {
  const char* text;
  const char* roles;
  bool furniture;  // Layout::has_page_furniture
};

TEST(Layout, Roles) {
  const LayoutCase cases[] = {
      // Plain text after the intro line: no furniture.
      {"The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to "
       "act;\n",
       "f.t.t", false},
      // A page break with its furniture: page number, symbol, job number,
      // barcode. The lines around the text stay text.
      {"The General Assembly,\n\nRecalling its resolution 77/1 and\n\f2/5 "
       "\n23-24979 \n"
       "A/RES/78/100 \n*2324979* \nnoting its decision,\n\n1. Decides to "
       "act;\n",
       "f.t.ppppt.t", true},
      // A running title counts only inside a furniture cluster: the same
      // words in the text are text.
      {"78/100. Dissemination of information\n\nThe General Assembly,\n\n"
       "Recalling its resolution on\nDissemination of information\nand its "
       "report,\n"
       "\f2/5\nDissemination of information\nA/RES/78/100\n1. Decides to "
       "act;\n",
       "fff.ttt.pppt", true},
      // A footnote block: rule, items, then the page break ends it.
      {"The General Assembly,\n\nRecalling its report,1\n__________\n"
       "1 A/78/1.\n\f2/5\nA/RES/78/100\n1. Decides to act;\n",
       "f.trnnppt", true},
      // Without page furniture, a block runs while its lines look like
      // footnotes; a numbered paragraph after an ended item is text again.
      {"The General Assembly,\n\nRecalling its report,1 and the "
       "plan,2\n__________\n"
       "1 A/78/1.\n2 See resolution 70/1,\nannex.\n\n1. Decides to act;\n",
       "f.trnnn.t", false},
      // Page-number-like text in a sentence is text.
      {"The General Assembly,\n\nRecalling its resolution\n2/5 of the "
       "members,\n",
       "f.tt", false},
  };
  for (const LayoutCase& c : cases) {
    const auto r = RunStagesOn(c.text, Until::kLayout);
    EXPECT_EQ(DumpRoles(r), c.roles) << c.text;
    EXPECT_EQ(r.layout.has_page_furniture, c.furniture) << c.text;
  }
}

TEST(Layout, FootnoteBlocks) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nRecalling its "
      "report,1\n__________\n1 A/78/1.\n\f2/5\n"
      "A/RES/78/100\n1. Decides to act;\n",
      Until::kLayout);
  ASSERT_EQ(r.layout.footnote_blocks.size(), 1u);
  EXPECT_EQ(r.layout.footnote_blocks[0].rule_line, 3);
  EXPECT_EQ(r.layout.footnote_blocks[0].begin, 4);
}

TEST(Layout, FootnoteItemStart) {
  struct Case {
    const char* line;
    bool ok;
    const char* marker;
    size_t offset;
  };
  const Case cases[] = {
      {"1 Official Records", true, "1", 2},
      {"12  See A/78/1.", true, "12", 4},
      {"3", true, "3", 1},
      {"123 Text", true, "123", 4},
      // Must not parse: four digits, a number glued to text, no number.
      {"1234 Text", false, "", 0},
      {"1Text", false, "", 0},
      {"Text 1", false, "", 0},
      {"", false, "", 0},
  };
  for (const Case& c : cases) {
    std::string marker;
    size_t offset = 0;
    EXPECT_EQ(ParseFootnoteItemStart(c.line, &marker, &offset), c.ok) << c.line;
    if (c.ok) {
      EXPECT_EQ(marker, c.marker) << c.line;
      EXPECT_EQ(offset, c.offset) << c.line;
    }
  }
}

TEST(Layout, EndsSentence) {
  EXPECT_TRUE(EndsSentence("the matter."));
  EXPECT_TRUE(EndsSentence("as follows.\""));
  EXPECT_TRUE(EndsSentence("(A/78/1.)"));
  EXPECT_FALSE(EndsSentence("the matter;"));
  EXPECT_FALSE(EndsSentence("the matter,"));
  EXPECT_FALSE(EndsSentence("the"));
  EXPECT_FALSE(EndsSentence(""));
}

}  // namespace
}  // namespace resolute
