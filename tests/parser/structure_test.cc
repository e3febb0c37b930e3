// Table tests of the structure stage (parser/structure.h): paragraphs and
// their numbering, sub-paragraphs, headings, parts, tables, closing lines and
// annexes, and the repairs and guesses it reports. See stage_run.h for the
// dump's notation.

#include "parser/structure.h"

#include <string>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::DumpFindingCodes;
using ::resolute::testing::DumpStructure;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

struct StructureCase {
  const char* text;
  const char* dump;
  const char* findings;
};

constexpr char kIntro[] = "The General Assembly,\n\n";

TEST(Structure, Table) {
  const StructureCase cases[] = {
      // Preamble and numbered operative paragraphs, blank lines between.
      {"Recalling its resolution 77/1,\n\nNoting the report,\n\n1. Decides to "
       "act;\n\n"
       "2. Requests the Secretary-General to report.\n",
       "p[Recalling its resolution 77/1,] p[Noting the report,] o1[Decides to "
       "act;] o2[Requests the Secretary-General to report.]",
       ""},
      // No blank lines: lead phrases and numbers open paragraphs.
      {"Recalling its resolution 77/1 and\nits decision,\nNoting the report,\n"
       "1. Decides to act;\n2. Requests the Secretary-General to report.\n",
       "p[Recalling its resolution 77/1 and its decision,] p[Noting the "
       "report,] o1[Decides to act;] o2[Requests the Secretary-General to "
       "report.]",
       ""},
      // A number that starts a line inside a sentence is not a paragraph.
      {"1. Decides to set the amount at\n12. million dollars;\n\n2. Requests a "
       "report.\n",
       "o1[Decides to set the amount at 12. million dollars;] o2[Requests a "
       "report.]",
       ""},
      // Sub-paragraphs, nested.
      {"1. Decides:\n(a) To act;\n(b) To report:\n(i) On time;\n(ii) In "
       "full;\n\n"
       "2. Requests a report.\n",
       "o1[Decides:] (a)[To act;] (b)[To report:] (b)(i)[On time;] (b)(ii)[In "
       "full;] o2[Requests a report.]",
       ""},
      // A gap in the numbering is reported.
      {"1. Decides to act;\n\n3. Requests a report.\n",
       "o1[Decides to act;] o3[Requests a report.]", "PARAGRAPH_NUMBER_GAP"},
      // Headings in the operative part; numbering may restart.
      {"Noting the report,\n\nI\nGeneral matters\n\n1. Decides to act;\n\nII\n"
       "Financing\n\n2. Requests a report.\n",
       "p[Noting the report,] h:I[General matters] o1[Decides to act;] "
       "h:II[Financing] o2[Requests a report.]",
       ""},
      // Closing lines: meeting and date; a vote sentence.
      {"1. Decides to remain seized of the matter.\n\n45th plenary meeting\n"
       "7 December 2023\n",
       "o1[Decides to remain seized of the matter.] meeting=45th plenary "
       "meeting date=2023-12-07",
       ""},
      // An annex after the resolution.
      {"1. Approves the plan annexed to the present resolution.\n\n"
       "45th plenary meeting\n7 December 2023\n\nAnnex\nPlan of action\n\n"
       "The plan has two parts.\n\nIt ends here.\n",
       "o1[Approves the plan annexed to the present resolution.] "
       "annex:Annex[Plan of action]{The plan has two parts.|It ends here.} "
       "meeting=45th plenary meeting date=2023-12-07",
       ""},
      // Text before any paragraph that opens with no lead phrase.
      {"the remains of a sentence\n\nRecalling its resolution,\n\n1. Decides "
       "to act;\n",
       "p[the remains of a sentence] p[Recalling its resolution,] o1[Decides "
       "to act;]",
       "TEXT_OUTSIDE_PARAGRAPH"},
  };
  for (const StructureCase& c : cases) {
    const auto r = RunStagesOn(std::string(kIntro) + c.text, Until::kStructure);
    EXPECT_EQ(DumpStructure(r), c.dump) << c.text;
    EXPECT_EQ(DumpFindingCodes(r), c.findings) << c.text;
  }
}

// Text after the closing lines is skipped with one finding per run of
// lines, its span from the run's first byte to its last.
TEST(Structure, TextAfterClosingIsOneFindingPerRun) {
  const auto r = RunStagesOn(std::string(kIntro) +
                                 "1. Decides to remain seized of the matter.\n\n"
                                 "45th plenary meeting\n7 December 2023\n\n"
                                 "Trailing words\nthat go on\n\nand on\n",
                             Until::kStructure);
  EXPECT_EQ(DumpFindingCodes(r), "TEXT_AFTER_CLOSING");
  ASSERT_EQ(r.findings.all().size(), 1);
  const v1::Diagnostic& d = r.findings.all()[0];
  EXPECT_EQ(d.message(), "3 lines of text after the closing lines were skipped");
  EXPECT_EQ(absl::string_view(r.text).substr(d.span().start(), d.span().end() - d.span().start()),
            "Trailing words\nthat go on\n\nand on");

  // One line: the message of one line, the span of its text.
  const auto one = RunStagesOn(std::string(kIntro) +
                                   "1. Decides to act.\n\n45th plenary meeting\n"
                                   "7 December 2023\n\nTrailing words\n",
                               Until::kStructure);
  ASSERT_EQ(one.findings.all().size(), 1);
  EXPECT_EQ(one.findings.all()[0].message(), "text after the closing lines was skipped");
  const v1::Span& s = one.findings.all()[0].span();
  EXPECT_EQ(absl::string_view(one.text).substr(s.start(), s.end() - s.start()), "Trailing words");
}

}  // namespace
}  // namespace resolute
