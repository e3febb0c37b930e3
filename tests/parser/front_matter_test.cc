// Table tests of the front matter stage (parser/front_matter.h): what the
// first page says, and where the preamble begins. Texts without a header
// yield empty fields, never a failure.

#include "parser/front_matter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::RunStagesOn;
using ::resolute::testing::StageRun;
using ::resolute::testing::Until;

// "field=value" for every field that is set, in a fixed order.
std::string Dump(const StageRun& r) {
  const FrontMatter& f = r.front;
  std::vector<std::string> out;
  auto add = [&out](const char* name, const std::string& value) {
    if (!value.empty()) out.push_back(absl::StrCat(name, "=", value));
  };
  add("symbol", f.symbol.value);
  if (f.body != v1::BODY_UNSPECIFIED) add("body", v1::Body_Name(f.body));
  if (f.kind != v1::DOCUMENT_KIND_UNSPECIFIED) add("kind", v1::DocumentKind_Name(f.kind));
  add("number", f.number.value);
  add("session", f.session);
  add("distr", f.distribution_date.value);
  add("agenda", f.agenda_number.value);
  add("agenda_title", f.agenda_title.value);
  add("note", f.committee_note.value);
  add("adopted", f.adoption_date.value);
  add("meeting", f.adoption_meeting.value);
  add("title", r.title);
  if (f.part_label_line >= 0) add("part_label_line", absl::StrCat(f.part_label_line));
  out.push_back(absl::StrCat("intro=", f.intro_line));
  out.push_back(absl::StrCat("body=", f.body_begin));
  return absl::StrJoin(out, " ");
}

struct FrontCase {
  const char* text;
  const char* dump;
};

TEST(FrontMatter, Table) {
  const FrontCase cases[] = {
      // A General Assembly resolution as PyMuPDF extracts it.
      {"United Nations \nA/RES/78/100\n \nGeneral Assembly \nDistr.: General \n"
       "11 December 2023 \n \n23-24979 (E)    201223 \n*2324979* \n \n"
       "Seventy-eighth session \nAgenda item 58 \n"
       "Implementation of the Declaration on the Granting of \n"
       "Independence to Colonial Countries and Peoples \n \n"
       " Resolution adopted by the General Assembly \non 7 December 2023 \n \n"
       "[on the report of the Special Political and Decolonization Committee \n"
       "(Fourth Committee) (A/78/429, para. 33)] \n \n"
       " 78/100. Dissemination of information on decolonization \n \n"
       "The General Assembly, \n \nRecalling its resolution 1514 (XV),\n",
       "symbol=A/RES/78/100 body=BODY_GENERAL_ASSEMBLY "
       "kind=DOCUMENT_KIND_RESOLUTION number=78/100 session=78 "
       "distr=2023-12-11 agenda=58 agenda_title=Implementation of the "
       "Declaration on the Granting of Independence to Colonial Countries and "
       "Peoples note=on the report of the Special Political and Decolonization "
       "Committee (Fourth Committee) (A/78/429, para. 33) adopted=2023-12-07 "
       "title=Dissemination of information on decolonization intro=24 body=25"},
      // A Security Council resolution of the old printed series: number and
      // date, no symbol line.
      {"Resolution 678 (1990)\nof 29 November 1990\n\nThe Security Council,\n\n"
       "Recalling its resolutions,\n",
       "symbol=S/RES/678(1990) body=BODY_SECURITY_COUNCIL "
       "kind=DOCUMENT_KIND_RESOLUTION number=678 (1990) adopted=1990-11-29 "
       "intro=3 body=4"},
      // A Word export: the number and title line, then the intro.
      {"57/168. International cooperation in the fight against crime\n\n"
       "The General Assembly,\n\nRecalling its resolution 55/25,\n",
       "symbol=A/RES/57/168 body=BODY_GENERAL_ASSEMBLY number=57/168 "
       "session=57 title=International cooperation in the fight against crime "
       "intro=2 body=3"},
      // A resolution adopted in parts: the first part's label and title come
      // between the title and the intro line.
      {"78/1. Questions relating to information\n\nA\nInformation in the "
       "service of "
       "humanity\n\nThe General Assembly,\n\nNoting the report,\n",
       "symbol=A/RES/78/1 body=BODY_GENERAL_ASSEMBLY number=78/1 session=78 "
       "title=Questions relating to information part_label_line=2 intro=5 "
       "body=6"},
      // No header and no intro line: nothing is invented.
      {"Recalling its resolution 55/25,\n\n1. Decides to remain seized of the "
       "matter.\n",
       "intro=-1 body=0"},
      // A symbol in the body is not the document's symbol once the preamble
      // has begun.
      {"The General Assembly,\n\nRecalling resolution A/RES/77/1,\n",
       "body=BODY_GENERAL_ASSEMBLY intro=0 body=1"},
  };
  for (const FrontCase& c : cases) {
    EXPECT_EQ(Dump(RunStagesOn(c.text, Until::kLayout)), c.dump) << c.text;
  }
}

TEST(FrontMatter, IntroLine) {
  EXPECT_TRUE(IsIntroLine("The General Assembly,"));
  EXPECT_TRUE(IsIntroLine("The Security Council,"));
  EXPECT_TRUE(IsIntroLine("The Economic and Social Council,"));
  EXPECT_TRUE(IsIntroLine("The Human Rights Council,"));
  EXPECT_TRUE(IsIntroLine("The General Assembly"));  // the comma may be lost
  EXPECT_FALSE(IsIntroLine("The General Assembly decides,"));
  EXPECT_FALSE(IsIntroLine("General Assembly,"));
  EXPECT_FALSE(IsIntroLine(""));
}

TEST(FrontMatter, BodyFromName) {
  EXPECT_EQ(BodyFromName("General Assembly"), v1::BODY_GENERAL_ASSEMBLY);
  EXPECT_EQ(BodyFromName("Security Council"), v1::BODY_SECURITY_COUNCIL);
  EXPECT_EQ(BodyFromName("Economic and Social Council"), v1::BODY_ECONOMIC_AND_SOCIAL_COUNCIL);
  EXPECT_EQ(BodyFromName("Trusteeship Council"), v1::BODY_UNSPECIFIED);
  EXPECT_EQ(BodyFromName(""), v1::BODY_UNSPECIFIED);
}

TEST(FrontMatter, PartLabel) {
  EXPECT_TRUE(IsPartLabel("A"));
  EXPECT_TRUE(IsPartLabel("B"));
  EXPECT_FALSE(IsPartLabel("a"));
  EXPECT_FALSE(IsPartLabel("AB"));
  EXPECT_TRUE(IsPartLabel("I"));  // any single capital
  EXPECT_FALSE(IsPartLabel(""));
}

}  // namespace
}  // namespace resolute
