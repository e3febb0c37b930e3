#include "common/utf8.h"

#include <cstring>

namespace resolute {
namespace {

// The first byte at or after `i` that is not ASCII, or `text.size()`. Nearly
// all of a resolution is ASCII, so this tests sixteen bytes (two words) per
// step; the compiler turns the copies into plain loads.
size_t SkipAscii(absl::string_view text, size_t i) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  for (; i + 16 <= text.size(); i += 16) {
    uint64_t words[2];
    std::memcpy(words, text.data() + i, sizeof(words));
    if (((words[0] | words[1]) & kHighBits) != 0) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace

size_t DecodeUtf8(absl::string_view text, size_t i, uint32_t* cp) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, *cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, *cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, *cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const uint8_t b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

size_t FirstInvalidUtf8Offset(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    i = SkipAscii(text, i);
    if (i == text.size()) break;
    uint32_t cp;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return text.size();
}

std::string SanitizeUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t valid = FirstInvalidUtf8Offset(text);
    out.append(text.data(), valid);
    if (valid == text.size()) break;
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(valid + 1);
  }
  return out;
}

}  // namespace resolute
