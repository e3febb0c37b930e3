#include "parser/substring_index.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(SubstringIndex, Table) {
  SubstringIndex index(" Rights of the child ");
  EXPECT_TRUE(index.Contains(""));
  EXPECT_TRUE(index.Contains(" of the "));
  EXPECT_TRUE(index.Contains(" Rights of the child "));
  EXPECT_TRUE(index.Contains("d "));
  EXPECT_FALSE(index.Contains(" of child "));
  EXPECT_FALSE(index.Contains(" Rights of the child  "));
  EXPECT_FALSE(index.Contains("x"));
  EXPECT_TRUE(SubstringIndex().Contains(""));
  EXPECT_FALSE(SubstringIndex().Contains("a"));
}

TEST(SubstringIndex, AgreesWithFind) {
  std::mt19937 rng(7);
  for (int t = 0; t < 300; ++t) {
    std::string text(rng() % 60, ' ');
    for (char& c : text) c = "ab \xE2"[rng() % 4];
    SubstringIndex index(text);
    for (int q = 0; q < 200; ++q) {
      std::string needle(rng() % 8, ' ');
      for (char& c : needle) c = "ab \xE2"[rng() % 4];
      ASSERT_EQ(index.Contains(needle), text.find(needle) != std::string::npos)
          << "[" << text << "] [" << needle << "]";
    }
  }
}

}  // namespace
}  // namespace resolute
