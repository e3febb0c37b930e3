// Every corpus document, parsed and written as Akoma Ntoso, is valid against
// the Akoma Ntoso 3.0 schema (vendored in tests/testdata/akn). Runs on the
// shared corpus when present, else on the documents in tests/testdata.

#include <memory>
#include <string>

#include "akn/akn_writer.h"
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

}  // namespace
}  // namespace resolute::akn
