#include "parser/tables.h"

#include "absl/strings/match.h"
#include "parser/closing.h"
#include "parser/headings.h"
#include "parser/lead_phrase.h"
#include "parser/numbering.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// A table cell: a short line that ends no clause and opens no paragraph.
bool IsCellLike(const BodyLines& body, size_t k, int last_number) {
  absl::string_view h = body.Head(k);
  return body.Pieces(k).size() == 1 && h.size() <= 100 && !EndsWithPunctuation(h, ",;") &&
         !ParseSubparagraphLabel(h) && !LooksLikeNumberedStart(body, k, last_number) &&
         !IsMeetingLine(h);
}

}  // namespace

bool IsNumericCell(absl::string_view h) {
  if (h == "\xE2\x80\x93") return true;  // an en dash alone: an empty cell
  bool digit = false;
  for (char c : h) {
    if (IsDigit(c)) {
      digit = true;
    } else if (c != '.' && c != ',' && c != '%' && c != ' ' && c != '(' && c != ')' && c != '-' &&
               c != '/') {
      return false;
    }
  }
  return digit || h == "-";
}

bool TableStartsAt(const BodyLines& body, size_t k, int last_number) {
  size_t cells = 0, numeric = 0;
  for (size_t j = k; j < body.size() && j < k + 16; ++j) {
    if (!IsCellLike(body, j, last_number)) break;
    ++cells;
    numeric += IsNumericCell(body.Head(j));
  }
  // "... set forth in the table below:" announces one.
  const bool announced = absl::StrContains(body.Last(k - 1), "table");
  return cells >= 4 && (numeric >= 1 || announced);
}

size_t ReadTable(const BodyLines& body, size_t k, int last_number, int last_roman_heading,
                 TableNode* table) {
  size_t j = k;
  for (; j < body.size(); ++j) {
    absl::string_view h = body.Head(j);
    if (LooksLikeNumberedStart(body, j, last_number) || IsMeetingLine(h) || IsAnnexHeading(h)) {
      break;
    }
    // The next section's bare label ("XII" after "XI") ends the table; a
    // lone letter in a column ("C", "D") does not.
    if (auto label = MatchHeadingLabel(h); label.has_value() && label->title_at >= h.size() &&
                                           IsUpperRoman(label->label) && last_roman_heading > 0 &&
                                           RomanValue(label->label) == last_roman_heading + 1) {
      break;
    }
    if (j > k && body.PrevEnds(j, ".;") &&
        (StartsWithOperativeLead(h) || StartsWithPreambularLead(h))) {
      break;
    }
    for (const Span& p : body.Pieces(j)) table->cells.push_back(p);
  }
  return j - 1;
}

}  // namespace resolute
