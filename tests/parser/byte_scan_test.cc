// The parser's byte scans (parser/byte_scan.h): the vector forms must find
// what the scalar forms find, on random buffers and at every alignment; the
// copying forms must keep to their contracts; and JoinSpansTo must give what
// JoinSpans gives.
#include "parser/byte_scan.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/source_text.h"

namespace resolute {
namespace {

namespace bs = byte_scan;

// Random text with the bytes the scans look for: spaces, line breaks, tabs,
// control bytes, dashes, UTF-8, "/" and the letters of "resolution".
std::string RandomText(std::mt19937* rng, size_t size) {
  static const std::vector<std::string> kPieces = {
      " ", " ", " ", "  ", "\n", "\n", "\f", "\t", "\r", "\x01", "\x7f", "-", "/", "e", "n",
      "word", "resolution", "esolutio", "I n v i t e s", "\xE2\x80\x93", "\xC2\xA0", "\xFF",
      "abc", "Z", "12", ".", "\n ", " \n"};
  std::string out;
  while (out.size() < size) out += kPieces[(*rng)() % kPieces.size()];
  out.resize(size);
  return out;
}

class ByteScanTest : public ::testing::Test {
 protected:
  // Calls `check(begin, end)` for many sub-ranges of many random buffers
  // (the buffer goes on past `end`, as the parser's texts do).
  template <typename Check>
  void ForRanges(Check check) {
    std::mt19937 rng(20261127);
    for (int round = 0; round < 300; ++round) {
      const std::string buffer = RandomText(&rng, 1 + rng() % 200);
      for (int k = 0; k < 20; ++k) {
        const size_t b = rng() % buffer.size();
        const size_t e = b + rng() % (buffer.size() - b + 1);
        check(buffer.data() + b, buffer.data() + e, buffer.data() + buffer.size());
      }
    }
  }
};

TEST_F(ByteScanTest, FindsWhatTheScalarFormsFind) {
  ForRanges([](const char* b, const char* e, const char*) {
    EXPECT_EQ(bs::SkipPrintableAscii(b, e), bs::scalar::SkipPrintableAscii(b, e));
    EXPECT_EQ(bs::FindLineBreak(b, e), bs::scalar::FindLineBreak(b, e));
    EXPECT_EQ(bs::FindTokenSpace(b, e), bs::scalar::FindTokenSpace(b, e));
    EXPECT_EQ(bs::FindWhitespaceToCollapse(b, e), bs::scalar::FindWhitespaceToCollapse(b, e));
    EXPECT_EQ(bs::FindSpaceTriple(b, e, 1), bs::scalar::FindSpaceTriple(b, e, 1));
    EXPECT_EQ(bs::FindSpaceTriple(b, e, 2), bs::scalar::FindSpaceTriple(b, e, 2));
    EXPECT_EQ(bs::FindByteOrPair(b, e, '/', 'e', 'n', 8),
              bs::scalar::FindByteOrPair(b, e, '/', 'e', 'n', 8));
    std::vector<const char*> breaks, expected;
    bs::ForEachLineBreak(b, e, [&](const char* q) { breaks.push_back(q); });
    for (const char* q = b; (q = bs::scalar::FindLineBreak(q, e)) != e; ++q) expected.push_back(q);
    EXPECT_EQ(breaks, expected);
    EXPECT_EQ(bs::CountLineBreaks(b, e), expected.size());
    EXPECT_EQ(bs::scalar::CountLineBreaks(b, e), expected.size());
  });
}

TEST(ByteScan, CountsLineBreaksPastEachLanesLimit) {
  // Every byte a break for longer than 255 blocks of 16, where the vector
  // form's byte counters would wrap if not summed in time.
  for (const size_t size : {4079u, 4080u, 4081u, 8161u, 100000u}) {
    std::string text(size, '\n');
    for (size_t i = 0; i < size; i += 7) text[i] = '\f';
    for (size_t i = 3; i < size; i += 11) text[i] = 'x';
    const char* const b = text.data();
    EXPECT_EQ(bs::CountLineBreaks(b, b + size), bs::scalar::CountLineBreaks(b, b + size)) << size;
  }
}

TEST_F(ByteScanTest, CopyPrintableAsciiKeepsToItsContract) {
  ForRanges([](const char* b, const char* e, const char*) {
    std::string out(static_cast<size_t>(e - b) + 16, '?');
    char* o = out.data();
    const char* q = bs::CopyPrintableAscii(b, e, &o);
    ASSERT_GE(q, b);
    ASSERT_LE(q, e);
    // It copied [b, q) as it is.
    EXPECT_EQ(std::string(out.data(), o), std::string(b, q));
    // It stopped at the end or at a byte that is not printable ASCII.
    EXPECT_TRUE(q == e || !bs::IsPrintableAscii(*q));
    // What it took that is not printable is a line break after a byte of
    // the copy that is not a space.
    for (const char* c = b; c < q; ++c) {
      if (bs::IsPrintableAscii(*c)) continue;
      EXPECT_TRUE(bs::IsLineBreak(*c));
      EXPECT_GT(c, b);
      EXPECT_NE(c[-1], ' ');
    }
    // It goes at least as far as the plain scan.
    EXPECT_GE(q, bs::scalar::SkipPrintableAscii(b, e));
  });
}

TEST_F(ByteScanTest, CopyToWhitespaceToCollapseKeepsToItsContract) {
  ForRanges([](const char* b, const char* e, const char* limit) {
    if (b == e || bs::IsJoinWhite(*b)) return;  // it starts at a word
    std::string out(static_cast<size_t>(e - b) + 16, '?');
    char* o = out.data();
    const char* q = bs::CopyToWhitespaceToCollapse(b, e, limit, &o);
    ASSERT_GT(q, b);
    ASSERT_LE(q, e);
    // It stopped at the end or at whitespace to collapse.
    EXPECT_TRUE(q == e || bs::scalar::FindWhitespaceToCollapse(q, e) == q);
    // It copied [b, q), with newlines between words made spaces.
    std::string expected(b, q);
    for (size_t k = 0; k < expected.size(); ++k) {
      if (expected[k] != '\n') continue;
      const char* c = b + k;
      EXPECT_GT(c, b);
      EXPECT_LT(c + 1, e);
      EXPECT_FALSE(bs::IsJoinWhite(c[-1]) || c[-1] == '-' ||
                   static_cast<unsigned char>(c[-1]) >= 0x80);
      EXPECT_FALSE(bs::IsJoinWhite(c[1]));
      expected[k] = ' ';
    }
    EXPECT_EQ(std::string(out.data(), o), expected);
    EXPECT_GE(q, bs::scalar::FindWhitespaceToCollapse(b, e));
  });
}

TEST(JoinSpansTo, SameAsJoinSpansAndReusesTheString) {
  const std::string text = "Recalling its resolution\n77/148 of self-\ndetermination  and \f co-\n op";
  const std::vector<Span> spans = {{0, 24}, {25, 58}, {59, static_cast<int>(text.size())}};
  std::string out;
  out.reserve(256);
  out = "what the string held before";
  const size_t capacity = out.capacity();
  JoinSpansTo(text, spans, &out);
  EXPECT_EQ(out, JoinSpans(text, spans));
  EXPECT_EQ(out.capacity(), capacity);
  JoinSpansTo(text, {}, &out);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace resolute
