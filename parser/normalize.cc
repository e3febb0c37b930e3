#include "parser/normalize.h"

#include <cstdint>

namespace resolute {
namespace {

// Decodes the UTF-8 sequence at text[i]; returns its length, or 0 if invalid.
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

bool IsSpaceLike(uint32_t cp) {
  return cp == '\t' || cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsRemoved(uint32_t cp) {
  if (cp < 0x20) return cp != '\n' && cp != '\f' && cp != '\r';
  return cp == 0x7F || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
         cp == 0xFEFF;
}

void TrimTrailingSpaces(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letter-spaced words ("I n v i t e s", printed with expanded spacing) are
// closed up: four or more one-letter words in a row, separated by single
// spaces, all but the first lower case.
std::string CloseUpLetterSpacing(std::string s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  auto single_letter_at = [&](size_t k) {
    return k < n && IsAsciiLetter(s[k]) && (k == 0 || !IsAsciiLetter(s[k - 1])) &&
           (k + 1 >= n || !IsAsciiLetter(s[k + 1]));
  };
  while (i < n) {
    if (single_letter_at(i) && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n')) {
      size_t count = 1;
      size_t k = i;
      while (k + 2 < n && s[k + 1] == ' ' && single_letter_at(k + 2) && s[k + 2] >= 'a' &&
             s[k + 2] <= 'z') {
        k += 2;
        ++count;
      }
      if (count >= 4) {
        for (size_t j = i; j <= k; j += 2) out.push_back(s[j]);
        i = k + 1;
        continue;
      }
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

}  // namespace

size_t FirstInvalidUtf8Offset(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<uint8_t>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    uint32_t cp;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return text.size();
}

std::string NormalizeText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (static_cast<uint8_t>(c) < 0x80) {
      ++i;
      if (c == '\r') {
        if (i < text.size() && text[i] == '\n') ++i;
        TrimTrailingSpaces(&out);
        out.push_back('\n');
      } else if (c == '\n' || c == '\f') {
        TrimTrailingSpaces(&out);
        out.push_back(c);
      } else if (c == '\t' || c == '\v') {
        out.push_back(' ');
      } else if (!IsRemoved(static_cast<uint8_t>(c))) {
        out.push_back(c);
      }
      continue;
    }
    uint32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {  // Not expected (input is validated); copy the byte as is.
      out.push_back(c);
      ++i;
      continue;
    }
    if (IsSpaceLike(cp)) {
      out.push_back(' ');
    } else if (!IsRemoved(cp)) {
      out.append(text.data() + i, len);
    }
    i += len;
  }
  TrimTrailingSpaces(&out);
  return CloseUpLetterSpacing(std::move(out));
}

}  // namespace resolute
