#include "akn/xml_text.h"

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace resolute::akn {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";

// True if XML 1.0 allows code point `c` in a document.
bool XmlAllows(uint32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

// Decodes one UTF-8 sequence at `text[i]`. Returns its length and sets `c`,
// or returns 0 if the bytes there are not a valid, shortest-form sequence.
size_t DecodeUtf8(absl::string_view text, size_t i, uint32_t& c) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  size_t length;
  uint32_t min;
  if (b0 < 0x80) {
    c = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::string XmlSafeText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    uint32_t c = 0;
    const size_t length = DecodeUtf8(text, i, c);
    if (length == 0) {
      out.append(kReplacement.data(), kReplacement.size());
      ++i;
      continue;
    }
    if (XmlAllows(c)) out.append(text.data() + i, length);
    i += length;
  }
  return out;
}

}  // namespace resolute::akn
