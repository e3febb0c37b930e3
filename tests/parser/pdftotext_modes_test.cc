// pdftotext's other modes print pages differently from its default: -layout
// keeps the page's geometry (running headers and footers share a line with
// the symbol or page number across a wide gap, every line is indented), -raw
// keeps the content stream's order (the symbol and the running title on one
// line). Each bundled extraction must parse to the same structure, paragraph
// texts and footnotes as the PyMuPDF extraction of the same PDF.

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/parser.h"
#include "tests/parser/corpus_files.h"
#include "tests/parser/structure_shape.h"

namespace resolute {
namespace {

std::vector<std::string> ModeTexts() {
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::RunfilePath("tests/testdata/pdftotext_modes"))) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  return paths;
}

TEST(PdftotextModes, ParseLikeThePyMuPdfText) {
  const std::vector<std::string> texts = ModeTexts();
  ASSERT_GE(texts.size(), 12u);
  for (const std::string& path : texts) {
    const std::string name = std::filesystem::path(path).filename().string();
    const std::string id = name.substr(0, name.find('.'));
    SCOPED_TRACE(name);
    auto a = ParseResolution(
        testing::ReadFile(testing::RunfilePath("tests/testdata/corpus/" + id + ".pymupdf.txt")));
    auto b = ParseResolution(testing::ReadFile(path));
    ASSERT_TRUE(a.ok() && b.ok());
    const testing::StructureShape sa = testing::ShapeOf(*a), sb = testing::ShapeOf(*b);
    EXPECT_EQ(sa.structure, sb.structure);
    EXPECT_EQ(sa.texts, sb.texts);
    EXPECT_EQ(a->symbol(), b->symbol());
    EXPECT_EQ(a->title(), b->title());
    EXPECT_EQ(a->adoption().date(), b->adoption().date());
    ASSERT_EQ(a->footnotes_size(), b->footnotes_size());
    for (int i = 0; i < a->footnotes_size(); ++i) {
      EXPECT_EQ(testing::ComparableText(a->footnotes(i).text()),
                testing::ComparableText(b->footnotes(i).text()))
          << "footnote " << a->footnotes(i).marker();
      EXPECT_EQ(a->footnotes(i).anchor_eid(), b->footnotes(i).anchor_eid())
          << "footnote " << a->footnotes(i).marker();
    }
  }
}

}  // namespace
}  // namespace resolute
