#include "service/utf8.h"

#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

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
}  // namespace service
}  // namespace resolute
