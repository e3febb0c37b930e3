// Every corpus document, parsed and written as Akoma Ntoso, is valid against
// the Akoma Ntoso 3.0 schema (vendored in tests/testdata/akn). Runs on the
// shared corpus when present, else on the documents in tests/testdata.

#include <memory>
#include <string>

#include "akn/akn_writer.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "tests/akn/xml_query.h"
#include "tests/parser/corpus_files.h"

namespace resolute::akn {
namespace {

using ::resolute::testing::CorpusDocuments;
using ::resolute::testing::ReadFile;
using ::resolute::testing::RunfilePath;
using ::resolute::testing::SchemaValidator;

TEST(AknSchema, EveryCorpusDocumentIsValid) {
  std::string error;
  std::unique_ptr<SchemaValidator> schema =
      SchemaValidator::Load(RunfilePath("tests/testdata/akn/akomantoso30.xsd"), &error);
  ASSERT_NE(schema, nullptr) << error;
  std::cout << "documents from "
            << (resolute::testing::SharedCorpusPresent() ? "the shared corpus"
                                                         : "tests/testdata/corpus")
            << "\n";
  int valid = 0, total = 0;
  for (const auto& doc : CorpusDocuments()) {
    absl::StatusOr<v1::Resolution> model = ParseResolution(ReadFile(doc.path), ParseOptions());
    ASSERT_TRUE(model.ok()) << doc.path << ": " << model.status();
    absl::StatusOr<std::string> xml = WriteAkomaNtoso(*model);
    ASSERT_TRUE(xml.ok()) << doc.path << ": " << xml.status();
    ++total;
    const absl::Status status = schema->Validate(*xml);
    EXPECT_TRUE(status.ok()) << doc.path << ": " << status;
    if (status.ok()) ++valid;
  }
  std::cout << valid << " of " << total << " documents valid\n";
  EXPECT_GT(total, 0);
}

// A model no parser would make (markup, control characters, whitespace in
// ids, impossible dates, empty nodes) still gives a valid document.
TEST(AknSchema, HostileModelIsValid) {
  std::string error;
  std::unique_ptr<SchemaValidator> schema =
      SchemaValidator::Load(RunfilePath("tests/testdata/akn/akomantoso30.xsd"), &error);
  ASSERT_NE(schema, nullptr) << error;
  v1::Resolution model;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        symbol: "A/RES/<&>" body: BODY_GENERAL_ASSEMBLY session: "\x01" number: "1 / 2"
        title: "]]> <!-- & -->" distribution_date: "2023-13-45"
        adoption { date: "0000-00-00" meeting: "\x02" }
        agenda_item { number: "<1>" title: "&" }
        committee_report { text: "\xff" }
        preambular_paragraphs { eid: "a b" lead_phrase: "x" text: "y" footnote_markers: "9" }
        operative_paragraphs {
          eid: "p\t1" number: "(a)" text: ""
          subparagraphs { eid: "" number: "" text: "" subparagraphs {} }
        }
        headings { eid: "h 1" text: "" }
        footnotes { eid: "f 1" marker: "" text: "<b>" anchor_eid: "nowhere" }
        citations { symbol: "A/RES/1 2#?" cited_by_eids: "a b" }
        annexes { eid: "x y" heading: "" text: "\n\n" }
        tables { eid: "t 1" }
        vote { method: METHOD_VOTE yes_count: -1 yes_states: "<&>" }
      )pb",
      &model));
  absl::StatusOr<std::string> xml = WriteAkomaNtoso(model);
  ASSERT_TRUE(xml.ok()) << xml.status();
  const absl::Status status = schema->Validate(*xml);
  EXPECT_TRUE(status.ok()) << status << "\n" << *xml;
}

}  // namespace
}  // namespace resolute::akn
