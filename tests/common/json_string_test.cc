#include "common/json_string.h"

#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

struct EscapeCase {
  const char* name;
  std::string input;
  std::string json;
};

TEST(AppendJsonString, EscapesAsJsonRequires) {
  const EscapeCase cases[] = {
      {"plain", "abc", "\"abc\""},
      {"quote and backslash", "say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\""},
      {"short escapes", "a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\""},
      {"other controls", std::string("x\x01y\x1f") + std::string(1, '\0') + "\x7f",
       "\"x\\u0001y\\u001f\\u0000\\u007f\""},
      {"UTF-8 kept", "R\xC3\xA9solution \xE2\x80\x94 \xF0\x9F\x98\x80",
       "\"R\xC3\xA9solution \xE2\x80\x94 \xF0\x9F\x98\x80\""},
      {"Latin-1 byte", "R\xE9sum\xE9", "\"R\xEF\xBF\xBDsum\xEF\xBF\xBD\""},
      {"truncated sequence", "ab\xE2\x80", "\"ab\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"overlong", "\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"surrogate", "\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"slash untouched", "a/b", "\"a/b\""},
  };
  for (const EscapeCase& c : cases) {
    std::string out;
    AppendJsonString(c.input, &out);
    EXPECT_EQ(out, c.json) << c.name;
  }
}

}  // namespace
}  // namespace resolute
