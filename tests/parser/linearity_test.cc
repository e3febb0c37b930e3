// The parser's cost grows linearly with its input, whatever the input's
// shape: each adversarial shape (a short unit repeated, aimed at one loop of
// one stage) and a real resolution repeated are parsed at 64 KiB and at
// 1 MiB, and the ratio of the two times must stay near the ratio of the
// sizes. Only ratios are asserted, never absolute times; times are thread
// CPU times (a shared machine's other jobs do not count), medians of three
// runs after one run that is not counted, with malloc keeping the memory it
// frees as the server has it keep it (a heap that grows anew for every
// parse costs page faults out of all proportion on virtual machines); a
// shape that fails is measured once more before the test says so. The
// times are printed:
//
//   bazel test //tests/parser:linearity_test --test_output=all
#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

constexpr size_t kSmall = 64 << 10;
constexpr size_t kLarge = 1 << 20;
// The large input is sixteen times the small one; a linear parser takes
// about sixteen times as long, up to twice or thrice that where the large
// input's data outgrows the processor's caches (many small nodes, hash sets
// of their ids). A quadratic one takes sixteen times longer still.
constexpr double kMaxRatio = 48;
// A small input that takes longer than this is super-linear already: the
// large one is not tried (it could take hours).
constexpr double kSmallBudgetSeconds = 2.0;

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// `head`, then `unit` as many times as fit in `bytes` with `tail`, then `tail`.
std::string Repeat(absl::string_view head, absl::string_view unit, absl::string_view tail,
                   size_t bytes) {
  std::string s(head);
  while (s.size() + unit.size() + tail.size() <= bytes) absl::StrAppend(&s, unit);
  absl::StrAppend(&s, tail);
  return s;
}

// An input of about `bytes` bytes of one shape.
struct Shape {
  const char* name;
  std::string (*make)(size_t bytes);
};

std::string DuplicateNumbers(size_t bytes) { return Repeat("", "1.\n", "", bytes); }

std::string UnclosedInlineFootnotes(size_t bytes) {
  return Repeat("The General Assembly,\n\nNoting ", "[1: ", "\n", bytes);
}

// Inline footnote markers and bodies that never pair.
std::string UnpairedInlineMarkers(size_t bytes) {
  return Repeat("The General Assembly,\n\nNoting ", "[footnoteRef:2] [1: x] ", "\n", bytes);
}

std::string JointSymbolDashes(size_t bytes) {
  return Repeat("The General Assembly,\n\nRecalling document A/1", "-B", ",\n", bytes);
}

std::string ClosingBrackets(size_t bytes) {
  return Repeat("The General Assembly,\n\nRecalling document A/1", ")", ",\n", bytes);
}

// A title of `title_bytes`, then lines after page breaks that are almost
// pieces of it.
std::string TitlePageBreaks(size_t title_bytes, size_t bytes) {
  std::string head = "A/RES/78/1\n\n78/1. ";
  while (head.size() < title_bytes) absl::StrAppend(&head, "Rights ");
  absl::StrAppend(&head, "Rights\n\nThe General Assembly,\n\nNoting the report,\n");
  return Repeat(head, "\fRights Rights Rights of all\n", "", bytes);
}

std::string LongTitlePageBreaks(size_t bytes) { return TitlePageBreaks(bytes / 2, bytes); }

std::string TitleOf8KiBPageBreaks(size_t bytes) { return TitlePageBreaks(8 << 10, bytes); }

std::string FormFeeds(size_t bytes) { return Repeat("", "Noting,\f", "", bytes); }

std::string AdoptedLines(size_t bytes) {
  return Repeat("The General Assembly,\n\n1. Decides to act.\n", "Adopted at the 1st meeting.\n",
                "", bytes);
}

// Lines of a running header's shape that differ only in their middle.
std::string CollidingLines(size_t bytes) {
  std::string s = "The General Assembly,\n\nNoting the report,\n";
  for (int i = 0; s.size() + 48 <= bytes; ++i) {
    absl::StrAppendFormat(&s, "Heading line %08d of the same size here\n", i);
  }
  return s;
}

std::string RealResolution(size_t bytes) {
  static const std::string* const doc = new std::string(testing::ReadFile(
      testing::RunfilePath("tests/testdata/corpus/A_RES_78_100.pymupdf.txt")));
  return Repeat("", *doc, "", bytes);
}

const Shape kShapes[] = {
    {"real_resolution", RealResolution},
    {"duplicate_numbers", DuplicateNumbers},
    {"unclosed_inline_footnotes", UnclosedInlineFootnotes},
    {"unpaired_inline_markers", UnpairedInlineMarkers},
    {"joint_symbol_dashes", JointSymbolDashes},
    {"closing_brackets", ClosingBrackets},
    {"long_title_page_breaks", LongTitlePageBreaks},
    {"title_8k_page_breaks", TitleOf8KiBPageBreaks},
    {"form_feeds", FormFeeds},
    {"adopted_lines", AdoptedLines},
    {"colliding_lines", CollidingLines},
};

// Parses `text` once; returns the thread CPU time taken.
double ParseSeconds(const std::string& text) {
  ParseOptions options;
  options.include_text = false;
  const double start = ThreadCpuSeconds();
  absl::StatusOr<v1::Resolution> r = ParseResolution(text, options);
  const double seconds = ThreadCpuSeconds() - start;
  EXPECT_TRUE(r.ok()) << r.status();
  return seconds;
}

// The median time of `runs` parses of `text`; a single run if that one
// exceeds `budget`.
double MedianSeconds(const std::string& text, int runs, double budget) {
  std::vector<double> times;
  if (const double warm_up = ParseSeconds(text); warm_up > budget) return warm_up;
  for (int k = 0; k < runs; ++k) {
    times.push_back(ParseSeconds(text));
    if (times.back() > budget) return times.back();
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

class LinearityTest : public ::testing::TestWithParam<Shape> {};

TEST_P(LinearityTest, LargeInputTakesProportionallyLonger) {
  // Memory freed stays with malloc, as in the server
  // (service/allocator_settings.h), however large the heap.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  const Shape& shape = GetParam();
  const std::string small = shape.make(kSmall);
  const std::string large = shape.make(kLarge);
  ASSERT_GE(small.size(), kSmall * 9 / 10);
  ASSERT_GE(large.size(), kLarge * 9 / 10);
  double ratio = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int runs = attempt == 0 ? 3 : 5;
    const double t_small = MedianSeconds(small, runs, kSmallBudgetSeconds);
    std::printf("%-28s 64 KiB: %9.3f ms\n", shape.name, t_small * 1e3);
    std::fflush(stdout);
    ASSERT_LT(t_small, kSmallBudgetSeconds)
        << shape.name << ": a 64 KiB input takes " << t_small << " s";
    const double t_large = MedianSeconds(large, runs, t_small * kMaxRatio * 4 + 1);
    ratio = t_large / std::max(t_small, 1e-6);
    std::printf("%-28s 1 MiB:  %9.3f ms  ratio %.1f\n", shape.name, t_large * 1e3, ratio);
    std::fflush(stdout);
    if (ratio < kMaxRatio) break;
  }
  EXPECT_LT(ratio, kMaxRatio) << shape.name << ": 16 times the input takes " << ratio
                              << " times as long";
}

INSTANTIATE_TEST_SUITE_P(Shapes, LinearityTest, ::testing::ValuesIn(kShapes),
                         [](const ::testing::TestParamInfo<Shape>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace resolute
