// parser/document_symbol.h: the shape of UN document symbols, alone and
// joined.

#include "parser/document_symbol.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(IsDocumentSymbol, Table) {
  EXPECT_TRUE(IsDocumentSymbol("A/78/23"));
  EXPECT_TRUE(IsDocumentSymbol("ST/SGB/2018/1"));
  EXPECT_TRUE(IsDocumentSymbol("FCCC/CP/2015/10/Add.1"));
  EXPECT_FALSE(IsDocumentSymbol("ODA/GNI"));
  EXPECT_FALSE(IsDocumentSymbol("a/78/23"));
  EXPECT_FALSE(IsDocumentSymbol("A/"));
}

// The definition JointSymbolDash computes in one pass: every dash tried,
// both sides checked in full.
size_t JointSymbolDashByDefinition(absl::string_view s) {
  for (size_t d = s.find('-'); d != absl::string_view::npos; d = s.find('-', d + 1)) {
    absl::string_view a = s.substr(0, d), b = s.substr(d + 1);
    if (!b.empty() && b[0] >= 'A' && b[0] <= 'Z' && IsDocumentSymbol(a) && IsDocumentSymbol(b)) {
      return d;
    }
  }
  return absl::string_view::npos;
}

TEST(JointSymbolDash, Table) {
  EXPECT_EQ(JointSymbolDash("A/50/60-S/1995/1"), 7u);
  EXPECT_EQ(JointSymbolDash("A/48/486-S/26560"), 8u);
  EXPECT_EQ(JointSymbolDash("A/C.2/78-1/L.2-E/CN.15/2/Add.1"), 14u);
  EXPECT_EQ(JointSymbolDash("A/78/L.1-2"), absl::string_view::npos);
  EXPECT_EQ(JointSymbolDash("A/78/23"), absl::string_view::npos);
  EXPECT_EQ(JointSymbolDash("A/1-B-B-B-B"), absl::string_view::npos);
}

TEST(JointSymbolDash, AgreesWithItsDefinition) {
  std::mt19937 rng(15);
  const std::string alphabet = "AAB/-1.(x)a/-";
  for (int i = 0; i < 300000; ++i) {
    std::string s(1 + rng() % 16, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    ASSERT_EQ(JointSymbolDash(s), JointSymbolDashByDefinition(s)) << s;
  }
}

TEST(JointSymbolDash, ManyDashesTakeOnePass) {
  std::string s = "A/1";
  for (int i = 0; i < 200000; ++i) s += "-B";
  EXPECT_EQ(JointSymbolDash(s), absl::string_view::npos);
  s += "/2";
  EXPECT_EQ(JointSymbolDash(s), s.size() - 4);  // before "B/2"
}

}  // namespace
}  // namespace resolute
