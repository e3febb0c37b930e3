#include "pdf/pdf_extractor.h"

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "common/error_reason.h"
#include "gtest/gtest.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

using ::resolute::testing::ReadFile;
using ::resolute::testing::RunfilePath;

std::string Pdf(const std::string& name) {
  return ReadFile(RunfilePath("tests/testdata/pdf/" + name));
}

// The first line of `doc` whose text starts with `prefix`, or null.
const PdfLine* FindLine(const PdfDocument& doc, absl::string_view prefix) {
  for (const PdfPage& page : doc.pages) {
    for (const PdfLine& line : page.lines) {
      if (absl::StartsWith(line.text, prefix)) return &line;
    }
  }
  return nullptr;
}

TEST(PdfExtractorTest, ReadsPagesLinesAndTypography) {
  absl::StatusOr<PdfDocument> doc = ExtractPdf(Pdf("A_RES_78_100.pdf"), PdfLimits());
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->pages.size(), 3u);
  EXPECT_NEAR(doc->pages[0].width, 612, 1);

  const PdfLine* symbol = FindLine(*doc, "A/RES/78/100");
  ASSERT_NE(symbol, nullptr);
  EXPECT_EQ(symbol->page, 1);
  EXPECT_TRUE(symbol->italic_ranges.empty());

  // A preambular paragraph opens with its italic lead phrase; the line's
  // box is where it is printed, and its words keep their fonts.
  const PdfLine* recalling = FindLine(*doc, "Recalling its resolution 1514 (XV)");
  ASSERT_NE(recalling, nullptr);
  EXPECT_EQ(recalling->page, 1);
  EXPECT_NEAR(recalling->font_size, 10, 0.1);
  ASSERT_EQ(recalling->italic_ranges.size(), 1u);
  EXPECT_EQ(recalling->italic_ranges[0].begin, 0);
  EXPECT_EQ(recalling->italic_ranges[0].end, 9);  // "Recalling"
  EXPECT_GT(recalling->box.left, 100);
  EXPECT_LT(recalling->box.left, recalling->box.right);
  EXPECT_LT(recalling->box.top, recalling->box.bottom);
  ASSERT_EQ(recalling->words.size(), recalling->word_ranges.size());
  EXPECT_EQ(recalling->words[0].text, "Recalling");
  EXPECT_TRUE(recalling->words[0].italic);
  EXPECT_TRUE(absl::StrContains(recalling->words[0].font_name, "Italic"));
  EXPECT_FALSE(recalling->words[1].italic);

  // A multi-word lead phrase is one italic range, spaces included.
  const PdfLine* considers = FindLine(*doc, "2. Considers it important");
  ASSERT_NE(considers, nullptr);
  ASSERT_EQ(considers->italic_ranges.size(), 1u);
  EXPECT_EQ(considers->text.substr(considers->italic_ranges[0].begin,
                                   considers->italic_ranges[0].end -
                                       considers->italic_ranges[0].begin),
            "Considers it important");

  // The raised footnote marker stays on its line; footnote text is smaller.
  const PdfLine* marked = FindLine(*doc, "Colonial Countries and Peoples for 2023,");
  ASSERT_NE(marked, nullptr);
  EXPECT_TRUE(absl::EndsWith(marked->text, "2023,1")) << marked->text;
  // Below the rule, the raised marker opens its footnote's line, and the
  // page footer comes after the footnotes.
  const PdfLine* footnote = FindLine(*doc, "1 Official Records of the General Assembly");
  ASSERT_NE(footnote, nullptr);
  EXPECT_LT(footnote->font_size, 10);
  const std::vector<PdfLine>& first = doc->pages[0].lines;
  EXPECT_EQ(first.back().text, "*2324979*");
  EXPECT_EQ(first[first.size() - 2].text, "23-24979 (E) 201223");
}

TEST(PdfExtractorTest, ReadsEveryBundledPdf) {
  for (const char* name : {"A_RES_79_103.pdf", "A_RES_79_3.pdf"}) {
    absl::StatusOr<PdfDocument> doc = ExtractPdf(Pdf(name), PdfLimits());
    ASSERT_TRUE(doc.ok()) << name << ": " << doc.status();
    EXPECT_GE(doc->pages.size(), 2u) << name;
    EXPECT_FALSE(doc->pages[0].lines.empty()) << name;
  }
}

TEST(PdfExtractorTest, LooksLikePdf) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.7\n"));
  EXPECT_TRUE(LooksLikePdf("\n%PDF-1.4"));
  EXPECT_FALSE(LooksLikePdf("The General Assembly,"));
  EXPECT_FALSE(LooksLikePdf(""));
}

// Bad PDFs: each with its exact status code and reason.
TEST(PdfExtractorTest, RejectsBadPdfs) {
  struct Case {
    const char* file;
    absl::StatusCode code;
    const char* reason;
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {"bad_truncated.pdf", absl::StatusCode::kInvalidArgument, "PDF_UNREADABLE", "truncated"},
      {"bad_garbage.pdf", absl::StatusCode::kInvalidArgument, "PDF_UNREADABLE", "%PDF-"},
      {"bad_zero_pages.pdf", absl::StatusCode::kInvalidArgument, "PDF_UNREADABLE", "no pages"},
      {"bad_encrypted.pdf", absl::StatusCode::kFailedPrecondition, "PDF_ENCRYPTED", "password"},
      {"bad_image_only.pdf", absl::StatusCode::kFailedPrecondition, "PDF_NO_TEXT",
       "OCR is not done"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<PdfDocument> doc = ExtractPdf(Pdf(c.file), PdfLimits());
    ASSERT_FALSE(doc.ok()) << c.file;
    EXPECT_EQ(doc.status().code(), c.code) << c.file << ": " << doc.status();
    EXPECT_EQ(GetErrorReason(doc.status()).reason, c.reason) << c.file;
    EXPECT_TRUE(absl::StrContains(doc.status().message(), c.message_part))
        << c.file << ": " << doc.status();
  }
  // Empty input and a PDF header with nothing after it.
  EXPECT_EQ(ExtractPdf("", PdfLimits()).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ExtractPdf("%PDF-1.4\n", PdfLimits()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PdfExtractorTest, RefusesDocumentsOverThePageLimit) {
  PdfLimits limits;
  limits.max_pages = 2;
  absl::StatusOr<PdfDocument> doc = ExtractPdf(Pdf("A_RES_78_100.pdf"), limits);
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kResourceExhausted) << doc.status();
  EXPECT_EQ(GetErrorReason(doc.status()).reason, "PDF_TOO_MANY_PAGES");
  limits.max_pages = 3;
  EXPECT_TRUE(ExtractPdf(Pdf("A_RES_78_100.pdf"), limits).ok());
}

// A PDF of `pages` empty pages, with a correct cross-reference table.
std::string EmptyPagesPdf(int pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    kids += std::to_string(3 + i) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfExtractorTest, TwoThousandPagesAreOverTheDefaultLimit) {
  const std::string pdf = EmptyPagesPdf(2000);
  absl::StatusOr<PdfDocument> doc = ExtractPdf(pdf, PdfLimits());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kResourceExhausted) << doc.status();
  EXPECT_TRUE(absl::StrContains(doc.status().message(), "2000 pages")) << doc.status();
  // Under a higher limit the pages are read, and have no text.
  PdfLimits limits;
  limits.max_pages = 2000;
  EXPECT_EQ(ExtractPdf(pdf, limits).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(PdfExtractorTest, GroupsWordsByBaseline) {
  auto word = [](const char* text, float left, float top, float right, float bottom,
                 float size) {
    PdfWord w;
    w.text = text;
    w.box = PdfBox{left, top, right, bottom};
    w.font_size = size;
    return w;
  };
  std::vector<PdfWord> words = {
      word("for", 100, 100, 115, 111, 10), word("2023,", 118, 100, 140, 111, 10),
      word("1", 140.5, 98, 143, 104, 6),  // raised marker, glued
      word("Next", 100, 112, 120, 123, 10),
  };
  std::vector<PdfLine> lines = GroupWordsIntoLines(words, 4);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "for 2023,1");
  EXPECT_EQ(lines[0].page, 4);
  EXPECT_FLOAT_EQ(lines[0].font_size, 10);
  EXPECT_FLOAT_EQ(lines[0].box.top, 98);
  EXPECT_EQ(lines[1].text, "Next");
}

TEST(PdfExtractorTest, MergesFragmentsOfOneBaseline) {
  auto line = [](const char* text, float left, float top, float right) {
    PdfWord w;
    w.text = text;
    w.box = PdfBox{left, top, right, top + 11};
    w.font_size = 10;
    return GroupWordsIntoLines({w}, 3)[0];
  };
  // A justified line read as two blocks, a line of the first in between.
  std::vector<PdfLine> lines = {
      line("recommencement of", 147, 535.5, 342),
      line("constitutional", 123, 547.5, 276),
      line("public consultations", 352, 535.5, 488),
  };
  std::vector<PdfLine> merged = MergeBaselineFragments(lines, 3);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].text, "recommencement of public consultations");
  EXPECT_EQ(merged[1].text, "constitutional");
}

TEST(PdfExtractorTest, OrdersTheFootnoteZoneByRows) {
  auto line = [](const char* text, float left, float top, float right, float bottom,
                 float size) {
    PdfWord w;
    w.text = text;
    w.box = PdfBox{left, top, right, bottom};
    w.font_size = size;
    return GroupWordsIntoLines({w}, 2)[0];
  };
  // Reading order as the PDF library gives it: marker, footer, text.
  std::vector<PdfLine> lines = {
      line("Body", 100, 600, 200, 611, 10),
      line("__________", 100, 700, 170, 708, 8),
      line("1", 116, 718, 119, 723, 5.5),
      line("2/7", 60, 740, 75, 750, 10),
      line("Official", 123, 717, 160, 727, 8.5),
  };
  std::vector<PdfLine> ordered = OrderFootnoteZone(lines, 2);
  ASSERT_EQ(ordered.size(), 4u);
  EXPECT_EQ(ordered[0].text, "Body");
  EXPECT_EQ(ordered[2].text, "1 Official");
  EXPECT_EQ(ordered[3].text, "2/7");
}

}  // namespace
}  // namespace resolute
