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
      {"section II of its resolution 75/253 A of 31 December 2020", {"A/RES/75/253"}},
      {"resolutions 49/75 I of 15 December 1994, 53/77 AA of 4 December 1998 and 76/247 A to C",
       {"A/RES/49/75", "A/RES/53/77", "A/RES/76/247"}},
      {"resolution 217 A (III)", {"A/RES/217(III)"}},
      {"resolutions 32/151, para. 10, and 37/111, para. 5, and", {"A/RES/32/151", "A/RES/37/111"}},
      {"resolutions 58/270 of 23 December 2003, 59/276, section XI, of 23 December 2004, 60/283",
       {"A/RES/58/270", "A/RES/59/276", "A/RES/60/283"}},
      {"resolutions 77/172 of 14 December 2022 on sustainable mountain development, 77/286 of "
       "16 May 2023 on", {"A/RES/77/172", "A/RES/77/286"}},
      {"United Nations Environment Assembly resolution 5/14 adopted", {}},
      {"make use of Assembly resolutions 377 A (V) of 3 November 1950", {"A/RES/377(V)"}},
      {"Human Rights Council resolutions, in particular resolutions 7/34 of 28 March 2008",
       {"A/HRC/RES/7/34"}},
      {"A/48/486-S/26560, annex", {"A/48/486", "S/26560"}},
      {"A/78/6 (Sect. 2), A/78/6 (Sect. 3)", {"A/78/6(Sect.2)", "A/78/6(Sect.3)"}},
      {"A/78/6 (Sect. 3)/Add.1, A/78/6 (Sect. 3)/Add.7.",
       {"A/78/6(Sect.3)/Add.1", "A/78/6(Sect.3)/Add.7"}},
      {"NPT/CONF.1995/32 (Part I)/Corr.2 and A/78/301 (Part I)/",
       {"NPT/CONF.1995/32(PartI)/Corr.2", "A/78/301(PartI)"}},
      {"resolutions 72/200 and 72/228 of 20 December 2017", {"A/RES/72/200", "A/RES/72/228"}},
      {"Supplement No. 23 (A/78/23).", {"A/78/23"}},
      {"E/CN.15/2002/10.", {"E/CN.15/2002/10"}},
      {"(A/78/429, para. 33)", {"A/78/429"}},
      {"document A/C.2/59/3, annex", {"A/C.2/59/3"}},
      {"“A/RES/ES-11/1”", {"A/RES/ES-11/1"}},
      {"World Health Assembly resolution 72.7", {}},
      {"and/or ODA/GNI km/h 2023/24", {}},
      {"resolution 1 of the Conference", {}},
      {"provisions of its resolution 973 (X), the matter", {"A/RES/973(X)"}},
      {"resolutions 60/251 of 15 March 2006, by which it established the Human Rights Council, "
       "and 65/281 of 17 June 2011 on the review", {"A/RES/60/251", "A/RES/65/281"}},
      {"Recalling its resolution 14 (I) of 13 February 1946 and the role", {"A/RES/14(I)"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Symbols(c.text), c.symbols) << c.text;
  }
}

TEST(FindCitations, PartsAreKeptApart) {
  const std::string text = "resolutions 76/246 A and 76/247 A to C of 24 December 2021";
  std::vector<CitationMention> m = FindCitations(text, Span{0, static_cast<int>(text.size())});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].part, "A");
  EXPECT_EQ(m[1].symbol, "A/RES/76/247");
  EXPECT_EQ(m[1].part, "A-C");
  EXPECT_EQ(m[1].date, "2021-12-24");
}

TEST(FindCitations, ListContinuesAcrossSpans) {
  // A page header cut out between two items of one list.
  const std::string text = "resolutions 70/1 of 25 September 2015, [HEADER] 71/1 of 19 September 2016";
  std::vector<CitationMention> m =
      FindCitations(text, std::vector<Span>{{0, 38}, {48, static_cast<int>(text.size())}});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].symbol, "A/RES/71/1");
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

}  // namespace
}  // namespace resolute
