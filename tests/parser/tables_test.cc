// Table tests of tables (parser/tables.h).

#include "parser/tables.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tests/parser/stage_run.h"

namespace resolute {
namespace {

using ::resolute::testing::BodyOf;
using ::resolute::testing::RunStagesOn;
using ::resolute::testing::Until;

TEST(Tables, NumericCell) {
  const std::pair<const char*, bool> cases[] = {
      {"1 234 500", true}, {"12.5%", true},       {"(3,400)", true},
      {"2024/25", true},   {"-", true},           {"\xE2\x80\x93", true},  // an en dash alone
      {"Total", false},    {"12 dollars", false}, {"", false},
      {"--", false},       {"\xE2\x80\x93 5", false},
  };
  for (const auto& [cell, numeric] : cases) EXPECT_EQ(IsNumericCell(cell), numeric) << cell;
}

// TableStartsAt(body, 1, last_number) and the cells ReadTable reads there.
struct TableCase {
  const char* lines;
  bool starts;
  const char* cells;  // "|"-joined
};

TEST(Tables, StartAndRead) {
  const TableCase cases[] = {
      {"1. Approves the amounts as follows:\nRegular budget\n1 234 500\nPeacekeeping\n"
       "2 000\n2. Requests a report;\n",
       true, "Regular budget|1 234 500|Peacekeeping|2 000"},
      // Announced by "table": no number needed.
      {"1. Adopts the table below:\nAfrica\nAsia\nEurope\nOceania\n\n2. Requests a report;\n", true,
       "Africa|Asia|Europe|Oceania"},
      // Not a table: fewer than four cells, or no number and no "table", or
      // lines that end clauses.
      {"1. Decides as follows:\nRegular budget\n1 234 500\n2. Requests a report;\n", false, ""},
      {"1. Decides as follows:\nAfrica\nAsia\nEurope\nOceania\n", false, ""},
      {"1. Decides as follows:\n(a) To act;\n(b) To report;\n(c) 12\n(d) 13\n", false, ""},
  };
  for (const TableCase& c : cases) {
    const auto r =
        RunStagesOn(std::string("The General Assembly,\n\n") + c.lines, Until::kFootnotes);
    const BodyLines body = BodyOf(r);
    const bool starts = TableStartsAt(body, 1, 1);
    EXPECT_EQ(starts, c.starts) << c.lines;
    if (!starts) continue;
    TableNode table;
    ReadTable(body, 1, 1, 0, &table);
    std::vector<std::string> cells;
    for (const Span& s : table.cells) cells.push_back(std::string(s.Of(r.text)));
    EXPECT_EQ(absl::StrJoin(cells, "|"), c.cells) << c.lines;
  }
}

// The next roman section label ends a table; a lone letter does not.
TEST(Tables, NextSectionEndsTable) {
  const auto r = RunStagesOn(
      "The General Assembly,\n\n1. Approves as follows:\nC\n1 000\nD\n2 000\nIII\nBudget\n",
      Until::kFootnotes);
  const BodyLines body = BodyOf(r);
  TableNode table;
  const size_t last = ReadTable(body, 1, 1, /*last_roman_heading=*/2, &table);
  EXPECT_EQ(body.Head(last), "2 000");
  EXPECT_EQ(table.cells.size(), 4u);
}

}  // namespace
}  // namespace resolute
