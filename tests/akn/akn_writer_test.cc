// Table tests of the Akoma Ntoso writer: each case is a small model in
// protobuf text format and XPath queries on the XML it gives, with the
// string values they must select (joined with "|").

#include "akn/akn_writer.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/akn/xml_query.h"

namespace resolute::akn {
namespace {

using ::resolute::testing::XmlQuery;

struct Case {
  const char* name;
  const char* model;  // v1.Resolution in text format
  std::vector<std::pair<const char*, const char*>> queries;
};

constexpr char kGeneralAssembly[] = R"pb(
  symbol: "A/RES/78/100" body: BODY_GENERAL_ASSEMBLY session: "78" number: "78/100"
  title: "Dissemination of information on decolonization"
  distribution_date: "2023-12-11"
  adoption { date: "2023-12-07" meeting: "45th plenary meeting" }
  preambular_paragraphs {
    eid: "preamble__para_1" lead_phrase: "Having examined"
    text: "Having examined the report for 2023, and its annex,"
    footnote_markers: "1"
    spans { start: 100 end: 136 } spans { start: 137 end: 152 }
  }
  preambular_paragraphs {
    eid: "preamble__para_2" lead_phrase: "Recalling"
    text: "Recalling its resolution 77/148 of 12 December 2022,"
  }
  operative_paragraphs {
    eid: "para_1" number: "1" lead_phrase: "Approves" text: "Approves the activities;"
  }
  operative_paragraphs {
    eid: "para_2" number: "2" lead_phrase: "Requests" text: "Requests the Department, inter alia:"
    subparagraphs { eid: "para_2__subpara_a" number: "a" text: "To develop procedures;" }
    subparagraphs {
      eid: "para_2__subpara_b" number: "b" text: "To seek cooperation:"
      subparagraphs { eid: "para_2__subpara_b__subpara_i" number: "i" text: "With Powers;" }
    }
  }
  footnotes {
    eid: "fn_1" marker: "1" text: "Official Records, Supplement No. 23 (A/78/23)."
    anchor_eid: "preamble__para_1" anchor_span { start: 136 end: 137 }
  }
  citations { symbol: "A/RES/77/148" cited_by_eids: "preamble__para_2" }
  citations { symbol: "A/78/23" cited_by_eids: "fn_1" }
)pb";

const std::vector<Case>& Cases() {
  static const auto* cases = new std::vector<Case>{
      {"GeneralAssemblyFrame",
       kGeneralAssembly,
       {
           {"/a:akomaNtoso/a:statement/@name", "resolution"},
           {"//a:FRBRWork/a:FRBRthis/@value",
            "/akn/un/statement/deliberation/unga/2023-12-07/78-100/!main/"},
           {"//a:FRBRWork/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/unga/2023-12-07/78-100/"},
           {"//a:FRBRExpression/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/unga/2023-12-07/78-100/eng@/"},
           {"//a:FRBRManifestation/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/unga/2023-12-07/78-100/eng@.xml"},
           {"//a:FRBRWork/a:FRBRauthor/@href", "ga"},
           {"//a:FRBRWork/a:FRBRdate[@name='adoption']/@date", "2023-12-07"},
           {"//a:FRBRExpression/a:FRBRdate[@name='publication']/@date", "2023-12-11"},
           {"//a:coverPage//a:docNumber[@refersTo='#symbol']", "A/RES/78/100"},
           {"//a:coverPage//a:session/@value", "78"},
           {"//a:preface//a:docNumber", "78/100."},
           {"//a:preface//a:docTitle", "Dissemination of information on decolonization"},
           {"//a:preamble/a:formula/a:p", "The General Assembly,"},
           {"//a:conclusions//a:location[@refersTo='#adoptionMeeting']", "45th plenary meeting"},
           {"//a:conclusions//a:docDate[@refersTo='#adoptionDate']/@date", "2023-12-07"},
           {"//a:conclusions//a:docDate", "7 December 2023"},
       }},
      {"PreambleContainersAndLeadPhrases",
       kGeneralAssembly,
       {
           {"//a:preamble/a:container/@eId", "preamble__para_1|preamble__para_2"},
           {"//a:preamble/a:container/@name", "Having examined|Recalling"},
           {"//a:container/a:p/*[1][self::a:span][@class='italic']", "Having examined|Recalling"},
       }},
      {"FootnoteAtItsAnchor",
       kGeneralAssembly,
       {
           {"//a:container[@eId='preamble__para_1']//a:authorialNote/@marker", "1"},
           {"//a:authorialNote/@eId", "fn_1"},
           // The marker followed "2023," in the text: the note sits there.
           {"//a:authorialNote/preceding-sibling::text()[1]", " the report for 2023,"},
           {"//a:authorialNote/following-sibling::text()[1]", " and its annex,"},
           {"//a:authorialNote/a:p", "Official Records, Supplement No. 23 (A/78/23)."},
       }},
      {"CitationsAreUndocsLinks",
       kGeneralAssembly,
       {
           {"//a:container[@eId='preamble__para_2']//a:a/@href",
            "https://undocs.org/en/A/RES/77/148"},
           {"//a:container[@eId='preamble__para_2']//a:a", "77/148"},
           {"//a:authorialNote//a:a/@href", "https://undocs.org/en/A/78/23"},
       }},
      {"CitationsFoundInTheirPrintedForms",
       R"pb(
         symbol: "A/RES/78/5" body: BODY_GENERAL_ASSEMBLY
         preambular_paragraphs {
           eid: "preamble__para_1" lead_phrase: "Recalling"
           text: "Recalling resolutions 217 A (III), 170/11 and 70/1, Council resolution 7/34 and A/78/6 (Sect. 2),"
         }
         citations { symbol: "A/RES/217(III)" part_range: "A" cited_by_eids: "preamble__para_1" }
         citations { symbol: "A/RES/70/1" cited_by_eids: "preamble__para_1" }
         citations { symbol: "A/HRC/RES/7/34" cited_by_eids: "preamble__para_1" }
         citations { symbol: "A/78/6(Sect.2)" cited_by_eids: "preamble__para_1" }
         citations { symbol: "A/RES/99/9" cited_by_eids: "preamble__para_1" }
       )pb",
       {
           {"//a:container//a:a[node()]", "217 A (III)|70/1|7/34|A/78/6 (Sect. 2)"},
           {"//a:container//a:a/@href",
            "https://undocs.org/en/A/RES/217(III)|https://undocs.org/en/A/RES/70/1|"
            "https://undocs.org/en/A/HRC/RES/7/34|https://undocs.org/en/A/78/6(Sect.2)|"
            "https://undocs.org/en/A/RES/99/9"},
       }},
      {"OperativeParagraphsAndLists",
       kGeneralAssembly,
       {
           {"//a:mainBody/a:paragraph/@eId", "para_1|para_2"},
           {"//a:mainBody/a:paragraph/a:num", "1.|2."},
           {"//a:paragraph[@eId='para_1']/a:content/a:p", "Approves the activities;"},
           {"//a:paragraph[@eId='para_1']/a:content/a:p/a:span[@class='italic']", "Approves"},
           {"//a:paragraph[@eId='para_2']/a:list/a:intro/a:p",
            "Requests the Department, inter alia:"},
           {"//a:paragraph[@eId='para_2']/a:list/a:point/@eId",
            "para_2__subpara_a|para_2__subpara_b"},
           {"//a:paragraph[@eId='para_2']/a:list/a:point/a:num", "(a)|(b)"},
           {"//a:point[@eId='para_2__subpara_a']/a:content/a:p", "To develop procedures;"},
           {"//a:point[@eId='para_2__subpara_b']/a:list/a:intro/a:p", "To seek cooperation:"},
           {"//a:point[@eId='para_2__subpara_b']/a:list/a:point/@eId",
            "para_2__subpara_b__subpara_i"},
           {"//a:point[@eId='para_2__subpara_b__subpara_i']/a:num", "(i)"},
       }},
      {"SecurityCouncil",
       R"pb(
         symbol: "S/RES/2722(2024)" body: BODY_SECURITY_COUNCIL number: "2722 (2024)"
         adoption { date: "2024-01-10" meeting: "9527th meeting" }
         operative_paragraphs { eid: "para_1" number: "1" lead_phrase: "Demands" text: "Demands x;" }
       )pb",
       {
           {"//a:FRBRWork/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/unsc/2024-01-10/2722-2024/"},
           {"//a:FRBRWork/a:FRBRauthor/@href", "sc"},
           {"//a:preamble/a:formula/a:p", "The Security Council,"},
           {"//a:coverPage//a:inline[@name='adoptionMeeting']", "9527th meeting"},
           {"//a:coverPage//a:docDate[@refersTo='#adoptionDate']/@date", "2024-01-10"},
           {"count(//a:conclusions)", ""},
           {"count(//a:preface)", ""},
           {"count(//a:session)", ""},
       }},
      {"EconomicAndSocialCouncil",
       R"pb(
         symbol: "E/RES/2020/1" body: BODY_ECONOMIC_AND_SOCIAL_COUNCIL session: "2020"
         number: "2020/1" title: "T" adoption { date: "2020-06-02" }
       )pb",
       {
           {"//a:FRBRWork/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/ecosoc/2020-06-02/2020-1/"},
           {"//a:FRBRWork/a:FRBRauthor/@href", "ecosoc"},
           {"//a:preamble/a:formula/a:p", "The Economic and Social Council,"},
           {"//a:coverPage//a:docAuthority", "Economic and Social Council"},
       }},
      {"HeadingsOpenSections",
       R"pb(
         symbol: "A/RES/78/253" body: BODY_GENERAL_ASSEMBLY number: "78/253"
         preambular_paragraphs { eid: "preamble__para_1" lead_phrase: "Recalling"
                                 text: "Recalling x," spans { start: 10 end: 20 } }
         headings { eid: "heading_1" text: "I. Umoja" label: "I" title: "Umoja"
                    spans { start: 30 end: 38 } }
         preambular_paragraphs { eid: "preamble__para_2" lead_phrase: "Having considered"
                                 text: "Having considered y," spans { start: 40 end: 60 } }
         operative_paragraphs { eid: "sec_1__para_1" number: "1" lead_phrase: "Notes"
                                text: "Notes z;" spans { start: 70 end: 80 } }
         headings { eid: "heading_2" text: "II. Empty" label: "II" title: "Empty"
                    spans { start: 90 end: 99 } }
       )pb",
       {
           {"//a:preamble/a:container/@eId", "preamble__para_1"},
           {"//a:mainBody/a:section/@eId", "heading_1|heading_2"},
           {"//a:section[@eId='heading_1']/a:num", "I"},
           {"//a:section[@eId='heading_1']/a:heading", "Umoja"},
           {"//a:section[@eId='heading_1']/a:crossHeading[@refersTo='#preamble']/@eId",
            "preamble__para_2"},
           {"//a:section[@eId='heading_1']/a:crossHeading/a:span[@class='italic']",
            "Having considered"},
           {"//a:section[@eId='heading_1']/a:paragraph/@eId", "sec_1__para_1"},
           {"//a:section[@eId='heading_2']/a:content/a:p", ""},
       }},
      {"AnnexesAreAttachments",
       R"pb(
         symbol: "A/RES/78/128" body: BODY_GENERAL_ASSEMBLY number: "78/128"
         adoption { date: "2023-12-18" }
         annexes { eid: "annex_1" heading: "Annex I" title: "Provisional agenda"
                   text: "1. Opening.\n2. Election." }
       )pb",
       {
           {"//a:attachments/a:attachment/@eId", "annex_1"},
           {"//a:attachment/a:doc/@name", "annex"},
           {"//a:attachment//a:FRBRWork/a:FRBRthis/@value",
            "/akn/un/statement/deliberation/unga/2023-12-18/78-128/!main/annex_1"},
           {"//a:attachment//a:hcontainer/a:heading", "Annex I"},
           {"//a:attachment//a:hcontainer/a:subheading", "Provisional agenda"},
           {"//a:attachment//a:content/a:p", "1. Opening.|2. Election."},
       }},
      {"RecordedVote",
       R"pb(
         symbol: "A/RES/78/1" body: BODY_GENERAL_ASSEMBLY
         vote { method: METHOD_VOTE yes_count: 173 no_count: 2 abstention_count: 1
                no_states: "X" no_states: "Y" }
       )pb",
       {
           {"//a:voting/@outcome", "adoptedRecordedVote"},
           {"//a:voting/a:count/@value", "173|2|1"},
           {"//a:voting/a:count/@refersTo", "#inFavour|#against|#abstentions"},
           {"//a:count[@refersTo='#against']/un:voters/a:organization", "X|Y"},
       }},
      {"VoteWithoutVote",
       R"pb(symbol: "A/RES/78/2" vote { method: METHOD_WITHOUT_VOTE })pb",
       {
           {"//a:voting/@outcome", "adoptedWithoutVote"},
           {"count(//a:voting/a:count)", ""},
       }},
      {"TablesStandApart",
       R"pb(
         symbol: "A/RES/78/3" body: BODY_GENERAL_ASSEMBLY
         operative_paragraphs { eid: "para_1" number: "1" text: "Adopts the scale:"
                                spans { start: 0 end: 10 } }
         tables { eid: "table_1" paragraph_eid: "para_1" cells: "Member State" cells: "Rate"
                  spans { start: 11 end: 30 } }
       )pb",
       {
           {"//a:mainBody/*/@eId", "para_1|table_1"},
           {"//a:hcontainer[@eId='table_1']//a:td/a:p", "Member State|Rate"},
           {"//a:paragraph[@eId='para_1']//a:p", "Adopts the scale:"},
       }},
      {"UnanchoredFootnoteGoesToThePreface",
       R"pb(
         symbol: "A/RES/79/190" body: BODY_GENERAL_ASSEMBLY title: "T"
         footnotes { eid: "fn_1" marker: "*" text: "Reissued." }
       )pb",
       {
           {"//a:preface//a:authorialNote/@marker", "*"},
           {"//a:preface//a:authorialNote", "Reissued."},
           {"//a:preface//a:docTitle", "T"},
       }},
      {"NoteInSubparagraph",
       R"pb(
         symbol: "A/RES/78/4" body: BODY_GENERAL_ASSEMBLY
         operative_paragraphs {
           eid: "para_1" number: "1" lead_phrase: "Decides" text: "Decides:" footnote_markers: "2"
           subparagraphs { eid: "para_1__subpara_a" number: "a" text: "That x;"
                           spans { start: 50 end: 57 } }
         }
         footnotes { eid: "fn_2" marker: "2" text: "Note." anchor_eid: "para_1__subpara_a"
                     anchor_span { start: 56 end: 57 } }
       )pb",
       {
           {"//a:point[@eId='para_1__subpara_a']//a:authorialNote/@marker", "2"},
           {"//a:point[@eId='para_1__subpara_a']/a:content/a:p/text()[1]", "That x"},
           {"count(//a:intro//a:authorialNote)", ""},
       }},
      {"HostileText",
       R"pb(
         symbol: "A/RES/<1>&amp;" body: BODY_GENERAL_ASSEMBLY
         title: "a < b & c > d \"q\" 'r' ]]> <!-- x --> &amp;"
         operative_paragraphs {
           eid: "para_1\" onload=\"x" number: "1" lead_phrase: "<i>Decides"
           text: "<i>Decides \x01\x02\x0b\x0c\x1f text \xef\xbf\xbe\xef\xbf\xbf end\xff\xc0\x80!"
         }
       )pb",
       {
           {"//a:preface//a:docTitle", "a < b & c > d \"q\" 'r' ]]> <!-- x --> &amp;"},
           {"//a:coverPage//a:docNumber", "A/RES/<1>&amp;"},
           {"//a:paragraph/@eId", "para_1\"_onload=\"x"},
           {"//a:paragraph//a:span[@class='italic']", "<i>Decides"},
           // Control characters and U+FFFE/FFFF dropped, bad bytes replaced.
           {"//a:paragraph//a:p", "<i>Decides  text  end\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!"},
       }},
      {"EmptyModel",
       "",
       {
           {"/a:akomaNtoso/a:statement/@name", "resolution"},
           {"//a:FRBRWork/a:FRBRuri/@value",
            "/akn/un/statement/deliberation/un/0001-01-01/unknown/"},
           {"//a:FRBRWork/a:FRBRdate/@name", "unknown"},
           {"count(//a:mainBody)", ""},
       }},
  };
  return *cases;
}

class AknWriterTest : public ::testing::TestWithParam<Case> {};

TEST_P(AknWriterTest, Queries) {
  const Case& c = GetParam();
  resolute::v1::Resolution model;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.model, &model)) << c.model;
  absl::StatusOr<std::string> xml = WriteAkomaNtoso(model);
  ASSERT_TRUE(xml.ok()) << xml.status();
  std::string error;
  std::unique_ptr<XmlQuery> doc = XmlQuery::Parse(*xml, &error);
  ASSERT_NE(doc, nullptr) << error << "\n" << *xml;
  for (const auto& [xpath, expected] : c.queries) {
    if (std::string(xpath).rfind("count(", 0) == 0) {
      // "count(X)" with "" means: X selects nothing.
      const std::string inner(xpath + 6, std::string(xpath).size() - 7);
      EXPECT_EQ(doc->Count(inner), inner == "//a:mainBody" ? 1 : 0) << xpath << "\n" << *xml;
      continue;
    }
    EXPECT_EQ(absl::StrJoin(doc->Values(xpath), "|"), expected) << xpath << "\n" << *xml;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, AknWriterTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

TEST(AknWriter, SameInputSameOutput) {
  resolute::v1::Resolution model;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kGeneralAssembly, &model));
  EXPECT_EQ(*WriteAkomaNtoso(model), *WriteAkomaNtoso(model));
}

TEST(AknWriter, DeclaresUtf8AndTheAknNamespace) {
  resolute::v1::Resolution model;
  const std::string xml = *WriteAkomaNtoso(model);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u) << xml;
  EXPECT_NE(xml.find("xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\""),
            std::string::npos);
}

}  // namespace
}  // namespace resolute::akn
