// Where the page layout speaks it decides (issue 12): furniture from the
// header and footer bands, footnotes from the small text below the rule,
// markers from raised smaller digits; the text rules where it is silent.
// Table tests of pdf/pdf_typed_text.h (AnalyzePageLayout) on synthetic
// pages, and of the parser on synthetic TypedText with and without layout.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/parser.h"
#include "parser/typed_text.h"
#include "parser/typography.h"
#include "pdf/pdf_extractor.h"
#include "pdf/pdf_typed_text.h"

namespace resolute {
namespace {

// A word of `size` points whose box starts at (left, top); raised words sit
// higher than the words of their size would.
PdfWord Word(const std::string& text, float left, float top, float size, bool raised = false) {
  PdfWord w;
  w.text = text;
  w.font_size = size;
  const float width = 0.5f * size * static_cast<float>(text.size());
  const float t = raised ? top - 0.4f * size : top;
  w.box = PdfBox{left, t, left + width, t + 1.1f * size};
  return w;
}

// One line of words set left to right from `left`, each followed by a space.
PdfLine Line(std::vector<PdfWord> words, int page) {
  std::vector<PdfLine> lines = GroupWordsIntoLines(std::move(words), page);
  EXPECT_EQ(lines.size(), 1u);
  return lines.front();
}

std::vector<PdfWord> Words(const std::string& text, float left, float top, float size) {
  std::vector<PdfWord> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    out.push_back(Word(text.substr(i, j - i), left, top, size));
    left = out.back().box.right + 0.3f * size;
    i = j + 1;
  }
  return out;
}

PdfDocument ThreePages() {
  PdfDocument doc;
  for (int p = 1; p <= 3; ++p) {
    PdfPage& page = doc.pages.emplace_back();
    page.number = p;
    page.width = 612;
    page.height = 792;
    page.lines.push_back(Line(Words("A/RES/78/100", 60, 53, 8.5), p));
    page.lines.push_back(Line(Words("The running title", 380, 53, 8.5), p));
    std::vector<PdfWord> body = Words("Recalling its resolution 77/148 of 2022,", 123, 400, 10);
    body.push_back(Word(std::to_string(p), body.back().box.right + 0.5f, 400, 6.5, true));
    page.lines.push_back(Line(body, p));
    page.lines.push_back(Line(Words("__________________", 99, 700, 8), p));
    std::vector<PdfWord> note = {Word(std::to_string(p), 117, 712, 5.5, true)};
    for (PdfWord& w : Words("Official Records, Supplement No. 23.", 123, 712, 8.5)) {
      note.push_back(w);
    }
    page.lines.push_back(Line(note, p));
    page.lines.push_back(Line(Words(std::to_string(p) + "/3", 60, 750, 8.5), p));
    page.lines.push_back(Line(Words("23-24979", 524, 750, 7), p));
    if (p == 1) page.lines.push_back(Line(Words("*2324979*", 65, 760, 12), p));
    // More body text, so that 10 points is the body's size.
    for (int k = 0; k < 3; ++k) {
      page.lines.insert(page.lines.begin() + 3,
                        Line(Words("of the United Nations concerning the matter before it,", 123,
                                   500 + 12 * k, 10),
                             p));
    }
  }
  return doc;
}

TEST(AnalyzePageLayoutTest, RolesAndMarkers) {
  const PdfDocument doc = ThreePages();
  const auto layout = AnalyzePageLayout(doc);
  ASSERT_EQ(layout.size(), 3u);
  struct Case {
    int page;
    int line;
    TypedRole role;
    std::vector<std::string> markers;
  };
  const Case cases[] = {
      {1, 0, TypedRole::kFurniture, {}},  // symbol, repeated in the header band
      {1, 1, TypedRole::kFurniture, {}},  // running title, repeated
      {1, 2, TypedRole::kBody, {"1"}},    // body text; "2022,1": raised marker
      {1, 6, TypedRole::kBody, {}},       // the rule
      {1, 7, TypedRole::kFootnote, {"1"}},  // small text below the rule, opened by its marker
      {1, 8, TypedRole::kFurniture, {}},  // "1/3": the page's own number
      {1, 9, TypedRole::kFurniture, {}},  // job number repeated in the footer band
      {1, 10, TypedRole::kUnknown, {}},   // a barcode on one page only: not said
      {2, 2, TypedRole::kBody, {"2"}},
      {3, 8, TypedRole::kFurniture, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "page " << c.page << " line " << c.line);
    const PdfLine& line = doc.pages[c.page - 1].lines[c.line];
    const PdfLineLayout& got = layout[c.page - 1][c.line];
    EXPECT_EQ(got.role, c.role) << line.text;
    std::vector<std::string> markers;
    for (const TypedRange& r : got.markers) {
      markers.push_back(line.text.substr(r.begin, r.end - r.begin));
    }
    EXPECT_EQ(markers, c.markers) << line.text;
  }
}

// Digits that are neither smaller nor raised are no markers; "10,11" raised
// is two.
TEST(AnalyzePageLayoutTest, MarkersNeedSizeAndRise) {
  PdfDocument doc;
  PdfPage& page = doc.pages.emplace_back();
  page.number = 1;
  page.height = 792;
  std::vector<PdfWord> words = Words("resolution 70/1 of 2015 and 2", 123, 400, 10);
  // Small on the baseline (not raised), then small and raised.
  words.push_back(Word("3", words.back().box.right + 0.5f, 400 + 11 - 1.1f * 6.5f, 6.5));
  words.push_back(Word("10,11", words.back().box.right + 3, 400, 6.5, true));
  page.lines.push_back(Line(words, 1));
  const auto layout = AnalyzePageLayout(doc);
  const PdfLine& line = page.lines[0];
  std::vector<std::string> markers;
  for (const TypedRange& r : layout[0][0].markers) {
    markers.push_back(line.text.substr(r.begin, r.end - r.begin));
  }
  EXPECT_EQ(markers, (std::vector<std::string>{"10", "11"}));
}

// The whole PDF path on the synthetic pages: furniture and footnotes from
// the layout, the marker of each page's footnote at its raised digit.
TEST(AnalyzePageLayoutTest, ParsedThroughTypedText) {
  PdfDocument doc = ThreePages();
  // A preamble the parser recognises.
  doc.pages[0].lines.insert(doc.pages[0].lines.begin() + 2,
                            Line(Words("The General Assembly,", 147, 380, 10), 1));
  TypedText typed = PdfToTypedText(doc);
  EXPECT_TRUE(typed.has_layout);
  TypographyStats stats;
  ParseOptions options;
  options.typography_stats = &stats;
  v1::Resolution r;
  ASSERT_TRUE(ParseResolution(typed, options, &r).ok());
  // Header, running title, page and job numbers; page 1's header lines are
  // front matter, which the layout leaves alone.
  EXPECT_EQ(stats.furniture_lines_layout, 10);
  EXPECT_EQ(stats.furniture_lines_text, 1);     // the barcode: the text rules' call
  EXPECT_EQ(stats.footnote_lines_layout, 3);
  EXPECT_EQ(stats.footnote_lines_text, 0);
  EXPECT_EQ(stats.footnotes_layout, 3);
  EXPECT_EQ(stats.anchors_layout, 3);
  ASSERT_EQ(r.footnotes_size(), 3);
  for (const v1::Footnote& f : r.footnotes()) {
    EXPECT_EQ(f.text(), "Official Records, Supplement No. 23.");
  }
}

TypedLine L(const std::string& text, int page, TypedRole role = TypedRole::kUnknown,
            std::vector<TypedRange> markers = {}, std::vector<TypedRange> italic = {}) {
  TypedLine l;
  l.text = text;
  l.page = page;
  l.role = role;
  l.marker_ranges = std::move(markers);
  l.italic_ranges = std::move(italic);
  return l;
}

// Parses `typed`, counting into `*stats`.
v1::Resolution Parse(const TypedText& typed, TypographyStats* stats) {
  ParseOptions options;
  options.typography_stats = stats;
  v1::Resolution r;
  EXPECT_TRUE(ParseResolution(typed, options, &r).ok());
  return r;
}

const TypedRole kB = TypedRole::kBody;
const TypedRole kF = TypedRole::kFurniture;
const TypedRole kN = TypedRole::kFootnote;

// A document whose page layout says what the text does not: a running line
// the text rules cannot tell from text, two footnotes printed side by side
// below a rule, and the raised marker on the second of two "1"s.
TypedText Synthetic(bool has_layout) {
  TypedText t;
  t.has_italics = true;
  t.has_layout = has_layout;
  t.lines = {
      L("The General Assembly,", 1, kB, {}, {{0, 21}}),
      L("", 1),
      L("Recalling the Charter,1 the Covenant,1 and the Declaration,2", 1, kB, {{37, 38}, {59, 60}},
        {{0, 9}}),
      L("", 1),
      L("1. Decides to remain seized of the", 1, kB, {}, {{3, 10}}),
      L("Working draft of the committee", 1, kF),
      L("matter.", 2, kB),
      L("", 2),
      L("1 Charter text. 2 Declaration text.", 2, kN, {{0, 1}, {16, 17}}),
  };
  return t;
}

TEST(ParserLayoutTest, LayoutDecides) {
  TypographyStats stats;
  const v1::Resolution r = Parse(Synthetic(true), &stats);
  ASSERT_EQ(r.preambular_paragraphs_size(), 1);
  // The marker is the raised "1", not the first "1" glued to a word.
  EXPECT_EQ(r.preambular_paragraphs(0).text(),
            "Recalling the Charter,1 the Covenant, and the Declaration,");
  ASSERT_EQ(r.operative_paragraphs_size(), 1);
  EXPECT_EQ(r.operative_paragraphs(0).text(), "Decides to remain seized of the matter.");
  ASSERT_EQ(r.footnotes_size(), 2);
  EXPECT_EQ(r.footnotes(0).marker(), "1");
  EXPECT_EQ(r.footnotes(0).text(), "Charter text.");
  EXPECT_EQ(r.footnotes(1).marker(), "2");
  EXPECT_EQ(r.footnotes(1).text(), "Declaration text.");
  EXPECT_EQ(stats.furniture_lines_layout, 1);
  EXPECT_EQ(stats.footnotes_layout, 2);
  EXPECT_EQ(stats.anchors_layout, 2);
  EXPECT_EQ(stats.raised_markers, 4);
}

// Without layout (text input, or a PDF path that cannot tell) the text
// rules decide alone: the running line stays in the paragraph, the small
// text is not a footnote, and nothing is counted.
TEST(ParserLayoutTest, FallsBackWithoutLayout) {
  TypographyStats stats;
  const v1::Resolution r = Parse(Synthetic(false), &stats);
  ASSERT_EQ(r.operative_paragraphs_size(), 1);
  EXPECT_NE(r.operative_paragraphs(0).text().find("Working draft"), std::string::npos);
  EXPECT_EQ(r.footnotes_size(), 0);
  EXPECT_EQ(stats.raised_markers, 0);
  EXPECT_EQ(stats.furniture_lines_layout, 0);
}

// Any roles and marker ranges (overlapping, out of range, on blank lines)
// parse without harm, and every span stays inside the text.
TEST(ParserLayoutTest, ArbitraryLayoutIsHarmless) {
  std::mt19937 random(12);
  const std::string words[] = {"Recalling", "1.", "the", "2023,1", "____________", "A/RES/78/1",
                               "2/3", "Decides", "(a)", "12", "", "Official Records."};
  for (int doc = 0; doc < 300; ++doc) {
    TypedText t;
    t.has_italics = random() % 2 == 0;
    t.has_layout = true;
    t.lines.push_back(L("The General Assembly,", 1, kB, {}, {{0, 21}}));
    const int n = 1 + static_cast<int>(random() % 40);
    int page = 1;
    for (int i = 0; i < n; ++i) {
      if (random() % 8 == 0) ++page;
      std::string text;
      for (int w = static_cast<int>(random() % 6); w > 0; --w) {
        if (!text.empty()) text += ' ';
        text += words[random() % (sizeof(words) / sizeof(words[0]))];
      }
      std::vector<TypedRange> markers;
      for (int m = static_cast<int>(random() % 3); m > 0; --m) {
        const int b = static_cast<int>(random() % (text.size() + 3)) - 1;
        markers.push_back({b, b + static_cast<int>(random() % 4) - 1});
      }
      t.lines.push_back(L(text, page, static_cast<TypedRole>(random() % 4), markers,
                          {{0, static_cast<int>(random() % (text.size() + 2))}}));
    }
    SCOPED_TRACE(doc);
    TypographyStats stats;
    const v1::Resolution r = Parse(t, &stats);
    for (const v1::OperativeParagraph& p : r.operative_paragraphs()) {
      for (const v1::Span& s : p.spans()) {
        ASSERT_LE(s.start(), s.end());
        ASSERT_LE(s.end(), r.text().size());
      }
    }
    for (const v1::Footnote& f : r.footnotes()) {
      for (const v1::Span& s : f.spans()) ASSERT_LE(s.end(), r.text().size());
    }
  }
}

}  // namespace
}  // namespace resolute
