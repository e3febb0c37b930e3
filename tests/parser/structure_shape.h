// StructureShape: what two extractions of one resolution must agree on.
//
//   StructureShape a = ShapeOf(*ParseResolution(pymupdf_text));
//   StructureShape b = ShapeOf(*ParseResolution(pdftotext_text));
//   EXPECT_EQ(a.structure, b.structure);
//
// Extractions differ in whitespace, in hyphens at line ends ("self-" /
// "determination" against "selfdetermination") and in split words ("approach
// es"), so texts are compared in ComparableText form.

#ifndef RESOLUTE_TESTS_PARSER_STRUCTURE_SHAPE_H_
#define RESOLUTE_TESTS_PARSER_STRUCTURE_SHAPE_H_

#include <string>
#include <vector>

#include "resolute/v1/resolution.pb.h"

namespace resolute::testing {

// `text` lower-cased, without spaces, hyphens or the dashes U+2010..U+2015.
std::string ComparableText(const std::string& text);

// The paragraphs of a resolution in order.
struct StructureShape {
  // One entry per paragraph: "p:<lead phrase>" or "o:<number>:<lead phrase>".
  std::vector<std::string> structure;
  // ComparableText of each paragraph's text, in the same order.
  std::vector<std::string> texts;
};

// The shape of `resolution`'s preambular and operative paragraphs.
StructureShape ShapeOf(const v1::Resolution& resolution);

}  // namespace resolute::testing

#endif  // RESOLUTE_TESTS_PARSER_STRUCTURE_SHAPE_H_
