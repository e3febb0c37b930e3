#include "akn/xml_text.h"

#include <string>

#include "absl/strings/string_view.h"
#include "common/utf8.h"

namespace resolute::akn {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";

// Appends the characters of `valid` (valid UTF-8) that XML 1.0 allows. In
// valid UTF-8 the ones it forbids are single bytes below 0x20 other than tab,
// line feed and carriage return, and U+FFFE and U+FFFF (EF BF BE, EF BF BF;
// 0xEF is never a continuation byte); surrogates cannot occur.
void AppendXmlAllowed(absl::string_view valid, std::string* out) {
  for (size_t i = 0; i < valid.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(valid[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') continue;
    if (b == 0xEF && i + 2 < valid.size() && valid[i + 1] == '\xBF' &&
        (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
      i += 2;
      continue;
    }
    out->push_back(static_cast<char>(b));
  }
}

}  // namespace

std::string XmlSafeText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t valid = FirstInvalidUtf8Offset(text);
    AppendXmlAllowed(text.substr(0, valid), &out);
    if (valid == text.size()) break;
    // One replacement character per byte that starts no valid sequence.
    out.append(kReplacement.data(), kReplacement.size());
    text.remove_prefix(valid + 1);
  }
  return out;
}

}  // namespace resolute::akn
