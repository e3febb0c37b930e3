#include "parser/text_patterns.h"

#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(Furniture, Table) {
  EXPECT_TRUE(IsPageNumberLine("2/5"));
  EXPECT_TRUE(IsPageNumberLine("12/56"));
  EXPECT_TRUE(IsPageNumberLine("99/120"));
  EXPECT_FALSE(IsPageNumberLine("2/5 text"));
  EXPECT_FALSE(IsPageNumberLine("1234/5"));
  EXPECT_TRUE(IsJobNumberLine("23-24979 (E)"));
  EXPECT_TRUE(IsJobNumberLine("23-24979"));
  EXPECT_TRUE(IsJobNumberLine("23-24979 (E)    201223"));
  EXPECT_FALSE(IsJobNumberLine("2023-2030"));
  EXPECT_FALSE(IsJobNumberLine("23-24979 was"));
  EXPECT_TRUE(IsDateCodeLine("201223"));
  EXPECT_FALSE(IsDateCodeLine("2012234"));
  EXPECT_TRUE(IsBarcodeLine("*2324979*"));
  EXPECT_FALSE(IsBarcodeLine("*note*"));
  EXPECT_TRUE(IsFootnoteRule("__________________"));
  EXPECT_FALSE(IsFootnoteRule("___"));
  EXPECT_FALSE(IsFootnoteRule("____x____"));
}

TEST(ParseParagraphNumber, Table) {
  const struct {
    const char* line;
    const char* number;  // nullptr: no match
    size_t offset;
  } cases[] = {
      {"1. Welcomes", "1", 3}, {"12.", "12", 3},        {"3.   Text", "3", 5},
      {"123. X", "123", 5},    {"1234. X", nullptr, 0}, {"1.5 per cent", nullptr, 0},
      {"2.Text", nullptr, 0},  {"0. Zero", nullptr, 0}, {"a. no", nullptr, 0},
  };
  for (const auto& c : cases) {
    auto m = ParseParagraphNumber(c.line);
    if (c.number == nullptr) {
      EXPECT_FALSE(m.has_value()) << c.line;
      continue;
    }
    ASSERT_TRUE(m.has_value()) << c.line;
    EXPECT_EQ(m->number, c.number);
    EXPECT_EQ(m->text_offset, c.offset) << c.line;
  }
}

TEST(ParseSubparagraphLabel, Table) {
  const struct {
    const char* line;
    const char* label;
  } cases[] = {
      {"(a) To develop", "a"}, {"(b)", "b"},        {"(iv) Text", "iv"}, {"(aa) Text", "aa"},
      {"(xii)", "xii"},        {"(ab) x", nullptr}, {"(A) x", nullptr},  {"(a)text", nullptr},
      {"(2016)", nullptr},     {"a) x", nullptr},   {"(iiii)", nullptr},
  };
  for (const auto& c : cases) {
    auto m = ParseSubparagraphLabel(c.line);
    if (c.label == nullptr) {
      EXPECT_FALSE(m.has_value()) << c.line;
    } else {
      ASSERT_TRUE(m.has_value()) << c.line;
      EXPECT_EQ(m->number, c.label);
    }
  }
}

TEST(Roman, Table) {
  EXPECT_EQ(RomanValue("XIV"), 14);
  EXPECT_EQ(RomanValue("iv"), 4);
  EXPECT_EQ(RomanValue("XC"), 90);
  EXPECT_EQ(RomanValue("IIII"), 0);
  EXPECT_EQ(RomanValue("VX"), 0);
  EXPECT_EQ(RomanValue("ABC"), 0);
  EXPECT_TRUE(IsUpperRoman("XXIII"));
  EXPECT_FALSE(IsUpperRoman("xxiii"));
  EXPECT_TRUE(IsLowerRoman("vii"));
  EXPECT_FALSE(IsLowerRoman("Vii"));
}

TEST(MeetingAndDates, Table) {
  EXPECT_TRUE(IsMeetingLine("45th plenary meeting"));
  EXPECT_TRUE(IsMeetingLine("50th (resumed) plenary meeting"));
  EXPECT_TRUE(IsMeetingLine("4683rd meeting"));
  EXPECT_FALSE(IsMeetingLine("45th plenary meeting of the Assembly"));
  EXPECT_FALSE(IsMeetingLine("plenary meeting"));
  EXPECT_EQ(FindDate("on 7 December 2023"), "2023-12-07");
  EXPECT_EQ(FindDate("of 1 July 2024 to 30 June 2025"), "2024-07-01");
  EXPECT_FALSE(FindDate("7 Decembre 2023").has_value());
  EXPECT_FALSE(FindDate("December 2023").has_value());
  EXPECT_FALSE(FindDate("32 May 2020").has_value());
  EXPECT_TRUE(IsDateLine("18 December 2002"));
  EXPECT_FALSE(IsDateLine("18 December 2002 and"));
}

TEST(OrdinalWordValue, Table) {
  EXPECT_EQ(OrdinalWordValue("Seventy-eighth"), 78);
  EXPECT_EQ(OrdinalWordValue("Tenth"), 10);
  EXPECT_EQ(OrdinalWordValue("first"), 1);
  EXPECT_EQ(OrdinalWordValue("Twentieth"), 20);
  EXPECT_EQ(OrdinalWordValue("Fifty-seventh"), 57);
  EXPECT_EQ(OrdinalWordValue("Seventy"), 0);
  EXPECT_EQ(OrdinalWordValue("Seventy-tenth"), 0);
}

TEST(TextPatterns, NumberValue) {
  EXPECT_EQ(NumberValue("12"), 12);
  EXPECT_EQ(NumberValue("007"), 7);
  EXPECT_EQ(NumberValue("1234567890"), 1234567890);  // past the fast path
  EXPECT_EQ(NumberValue(""), 0);
  EXPECT_EQ(NumberValue("12a"), 0);
  EXPECT_EQ(NumberValue("99999999999"), 0);  // out of range
}

TEST(TextPatterns, MonthNames) {
  EXPECT_EQ(MonthNumber("January"), 1);
  EXPECT_EQ(MonthNumber("December"), 12);
  EXPECT_EQ(MonthNumber("december"), 0);
  EXPECT_EQ(MonthNumber("Dec"), 0);
  EXPECT_TRUE(IsMonthName("May"));
  EXPECT_FALSE(IsMonthName("Mayor"));
}

TEST(TextPatterns, EndsWithPunctuation) {
  struct Case {
    const char* s;
    const char* chars;
    Closers closers;
    bool ends;
  };
  const Case cases[] = {
      {"the matter.", ".", Closers::kQuotes, true},
      {"as follows:\"", ":", Closers::kQuotes, true},
      {"languages.\xE2\x80\x9D", ".", Closers::kQuotes, true},  // U+201D set aside
      {"its role\xE2\x80\x99", ".", Closers::kQuotes, false},
      {"the matter,", ";.", Closers::kQuotes, false},
      {"(A/78/1.)", ".", Closers::kQuotes, false},
      {"(A/78/1.)", ".", Closers::kQuotesAndBrackets, true},
      {"[see A/78/1.]\"", ".", Closers::kQuotesAndBrackets, true},
      {"said.\"", ".", Closers::kNone, false},
      {"said.", ",;:.", Closers::kNone, true},
      {"\"", ".", Closers::kQuotes, false},
      {"", ".", Closers::kNone, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EndsWithPunctuation(c.s, c.chars, c.closers), c.ends) << c.s;
  }
}

}  // namespace
}  // namespace resolute
