#include "common/utf8.h"

#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(FirstInvalidUtf8Offset, Table) {
  const struct {
    std::string input;
    size_t offset;
  } cases[] = {
      {"", 0},
      {"ascii", 5},
      {"caf\xC3\xA9", 5},
      {"\xE2\x80\x94 dash", 8},
      {"\xF0\x9F\x98\x80", 4},           // U+1F600
      {"ab\xFF" "cd", 2},                // invalid byte
      {"ab\xC3", 2},                     // truncated sequence
      {"\xC0\xAF", 0},                   // overlong "/"
      {"x\xED\xA0\x80", 1},              // surrogate U+D800
      {"\xF4\x90\x80\x80", 0},           // above U+10FFFF
      {"ok\xE2\x28\xA1", 2},             // bad continuation
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FirstInvalidUtf8Offset(c.input), c.offset) << "input size " << c.input.size();
  }
}

TEST(DecodeUtf8, Table) {
  const struct {
    std::string input;
    size_t length;
    uint32_t code_point;  // read only when length > 0
  } cases[] = {
      {"A", 1, 0x41},
      {"\xC3\xA9", 2, 0xE9},
      {"\xE2\x80\x94", 3, 0x2014},
      {"\xF0\x9F\x98\x80", 4, 0x1F600},
      {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},  // the last code point
      {"\x80", 0, 0},                        // lone continuation byte
      {"\xC3", 0, 0},                        // truncated
      {"\xE0\x80\xAF", 0, 0},              // overlong "/"
      {"\xED\xBF\xBF", 0, 0},              // surrogate U+DFFF
      {"\xF8\x88\x80\x80\x80", 0, 0},    // 5-byte form
  };
  for (const auto& c : cases) {
    uint32_t cp = 0;
    EXPECT_EQ(DecodeUtf8(c.input, 0, &cp), c.length) << "input size " << c.input.size();
    if (c.length > 0) {
      EXPECT_EQ(cp, c.code_point) << "input size " << c.input.size();
    }
  }
}

// The eight-byte ASCII skip must not step over a bad byte at any position.
TEST(FirstInvalidUtf8Offset, FindsABadByteAtEveryPosition) {
  for (size_t n = 1; n <= 40; ++n) {
    for (size_t bad = 0; bad < n; ++bad) {
      std::string text(n, 'a');
      text[bad] = '\xFF';
      EXPECT_EQ(FirstInvalidUtf8Offset(text), bad) << n << " " << bad;
    }
  }
}

TEST(SanitizeUtf8, KeepsValidText) {
  EXPECT_EQ(SanitizeUtf8("A/RES/78/100 résolution – “quoted” 😀"),
            "A/RES/78/100 résolution – “quoted” 😀");
  EXPECT_EQ(SanitizeUtf8(""), "");
}

TEST(SanitizeUtf8, ReplacesInvalidSequences) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(SanitizeUtf8("a\xffz"), "a" + replacement + "z");
  EXPECT_EQ(SanitizeUtf8("\xc3"), replacement);                                      // Truncated.
  EXPECT_EQ(SanitizeUtf8("\xc0\xaf"), replacement + replacement);                    // Overlong.
  EXPECT_EQ(SanitizeUtf8("\xed\xa0\x80"), replacement + replacement + replacement);  // Surrogate.
  EXPECT_EQ(SanitizeUtf8("\xf4\x90\x80\x80").substr(0, 3), replacement);             // > U+10FFFF.
}

}  // namespace
}  // namespace resolute
