// Table tests of the footnote stage (parser/footnotes.h): block items in the
// forms extraction tools print them, markers anchored in the text before the
// block, and what is reported when a marker or a text is missing. The dump
// lists entries "1=Text", then refs "@1:word" (the word the marker follows).

#include "parser/footnotes.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::DumpFindingCodes;
using ::resolute::testing::DumpFootnotes;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

struct FootnoteCase {
  const char* text;
  const char* dump;
  const char* findings;  // codes, space-separated
};

TEST(Footnotes, Table) {
  const FootnoteCase cases[] = {
      // PyMuPDF: "1 Text" on one line; the marker glued to a comma.
      {"The General Assembly,\n\nRecalling its report,1\n__________\n1 "
       "A/78/1.\n\n"
       "1. Decides to act;\n",
       "1=A/78/1. @1:report,", ""},
      // Glued to a word, and separated by a space after a year.
      {"The General Assembly,\n\nRecalling the Office on Drugs and Crime1 of "
       "the "
       "Secretariat,\n\nNoting the report of 2023, 2\n__________\n1 Formerly "
       "the Office.\n"
       "2 A/78/2.\n\n1. Decides to act;\n",
       "1=Formerly the Office. 2=A/78/2. @1:Crime @2:2023,", ""},
      // pdftotext: texts first, then the markers out of order.
      {"The General Assembly,\n\nRecalling its report,1 and the "
       "plan,2\n__________\n"
       "A/78/1.\nA/78/2.\n1\n2\n\f2/5\nA/RES/78/100\n1. Decides to act;\n",
       "1=A/78/1. 2=A/78/2. @1:report, @2:plan,", ""},
      // A number that is part of a reference is not a marker: "paragraph 2".
      {"The General Assembly,\n\nRecalling paragraph 2 of its "
       "report,1\n__________\n"
       "1 A/78/1.\n\n1. Decides to act;\n",
       "1=A/78/1. @1:report,", ""},
      // Word export: explicit reference and inline body.
      {"The General Assembly,\n\nRecalling its report,[footnoteRef:1][1: "
       "A/78/1.]\n\n"
       "1. Decides to act;\n",
       "1=A/78/1. @1:report,", ""},
      // Reported: a block item whose marker is nowhere in the text.
      {"The General Assembly,\n\nRecalling its report,\n__________\n7 "
       "A/78/1.\n\n"
       "1. Decides to act;\n",
       "7=A/78/1.", "FOOTNOTE_UNANCHORED"},
      // Reported: a block that opens with unmarked text and no previous
      // footnote to continue.
      {"The General Assembly,\n\nRecalling its report,\n__________\nA/78/1.\n"
       "\f2/5\nA/RES/78/100\n1. Decides to act;\n",
       "=A/78/1.", "FOOTNOTE_MARKER_MISSING"},
      // Reported: two markers printed alone in a block with one text.
      {"The General Assembly,\n\nRecalling its report,1 and "
       "plan,2\n__________\n"
       "A/78/1.\n1\n2\n\f2/5\nA/RES/78/100\n1. Decides to act;\n",
       "1=A/78/1. @1:report,", "FOOTNOTE_TEXT_MISSING"},
      // A block without page furniture ends at a line that does not look
      // like a footnote: an unmarked line after the rule is text.
      {"The General Assembly,\n\nRecalling its report,\n__________\nA/78/1.\n\n"
       "1. Decides to act;\n",
       "", ""},
  };
  for (const FootnoteCase& c : cases) {
    const auto r = RunStagesOn(c.text, Until::kFootnotes);
    EXPECT_EQ(DumpFootnotes(r), c.dump) << c.text;
    EXPECT_EQ(DumpFindingCodes(r), c.findings) << c.text;
  }
}

// Markers and inline bodies are cut from the text lines, so the paragraph
// text does not carry them.
TEST(Footnotes, CutsCoverMarkers) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nRecalling its "
      "report,1\n__________\n1 A/78/1.\n\n"
      "1. Decides to act;\n",
      Until::kFootnotes);
  ASSERT_EQ(r.footnotes.cuts.size(), 1u);
  EXPECT_EQ(r.footnotes.cuts[0].Of(r.text), "1");
  ASSERT_EQ(r.footnotes.refs.size(), 1u);
  EXPECT_EQ(r.footnotes.refs[0].entry, 0);
}

}  // namespace
}  // namespace resolute
