#include "parser/vote.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ParseVoteSentence, CountsAndStates) {
  auto v = ParseVoteSentence(
      "Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention "
      "(China).");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->method, v1::Vote::METHOD_VOTE);
  EXPECT_EQ(v->yes, 12);
  EXPECT_EQ(v->no, 2);
  EXPECT_EQ(v->abstentions, 1);
  EXPECT_THAT(v->no_states, ElementsAre("Cuba", "Yemen"));
  EXPECT_THAT(v->abstaining_states, ElementsAre("China"));
  EXPECT_EQ(v->meeting, "2963rd meeting");
}

TEST(ParseVoteSentence, UnitedKingdomStaysOneState) {
  auto v = ParseVoteSentence(
      "Adopted at the 1704th meeting by 12 votes to none, with 3 abstentions (France, United "
      "Kingdom of Great Britain and Northern Ireland, United States of America).");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->abstentions, 3);
  EXPECT_THAT(v->abstaining_states,
              ElementsAre("France", "United Kingdom of Great Britain and Northern Ireland",
                          "United States of America"));
  EXPECT_THAT(v->no_states, IsEmpty());
}

TEST(ParseVoteSentence, OcrOneAndElevenAndMethods) {
  auto ocr = ParseVoteSentence("Adopted at the 1711th meeting by I1 votes to none with I abstention");
  ASSERT_TRUE(ocr.has_value());
  EXPECT_EQ(ocr->yes, 11);
  EXPECT_EQ(ocr->abstentions, 1);
  auto unanimous = ParseVoteSentence("Adopted unanimously at the 972nd meeting (private meeting).");
  ASSERT_TRUE(unanimous.has_value());
  EXPECT_EQ(unanimous->method, v1::Vote::METHOD_UNANIMOUS);
  EXPECT_EQ(unanimous->meeting, "972nd meeting");
  auto consensus = ParseVoteSentence("Adopted at the 1982nd meeting by consensus.");
  ASSERT_TRUE(consensus.has_value());
  EXPECT_EQ(consensus->method, v1::Vote::METHOD_WITHOUT_VOTE);
  auto recorded = ParseVoteSentence(
      "adopted by a recorded vote of 120 to 14, with 25 abstentions, at its 45th plenary meeting");
  ASSERT_TRUE(recorded.has_value());
  EXPECT_EQ(recorded->yes, 120);
  EXPECT_EQ(recorded->no, 14);
  EXPECT_EQ(recorded->abstentions, 25);
  EXPECT_EQ(recorded->meeting, "45th plenary meeting");
  EXPECT_FALSE(ParseVoteSentence("Adopted text of the Convention.").has_value());
}

TEST(StartsVoteSentence, Table) {
  EXPECT_TRUE(StartsVoteSentence("Adopted unanimously at the"));
  EXPECT_TRUE(StartsVoteSentence("Adopted at the 808th meeting"));
  EXPECT_FALSE(StartsVoteSentence("Adopted by the Security Council at its 3143rd meeting,"));
  EXPECT_FALSE(StartsVoteSentence("Adopts the following"));
}

}  // namespace
}  // namespace resolute
