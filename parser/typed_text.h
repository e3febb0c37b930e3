// The parser's input with typography: lines that may carry where and how
// they are printed (page, box, font size, italic words).
//
//   TypedText input;                       // filled by pdf/pdf_typed_text.h
//   input.lines.push_back({.text = "Recalling its resolution 77/148,",
//                          .page = 1, .italic_ranges = {{0, 9}}});
//   input.has_italics = true;
//   absl::Status s = ParseResolution(input, ParseOptions(), &resolution);
//
// Text input fills only `text` (ParseResolution(string_view) is the same as
// lines without attributes); PDF input fills everything. Where an attribute
// is present the parser follows it: a paragraph's lead phrase is the italic
// run that opens it, a line wholly in bold may be a section heading, a line
// the page layout calls furniture or footnote is one (and a body line is no
// furniture), and raised marker digits anchor footnotes. Everything else
// comes from the text rules.

#ifndef RESOLUTE_PARSER_TYPED_TEXT_H_
#define RESOLUTE_PARSER_TYPED_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace resolute {

// A rectangle on a page, in points from the page's top-left corner.
struct TypedBox {
  float left = 0;
  float top = 0;
  float right = 0;
  float bottom = 0;
};

// A byte range [begin, end) of one line's text.
struct TypedRange {
  int begin = 0;
  int end = 0;
};

// What the page layout says a line is (meaningful if TypedText::has_layout).
enum class TypedRole : uint8_t {
  // The layout does not say (a line in a header or footer band that does not
  // repeat, a large line below the footnote rule): the text rules decide.
  kUnknown,
  // Printed between the header and footer bands: never page furniture.
  kBody,
  // Page furniture: text repeated (digits aside) in the same band of several
  // pages, and the blank lines next to it.
  kFurniture,
  // A footnote line: smaller than the body text, below the footnote rule.
  kFootnote,
};

// A word of a line and where it is printed.
struct TypedWord {
  TypedRange range;  // in the line's text
  TypedBox box;
};

// One line of the input.
struct TypedLine {
  // The line's UTF-8 text, without a line break.
  std::string text;
  // 1-based page number; 0 if unknown. A line on a later page than the line
  // before it starts a new page (a page break in Resolution.text).
  int page = 0;
  // Where the line is printed; meaningful if `has_box`.
  bool has_box = false;
  TypedBox box;
  // The size of most of its characters, in points; 0 if unknown.
  float font_size = 0;
  // The ranges of `text` set in italics (meaningful if TypedText::has_italics).
  std::vector<TypedRange> italic_ranges;
  // The ranges of `text` set in bold (meaningful if TypedText::has_italics).
  std::vector<TypedRange> bold_ranges;
  // The words and their boxes, if known; they give Span.page_regions.
  std::vector<TypedWord> words;
  // What the page layout says the line is (see TypedRole).
  TypedRole role = TypedRole::kUnknown;
  // The ranges of `text` printed as raised smaller digits: footnote markers,
  // in the text or opening a footnote (meaningful if TypedText::has_layout).
  std::vector<TypedRange> marker_ranges;
};

// The whole input.
struct TypedText {
  std::vector<TypedLine> lines;
  // Number of pages of the source document; 0 if unknown (text input).
  int page_count = 0;
  // True if the source marks italics and bold, so that a line without such
  // ranges has none (a PDF's text layer); false for text input.
  bool has_italics = false;
  // True if the lines' `role` and `marker_ranges` come from the page layout
  // (a PDF); false for text input, whose lines are all kUnknown.
  bool has_layout = false;
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_TYPED_TEXT_H_
