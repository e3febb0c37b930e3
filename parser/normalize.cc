#include "parser/normalize.h"

#include <cstdint>
#include <cstring>

#include "common/utf8.h"
#include "parser/byte_scan.h"

namespace resolute {
namespace {

bool IsSpaceLike(uint32_t cp) {
  return cp == '\t' || cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsRemoved(uint32_t cp) {
  if (cp < 0x20) return cp != '\n' && cp != '\f' && cp != '\r';
  return cp == 0x7F || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
         cp == 0xFEFF;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Letter-spaced words ("I n v i t e s", printed with expanded spacing) are
// closed up, in place: four or more one-letter words in a row, separated by
// single spaces, all but the first lower case.
void CloseUpLetterSpacing(std::string* text) {
  std::string& s = *text;
  const size_t n = s.size();
  // Most texts have none. A run needs spaces at three alternate bytes after
  // its first letter ("I n v ..."); find those 16 bytes at a time first.
  const char* const data = s.data();
  const char* const end = data + n;
  size_t first = n;
  for (const char* c = data + 1; (c = byte_scan::FindSpaceTriple(c, end, 2)) != end; ++c) {
    const size_t k = static_cast<size_t>(c - data);
    if (IsAsciiLetter(s[k - 1]) && IsAsciiLower(s[k + 1]) && IsAsciiLower(s[k + 3]) &&
        (k == 1 || s[k - 2] == ' ' || s[k - 2] == '\n')) {
      first = k - 1;
      break;
    }
  }
  if (first == n) return;
  size_t w = first;  // write position
  size_t i = first;
  while (i < n) {
    // Only a letter followed by alternate spaces can start a run: bytes up
    // to the next such place are moved down as they are.
    const char* c = byte_scan::FindSpaceTriple(data + i + 1, end, 2);
    const size_t next = c == end ? n : static_cast<size_t>(c - data) - 1;
    if (next > i) {
      if (w != i) std::memmove(&s[w], &s[i], next - i);
      w += next - i;
      i = next;
      if (i >= n) break;
    }
    // A candidate starts at a one-letter word: "x y" with a space before it
    // (or the start) and a letter two bytes on. (s[i - 1] is still the
    // input's byte: writes stay at or behind i.)
    if (i + 6 < n && IsAsciiLetter(s[i]) && s[i + 1] == ' ' && IsAsciiLower(s[i + 2]) &&
        (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n')) {
      size_t k = i;
      size_t count = 1;
      while (k + 2 < n && s[k + 1] == ' ' && IsAsciiLower(s[k + 2]) &&
             (k + 3 >= n || !IsAsciiLetter(s[k + 3]))) {
        k += 2;
        ++count;
      }
      if (count >= 4) {
        for (size_t j = i; j <= k; j += 2) s[w++] = s[j];
        i = k + 1;
        continue;
      }
    }
    s[w++] = s[i++];
  }
  s.resize(w);
}

// Text laid out in columns (`pdftotext -layout` keeps the page's geometry
// with runs of spaces) becomes one piece per line: a run of three or more
// spaces between two pieces of text on a line is replaced by a line break,
// so that a running header "A/RES/78/147      <title>" or a footer
// "2/4      23-26241" reads as the separate lines other extractions print.
// Leading indentation is kept. Texts without such a run are not copied.
void SplitColumnGaps(std::string* text) {
  std::string& s = *text;
  const char* const data = s.data();
  const char* const end = data + s.size();
  // The first run of three spaces after text on its line (a run at a line
  // start is indentation, not a gap).
  const char* c = byte_scan::FindSpaceTriple(data, end, 1);
  while (c != end && (c == data || c[-1] == '\n' || c[-1] == '\f' || c[-1] == ' ')) {
    c = byte_scan::FindSpaceTriple(c + 1, end, 1);
  }
  if (c == end) return;
  const size_t n = s.size();
  size_t w = static_cast<size_t>(c - data);  // write position
  size_t i = w;  // read position: the start of a run of three spaces or more
  while (i < n) {
    size_t e = i;
    while (e < n && s[e] == ' ') ++e;
    const bool gap = w > 0 && s[w - 1] != '\n' && s[w - 1] != '\f' && e < n && s[e] != '\n' &&
                     s[e] != '\f';
    if (gap) {
      s[w++] = '\n';
    } else {
      std::memmove(&s[w], &s[i], e - i);
      w += e - i;
    }
    i = e;
    // The bytes up to the next run move down as they are.
    const size_t next = static_cast<size_t>(byte_scan::FindSpaceTriple(data + i, end, 1) - data);
    std::memmove(&s[w], &s[i], next - i);
    w += next - i;
    i = next;
  }
  s.resize(w);
}

}  // namespace

std::string NormalizeText(absl::string_view text) {
  std::string out;
  out.resize(text.size() + 16);  // 16 bytes of room for the block copy below
  char* const base = out.data();
  char* o = base;
  const char* p = text.data();
  const char* const end = p + text.size();
  auto trim_spaces = [&] {
    while (o > base && o[-1] == ' ') --o;
  };
  // Spaces after text on the current line (indentation is kept).
  auto trim_spaces_after_text = [&] {
    char* q = o;
    while (q > base && q[-1] == ' ') --q;
    if (q > base && q[-1] != '\n' && q[-1] != '\f') o = q;
  };
  while (p < end) {
    // Printable ASCII, and line breaks with no space to trim before them
    // (nearly all of a text), are copied 16 bytes at a time as they are
    // tested; the loop below sees only the other bytes.
    p = byte_scan::CopyPrintableAscii(p, end, &o);
    if (p == end) break;
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      if (c == '\r') {
        if (p < end && *p == '\n') ++p;
        trim_spaces();
        *o++ = '\n';
      } else if (c == '\n' || c == '\f') {
        trim_spaces();
        *o++ = static_cast<char>(c);
      } else if (c == '\t' || c == '\v') {
        // A tab separates ("1.<tab>Decides", Word's "[1: <tab> <tab>Note"):
        // it and the spaces around it become one space, so that only the
        // spaces of laid-out text make column gaps (SplitColumnGaps).
        trim_spaces_after_text();
        *o++ = ' ';
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\v')) ++p;
      }  // other control characters and DEL are dropped
      continue;
    }
    uint32_t cp;
    const size_t len = DecodeUtf8(text, static_cast<size_t>(p - text.data()), &cp);
    if (len == 0) {  // Not expected (input is validated); copy the byte as is.
      *o++ = static_cast<char>(c);
      ++p;
      continue;
    }
    if (IsSpaceLike(cp)) {
      *o++ = ' ';
    } else if (!IsRemoved(cp)) {
      for (size_t k = 0; k < len; ++k) *o++ = p[k];
    }
    p += len;
  }
  trim_spaces();
  out.resize(static_cast<size_t>(o - base));
  SplitColumnGaps(&out);
  CloseUpLetterSpacing(&out);
  return out;
}

}  // namespace resolute
