// Golden tests: the parser's complete output for a few bundled documents is
// compared with reviewed JSON files in tests/testdata/golden (sorted keys,
// spans included, the normalised text left out). After an intended change,
// regenerate them with tools/update_goldens.sh and review the diff.
#include <filesystem>
#include <string>

#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

TEST(Golden, MatchesReviewedOutput) {
  const std::string golden_dir = testing::RunfilePath("tests/testdata/golden");
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir)) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().stem().string();
    SCOPED_TRACE(name);
    v1::Resolution expected;
    const auto status = google::protobuf::util::JsonStringToMessage(
        testing::ReadFile(entry.path().string()), &expected);
    ASSERT_TRUE(status.ok()) << status;
    ParseOptions options;
    options.include_text = false;
    auto actual = ParseResolution(
        testing::ReadFile(testing::RunfilePath("tests/testdata/corpus/" + name + ".txt")), options);
    ASSERT_TRUE(actual.ok()) << actual.status();
    google::protobuf::util::MessageDifferencer differencer;
    std::string report;
    differencer.ReportDifferencesToString(&report);
    EXPECT_TRUE(differencer.Compare(expected, *actual))
        << "output differs from " << entry.path() << " (tools/update_goldens.sh regenerates):\n"
        << report;
    ++compared;
  }
  EXPECT_GE(compared, 3);
}

}  // namespace
}  // namespace resolute
