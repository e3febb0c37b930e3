#include "parser/lead_phrase.h"

#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

struct LeadCase {
  const char* text;
  const char* lead;
};

std::string Lead(const char* text, ParagraphKind kind) {
  return std::string(text).substr(0, LeadPhraseLength(text, kind));
}

TEST(LeadPhrase, Preambular) {
  const LeadCase cases[] = {
      {"Recalling its resolution 77/148,", "Recalling"},
      {"Recalling also its resolution 56/120,", "Recalling also"},
      {"Recalling further that", "Recalling further"},
      {"Deeply concerned about the situation,", "Deeply concerned"},
      {"Deeply concerned also that", "Deeply concerned also"},
      {"Taking note with appreciation of the report,", "Taking note with appreciation"},
      {"Taking note also of", "Taking note also"},
      {"Taking into account the needs,", "Taking into account"},
      {"Having considered the report,", "Having considered"},
      {"Having also considered the report,", "Having also considered"},
      {"Bearing in mind that", "Bearing in mind"},
      {"Noting with deep concern that", "Noting with deep concern"},
      {"Noting with appreciation also the work", "Noting with appreciation also"},
      {"Noting again with regret that", "Noting again with regret"},
      {"Stressing again with grave concern that", "Stressing again with grave concern"},
      {"Expressing its deep concern at", "Expressing its deep concern"},
      {"Expressing concern that", "Expressing concern"},
      {"Expressing regret and concern that", "Expressing regret and concern"},
      {"Reaffirming its commitment to", "Reaffirming its commitment"},
      {"Reaffirming its resolution 70/1,", "Reaffirming"},
      {"Reiterating its call for the", "Reiterating its call for"},
      {"Recalling its request to", "Recalling its request"},
      {"Recognizing the need for", "Recognizing"},
      {"Aware of the role of", "Aware"},
      {"Mindful also of", "Mindful also"},
      {"Guided by the purposes", "Guided"},
      {"Acting under Chapter VII of the Charter,", "Acting"},
      {"Condemning in the strongest possible terms all", "Condemning in the strongest possible terms"},
      {"Strongly condemning also the", "Strongly condemning also"},
      {"Firmly believing that", "Firmly believing"},
      {"Looking forward to the", "Looking forward"},
      {"Deploring in particular the", "Deploring in particular"},
      {"Recalling, in this regard, that", "Recalling"},
      {"the lower-case start", ""},
      {"During the session,", ""},
      {"Beijing Declaration", ""},
  };
  for (const LeadCase& c : cases) {
    EXPECT_EQ(Lead(c.text, ParagraphKind::kPreambular), c.lead) << c.text;
  }
}

TEST(LeadPhrase, Operative) {
  const LeadCase cases[] = {
      {"Requests the Secretary-General", "Requests"},
      {"Also requests the Secretary-General", "Also requests"},
      {"Calls upon all States", "Calls upon"},
      {"Calls once again upon all States", "Calls once again upon"},
      {"Takes note of the report", "Takes note"},
      {"Takes note with appreciation of", "Takes note with appreciation"},
      {"Expresses its appreciation to", "Expresses its appreciation"},
      {"Expresses its very serious concern at", "Expresses its very serious concern"},
      {"Expresses the hope that", "Expresses the hope"},
      {"Reiterates its request that", "Reiterates its request"},
      {"Reaffirms its resolution 70/1;", "Reaffirms"},
      {"Welcomes and encourages the efforts", "Welcomes and encourages"},
      {"Deplores and strongly condemns the", "Deplores and strongly condemns"},
      {"Welcomes and accepts with appreciation the offer", "Welcomes and accepts with appreciation"},
      {"Condemns in the strongest terms the", "Condemns in the strongest terms"},
      {"Considers it important to", "Considers it important"},
      {"Considers that", "Considers"},
      {"Continues to encourage Member States", "Continues to encourage"},
      {"Remains concerned that", "Remains concerned"},
      {"Looks forward also to", "Looks forward also"},
      {"Pays tribute to the", "Pays tribute"},
      {"Draws the attention of", "Draws the attention"},
      {"Emphasizes once more that", "Emphasizes once more"},
      {"Calls attention to and reaffirms the", "Calls attention to and reaffirms"},
      {"Encourages further efforts", "Encourages"},
      {"Regrets further that", "Regrets"},
      {"Calls for further action", "Calls for"},
      {"Decides, therefore, to", "Decides"},
      {"Decides to remain seized of the matter.", "Decides"},
      {"Appropriates the amount", "Appropriates"},
      {"We recognize that", ""},
      {"Member States shall", ""},
      {"The Secretary-General is", ""},
      {"This will require", ""},
  };
  for (const LeadCase& c : cases) {
    EXPECT_EQ(Lead(c.text, ParagraphKind::kOperative), c.lead) << c.text;
  }
}

TEST(LeadPhrase, StartDetection) {
  EXPECT_TRUE(StartsWithPreambularLead("Recalling its resolution"));
  EXPECT_TRUE(StartsWithPreambularLead("Gravely concerned by"));
  EXPECT_FALSE(StartsWithPreambularLead("United Nations Development Programme,"));
  EXPECT_FALSE(StartsWithPreambularLead("Member States"));
  EXPECT_FALSE(StartsWithPreambularLead("including the"));
  EXPECT_TRUE(StartsWithOperativeLead("Decides to"));
  EXPECT_TRUE(StartsWithOperativeLead("Further requests"));
  EXPECT_FALSE(StartsWithOperativeLead("States Parties"));
  EXPECT_FALSE(StartsWithOperativeLead("Recalling its"));
}

}  // namespace
}  // namespace resolute
