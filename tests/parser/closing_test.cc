// Table tests of closing lines and annexes (parser/closing.h).

#include "parser/closing.h"

#include <string>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(Closing, AnnexHeading) {
  const std::pair<const char*, bool> cases[] = {
      {"Annex", true},
      {"Annexes", true},
      {"Annex II", true},
      {"Annex A", true},
      {"ANNEX", true},
      {"Annex 3", true},
      {"Annex*", true},
      {"Annex to the letter", false},
      {"Annexed to", false},
      {"annex", false},
      {"Annex IIIIIII", false},
      {"Annex ab", false},
      {"", false},
  };
  for (const auto& [line, annex] : cases) EXPECT_EQ(IsAnnexHeading(line), annex) << line;
}

TEST(Closing, VoteSentence) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nAdopted at the 1382nd meeting\nby 10 votes to none.\n"
      "Adopted again.\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  FrontField vote;
  EXPECT_EQ(ReadVoteSentence(body, 0, &vote), 1u);  // to the full stop
  EXPECT_EQ(vote.value, "Adopted at the 1382nd meeting by 10 votes to none.");
  // A second sentence is read past: the first gives the vote.
  EXPECT_EQ(ReadVoteSentence(body, 2, &vote), 2u);
  EXPECT_EQ(vote.value, "Adopted at the 1382nd meeting by 10 votes to none.");
}

TEST(Closing, MeetingLines) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\n45th plenary meeting\n7 December 2023\n"
      "50th plenary meeting\n9 December 2023\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  Structure s;
  EXPECT_EQ(ReadMeetingLines(body, 0, &s), 1u);
  EXPECT_EQ(s.meeting.value, "45th plenary meeting");
  EXPECT_EQ(s.date.value, "2023-12-07");
  EXPECT_EQ(ReadMeetingLines(body, 2, &s), 3u);  // read past
  EXPECT_EQ(s.meeting.value, "45th plenary meeting");
  EXPECT_EQ(s.date.value, "2023-12-07");
}

TEST(Closing, Annexes) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\nAnnex I\nPlan of action\nfor the decade\n\nThe plan.\n"
      "1. First step;\nmore of it.\nAnnex II\nTerms\nIt ends.\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  Structure s;
  AnnexReader annexes;
  annexes.Start(body, 0, &s);
  EXPECT_EQ(s.resolution_end, r.lines[body[0].line].begin);
  for (size_t k = 1; k < body.size(); ++k) k = annexes.Step(body, k, &s);
  ASSERT_EQ(s.annexes.size(), 2u);
  auto dump = [&r](const AnnexNode& a) {
    std::vector<std::string> paras;
    for (const auto& p : a.paragraphs) paras.push_back(JoinSpans(r.text, p));
    return JoinSpans(r.text, a.heading_spans) + "[" + JoinSpans(r.text, a.title_spans) + "]{" +
           absl::StrJoin(paras, "|") + "}";
  };
  EXPECT_EQ(dump(s.annexes[0]),
            "Annex I[Plan of action for the decade]{The plan.|1. First step; more of it.}");
  EXPECT_EQ(dump(s.annexes[1]), "Annex II[Terms]{It ends.}");
}

}  // namespace
}  // namespace resolute
