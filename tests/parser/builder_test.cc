// Table tests of the builder (parser/builder.h): the message made from the
// stages' results: metadata, lead phrases, eids, headings, footnotes anchored
// in their nodes, and the checks that become diagnostics.

#include "parser/builder.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::DumpFindingCodes;
using ::resolute::testing::RunStagesOn;

// "eid:lead|text[^markers]" per paragraph, space-separated.
std::string DumpParagraphs(const v1::Resolution& m) {
  std::vector<std::string> out;
  for (const auto& p : m.preambular_paragraphs()) {
    out.push_back(absl::StrCat(p.eid(), ":", p.lead_phrase(), "|", p.text(),
                               p.footnote_markers().empty() ? "" : "^",
                               absl::StrJoin(p.footnote_markers(), ",")));
  }
  for (const auto& p : m.operative_paragraphs()) {
    out.push_back(absl::StrCat(p.eid(), ":", p.lead_phrase(), "|", p.text()));
  }
  return absl::StrJoin(out, " ");
}

struct BuilderCase {
  const char* text;
  const char* paragraphs;
  const char* findings;
};

TEST(Builder, Table) {
  const BuilderCase cases[] = {
      {"A/RES/78/1\n78/1. A title\n\nThe General Assembly,\n\nRecalling its "
       "resolution 77/1,"
       "\n\n1. Decides to act;\n\n2. Also requests a report.\n",
       "preamble__para_1:Recalling|Recalling its resolution 77/1, "
       "para_1:Decides|Decides to act; para_2:Also requests|Also requests a "
       "report.",
       ""},
      // Footnotes anchored in their paragraphs; the marker is not in the text.
      {"A/RES/78/1\n78/1. A title\n\nThe General Assembly,\n\nRecalling its "
       "report,1\n"
       "__________\n1 A/78/1.\n\n1. Decides to act;\n",
       "preamble__para_1:Recalling|Recalling its report,^1 "
       "para_1:Decides|Decides to act;",
       ""},
      // No symbol: reported.
      {"The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to "
       "act.\n",
       "preamble__para_1:Recalling|Recalling its resolution, "
       "para_1:Decides|Decides to act.",
       "SYMBOL_NOT_FOUND"},
      // No paragraph at all: an error.
      {"The General Assembly,\n", "", "SYMBOL_NOT_FOUND NO_PARAGRAPHS"},
      // An empty numbered paragraph is reported.
      {"The General Assembly,\n\n1. Decides to act;\n\n2.\n\n3. Requests a "
       "report.\n",
       "para_1:Decides|Decides to act; para_2:| para_3:Requests|Requests a "
       "report.",
       "SYMBOL_NOT_FOUND EMPTY_PARAGRAPH"},
  };
  for (const BuilderCase& c : cases) {
    const auto r = RunStagesOn(c.text);
    EXPECT_EQ(DumpParagraphs(r.message), c.paragraphs) << c.text;
    EXPECT_EQ(DumpFindingCodes(r), c.findings) << c.text;
  }
}

}  // namespace
}  // namespace resolute
