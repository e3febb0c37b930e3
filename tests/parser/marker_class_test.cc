// MarkerClass (parser/marker_class.h): digits in a line of text, a footnote
// marker or part of the text.

#include "parser/marker_class.h"

#include <string>

#include "gtest/gtest.h"

namespace resolute {
namespace {

struct Case {
  const char* line;
  const char* marker;  // found at its first occurrence after `after`
  const char* after;   // text that precedes the marker's occurrence
  int min_class;       // the class is at least this
  int max_class;       // and at most this
};

size_t PositionOf(const Case& c) {
  const std::string line = c.line;
  const size_t from = line.find(c.after) + std::string(c.after).size();
  return line.find(c.marker, from);
}

TEST(MarkerClass, Table) {
  const Case cases[] = {
      // Markers.
      {"for 2023,1 and others", "1", "2023,", 1, 3},
      {"the Paris Agreement4and its parties", "4", "Agreement", 1, 3},
      {"as stated in the report. 2 The Assembly", "2", "report.", 1, 3},
      // Not markers: part of the text.
      {"in paragraph 2 of the resolution", "2", "paragraph ", 0, 0},
      {"under Action 5 of the Pact", "5", "Action ", 0, 0},
      {"about 5% of the budget", "5", "about ", 0, 0},
      {"a 5-year programme", "5", "a ", 0, 0},
      {"resolution 54/18 of 1999", "18", "54/", 0, 0},
      {"12 July 2021 and", "1", "July 202", 0, 0},
      {"1. Decides", "1", "", 0, 0},  // at the start of a line
  };
  for (const Case& c : cases) {
    const size_t pos = PositionOf(c);
    ASSERT_NE(pos, std::string::npos) << c.line;
    const int got = MarkerClass(c.line, pos, c.marker);
    EXPECT_GE(got, c.min_class) << c.line;
    EXPECT_LE(got, c.max_class) << c.line;
  }
}

}  // namespace
}  // namespace resolute
