#include "parser/normalize.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

struct NormalizeCase {
  std::string input;
  std::string expected;
};

TEST(NormalizeText, Table) {
  const NormalizeCase cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"a\r\nb\rc", "a\nb\nc"},
      {"trailing   \nspaces \t", "trailing\nspaces"},
      {"tab\there", "tab here"},
      {"no\xC2\xA0" "break", "no break"},                  // U+00A0
      {"thin\xE2\x80\x89space", "thin space"},             // U+2009
      {"soft\xC2\xADhyphen", "softhyphen"},                // U+00AD
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},              // U+200B
      {"\xEF\xBB\xBF" "bom", "bom"},                          // U+FEFF
      {"bell\x07" "char", "bellchar"},
      {"page \fbreak", "page\fbreak"},
      {"keep \xE2\x80\x9Cquotes\xE2\x80\x9D", "keep \xE2\x80\x9Cquotes\xE2\x80\x9D"},
      {"line \n\n", "line\n\n"},
      {"45.\nI n v i t e s relevant", "45.\nInvites relevant"},
      {"levels A B C D stay", "levels A B C D stay"},
      {"(a) b c", "(a) b c"},
      // Columns of laid-out text (pdftotext -layout) become lines; two
      // spaces and indentation stay.
      {"A/RES/78/147      solidarity for", "A/RES/78/147\nsolidarity for"},
      {"2/4          23-26241\n", "2/4\n23-26241\n"},
      {"    indented   gap", "    indented\ngap"},
      {"two  spaces", "two  spaces"},
      // A tab and the blanks around it are one space, never a column gap.
      {"1.\tDecides", "1. Decides"},
      {"[1: \t \tNote", "[1: Note"},
      {"  \tlead", "   lead"},
  };
  for (const NormalizeCase& c : cases) {
    EXPECT_EQ(NormalizeText(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(NormalizeText, IsIdempotentOnTable) {
  for (const char* s : {"a \r\n b\t\r", "x\xC2\xA0\xC2\xA0 \n", " \f \n", "\xC2\xAD \xC2\xAD\n",
                        "a   b\n  c    d", "x\t \ty", "p\xC2\xA0\xC2\xA0\xC2\xA0q"}) {
    const std::string once = NormalizeText(s);
    EXPECT_EQ(NormalizeText(once), once) << "input: " << s;
  }
}

TEST(NormalizeText, IsIdempotentOnCorpus) {
  for (const auto& doc : testing::CorpusDocuments()) {
    const std::string once = NormalizeText(testing::ReadFile(doc.path));
    EXPECT_EQ(NormalizeText(once), once) << doc.path;
  }
}

}  // namespace
}  // namespace resolute
