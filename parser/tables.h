// Tables: a run of short cell-like lines after a line ending with ":" that
// carries numbers ("... as follows:" / "Regular budget" / "1 234 500" / ...)
// is kept apart from the paragraph text, one cell per line piece.
//
//   if (TableStartsAt(body, k, last_number)) k = ReadTable(body, k, ..., &table);
//
// Input: body lines (body_lines.h), the last paragraph number and the value
// of the last roman section heading (either ends a table). Guarantees: pure;
// a table has at least four cells. (Internal to the structure stage.)

#ifndef RESOLUTE_PARSER_TABLES_H_
#define RESOLUTE_PARSER_TABLES_H_

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"
#include "parser/structure_nodes.h"

namespace resolute {

// True if `cell` is a number, amount, percentage or dash standing alone.
bool IsNumericCell(absl::string_view cell);

// True if a table starts at body line k (k > 0; the caller checks that the
// line before ends with ":"): four or more cell-like lines, one with a
// number in it, or the line before announces a "table".
bool TableStartsAt(const BodyLines& body, size_t k, int last_number);

// Reads the table starting at body line k into `table->cells`; returns the
// index of its last line. It ends before the next expected paragraph number,
// a meeting line, an annex heading, the next roman section label after
// `last_roman_heading`, or a lead phrase after a finished clause.
size_t ReadTable(const BodyLines& body, size_t k, int last_number, int last_roman_heading,
                 TableNode* table);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_TABLES_H_
