// `resolute bench` through the Cli class with string streams: help, the
// loopback guard, usage errors (exit 2), and short bounded runs against a
// real server on a loopback port (JSON and table output, exit 0 or 1).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/cli.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"
#include "tests/client/cli_fixture.h"
#include "tests/client/struct_json.h"
#include "service/server.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;
using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class CliBenchTest : public CliFixture {
 protected:
  // Three small documents of the bundled corpus, as paths.
  static std::vector<std::string> ThreeFiles() {
    const std::string dir = testing::CorpusSampleDir();
    return {dir + "/S_RES_242_1967.txt", dir + "/A_RES_79_3.pymupdf.txt",
            dir + "/E_RES_2020_1.txt"};
  }
  static constexpr int64_t kThreeFilesBytes = 1976 + 2476 + 3275;

  // "bench" with a bounded run's flags, `flags`, then `files`.
  static std::vector<std::string> BenchArgs(const std::vector<std::string>& flags,
                                            const std::vector<std::string>& files) {
    std::vector<std::string> args = {"bench", "--server=" + Server(), "--warmup=0s",
                                     "--duration=5s", "--max-calls=10"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.insert(args.end(), files.begin(), files.end());
    return args;
  }

};

std::vector<const Struct*> Results(const Struct& root) {
  std::vector<const Struct*> results;
  auto it = root.fields().find("results");
  EXPECT_TRUE(it != root.fields().end());
  if (it == root.fields().end()) return results;
  for (const Value& v : it->second.list_value().values()) results.push_back(&v.struct_value());
  return results;
}

TEST_F(CliBenchTest, Help) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"bench", "--help"}, {"help", "bench"}}) {
    CliOutput o = Run(args);
    EXPECT_EQ(o.code, 0) << absl::StrJoin(args, " ");
    EXPECT_THAT(o.out, StartsWith("Usage: resolute bench"));
    for (const char* flag : {"--mode", "--concurrency", "--max-calls", "--warmup", "--duration",
                             "--allow-remote", "--archive-format", "--json", "--median"}) {
      EXPECT_THAT(o.out, HasSubstr(flag));
    }
    EXPECT_TRUE(o.err.empty()) << o.err;
  }
  // The main help lists the command.
  EXPECT_THAT(Run({"--help"}).out, HasSubstr("bench"));
}

TEST_F(CliBenchTest, RefusesAServerElsewhereWithoutAllowRemote) {
  const std::string file = Write("a.txt", "The General Assembly,\n");
  for (const char* server : {"resolute:50051", "10.0.0.1:50051", "dns:///example.com:443",
                             "ipv4:127.0.0.1:1,10.0.0.1:2", "[2001:db8::1]:50051"}) {
    CliOutput o = Run({"bench", "--server", server, "--max-calls=1", file});
    EXPECT_EQ(o.code, 2) << server;
    EXPECT_THAT(o.err, HasSubstr(absl::StrCat("refusing to load ", server,
                                              ": not an address of this machine")));
    EXPECT_THAT(o.err, HasSubstr("--allow-remote"));
    EXPECT_THAT(o.err, HasSubstr("Run `resolute bench --help` for usage."));
    EXPECT_TRUE(o.out.empty()) << o.out;
  }
}

TEST_F(CliBenchTest, UsageErrorsExitTwo) {
  const std::string file = Write("a.txt", "The General Assembly,\n");
  const std::string empty = Write("empty/e.txt", "");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--concurrency=0", file}, "--concurrency wants positive integers"},
      {{"--concurrency=-4", file}, "--concurrency wants positive integers"},
      {{"--concurrency=abc", file}, "--concurrency wants positive integers"},
      {{"--concurrency=1,x,4", file}, "--concurrency wants positive integers"},
      {{"--concurrency=", file}, "--concurrency is empty"},
      {{"--mode=bogus", file}, "--mode is a list of unary, stream, archive"},
      {{"--mode=unary,zip", file}, "--mode is a list of unary, stream, archive"},
      {{"--mode=Unary", file}, "--mode is a list of unary, stream, archive"},
      {{"--mode=", file}, "--mode is empty"},
      {{"--warmup=soon", file}, "--warmup wants a duration"},
      {{"--warmup=-1s", file}, "--warmup wants a duration"},
      {{"--warmup=inf", file}, "--warmup wants a duration"},
      {{"--archive-format=rar", file}, "--archive-format is tar, tar.gz or zip"},
      {{"--streams=0", file}, "--streams and --channels must be at least 1"},
      {{"--channels=0", file}, "--streams and --channels must be at least 1"},
      {{"--chunk-kib=0", file}, "--chunk-kib 1 to 4096"},
      {{"--max-calls=-1", file}, "--max-calls at least 0"},
      {{"--duration=inf", file}, "a run must be bounded"},
      {{"--duration=0s", file}, "--duration wants a positive duration"},
      {{"--bogus", file}, "bogus"},
      {{"-"}, "not -"},
      {{(scratch_ / "missing.txt").string()}, "missing.txt"},
      {{empty}, "no non-empty document to send"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"bench", "--server=" + Server()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CliOutput o = Run(args);
    EXPECT_EQ(o.code, 2) << absl::StrJoin(args, " ");
    EXPECT_THAT(o.err, HasSubstr(c.message)) << absl::StrJoin(args, " ");
    EXPECT_THAT(o.err, HasSubstr("Run `resolute bench --help` for usage."));
    EXPECT_TRUE(o.out.empty()) << o.out;
  }
}

TEST_F(CliBenchTest, JsonOfEachMode) {
  CliOutput o =
      Run(BenchArgs({"--json", "--concurrency=2", "--mode=unary,stream,archive"}, ThreeFiles()));
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(o.err.empty()) << o.err;
  const Struct root = ParseJson(o.out);
  EXPECT_EQ(root.fields().at("server").string_value(), Server());
  EXPECT_EQ(Number(root, "documents"), 3);
  EXPECT_EQ(Number(root, "document_bytes"), kThreeFilesBytes);
  EXPECT_FALSE(root.fields().at("omit_text").bool_value());
  const std::vector<const Struct*> results = Results(root);
  ASSERT_EQ(results.size(), 3u) << o.out;
  const std::vector<std::string> modes = {"unary", "stream", "archive"};
  for (size_t i = 0; i < results.size(); ++i) {
    const Struct& r = *results[i];
    SCOPED_TRACE(modes[i]);
    EXPECT_EQ(r.fields().at("mode").string_value(), modes[i]);
    EXPECT_EQ(Number(r, "concurrency"), 2);
    EXPECT_EQ(Number(r, "streams"), modes[i] == "stream" ? 1 : 0);
    EXPECT_EQ(Number(r, "requests"), 10);
    EXPECT_GE(Number(r, "documents"), 10);
    EXPECT_EQ(Number(r, "errors"), 0);
    EXPECT_EQ(r.fields().at("first_error").string_value(), "");
    EXPECT_GT(Number(r, "seconds"), 0);
    EXPECT_LT(Number(r, "seconds"), 5);
    EXPECT_GT(Number(r, "requests_per_second"), 0);
    const Struct& latency = r.fields().at("latency_ms").struct_value();
    EXPECT_EQ(Number(latency, "count"), 10);
    EXPECT_GT(Number(latency, "min"), 0);
    EXPECT_LE(Number(latency, "min"), Number(latency, "p50"));
    EXPECT_LE(Number(latency, "p50"), Number(latency, "p90"));
    EXPECT_LE(Number(latency, "p90"), Number(latency, "p99"));
    EXPECT_LE(Number(latency, "p99"), Number(latency, "max"));
  }
  // Each archive call answers the three documents (but entries that came
  // before the window opened, with the first calls, are not counted).
  EXPECT_GE(Number(*results[2], "documents"), 3 * (10 - 2));
  EXPECT_LE(Number(*results[2], "documents"), 3 * (10 + 2));
}

TEST_F(CliBenchTest, TableForEachLevel) {
  CliOutput o = Run(BenchArgs({"--concurrency=1,3", "--mode=stream", "--omit-text"}, ThreeFiles()));
  ASSERT_EQ(o.code, 0) << o.err;
  std::vector<std::string> lines = absl::StrSplit(o.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 4u) << o.out;
  EXPECT_EQ(lines[0], absl::StrCat("server ", Server(), ", 3 documents, 0.01 MB, omit_text"));
  EXPECT_THAT(lines[1], StartsWith("mode "));
  std::vector<std::string> first = absl::StrSplit(lines[2], ' ', absl::SkipEmpty());
  std::vector<std::string> second = absl::StrSplit(lines[3], ' ', absl::SkipEmpty());
  ASSERT_EQ(first.size(), 14u) << lines[2];
  ASSERT_EQ(second.size(), 14u) << lines[3];
  // mode, concurrency, streams, requests, documents, errors.
  EXPECT_EQ(std::vector<std::string>(first.begin(), first.begin() + 6),
            (std::vector<std::string>{"stream", "1", "1", "10", "10", "0"}));
  EXPECT_EQ(std::vector<std::string>(second.begin(), second.begin() + 6),
            (std::vector<std::string>{"stream", "3", "1", "10", "10", "0"}));
}

TEST_F(CliBenchTest, MedianSendsOneDocument) {
  CliOutput o = Run(BenchArgs({"--json", "--median", "--concurrency=1"}, ThreeFiles()));
  ASSERT_EQ(o.code, 0) << o.err;
  const Struct root = ParseJson(o.out);
  EXPECT_EQ(Number(root, "documents"), 1);
  EXPECT_EQ(Number(root, "document_bytes"), 2476);  // A_RES_79_3.pymupdf.txt.
  const std::vector<const Struct*> results = Results(root);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(Number(*results[0], "document_bytes"), 10 * 2476);
}

TEST_F(CliBenchTest, RejectedDocumentsExitOne) {
  // The server refuses text that is not UTF-8.
  Write("in/good.txt", "The General Assembly,\n1. Decides to remain seized of the matter.\n");
  Write("in/latin1.txt", "R\xe9solution");
  CliOutput o =
      Run(BenchArgs({"--json", "--mode=stream", "--concurrency=2"}, {(scratch_ / "in").string()}));
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_THAT(o.err, HasSubstr("resolute: stream at concurrency 2: "));
  EXPECT_THAT(o.err, HasSubstr("errors, the first: INVALID_ARGUMENT"));
  const Struct root = ParseJson(o.out);
  const std::vector<const Struct*> results = Results(root);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_GT(Number(*results[0], "errors"), 0);
  EXPECT_THAT(results[0]->fields().at("first_error").string_value(),
              StartsWith("INVALID_ARGUMENT: "));
}

TEST_F(CliBenchTest, EmptyFilesAreLeftOut) {
  Write("in/good.txt", "The General Assembly,\n1. Decides to remain seized of the matter.\n");
  Write("in/empty.txt", "");
  CliOutput o = Run(BenchArgs({"--json", "--concurrency=1"}, {(scratch_ / "in").string()}));
  ASSERT_EQ(o.code, 0) << o.err;
  const Struct root = ParseJson(o.out);
  EXPECT_EQ(Number(root, "documents"), 1);
}

TEST_F(CliBenchTest, DefaultDocumentsAreTheBundledCorpus) {
  // The test runs in its runfiles, where tests/testdata/corpus is.
  CliOutput o = Run(BenchArgs({"--json", "--concurrency=2", "--max-calls=4"}, {}));
  ASSERT_EQ(o.code, 0) << o.err;
  const Struct root = ParseJson(o.out);
  EXPECT_EQ(Number(root, "documents"), static_cast<double>(testing::LoadCorpusSample().size()));
  const std::vector<const Struct*> results = Results(root);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(Number(*results[0], "requests"), 4);
}

}  // namespace
}  // namespace client
}  // namespace resolute
