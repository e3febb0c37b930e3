// Byte scans for the parser's hot loops (internal to the parser library).
//
// Each function returns the first position in [p, end) with a property, or
// `end`. They are what the per-byte loops of normalisation, line splitting,
// span joining and tokenising spend their time on; with SSE2 (every x86-64
// CPU) they test 16 bytes per step, elsewhere a plain loop does the same.
// tests/parser/byte_scan_test.cc checks both forms against each other.

#ifndef RESOLUTE_PARSER_BYTE_SCAN_H_
#define RESOLUTE_PARSER_BYTE_SCAN_H_

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace resolute {
namespace byte_scan {

inline bool IsPrintableAscii(char c) { return static_cast<unsigned char>(c) - 0x20u < 0x5Fu; }
inline bool IsLineBreak(char c) { return c == '\n' || c == '\f'; }
// The whitespace of JoinSpans and CollapseWhitespace.
inline bool IsJoinWhite(char c) { return c == ' ' || c == '\n' || c == '\f' || c == '\t'; }
// The word separators of the citation tokenizer (a tab is not one).
inline bool IsTokenSpace(char c) { return c == ' ' || c == '\n' || c == '\f'; }

// The scalar forms; also the reference for tests.
namespace scalar {

inline const char* SkipPrintableAscii(const char* p, const char* end) {
  while (p < end && IsPrintableAscii(*p)) ++p;
  return p;
}

inline const char* FindLineBreak(const char* p, const char* end) {
  while (p < end && !IsLineBreak(*p)) ++p;
  return p;
}

inline const char* FindTokenSpace(const char* p, const char* end) {
  while (p < end && !IsTokenSpace(*p)) ++p;
  return p;
}

// The number of line breaks in [p, end).
inline size_t CountLineBreaks(const char* p, const char* end) {
  size_t n = 0;
  for (; p < end; ++p) n += IsLineBreak(*p) ? 1 : 0;
  return n;
}

// First byte that JoinSpans cannot copy as it is: a line break or tab, or a
// space that is followed by whitespace or ends the range.
inline const char* FindWhitespaceToCollapse(const char* p, const char* end) {
  for (; p < end; ++p) {
    if (!IsJoinWhite(*p)) continue;
    if (*p != ' ' || p + 1 == end || IsJoinWhite(p[1])) return p;
  }
  return p;
}

// First p with p[0], p[step] and p[2 * step] spaces (p + 2 * step < end):
// with step 2, where a run of one-letter words ("I n v i t e s") may be; with
// step 1, a run of three spaces (a column gap of laid-out text).
inline const char* FindSpaceTriple(const char* p, const char* end, size_t step) {
  for (; p + 2 * step < end; ++p) {
    if (p[0] == ' ' && p[step] == ' ' && p[2 * step] == ' ') return p;
  }
  return end;
}

// First p that is `c`, or that is `a` with `b` at p + d (p + d < end): a
// byte and a word to look for at once, by its first and last letters.
inline const char* FindByteOrPair(const char* p, const char* end, char c, char a, char b,
                                  size_t d) {
  for (; p < end; ++p) {
    if (*p == c || (*p == a && p + d < end && p[d] == b)) return p;
  }
  return end;
}

}  // namespace scalar

#if defined(__SSE2__)
namespace sse2 {

inline __m128i Load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline __m128i Splat(char c) { return _mm_set1_epi8(c); }
inline int Mask(__m128i v) { return _mm_movemask_epi8(v); }
inline const char* At(const char* p, int mask) { return p + __builtin_ctz(static_cast<unsigned>(mask)); }

}  // namespace sse2
#endif

inline const char* SkipPrintableAscii(const char* p, const char* end) {
#if defined(__SSE2__)
  // Signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches them.
  const __m128i space = sse2::Splat(0x20), del = sse2::Splat(0x7F);
  for (; end - p >= 16; p += 16) {
    const __m128i v = sse2::Load(p);
    const int m = sse2::Mask(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)));
    if (m != 0) return sse2::At(p, m);
  }
#endif
  return scalar::SkipPrintableAscii(p, end);
}

inline const char* FindLineBreak(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i nl = sse2::Splat('\n'), ff = sse2::Splat('\f');
  for (; end - p >= 16; p += 16) {
    const __m128i v = sse2::Load(p);
    const int m = sse2::Mask(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff)));
    if (m != 0) return sse2::At(p, m);
  }
#endif
  return scalar::FindLineBreak(p, end);
}

// Calls `f(q)` for each q in [p, end) that is a line break, in order.
template <typename F>
inline void ForEachLineBreak(const char* p, const char* end, F f) {
#if defined(__SSE2__)
  const __m128i nl = sse2::Splat('\n'), ff = sse2::Splat('\f');
  for (; end - p >= 16; p += 16) {
    const __m128i v = sse2::Load(p);
    unsigned m = static_cast<unsigned>(
        sse2::Mask(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff))));
    for (; m != 0; m &= m - 1) f(p + __builtin_ctz(m));
  }
#endif
  for (; p < end; ++p) {
    if (IsLineBreak(*p)) f(p);
  }
}

// The number of line breaks in [p, end).
inline size_t CountLineBreaks(const char* p, const char* end) {
  size_t n = 0;
#if defined(__SSE2__)
  // Per byte lane, a counter that each match decrements by -1 (a compare's
  // all-ones); summed every 255 blocks, before a lane can overflow.
  const __m128i nl = sse2::Splat('\n'), ff = sse2::Splat('\f'), zero = _mm_setzero_si128();
  while (end - p >= 16) {
    const size_t blocks = static_cast<size_t>(end - p) / 16;
    const char* const stop = p + 16 * (blocks < 255 ? blocks : 255);
    __m128i counts = zero;
    for (; p < stop; p += 16) {
      const __m128i v = sse2::Load(p);
      counts = _mm_sub_epi8(counts, _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff)));
    }
    const __m128i sums = _mm_sad_epu8(counts, zero);  // two sums of eight lanes
    n += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
         static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  return n + scalar::CountLineBreaks(p, end);
}

inline const char* FindTokenSpace(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i sp = sse2::Splat(' '), nl = sse2::Splat('\n'), ff = sse2::Splat('\f');
  for (; end - p >= 16; p += 16) {
    const __m128i v = sse2::Load(p);
    const int m = sse2::Mask(_mm_or_si128(
        _mm_cmpeq_epi8(v, sp), _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff))));
    if (m != 0) return sse2::At(p, m);
  }
#endif
  return scalar::FindTokenSpace(p, end);
}

inline const char* FindWhitespaceToCollapse(const char* p, const char* end) {
#if defined(__SSE2__)
  // Whitespace bytes are all <= 0x20, so the vector test is "a byte <= 0x20
  // other than a space, or a space before a byte <= 0x20" (two compares
  // each): a superset of what is looked for, which the scalar test below
  // confirms (other control bytes are rare, and skipped if found).
  const __m128i sp = sse2::Splat(' ');
  auto at_most_space = [sp](__m128i v) { return _mm_cmpeq_epi8(_mm_min_epu8(v, sp), v); };
  // Each step reads one byte past its 16 (the byte after a space).
  while (end - p >= 17) {
    const __m128i v = sse2::Load(p);
    const __m128i low = at_most_space(v);
    const __m128i next_low = at_most_space(sse2::Load(p + 1));
    const __m128i is_space = _mm_cmpeq_epi8(v, sp);
    int m = sse2::Mask(_mm_or_si128(_mm_andnot_si128(is_space, low), _mm_and_si128(is_space, next_low)));
    while (m != 0) {
      const char* q = sse2::At(p, m);
      if (IsJoinWhite(*q) && (*q != ' ' || IsJoinWhite(q[1]))) return q;
      m &= m - 1;
    }
    p += 16;
  }
#endif
  return scalar::FindWhitespaceToCollapse(p, end);
}

// Copies bytes from p (not whitespace) to `*out` up to the position
// FindWhitespaceToCollapse returns, and returns that position; advances
// `*out` past the copy. The vector form goes further: a "\n" between two
// words, after a byte that cannot end a dash (ASCII, not "-"), is copied as
// the " " that JoinSpans and CollapseWhitespace make of it, so that the lines
// of a paragraph are copied in one go; it returns at the first other
// whitespace to collapse.
// `limit` (>= end) is how far the buffer may be read: bytes past `end` are
// read, never copied, so that the vector form can finish the range in 16-byte
// blocks too. That form stores whole blocks (as it tests them, rather than
// copying afterwards): `*out` needs room for 16 bytes beyond the copy.
inline const char* CopyToWhitespaceToCollapse(const char* p, const char* end, const char* limit,
                                              char** out) {
  char* o = *out;
#if defined(__SSE2__)
  const char* const start = p;
  const __m128i sp = sse2::Splat(' '), nl = sse2::Splat('\n'), dash = sse2::Splat('-');
  const __m128i lane = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  auto at_most_space = [sp](__m128i v) { return _mm_cmpeq_epi8(_mm_min_epu8(v, sp), v); };
  while (p < end && limit - p >= 17) {
    const __m128i v = sse2::Load(p);
    const __m128i low = at_most_space(v);
    const __m128i next_low = at_most_space(sse2::Load(p + 1));
    const __m128i is_space = _mm_cmpeq_epi8(v, sp);
    unsigned m = static_cast<unsigned>(
        sse2::Mask(_mm_or_si128(_mm_andnot_si128(is_space, low), _mm_and_si128(is_space, next_low))));
    const std::ptrdiff_t left = end - p;
    if (left <= 16) {
      // The range ends in this block: bytes from `end` on are not part of it,
      // and whitespace at end - 1 is followed by the end, not by a word.
      m &= (1u << left) - 1;
      if (IsJoinWhite(end[-1])) m |= 1u << (left - 1);
    }
    __m128i stored = v;
    if (m != 0) {
      // Newlines that join two words. The byte before each lane: lane 0 of
      // the first block is `*start`, not a newline, so what the shift puts
      // before it does not matter.
      const __m128i prev = p > start ? sse2::Load(p - 1) : _mm_slli_si128(v, 1);
      const __m128i dashy =
          _mm_or_si128(_mm_cmpeq_epi8(prev, dash), _mm_cmplt_epi8(prev, _mm_setzero_si128()));
      __m128i simple = _mm_andnot_si128(_mm_or_si128(next_low, dashy), _mm_cmpeq_epi8(v, nl));
      if (left <= 16) {
        simple = _mm_and_si128(simple, _mm_cmplt_epi8(lane, _mm_set1_epi8(static_cast<char>(left - 1))));
      }
      m &= ~static_cast<unsigned>(sse2::Mask(simple));
      // They are stored as spaces ("\n" ^ ("\n" ^ " ") == " ").
      stored = _mm_xor_si128(v, _mm_and_si128(simple, sse2::Splat('\n' ^ ' ')));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), stored);
    for (; m != 0; m &= m - 1) {
      const char* q = p + __builtin_ctz(m);
      if (IsJoinWhite(*q) && (*q != ' ' || q + 1 == end || IsJoinWhite(q[1]))) {
        *out = o + (q - p);
        return q;
      }
    }
    if (left <= 16) {
      *out = o + left;
      return end;
    }
    p += 16;
    o += 16;
  }
#endif
  const char* const q = scalar::FindWhitespaceToCollapse(p, end);
  for (const char* c = p; c < q; ++c) *o++ = *c;
  *out = o;
  return q;
}

// Copies bytes from p to `*out` up to the position SkipPrintableAscii
// returns, and returns that position; advances `*out` past the copy. The
// vector form goes further: a line break ("\n", "\f") after a printable byte
// other than a space, both in the copy, is copied too (normalisation would
// only write it out), so that lines are copied in one go; it returns at the
// first other byte that is not printable ASCII. Like
// CopyToWhitespaceToCollapse, `*out` needs room for 16 bytes beyond the copy.
inline const char* CopyPrintableAscii(const char* p, const char* end, char** out) {
  char* o = *out;
#if defined(__SSE2__)
  const char* const start = p;
  const __m128i space = sse2::Splat(0x20), del = sse2::Splat(0x7F), nl = sse2::Splat('\n'),
                ff = sse2::Splat('\f');
  for (; end - p >= 16; p += 16, o += 16) {
    const __m128i v = sse2::Load(p);
    unsigned m = static_cast<unsigned>(
        sse2::Mask(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del))));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
    if (m == 0) continue;
    // Line breaks after a byte of the copy that is not a space.
    const __m128i prev = p > start ? sse2::Load(p - 1) : _mm_slli_si128(v, 1);
    const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff));
    unsigned plain = static_cast<unsigned>(sse2::Mask(_mm_andnot_si128(_mm_cmpeq_epi8(prev, space), breaks)));
    if (p == start) plain &= ~1u;  // the byte before the copy may have been rewritten
    // A break is plain only if every byte before it in the block is copied.
    m &= ~plain;
    if (m != 0) {
      const unsigned first = static_cast<unsigned>(__builtin_ctz(m));
      *out = o + first;
      return p + first;
    }
  }
#endif
  const char* const q = scalar::SkipPrintableAscii(p, end);
  for (const char* c = p; c < q; ++c) *o++ = *c;
  *out = o;
  return q;
}

inline const char* FindSpaceTriple(const char* p, const char* end, size_t step) {
#if defined(__SSE2__)
  const __m128i sp = sse2::Splat(' ');
  // Each step reads 2 * step bytes past its 16.
  for (; end - p >= static_cast<std::ptrdiff_t>(16 + 2 * step); p += 16) {
    const __m128i a = _mm_cmpeq_epi8(sse2::Load(p), sp);
    const __m128i b = _mm_cmpeq_epi8(sse2::Load(p + step), sp);
    const __m128i c = _mm_cmpeq_epi8(sse2::Load(p + 2 * step), sp);
    const int m = sse2::Mask(_mm_and_si128(a, _mm_and_si128(b, c)));
    if (m != 0) return sse2::At(p, m);
  }
#endif
  return scalar::FindSpaceTriple(p, end, step);
}

inline const char* FindByteOrPair(const char* p, const char* end, char c, char a, char b,
                                  size_t d) {
#if defined(__SSE2__)
  const __m128i vc = sse2::Splat(c), va = sse2::Splat(a), vb = sse2::Splat(b);
  // Each step reads d bytes past its 16.
  for (; static_cast<size_t>(end - p) >= 16 + d; p += 16) {
    const __m128i v = sse2::Load(p);
    const __m128i pair =
        _mm_and_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(sse2::Load(p + d), vb));
    const int m = sse2::Mask(_mm_or_si128(_mm_cmpeq_epi8(v, vc), pair));
    if (m != 0) return sse2::At(p, m);
  }
#endif
  return scalar::FindByteOrPair(p, end, c, a, b, d);
}

}  // namespace byte_scan
}  // namespace resolute

#endif  // RESOLUTE_PARSER_BYTE_SCAN_H_
