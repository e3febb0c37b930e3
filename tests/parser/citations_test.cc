#include "parser/citations.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace resolute {
namespace {

std::vector<std::string> Symbols(const std::string& text) {
  std::vector<std::string> out;
  for (const CitationMention& m : FindCitations(text, Span{0, static_cast<int>(text.size())})) {
    out.push_back(m.symbol);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(FindCitations, Table) {
  const struct {
    std::string text;
    V symbols;
  } cases[] = {
      {"Recalling its resolution 77/148 of 12 December 2022,", {"A/RES/77/148"}},
      {"resolutions 66/288 of 27 July 2012, 67/290 of 9 July 2013 and 68/1 of 20 September 2013",
       {"A/RES/66/288", "A/RES/67/290", "A/RES/68/1"}},
      {"its resolution 1514 (XV) of 14 December 1960", {"A/RES/1514(XV)"}},
      {"Security Council resolution 2334 (2016),", {"S/RES/2334(2016)"}},
      {"Economic and Social Council resolution 2019/10 of 7 June 2019", {"E/RES/2019/10"}},
      {"its resolution 2019/10 on", {"E/RES/2019/10"}},
      {"Human Rights Council resolution 52/1", {"A/HRC/RES/52/1"}},
      {"section II of its resolution 75/253 A of 31 December 2020", {"A/RES/75/253A"}},
      {"resolutions 72/200 and 72/228 of 20 December 2017", {"A/RES/72/200", "A/RES/72/228"}},
      {"Supplement No. 23 (A/78/23).", {"A/78/23"}},
      {"E/CN.15/2002/10.", {"E/CN.15/2002/10"}},
      {"(A/78/429, para. 33)", {"A/78/429"}},
      {"document A/C.2/59/3, annex", {"A/C.2/59/3"}},
      {"“A/RES/ES-11/1”", {"A/RES/ES-11/1"}},
      {"World Health Assembly resolution 72.7", {}},
      {"and/or ODA/GNI km/h 2023/24", {}},
      {"resolution 1 of the Conference", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Symbols(c.text), c.symbols) << c.text;
  }
}

TEST(FindCitations, DatesAndSpans) {
  const std::string text = "resolution 77/148 of 12 December 2022 and A/78/23";
  std::vector<CitationMention> m = FindCitations(text, Span{0, static_cast<int>(text.size())});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].date, "2022-12-12");
  EXPECT_EQ(m[0].span.Of(text), "77/148");
  EXPECT_EQ(m[1].date, "");
  EXPECT_EQ(m[1].span.Of(text), "A/78/23");
}

TEST(IsDocumentSymbol, Table) {
  EXPECT_TRUE(IsDocumentSymbol("A/78/23"));
  EXPECT_TRUE(IsDocumentSymbol("ST/SGB/2018/1"));
  EXPECT_TRUE(IsDocumentSymbol("FCCC/CP/2015/10/Add.1"));
  EXPECT_FALSE(IsDocumentSymbol("ODA/GNI"));
  EXPECT_FALSE(IsDocumentSymbol("a/78/23"));
  EXPECT_FALSE(IsDocumentSymbol("A/"));
}

}  // namespace
}  // namespace resolute
