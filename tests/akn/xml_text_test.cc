#include "akn/xml_text.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace resolute::akn {
namespace {

TEST(XmlSafeText, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"plain text", "plain text"},
      {"<a> & \"b\"", "<a> & \"b\""},  // escaping is the writer's job
      {"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
      {std::string("nul\0x", 5), "nulx"},
      {"\x01\x08\x0b\x0c\x1f\x7f", "\x7f"},
      {"caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80"},
      {"\xef\xbf\xbe\xef\xbf\xbf", ""},                   // U+FFFE, U+FFFF
      {"a\xffz", "a\xef\xbf\xbdz"},                       // stray byte
      {"\xc0\x80", "\xef\xbf\xbd\xef\xbf\xbd"},           // overlong NUL
      {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},  // surrogate
      {"\xe2\x80", "\xef\xbf\xbd\xef\xbf\xbd"},           // truncated
      {"\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},  // > U+10FFFF
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(XmlSafeText(in), out) << in;
}

}  // namespace
}  // namespace resolute::akn
