// The PDF path end to end in-process: extraction, typed lines, parser.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "parser/source_text.h"
#include "parser/typed_text.h"
#include "pdf/pdf_extractor.h"
#include "pdf/pdf_typed_text.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

using ::resolute::testing::ReadFile;
using ::resolute::testing::RunfilePath;

v1::Resolution ParsePdf(const std::string& id) {
  absl::StatusOr<PdfDocument> doc =
      ExtractPdf(ReadFile(RunfilePath("tests/testdata/pdf/" + id + ".pdf")), PdfLimits());
  EXPECT_TRUE(doc.ok()) << id << ": " << doc.status();
  v1::Resolution r;
  if (!doc.ok()) return r;
  const absl::Status s = ParseResolution(PdfToTypedText(*doc), ParseOptions(), &r);
  EXPECT_TRUE(s.ok()) << s;
  return r;
}

v1::Resolution Expected(const std::string& id) {
  v1::Resolution r;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto s = google::protobuf::util::JsonStringToMessage(
      ReadFile(RunfilePath("tests/testdata/expected/" + id + ".json")), &r, options);
  EXPECT_TRUE(s.ok()) << s;
  return r;
}

// Every bundled PDF gives the expected paragraphs with the lead phrases the
// UN printed in italics, and page anchors for their spans.
TEST(PdfParseTest, BundledPdfsMatchTheirExpectedParagraphs) {
  for (const std::string id : {"A_RES_78_100", "A_RES_79_103", "A_RES_79_3"}) {
    SCOPED_TRACE(id);
    const v1::Resolution got = ParsePdf(id);
    const v1::Resolution want = Expected(id);
    EXPECT_EQ(got.symbol(), want.symbol());
    EXPECT_EQ(got.title(), want.title());
    EXPECT_GT(got.page_count(), 1);
    ASSERT_EQ(got.preambular_paragraphs_size(), want.preambular_paragraphs_size());
    ASSERT_EQ(got.operative_paragraphs_size(), want.operative_paragraphs_size());
    for (int i = 0; i < got.preambular_paragraphs_size(); ++i) {
      const v1::PreambularParagraph& p = got.preambular_paragraphs(i);
      EXPECT_EQ(p.lead_phrase(), want.preambular_paragraphs(i).lead_phrase()) << p.text();
      ASSERT_GT(p.spans_size(), 0);
      ASSERT_GT(p.spans(0).page_regions_size(), 0);
      const v1::BoundingBox& b = p.spans(0).page_regions(0).bounding_box();
      EXPECT_LT(b.left(), b.right());
      EXPECT_LT(b.top(), b.bottom());
    }
    // Footnotes from the small text below the rule, anchored at the raised
    // markers (pdf/pdf_typed_text.h): markers and texts as expected.
    ASSERT_EQ(got.footnotes_size(), want.footnotes_size());
    for (int i = 0; i < got.footnotes_size(); ++i) {
      EXPECT_EQ(got.footnotes(i).marker(), want.footnotes(i).marker());
      EXPECT_EQ(got.footnotes(i).text(), want.footnotes(i).text());
    }
    for (int i = 0; i < got.preambular_paragraphs_size(); ++i) {
      EXPECT_EQ(absl::StrJoin(got.preambular_paragraphs(i).footnote_markers(), ","),
                absl::StrJoin(want.preambular_paragraphs(i).footnote_markers(), ","));
    }
    for (int i = 0; i < got.operative_paragraphs_size(); ++i) {
      const v1::OperativeParagraph& p = got.operative_paragraphs(i);
      EXPECT_EQ(absl::StrJoin(p.footnote_markers(), ","),
                absl::StrJoin(want.operative_paragraphs(i).footnote_markers(), ","));
      EXPECT_EQ(p.number(), want.operative_paragraphs(i).number());
      EXPECT_EQ(p.lead_phrase(), want.operative_paragraphs(i).lead_phrase()) << p.text();
      EXPECT_GE(p.spans(0).page_regions(0).page(), 1);
      EXPECT_LE(p.spans(0).page_regions(0).page(), got.page_count());
    }
  }
}

TEST(PdfParseTest, SpansPointIntoTheExtractedText) {
  const v1::Resolution r = ParsePdf("A_RES_78_100");
  ASSERT_FALSE(r.text().empty());
  for (const v1::OperativeParagraph& p : r.operative_paragraphs()) {
    std::vector<Span> spans;
    for (const v1::Span& s : p.spans()) {
      spans.push_back({static_cast<int>(s.start()), static_cast<int>(s.end())});
    }
    EXPECT_EQ(JoinSpans(r.text(), spans), p.text());
  }
  // The first operative paragraph is on page 2, the first preambular on page 1.
  EXPECT_EQ(r.preambular_paragraphs(0).spans(0).page_regions(0).page(), 1);
  EXPECT_EQ(r.operative_paragraphs(0).spans(0).page_regions(0).page(), 2);
}

// Italics decide where a lead phrase ends, against the text rules' guess;
// a paragraph that opens upright has none.
TEST(PdfParseTest, ItalicsDecideTheLeadPhrase) {
  auto line = [](const char* text, std::vector<TypedRange> italic) {
    TypedLine l;
    l.text = text;
    l.page = 1;
    l.italic_ranges = std::move(italic);
    return l;
  };
  TypedText input;
  input.has_italics = true;
  input.lines = {
      line("The General Assembly,", {{0, 21}}),
      line("", {}),
      line("Affirming its strong support for the Organization,", {{0, 28}}),
      line("", {}),
      line("Recalling its resolution 77/148,", {}),
      line("", {}),
      line("1. Expresses its intention to consider the matter;", {{3, 27}}),
      line("", {}),
      line("2. Decides to remain seized of the matter.", {{3, 10}}),
  };
  v1::Resolution r;
  ASSERT_TRUE(ParseResolution(input, ParseOptions(), &r).ok());
  ASSERT_EQ(r.preambular_paragraphs_size(), 2);
  EXPECT_EQ(r.preambular_paragraphs(0).lead_phrase(), "Affirming its strong support");
  EXPECT_EQ(r.preambular_paragraphs(1).lead_phrase(), "");
  ASSERT_EQ(r.operative_paragraphs_size(), 2);
  EXPECT_EQ(r.operative_paragraphs(0).lead_phrase(), "Expresses its intention");
  EXPECT_EQ(r.operative_paragraphs(1).lead_phrase(), "Decides");
  EXPECT_EQ(r.page_count(), 0);
  EXPECT_EQ(r.preambular_paragraphs(0).spans(0).page_regions_size(), 0);  // no word boxes

  // Without italics (text input) the text rules decide.
  input.has_italics = false;
  ASSERT_TRUE(ParseResolution(input, ParseOptions(), &r).ok());
  EXPECT_EQ(r.preambular_paragraphs(1).lead_phrase(), "Recalling");
}

// A line wholly in bold between two paragraphs is a section heading, even
// when it opens with a word that opens preambular paragraphs; the same line
// without bold is not.
TEST(PdfParseTest, BoldLineIsAHeading) {
  auto line = [](const char* text, std::vector<TypedRange> italic,
                 std::vector<TypedRange> bold) {
    TypedLine l;
    l.text = text;
    l.page = 1;
    l.italic_ranges = std::move(italic);
    l.bold_ranges = std::move(bold);
    return l;
  };
  TypedText input;
  input.has_italics = true;
  input.lines = {
      line("The General Assembly,", {{0, 21}}, {}),
      line("", {}, {}),
      line("Recalling its resolution 77/148,", {{0, 9}}, {}),
      line("", {}, {}),
      line("1. Welcomes the report;", {{3, 11}}, {}),
      line("", {}, {}),
      line("Ensuring adequate funding and improving information", {}, {{0, 51}}),
      line("", {}, {}),
      line("2. Decides to remain seized of the matter.", {{3, 10}}, {}),
  };
  v1::Resolution r;
  ASSERT_TRUE(ParseResolution(input, ParseOptions(), &r).ok());
  ASSERT_EQ(r.headings_size(), 1);
  EXPECT_EQ(r.headings(0).text(), "Ensuring adequate funding and improving information");
  ASSERT_EQ(r.operative_paragraphs_size(), 2);
  EXPECT_EQ(r.operative_paragraphs(0).text(), "Welcomes the report;");

  input.lines[6].bold_ranges.clear();
  ASSERT_TRUE(ParseResolution(input, ParseOptions(), &r).ok());
  EXPECT_EQ(r.headings_size(), 0);
}

}  // namespace
}  // namespace resolute
