#include "client/result_sink.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

v1::ParseResolutionResponse Ok(const std::string& id, const std::string& symbol) {
  v1::ParseResolutionResponse r;
  r.set_document_id(id);
  r.mutable_status();
  r.mutable_resolution()->set_symbol(symbol);
  r.mutable_resolution()->set_body(v1::BODY_SECURITY_COUNCIL);
  return r;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(JsonLinesSink, OneSortedLinePerResponse) {
  std::ostringstream out;
  JsonLinesSink sink(&out);
  ASSERT_TRUE(sink.Write(Ok("a.txt", "S/RES/1(1946)"), "a").ok());
  v1::ParseResolutionResponse failed;
  failed.set_document_id("b.txt");
  failed.mutable_status()->set_code(3);
  failed.mutable_status()->set_message("content is empty");
  ASSERT_TRUE(sink.Write(failed, "b").ok());
  EXPECT_EQ(out.str(),
            "{\"documentId\":\"a.txt\",\"resolution\":{\"body\":\"BODY_SECURITY_COUNCIL\","
            "\"symbol\":\"S/RES/1(1946)\"},\"status\":{}}\n"
            "{\"documentId\":\"b.txt\",\"status\":{\"code\":3,\"message\":\"content is "
            "empty\"}}\n");
}

TEST(DirectorySink, WritesTheResolutionAloneSortedAndPretty) {
  const fs::path dir = fs::path(::testing::TempDir()) / "sink_out";
  fs::remove_all(dir);
  DirectorySink sink(dir.string());
  EXPECT_FALSE(sink.Exists("sub/A_RES_78_100.pymupdf"));
  ASSERT_TRUE(sink.Write(Ok("x", "A/RES/78/100"), "sub/A_RES_78_100.pymupdf").ok());
  const fs::path file = dir / "sub" / "A_RES_78_100.pymupdf.json";
  EXPECT_TRUE(sink.Exists("sub/A_RES_78_100.pymupdf"));
  EXPECT_EQ(Slurp(file),
            "{\n  \"body\": \"BODY_SECURITY_COUNCIL\",\n  \"symbol\": \"A/RES/78/100\"\n}\n");
  // Nothing else is left behind (no temporary files).
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(DirectorySink, FailedDocumentsWriteNothing) {
  const fs::path dir = fs::path(::testing::TempDir()) / "sink_failed";
  fs::remove_all(dir);
  DirectorySink sink(dir.string());
  v1::ParseResolutionResponse failed;
  failed.mutable_status()->set_code(3);
  ASSERT_TRUE(sink.Write(failed, "bad").ok());
  EXPECT_FALSE(fs::exists(dir / "bad.json"));
}

TEST(DirectorySink, PathsStayInsideTheFolder) {
  DirectorySink sink("/out");
  EXPECT_EQ(sink.PathFor("a"), "/out/a.json");
  EXPECT_EQ(sink.PathFor("../../etc/passwd"), "/out/etc/passwd.json");
  EXPECT_EQ(sink.PathFor("/abs/./x"), "/out/abs/x.json");
  EXPECT_EQ(sink.PathFor(".."), "/out/_.json");
}

TEST(DirectorySink, UnwritableFolderIsAnError) {
  DirectorySink sink("/proc/no-such-dir");
  absl::Status s = sink.Write(Ok("x", "A/RES/1/1"), "x");
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(std::string(s.message()), HasSubstr("/proc/no-such-dir"));
}

}  // namespace
}  // namespace client
}  // namespace resolute
