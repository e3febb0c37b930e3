// bench/load/bench_report.h: the table and the JSON of `resolute bench` for
// hand-made LoadResults (columns, fields, rates and latencies in ms, escaping,
// zero-length windows). The JSON is read back as a google.protobuf.Struct.

#include "bench/load/bench_report.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"
#include "tests/client/struct_json.h"

namespace resolute {
namespace bench {
namespace {

using client::Number;
using client::ParseJson;

using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::EndsWith;

// 1000 stream documents in 2 s: 500/s, 2.5 MB/s.
LoadResult StreamResult() {
  LoadResult r;
  r.mode = LoadMode::kStream;
  r.concurrency = 4;
  r.streams = 2;
  r.requests = 1000;
  r.documents = 1000;
  r.document_bytes = 5000000;
  r.response_bytes = 12345678;
  r.errors = 3;
  r.first_error = "INVALID_ARGUMENT: content is empty";
  r.elapsed = absl::Seconds(2);
  r.latency.count = 1000;
  r.latency.min = absl::Microseconds(500);
  r.latency.mean = absl::Microseconds(1250);
  r.latency.p50 = absl::Milliseconds(1);
  r.latency.p90 = absl::Milliseconds(2);
  r.latency.p99 = absl::Microseconds(3500);
  r.latency.max = absl::Milliseconds(10);
  return r;
}

// 40 unary calls in 250 ms: 160/s.
LoadResult UnaryResult() {
  LoadResult r;
  r.mode = LoadMode::kUnary;
  r.concurrency = 16;
  r.requests = 40;
  r.documents = 40;
  r.document_bytes = 100000;
  r.response_bytes = 800000;
  r.elapsed = absl::Milliseconds(250);
  r.latency.count = 40;
  r.latency.min = absl::Microseconds(250);
  r.latency.mean = absl::Microseconds(750);
  r.latency.p50 = absl::Microseconds(700);
  r.latency.p90 = absl::Microseconds(1100);
  r.latency.p99 = absl::Microseconds(1900);
  r.latency.max = absl::Microseconds(1900);
  return r;
}

std::vector<std::string> Words(absl::string_view line) {
  return absl::StrSplit(line, ' ', absl::SkipEmpty());
}

std::string String(const Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  EXPECT_TRUE(it != s.fields().end()) << key;
  if (it == s.fields().end()) return "<missing>";
  EXPECT_EQ(it->second.kind_case(), Value::kStringValue) << key;
  return it->second.string_value();
}

std::vector<std::string> Keys(const Struct& s) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : s.fields()) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

TEST(LoadResult, Rates) {
  const LoadResult r = StreamResult();
  EXPECT_DOUBLE_EQ(r.RequestsPerSecond(), 500);
  EXPECT_DOUBLE_EQ(r.DocumentsPerSecond(), 500);
  EXPECT_DOUBLE_EQ(r.MegabytesPerSecond(), 2.5);
  LoadResult zero;
  zero.requests = 5;
  EXPECT_EQ(zero.RequestsPerSecond(), 0);
  EXPECT_EQ(zero.DocumentsPerSecond(), 0);
  EXPECT_EQ(zero.MegabytesPerSecond(), 0);
}

TEST(BenchTable, HeaderAndOneLinePerResult) {
  const std::string table = BenchTable({StreamResult(), UnaryResult()});
  std::vector<std::string> lines = absl::StrSplit(table, '\n');
  ASSERT_EQ(lines.size(), 4u) << table;  // Header, two results, "" after the last newline.
  EXPECT_EQ(lines[3], "");
  EXPECT_THAT(Words(lines[0]),
              ElementsAre("mode", "conc", "streams", "requests", "docs", "errors", "secs", "req/s",
                          "docs/s", "MB/s", "p50_ms", "p90_ms", "p99_ms", "max_ms"));
  EXPECT_THAT(Words(lines[1]), ElementsAre("stream", "4", "2", "1000", "1000", "3", "2.00", "500.0",
                                           "500.0", "2.50", "1.000", "2.000", "3.500", "10.000"));
  // No streams in unary mode: "-".
  EXPECT_THAT(Words(lines[2]), ElementsAre("unary", "16", "-", "40", "40", "0", "0.25", "160.0",
                                           "160.0", "0.40", "0.700", "1.100", "1.900", "1.900"));
  // Fixed width: every line as long as the header.
  EXPECT_EQ(lines[1].size(), lines[0].size());
  EXPECT_EQ(lines[2].size(), lines[0].size());
}

TEST(BenchTable, ArchiveModeAndNoResults) {
  LoadResult archive = UnaryResult();
  archive.mode = LoadMode::kArchive;
  archive.concurrency = 2;
  archive.requests = 8;
  archive.documents = 152;
  const std::vector<std::string> lines = absl::StrSplit(BenchTable({archive}), '\n');
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(Words(lines[1]), ElementsAre("archive", "2", "-", "8", "152", "0", "0.25", "32.0",
                                           "608.0", "0.40", "0.700", "1.100", "1.900", "1.900"));
  const std::string empty = BenchTable({});
  EXPECT_EQ(std::count(empty.begin(), empty.end(), '\n'), 1);
  EXPECT_EQ(Words(empty).front(), "mode");
}

TEST(BenchJson, SetupAndResults) {
  BenchSetup setup;
  setup.server = "127.0.0.1:50051";
  setup.documents = 19;
  setup.document_bytes = 176000;
  setup.omit_text = true;
  const std::string json = BenchJson(setup, {StreamResult(), UnaryResult()});
  EXPECT_THAT(json, EndsWith("}\n"));
  EXPECT_EQ(std::count(json.begin(), json.end(), '\n'), 1);  // One line.
  const Struct root = ParseJson(json);
  EXPECT_THAT(Keys(root),
              ElementsAre("document_bytes", "documents", "omit_text", "results", "server"));
  EXPECT_EQ(String(root, "server"), "127.0.0.1:50051");
  EXPECT_EQ(Number(root, "documents"), 19);
  EXPECT_EQ(Number(root, "document_bytes"), 176000);
  ASSERT_EQ(root.fields().at("omit_text").kind_case(), Value::kBoolValue);
  EXPECT_TRUE(root.fields().at("omit_text").bool_value());

  const Value& results = root.fields().at("results");
  ASSERT_EQ(results.kind_case(), Value::kListValue);
  ASSERT_EQ(results.list_value().values_size(), 2);

  const Struct& stream = results.list_value().values(0).struct_value();
  EXPECT_THAT(Keys(stream),
              ElementsAreArray({"concurrency", "document_bytes", "documents",
                                "documents_per_second", "errors", "first_error", "latency_ms",
                                "megabytes_per_second", "mode", "requests", "requests_per_second",
                                "response_bytes", "seconds", "streams"}));
  EXPECT_EQ(String(stream, "mode"), "stream");
  EXPECT_EQ(Number(stream, "concurrency"), 4);
  EXPECT_EQ(Number(stream, "streams"), 2);
  EXPECT_EQ(Number(stream, "requests"), 1000);
  EXPECT_EQ(Number(stream, "documents"), 1000);
  EXPECT_EQ(Number(stream, "document_bytes"), 5000000);
  EXPECT_EQ(Number(stream, "response_bytes"), 12345678);
  EXPECT_EQ(Number(stream, "errors"), 3);
  EXPECT_EQ(String(stream, "first_error"), "INVALID_ARGUMENT: content is empty");
  EXPECT_EQ(Number(stream, "seconds"), 2);
  EXPECT_EQ(Number(stream, "requests_per_second"), 500);
  EXPECT_EQ(Number(stream, "documents_per_second"), 500);
  EXPECT_EQ(Number(stream, "megabytes_per_second"), 2.5);
  const Struct& latency = stream.fields().at("latency_ms").struct_value();
  EXPECT_THAT(Keys(latency), ElementsAre("count", "max", "mean", "min", "p50", "p90", "p99"));
  EXPECT_EQ(Number(latency, "count"), 1000);
  EXPECT_EQ(Number(latency, "min"), 0.5);
  EXPECT_EQ(Number(latency, "mean"), 1.25);
  EXPECT_EQ(Number(latency, "p50"), 1);
  EXPECT_EQ(Number(latency, "p90"), 2);
  EXPECT_EQ(Number(latency, "p99"), 3.5);
  EXPECT_EQ(Number(latency, "max"), 10);

  const Struct& unary = results.list_value().values(1).struct_value();
  EXPECT_EQ(String(unary, "mode"), "unary");
  EXPECT_EQ(Number(unary, "concurrency"), 16);
  EXPECT_EQ(Number(unary, "streams"), 0);
  EXPECT_EQ(Number(unary, "errors"), 0);
  EXPECT_EQ(String(unary, "first_error"), "");
  EXPECT_EQ(Number(unary, "seconds"), 0.25);
  EXPECT_EQ(Number(unary, "requests_per_second"), 160);
  EXPECT_EQ(Number(unary, "megabytes_per_second"), 0.4);
  const Struct& unary_latency = unary.fields().at("latency_ms").struct_value();
  EXPECT_EQ(Number(unary_latency, "p50"), 0.7);
  EXPECT_EQ(Number(unary_latency, "p90"), 1.1);
  EXPECT_EQ(Number(unary_latency, "p99"), 1.9);
}

TEST(BenchJson, NoResultsIsAnEmptyList) {
  const std::string json = BenchJson(BenchSetup{}, {});
  EXPECT_EQ(json,
            "{\"server\":\"\",\"documents\":0,\"document_bytes\":0,\"omit_text\":false,"
            "\"results\":[]}\n");
  const Struct root = ParseJson(json);
  EXPECT_EQ(root.fields().at("results").list_value().values_size(), 0);
}

TEST(BenchJson, StringsAreEscaped) {
  BenchSetup setup;
  setup.server = "unix:/tmp/a \"b\"\\c";
  LoadResult r = UnaryResult();
  r.errors = 1;
  r.first_error = "INTERNAL: line one\nline \"two\"\t\x01 end \x7f; R\xc3\xa9solution";
  const std::string json = BenchJson(setup, {r});
  EXPECT_NE(json.find("\"unix:/tmp/a \\\"b\\\"\\\\c\""), std::string::npos) << json;
  EXPECT_NE(json.find("\\u000a"), std::string::npos) << json;
  EXPECT_NE(json.find("\\u0001"), std::string::npos) << json;
  EXPECT_NE(json.find("\\u007f"), std::string::npos) << json;
  const Struct root = ParseJson(json);
  EXPECT_EQ(String(root, "server"), setup.server);
  EXPECT_EQ(
      String(root.fields().at("results").list_value().values(0).struct_value(), "first_error"),
      r.first_error);
}

TEST(BenchJson, ZeroWindowGivesZeroRatesNotNaN) {
  LoadResult r;
  r.mode = LoadMode::kArchive;
  r.concurrency = 1;
  r.requests = 3;
  r.documents = 3;
  const std::string json = BenchJson(BenchSetup{}, {r});
  EXPECT_EQ(json.find("nan"), std::string::npos) << json;
  EXPECT_EQ(json.find("inf"), std::string::npos) << json;
  const Struct root = ParseJson(json);
  const Struct& result = root.fields().at("results").list_value().values(0).struct_value();
  EXPECT_EQ(String(result, "mode"), "archive");
  EXPECT_EQ(Number(result, "seconds"), 0);
  EXPECT_EQ(Number(result, "requests_per_second"), 0);
  EXPECT_EQ(Number(result, "documents_per_second"), 0);
  EXPECT_EQ(Number(result, "megabytes_per_second"), 0);
  EXPECT_EQ(Number(result.fields().at("latency_ms").struct_value(), "count"), 0);
}

TEST(BenchJson, SubMillisecondLatenciesKeepTheirDigits) {
  LoadResult r = UnaryResult();
  r.latency.p50 = absl::Nanoseconds(123456);  // 0.123456 ms.
  r.latency.max = absl::Microseconds(1);
  const Struct root = ParseJson(BenchJson(BenchSetup{}, {r}));
  const Struct& latency = root.fields()
                              .at("results")
                              .list_value()
                              .values(0)
                              .struct_value()
                              .fields()
                              .at("latency_ms")
                              .struct_value();
  EXPECT_DOUBLE_EQ(Number(latency, "p50"), 0.123456);
  EXPECT_DOUBLE_EQ(Number(latency, "max"), 0.001);
}

}  // namespace
}  // namespace bench
}  // namespace resolute
