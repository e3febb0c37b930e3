// End-to-end tests of the parser library on small texts and the seed
// resolution: rejections, and the artefacts each stage must repair.
#include "parser/parser.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/error_reason.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parser/source_text.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ParseResolution, RejectsBadInput) {
  const struct {
    std::string input;
    absl::StatusCode code;
    std::string message;
  } cases[] = {
      {"", absl::StatusCode::kInvalidArgument, "content is empty"},
      {" \n\t\n", absl::StatusCode::kInvalidArgument, "only whitespace"},
      {"abc\xFF" "def", absl::StatusCode::kInvalidArgument, "invalid byte 0xff at byte offset 3"},
      {"caf\xC3", absl::StatusCode::kInvalidArgument, "at byte offset 3"},
      {std::string(101, 'x'), absl::StatusCode::kResourceExhausted,
       "content is 101 bytes; the limit is 100 bytes"},
  };
  ParseOptions options;
  options.max_input_bytes = 100;
  for (const auto& c : cases) {
    auto result = ParseResolution(c.input, options);
    ASSERT_FALSE(result.ok()) << c.input;
    EXPECT_EQ(result.status().code(), c.code) << c.input;
    EXPECT_THAT(std::string(result.status().message()), HasSubstr(c.message));
  }
}

// One rule for "no text", whatever the characters: whitespace, no-break and
// zero-width spaces, soft hyphens, byte order marks and control characters
// alone are CONTENT_NO_TEXT; a NUL byte anywhere is CONTENT_BINARY.
TEST(ParseResolution, NoTextAndBinaryReasons) {
  const struct {
    std::string input;
    std::string reason;
  } cases[] = {
      {" \n\t\n", "CONTENT_NO_TEXT"},
      {"\xC2\xA0\xC2\xA0\n", "CONTENT_NO_TEXT"},            // no-break spaces
      {"\xE2\x80\x8B\xE2\x80\x8B", "CONTENT_NO_TEXT"},      // zero-width spaces
      {"\xEF\xBB\xBF\xC2\xAD\x01\x7F\n\f", "CONTENT_NO_TEXT"},  // BOM, soft hyphen, controls
      {std::string("\0\0\0", 3), "CONTENT_BINARY"},
      {std::string("1. Decides\0 to act;", 19), "CONTENT_BINARY"},
  };
  for (const auto& c : cases) {
    auto result = ParseResolution(c.input);
    ASSERT_FALSE(result.ok()) << absl::CEscape(c.input);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(GetErrorReason(result.status()).reason, c.reason) << absl::CEscape(c.input);
    EXPECT_EQ(GetErrorReason(result.status()).field, "content");
  }
  // A single visible character is text.
  EXPECT_TRUE(ParseResolution("\xC2\xA0x").ok());
}

// Standard openings of preambular paragraphs that the development corpus
// happens not to use (lexicon.cc, "Beyond the corpus") still open a
// paragraph each, with their lead phrase.
TEST(ParseResolution, OpeningsBeyondTheCorpusOpenParagraphs) {
  auto result = ParseResolution(
      "The General Assembly,\n\n"
      "Grateful to the Government of Qatar for hosting the conference,\n\n"
      "Deeply shocked by the attacks,\n\n"
      "Keenly aware of the needs,\n\n"
      "1. Decides to remain seized of the matter.\n");
  ASSERT_TRUE(result.ok()) << result.status();
  std::vector<std::string> leads;
  for (const auto& p : result->preambular_paragraphs()) leads.push_back(p.lead_phrase());
  EXPECT_THAT(leads, ElementsAre("Grateful", "Deeply shocked", "Keenly aware"));
}

TEST(ParseResolution, NeverFailsOnOddText) {
  for (const char* text : {"x", "\n\n\f\nx", "1.", "(a)", "______\n1 note.", "The General Assembly,",
                           "Annex\n\nAnnex", "__________\n1\n2\n3", "[footnoteRef:1] [1: x]"}) {
    auto result = ParseResolution(text);
    EXPECT_TRUE(result.ok()) << text << ": " << result.status();
  }
}

// The seed resolution: no page furniture, footnote 1 cuts the fourth
// preambular paragraph in two, footnote 2 comes after the closing lines.
class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text =
        testing::ReadFile(testing::RunfilePath("tests/testdata/corpus/A_RES_57_168.seed.txt"));
    auto result = ParseResolution(text);
    ASSERT_TRUE(result.ok()) << result.status();
    r_ = *std::move(result);
  }
  v1::Resolution r_;
};

TEST_F(SeedTest, Metadata) {
  EXPECT_EQ(r_.symbol(), "A/RES/57/168");
  EXPECT_EQ(r_.body(), v1::BODY_GENERAL_ASSEMBLY);
  EXPECT_EQ(r_.session(), "57");
  EXPECT_EQ(r_.number(), "57/168");
  EXPECT_THAT(r_.title(), HasSubstr("International cooperation in the fight against"));
  EXPECT_EQ(r_.adoption().date(), "2002-12-18");
  EXPECT_EQ(r_.adoption().meeting(), "77th plenary meeting");
}

TEST_F(SeedTest, FootnoteBlockInsideParagraphIsRejoined) {
  ASSERT_EQ(r_.preambular_paragraphs_size(), 4);
  const v1::PreambularParagraph& p4 = r_.preambular_paragraphs(3);
  EXPECT_EQ(p4.lead_phrase(), "Reaffirming");
  EXPECT_EQ(p4.text(),
            "Reaffirming that the adoption of the Convention and the Protocols thereto is a "
            "significant development in international criminal law and that they constitute "
            "important instruments for effective international cooperation against "
            "transnational organized crime,");
  // Two pieces: before and after the footnote block.
  EXPECT_EQ(p4.spans_size(), 2);
}

TEST_F(SeedTest, FootnotesAnchored) {
  ASSERT_EQ(r_.footnotes_size(), 2);
  EXPECT_EQ(r_.footnotes(0).marker(), "1");
  EXPECT_EQ(r_.footnotes(0).text(),
            "Formerly known as the Office for Drug Control and Crime Prevention.");
  EXPECT_EQ(r_.footnotes(0).anchor_eid(), "preamble__para_2");
  EXPECT_THAT(r_.preambular_paragraphs(1).footnote_markers(), ElementsAre("1"));
  EXPECT_THAT(r_.preambular_paragraphs(1).text(), HasSubstr("Office on Drugs and Crime of the"));
  EXPECT_EQ(r_.footnotes(1).marker(), "2");
  EXPECT_EQ(r_.footnotes(1).text(), "E/CN.15/2002/10.");
  EXPECT_EQ(r_.footnotes(1).anchor_eid(), "para_1");
  EXPECT_THAT(r_.operative_paragraphs(0).footnote_markers(), ElementsAre("2"));
}

TEST_F(SeedTest, OperativeParagraphs) {
  ASSERT_EQ(r_.operative_paragraphs_size(), 7);
  EXPECT_EQ(r_.operative_paragraphs(0).number(), "1");
  EXPECT_EQ(r_.operative_paragraphs(0).lead_phrase(), "Takes note with appreciation");
  EXPECT_EQ(r_.operative_paragraphs(4).lead_phrase(), "Also welcomes");
  EXPECT_EQ(r_.operative_paragraphs(6).eid(), "para_7");
}

TEST(ParseResolution, PageFurnitureAndNumbersOnTheirOwnLine) {
  // pdftotext style: no blank lines, numbers alone on their line, a page
  // break with a running header inside a paragraph, a spaced marker.
  const std::string text =
      "A/RES/79/9\nUnited Nations\nGeneral Assembly\nDistr.: General\n3 January 2025\n"
      "Seventy-ninth session\nAgenda item 5\n"
      "Resolution adopted by the General Assembly\non 2 January 2025\n"
      "79/9.\nTesting the parser\nThe General Assembly,\n"
      "Recalling its resolution 78/1 of 1 May 2024,\n"
      "Noting the report of the Secretary-General, 1\n"
      "1.\nRequests the Secretary-General to report on the\n"
      "__________________\n1\nA/79/1.\n25-00001 (E)\n*2500001*\n"
      "\fA/RES/79/9\nTesting the parser\n"
      "implementation of this resolution;\n2.\nDecides to remain seized of the matter.\n"
      "9th plenary meeting\n2 January 2025\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->symbol(), "A/RES/79/9");
  EXPECT_EQ(r->title(), "Testing the parser");
  EXPECT_EQ(r->distribution_date(), "2025-01-03");
  EXPECT_EQ(r->adoption().date(), "2025-01-02");
  EXPECT_EQ(r->adoption().meeting(), "9th plenary meeting");
  EXPECT_EQ(r->agenda_item().number(), "5");
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_EQ(r->preambular_paragraphs(1).text(), "Noting the report of the Secretary-General,");
  EXPECT_THAT(r->preambular_paragraphs(1).footnote_markers(), ElementsAre("1"));
  ASSERT_EQ(r->operative_paragraphs_size(), 2);
  EXPECT_EQ(r->operative_paragraphs(0).text(),
            "Requests the Secretary-General to report on the implementation of this resolution;");
  ASSERT_EQ(r->footnotes_size(), 1);
  EXPECT_EQ(r->footnotes(0).text(), "A/79/1.");
  EXPECT_EQ(r->operative_paragraphs(1).lead_phrase(), "Decides");
}

TEST(ParseResolution, DetachedFootnoteMarkersArePairedInOrder) {
  // pdftotext prints some markers after all the texts of a block.
  const std::string text =
      "A/RES/79/8\n79/8.\nMarkers\nThe General Assembly,\n"
      "Noting the first report, 1\nNoting the second report, 2\nNoting the third report, 3\n"
      "1.\nDecides to conclude.\n"
      "__________________\nFirst note.\nSecond note.\n3\nThird note.\n1\n2\n"
      "\fA/RES/79/8\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->footnotes_size(), 3);
  EXPECT_EQ(r->footnotes(0).marker(), "1");
  EXPECT_EQ(r->footnotes(0).text(), "First note.");
  EXPECT_EQ(r->footnotes(1).text(), "Second note.");
  EXPECT_EQ(r->footnotes(2).marker(), "3");
  EXPECT_EQ(r->footnotes(2).text(), "Third note.");
  EXPECT_EQ(r->footnotes(2).anchor_eid(), "preamble__para_3");
}

TEST(ParseResolution, MarkersGluedToResolutionNumbers) {
  // PyMuPDF prints a marker after a resolution number without a space:
  // "54/26" + "12" reads "54/2612". A number and marker longer than any
  // session-numbered resolution (three digits) are split; a year
  // ("No. 10/2018") and a number that could be a resolution ("54/262") are
  // not.
  const std::string text =
      "A/RES/79/7\n79/7.\nNumbers\nThe General Assembly,\n"
      "Recalling Law No. 10/2018 and its resolution 54/262,\n"
      "Recalling also Human Rights Council resolutions 54/18,11 54/2612 and 54/3313 of "
      "12 October 2023,\n"
      "1.\nDecides to conclude.\n"
      "__________________\n11 First note.\n12 Second note.\n13 Third note.\n"
      "\fA/RES/79/7\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ::testing::IsEmpty());
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Recalling Law No. 10/2018 and its resolution 54/262,");
  EXPECT_THAT(r->preambular_paragraphs(1).footnote_markers(), ElementsAre("11", "12", "13"));
  EXPECT_EQ(r->preambular_paragraphs(1).text(),
            "Recalling also Human Rights Council resolutions 54/18, 54/26 and 54/33 of "
            "12 October 2023,");
  std::vector<std::string> symbols;
  for (const auto& c : r->citations()) symbols.push_back(c.symbol());
  EXPECT_THAT(symbols, ::testing::IsSupersetOf({"A/HRC/RES/54/26", "A/HRC/RES/54/33"}));
  EXPECT_THAT(symbols, ::testing::Not(::testing::Contains("A/HRC/RES/54/2612")));
}

TEST(ParseResolution, SpacedMarkerAfterResolutionNumber) {
  // pdftotext keeps the marker apart: "55/28 31 and 55/29".
  const std::string text =
      "A/RES/79/6\n79/6.\nNumbers\nThe General Assembly,\n"
      "Recalling its resolutions 55/28 31 and 55/29 of 5 April 2024,\n"
      "1.\nDecides to conclude.\n"
      "__________________\n31 A note.\n"
      "\fA/RES/79/6\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 1);
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ElementsAre("31"));
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Recalling its resolutions 55/28 and 55/29 of 5 April 2024,");
  EXPECT_EQ(r->footnotes(0).anchor_eid(), "preamble__para_1");
}

TEST(ParseResolution, MarkersAfterYearsInRangesAtLineStartsAndBeforeFullStops) {
  // "Decade 2014–2024" + marker "2" prints "2014–20242" (PyMuPDF) or
  // "2014–2024 2" (pdftotext); a year that starts a line takes its marker
  // glued too ("of\n19933"). A range that is not of years ("10–12") and a
  // longer number after a range ("2014–202412") are left alone.
  const std::string text =
      "A/RES/79/5\n79/5.\nRanges\nThe General Assembly,\n"
      "Recalling the Programme of Action for the Decade 2014\xE2\x80\x93" "20242 and "
      "the Sendai Framework 2015-2030 3 on risk,\n"
      "Noting the Convention of\n19934 and paragraphs 10\xE2\x80\x93" "12 of the report,\n"
      "1.\nDecides to conclude in 2014\xE2\x80\x93" "202412 at the latest.\n"
      "2.\nRecalls the conference held from 5 to 9 June 2017.5\n"
      "3.\nNotes that 6.8 million people returned, and 2017.5 tonnes were shipped.\n"
      "__________________\n2 First note.\n3 Second note.\n4 Third note.\n5 Fourth note.\n"
      "\fA/RES/79/5\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ElementsAre("2", "3"));
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Recalling the Programme of Action for the Decade 2014\xE2\x80\x93" "2024 and "
            "the Sendai Framework 2015-2030 on risk,");
  EXPECT_THAT(r->preambular_paragraphs(1).footnote_markers(), ElementsAre("4"));
  EXPECT_EQ(r->preambular_paragraphs(1).text(),
            "Noting the Convention of 1993 and paragraphs 10\xE2\x80\x93" "12 of the report,");
  ASSERT_EQ(r->footnotes_size(), 4);
  for (const auto& fn : r->footnotes()) EXPECT_FALSE(fn.anchor_eid().empty()) << fn.marker();
  ASSERT_EQ(r->operative_paragraphs_size(), 3);
  EXPECT_THAT(r->operative_paragraphs(0).footnote_markers(), ::testing::IsEmpty());
  EXPECT_THAT(r->operative_paragraphs(0).text(), ::testing::HasSubstr("202412"));
  // A marker after the full stop that ends a sentence on a date; a decimal
  // number after no date is left alone.
  EXPECT_THAT(r->operative_paragraphs(1).footnote_markers(), ElementsAre("5"));
  EXPECT_EQ(r->operative_paragraphs(1).text(),
            "Recalls the conference held from 5 to 9 June 2017.");
  EXPECT_THAT(r->operative_paragraphs(2).footnote_markers(), ::testing::IsEmpty());
  EXPECT_THAT(r->operative_paragraphs(2).text(), ::testing::HasSubstr("6.8 million"));
  EXPECT_THAT(r->operative_paragraphs(2).text(), ::testing::HasSubstr("2017.5 tonnes"));
}

TEST(ParseResolution, TwoMarkersWithACommaBetweenThem) {
  // PyMuPDF prints the markers "10" and "11" of one place as "10,11"; the
  // comma goes with them. A number with a thousands comma is not a marker.
  const std::string text =
      "A/RES/79/4\n79/4.\nPairs\nThe General Assembly,\n"
      "Noting the highest number of fatalities recorded in a single conflict,10,11\n"
      "Noting also that 1,12 and 10,110 are numbers,\n"
      "1.\nDecides to conclude.\n"
      "__________________\n10 First note.\n11 Second note.\n"
      "\fA/RES/79/4\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ElementsAre("10", "11"));
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Noting the highest number of fatalities recorded in a single conflict,");
  EXPECT_THAT(r->preambular_paragraphs(1).footnote_markers(), ::testing::IsEmpty());
  EXPECT_EQ(r->preambular_paragraphs(1).text(), "Noting also that 1,12 and 10,110 are numbers,");
}

TEST(ParseResolution, MarkerGluedBetweenAWordAndAFunctionWord) {
  // PyMuPDF may drop the space after a marker: "Agreement1and its". Only a
  // short function word after the marker counts: "mp2player" is no marker.
  const std::string text =
      "A/RES/79/3\n79/3.\nGlued\nThe General Assembly,\n"
      "Reaffirming the Paris Agreement1and its early entry into force,\n"
      "Noting the mp2player format,\n"
      "1.\nDecides to conclude.\n"
      "__________________\n1 First note.\n2 Second note.\n"
      "\fA/RES/79/3\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ElementsAre("1"));
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Reaffirming the Paris Agreement and its early entry into force,");
  EXPECT_THAT(r->preambular_paragraphs(1).footnote_markers(), ::testing::IsEmpty());
  EXPECT_EQ(r->preambular_paragraphs(1).text(), "Noting the mp2player format,");
  ASSERT_EQ(r->footnotes_size(), 2);
  EXPECT_EQ(r->footnotes(1).anchor_eid(), "");
}

TEST(ParseResolution, NamesWithParticiplesDoNotOpenParagraphs) {
  // "High Contracting Parties", "Small Island Developing States": a line
  // that starts with such a name continues its paragraph, even after a
  // blank line (mutool prints one between the lines of some paragraphs).
  const std::string text =
      "A/RES/79/2\n79/2.\nNames\nThe General Assembly,\n"
      "Welcoming the results of the Annual Conference of the High\n\n"
      "Contracting Parties to Protocol V, held in Geneva,\n\n"
      "Recalling the Programme of Action for Small Island\n"
      "Developing States and the mandate of the Working Group,\n"
      "1.\nDecides to conclude.\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_EQ(r->preambular_paragraphs(0).text(),
            "Welcoming the results of the Annual Conference of the High Contracting Parties to "
            "Protocol V, held in Geneva,");
  EXPECT_EQ(r->preambular_paragraphs(1).lead_phrase(), "Recalling");
  EXPECT_EQ(r->operative_paragraphs_size(), 1);
}

TEST(ParseResolution, ABlankLineAfterAFullLineEndingInAnArticleIsNoParagraphEnd) {
  // mutool may print a blank line between the lines of a paragraph; a full
  // line that ends in "the" cannot end one, whatever the next line starts
  // with ("Granting" reads as a participle).
  const std::string text =
      "A/RES/79/1\n79/1.\nDangling\nThe General Assembly,\n"
      "Having considered the item entitled \xE2\x80\x9CImplementation of the Declaration on the\n\n"
      "Granting of Independence to Colonial Countries and Peoples by the agencies\xE2\x80\x9D,\n\n"
      "Conscious of the need to facilitate the implementation of the Declaration on\n"
      "the Granting of Independence to Colonial Countries and Peoples, in full,\n"
      "1.\nDecides to conclude.\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 2);
  EXPECT_EQ(r->preambular_paragraphs(0).lead_phrase(), "Having considered");
  EXPECT_THAT(r->preambular_paragraphs(0).text(), ::testing::HasSubstr("on the Granting of"));
  EXPECT_EQ(r->preambular_paragraphs(1).lead_phrase(), "Conscious");
}

TEST(ParseResolution, SpreadWordsGoBackInTheirLine) {
  // pdftotext prints the widely spaced words of a justified line on lines of
  // their own after the paragraph; they go back after the short line.
  const std::string full_line =
      "Noting the report of the Secretary-General on the work of the Organization in 2024,\n";
  const std::string text =
      "A/RES/79/5\n79/5.\nSpacing\nThe General Assembly,\n" + full_line + full_line +
      "Reaffirming the principles of humanity, neutrality,\n"
      "independence for the provision of humanitarian assistance,\n\nimpartiality\n\nand\n\n"
      "1.\nDecides to conclude, and to remain seized of the matter in the year 2025;\n"
      "2.\nRequests a report on the matter at its eightieth session, as follows:\n\nnext\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->preambular_paragraphs_size(), 3);
  EXPECT_EQ(r->preambular_paragraphs(2).text(),
            "Reaffirming the principles of humanity, neutrality, impartiality and independence "
            "for the provision of humanitarian assistance,");
  // The spans still give the text back, in their new order.
  std::vector<Span> spans;
  for (const v1::Span& s : r->preambular_paragraphs(2).spans()) {
    spans.push_back(Span{static_cast<int>(s.start()), static_cast<int>(s.end())});
  }
  EXPECT_GT(spans.size(), 1u);
  EXPECT_EQ(JoinSpans(r->text(), spans), r->preambular_paragraphs(2).text());
  // No short line before the last one: the words stay at the end.
  ASSERT_EQ(r->operative_paragraphs_size(), 2);
  EXPECT_EQ(r->operative_paragraphs(1).text(),
            "Requests a report on the matter at its eightieth session, as follows: next");
}

TEST(ParseResolution, SpreadWordsInASubparagraphAfterAPageBreak) {
  // The spread words of a sub-paragraph's line come after the page header
  // that follows it.
  const std::string full_line =
      "existing institutional capacities, work better as a system, overcome fragmentation and\n";
  const std::string text =
      "A/RES/79/3\n79/3.\nSpacing\nThe General Assembly,\n"
      "Noting the report of the Secretary-General on the work of the Organization in 2024,\n"
      "1.\nDecides that the system will be:\n"
      "(a) Interconnected, to ensure that the multilateral system can draw together\n" +
      full_line + full_line + "comprehensively address\nmaximizing efficiencies;\n\n"
      "\fA/RES/79/3\n\nmultidimensional,\n\nmultisectoral\n\nchallenges,\n\nwhile\n\n"
      "(b) Financially stable, by ensuring adequate, sustainable and predictable financing.\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->operative_paragraphs_size(), 1);
  ASSERT_EQ(r->operative_paragraphs(0).subparagraphs_size(), 2);
  EXPECT_THAT(r->operative_paragraphs(0).subparagraphs(0).text(),
              ::testing::EndsWith("comprehensively address multidimensional, multisectoral "
                                  "challenges, while maximizing efficiencies;"));
}

TEST(ParseResolution, DisplacedEndBeforeAFigure) {
  // pdftotext: "(a)" / "period;" / "" / "65,459,100 dollars ... for the".
  const std::string text =
      "A/RES/79/2\n79/2.\nBudget\nThe General Assembly,\n"
      "Having considered the report of the Secretary-General,\n"
      "1.\nDecides to appropriate the following:\n"
      "(a)\nperiod;\n\n65,459,100 dollars, being the estimated appropriation approved for the\n\n"
      "(b) Less 3,369,000 dollars, being the credit of the cancellation;\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->operative_paragraphs_size(), 1);
  ASSERT_EQ(r->operative_paragraphs(0).subparagraphs_size(), 2);
  EXPECT_EQ(r->operative_paragraphs(0).subparagraphs(0).text(),
            "65,459,100 dollars, being the estimated appropriation approved for the period;");
}

TEST(ParseResolution, FootnoteWithoutFullStopEndsAtTheNextNumber) {
  // "... No. 30822" lacks its full stop; "4 Adopted ..." after a blank line
  // is the next footnote, not more of it.
  const std::string text =
      "A/RES/79/1\n79/1.\nNotes\nThe General Assembly,\n"
      "Recalling the Convention,1 and the Agreement,2\n"
      "1.\nDecides to conclude.\n"
      "__________________\n\n1 United Nations, Treaty Series, vol. 1771, No. 30822\n\n"
      "2 Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.\n"
      "\fA/RES/79/1\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->footnotes_size(), 2);
  EXPECT_EQ(r->footnotes(0).text(), "United Nations, Treaty Series, vol. 1771, No. 30822");
  EXPECT_EQ(r->footnotes(1).marker(), "2");
  EXPECT_EQ(r->footnotes(1).anchor_eid(), "preamble__para_1");
}

TEST(ParseResolution, SubparagraphsNestAndRomanNumeralsAreRecognised) {
  const std::string text =
      "The General Assembly,\nRecalling its work,\n"
      "1. Decides:\n(a) To do one thing;\n(b) To do another, namely:\n(i) this;\n(ii) that;\n"
      "(c) To continue;\n(h) skipped;\n"
      "2. Requests a report.\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->operative_paragraphs_size(), 2);
  const v1::OperativeParagraph& p = r->operative_paragraphs(0);
  EXPECT_EQ(p.text(), "Decides:");
  ASSERT_EQ(p.subparagraphs_size(), 3);
  EXPECT_EQ(p.subparagraphs(1).number(), "b");
  ASSERT_EQ(p.subparagraphs(1).subparagraphs_size(), 2);
  EXPECT_EQ(p.subparagraphs(1).subparagraphs(1).number(), "ii");
  EXPECT_EQ(p.subparagraphs(1).subparagraphs(1).eid(), "para_1__subpara_b__subpara_ii");
  // "(h)" out of sequence is text of (c), not a new item.
  EXPECT_EQ(p.subparagraphs(2).text(), "To continue; (h) skipped;");
}

TEST(ParseResolution, WordExportInlineFootnotes) {
  const std::string text =
      "Recalling the Agenda,[footnoteRef:1] [1:  Resolution 70/1.] \n"
      "1.\tTakes note of the report;[footnoteRef:2] [2:  A/70/684.] \n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->preambular_paragraphs_size(), 1);
  EXPECT_EQ(r->preambular_paragraphs(0).text(), "Recalling the Agenda,");
  EXPECT_THAT(r->preambular_paragraphs(0).footnote_markers(), ElementsAre("1"));
  ASSERT_EQ(r->footnotes_size(), 2);
  EXPECT_EQ(r->footnotes(1).text(), "A/70/684.");
  EXPECT_EQ(r->footnotes(1).anchor_eid(), "para_1");
}

TEST(ParseResolution, ResolutionInParts) {
  const std::string text =
      "A/RES/77/263\n77/263. Questions relating to the programme budget\n\nA\n"
      "Special subjects\n\nThe General Assembly,\nRecalling its work,\n"
      "1. Decides one thing;\n2. Decides another.\n\n53rd plenary meeting\n30 December 2022\n\n"
      "B\nRevised estimates\n\nThe General Assembly,\nHaving considered the report,\n"
      "1. Approves the estimates.\n\n70th plenary meeting\n18 April 2023\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title(), "Questions relating to the programme budget");
  ASSERT_EQ(r->parts_size(), 2);
  EXPECT_EQ(r->parts(0).label(), "A");
  EXPECT_EQ(r->parts(0).title(), "Special subjects");
  EXPECT_EQ(r->parts(1).title(), "Revised estimates");
  ASSERT_EQ(r->operative_paragraphs_size(), 3);
  EXPECT_EQ(r->operative_paragraphs(2).number(), "1");
  EXPECT_EQ(r->operative_paragraphs(2).part(), "B");
  EXPECT_EQ(r->operative_paragraphs(2).eid(), "part_B__para_1");
  EXPECT_EQ(r->preambular_paragraphs(1).eid(), "part_B__preamble__para_2");
  EXPECT_EQ(r->adoption().meeting(), "53rd plenary meeting");
}

TEST(ParseResolution, SessionForms) {
  const struct {
    std::string number_line;
    std::string symbol;
    std::string session;
  } cases[] = {
      {"1514 (XV). Declaration on the granting of independence", "A/RES/1514(XV)", "15"},
      {"ES-11/1. Aggression against Ukraine", "A/RES/ES-11/1", "ES-11"},
      {"S-32/1. Political declaration", "A/RES/S-32/1", "S-32"},
      {"78/100. Dissemination of information", "A/RES/78/100", "78"},
  };
  for (const auto& c : cases) {
    auto r = ParseResolution(c.number_line + "\nThe General Assembly,\nRecalling x,\n1. Decides y.\n");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->symbol(), c.symbol) << c.number_line;
    EXPECT_EQ(r->session(), c.session) << c.number_line;
    EXPECT_EQ(r->body(), v1::BODY_GENERAL_ASSEMBLY) << c.number_line;
  }
}

TEST(ParseResolution, SecurityCouncilVoteAndTrailingFootnotes) {
  const std::string text =
      "Resolution 678 (1990)\nof 29 November 1990\n\nThe Security Council,\n\n"
      "Noting the report of the Secretary-General, 4\n\n"
      "1. Demands that Iraq comply fully;\n\n2. Decides to remain seized of the matter.\n\n"
      "Adopted at the 2963rd meeting by\n12 votes to 2 (Cuba and Yemen),\nwith 1 abstention (China).\n\n"
      "4 Official Records of the Security Council, document S/21911.\n";
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->symbol(), "S/RES/678(1990)");
  EXPECT_EQ(r->body(), v1::BODY_SECURITY_COUNCIL);
  EXPECT_EQ(r->session(), "");
  EXPECT_EQ(r->adoption().date(), "1990-11-29");
  EXPECT_EQ(r->adoption().meeting(), "2963rd meeting");
  EXPECT_EQ(r->vote().method(), v1::Vote::METHOD_VOTE);
  EXPECT_EQ(r->vote().yes_count(), 12);
  EXPECT_THAT(r->vote().no_states(), ElementsAre("Cuba", "Yemen"));
  ASSERT_EQ(r->operative_paragraphs_size(), 2);
  EXPECT_EQ(r->operative_paragraphs(1).text(), "Decides to remain seized of the matter.");
  ASSERT_EQ(r->footnotes_size(), 1);
  EXPECT_EQ(r->footnotes(0).marker(), "4");
  EXPECT_EQ(r->footnotes(0).anchor_eid(), "preamble__para_1");
}

TEST(ParseResolution, OmitsTextWhenAsked) {
  ParseOptions options;
  options.include_text = false;
  auto r = ParseResolution("The General Assembly,\nRecalling x,\n1. Decides y.\n", options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->text().empty());
  EXPECT_EQ(r->operative_paragraphs_size(), 1);
}

TEST(ParseResolution, DuplicateNumbersGetShortUniqueEids) {
  // Each namesake gets its own suffix after the shared eid, never a suffix
  // after a suffix (which made eids grow with their number).
  std::string text;
  for (int i = 0; i < 3000; ++i) absl::StrAppend(&text, "1.\n");
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->operative_paragraphs_size(), 3000);
  absl::flat_hash_set<std::string> eids;
  for (const v1::OperativeParagraph& p : r->operative_paragraphs()) {
    EXPECT_LE(p.eid().size(), 24u) << p.eid();
    EXPECT_TRUE(eids.insert(p.eid()).second) << p.eid();
  }
  const std::string base = r->operative_paragraphs(0).eid();
  EXPECT_EQ(r->operative_paragraphs(1).eid(), absl::StrCat(base, "_2"));
  EXPECT_EQ(r->operative_paragraphs(2).eid(), absl::StrCat(base, "_3"));
  EXPECT_EQ(r->operative_paragraphs(2999).eid(), absl::StrCat(base, "_3000"));
}

TEST(ParseResolution, FirstAdoptionSentenceGivesTheVote) {
  std::string text = "The General Assembly,\n\n1. Decides to act.\n";
  absl::StrAppend(&text, "Adopted at the 1st meeting by 12 votes to 2.\n");
  for (int i = 0; i < 50; ++i) absl::StrAppend(&text, "Adopted at the 2nd meeting.\n");
  auto r = ParseResolution(text);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->vote().text(), "Adopted at the 1st meeting by 12 votes to 2.");
  EXPECT_EQ(r->vote().spans_size(), 1);
  EXPECT_EQ(r->vote().yes_count(), 12);
}

// A long text: the seed resolution repeated to about 1 MiB.
std::string LongText() {
  const std::string doc =
      testing::ReadFile(testing::RunfilePath("tests/testdata/corpus/A_RES_57_168.seed.txt"));
  std::string text;
  while (text.size() < (1 << 20)) absl::StrAppend(&text, doc);
  return text;
}

TEST(ParseResolution, StopsAtItsDeadline) {
  ParseOptions options;
  options.deadline = absl::Now() - absl::Seconds(1);
  v1::Resolution r;
  absl::Status s = ParseResolution("The General Assembly,\n\n1. Decides to act.\n", options, &r);
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded) << s;
  EXPECT_EQ(r.ByteSizeLong(), 0u);
  options.deadline = absl::Now() + absl::Hours(1);
  EXPECT_TRUE(ParseResolution("The General Assembly,\n\n1. Decides to act.\n", options).ok());
}

TEST(ParseResolution, StopsWhenCancelled) {
  ParseOptions options;
  options.cancelled = [] { return true; };
  auto r = ParseResolution("The General Assembly,\n\n1. Decides to act.\n", options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kCancelled) << r.status();
}

TEST(ParseResolution, ChecksCancellationWithinStages) {
  const std::string text = LongText();
  int calls = 0;
  ParseOptions options;
  options.cancelled = [&calls] {
    ++calls;
    return false;
  };
  ASSERT_TRUE(ParseResolution(text, options).ok());
  // Not only between stages: within their loops over lines too.
  const int total = calls;
  EXPECT_GT(total, 40);
  // Cancelled at any point, the parse stops there with CANCELLED and leaves
  // the message cleared.
  for (int at : {1, 5, total / 4, total / 2, total - 1}) {
    int n = 0;
    options.cancelled = [&n, at] { return ++n >= at; };
    v1::Resolution r;
    absl::Status s = ParseResolution(text, options, &r);
    EXPECT_EQ(s.code(), absl::StatusCode::kCancelled) << at << ": " << s;
    EXPECT_EQ(n, at);
    EXPECT_EQ(r.ByteSizeLong(), 0u);
  }
}

TEST(ParseResolution, DeadlineStopsALongParse) {
  const std::string text = LongText();
  ParseOptions options;
  options.deadline = absl::Now() + absl::Microseconds(50);
  auto r = ParseResolution(text, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded) << r.status();
}

}  // namespace
}  // namespace resolute
