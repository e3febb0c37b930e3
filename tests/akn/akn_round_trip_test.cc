// Round trip: the XML the writer makes for every corpus document, read back
// with the test reader, gives the same model (the fields the XML carries:
// paragraphs, lead phrases, sub-paragraphs, footnotes and their anchors,
// headings, citations, tables, annexes, vote, eIds).

#include <string>
#include <utility>
#include <vector>

#include "akn/akn_writer.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "tests/akn/akn_reader.h"
#include "tests/parser/corpus_files.h"

namespace resolute::akn {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::resolute::testing::CorpusDocuments;
using ::resolute::testing::ReadAkomaNtoso;
using ::resolute::testing::ReadFile;
using ::resolute::testing::RoundTripView;

TEST(AknRoundTrip, EveryCorpusDocumentReadsBackToItsModel) {
  int documents = 0;
  for (const auto& doc : CorpusDocuments()) {
    absl::StatusOr<v1::Resolution> model = ParseResolution(ReadFile(doc.path), ParseOptions());
    ASSERT_TRUE(model.ok()) << doc.path << ": " << model.status();
    absl::StatusOr<std::string> xml = WriteAkomaNtoso(*model);
    ASSERT_TRUE(xml.ok()) << doc.path;
    absl::StatusOr<v1::Resolution> back = ReadAkomaNtoso(*xml);
    ASSERT_TRUE(back.ok()) << doc.path << ": " << back.status();
    std::string diff;
    MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(RoundTripView(*model), *back)) << doc.path << "\n" << diff;
    ++documents;
  }
  EXPECT_GT(documents, 0);
}

// The comparison is not vacuous: a changed number, lead phrase or marker in
// the XML shows up as a difference.
TEST(AknRoundTrip, ReaderSeesChanges) {
  const auto docs = CorpusDocuments();
  ASSERT_FALSE(docs.empty());
  absl::StatusOr<v1::Resolution> model =
      ParseResolution(ReadFile(docs.front().path), ParseOptions());
  ASSERT_TRUE(model.ok());
  const std::string xml = *WriteAkomaNtoso(*model);
  ASSERT_TRUE(MessageDifferencer::Equals(RoundTripView(*model), *ReadAkomaNtoso(xml)));
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"<num>1.</num>", "<num>9.</num>"},
           {"<span class=\"italic\">Recalling</span>", "<span class=\"bold\">Recalling</span>"},
           {"marker=\"1\"", "marker=\"7\""},
           {"eId=\"para_1\"", "eId=\"para_01\""}}) {
    std::string changed = xml;
    const size_t at = changed.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    changed.replace(at, from.size(), to);
    EXPECT_FALSE(MessageDifferencer::Equals(RoundTripView(*model), *ReadAkomaNtoso(changed)))
        << from;
  }
}

}  // namespace
}  // namespace resolute::akn
