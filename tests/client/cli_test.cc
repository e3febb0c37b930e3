// The `resolute` tool end to end in-process: a real server on a loopback
// port, the Cli class with string streams.

#include "client/cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/channel.h"
#include "client/document_source.h"
#include "client/resolute_client.h"
#include "client/sorted_json.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/client/cli_fixture.h"
#include "service/server.h"
#include "tests/service/archive_builder.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class CliTest : public CliFixture {};

TEST_F(CliTest, HelpForEachCommand) {
  CliOutput main = Run({"--help"});
  EXPECT_EQ(main.code, 0);
  EXPECT_THAT(main.out, HasSubstr("parse"));
  EXPECT_THAT(main.out, HasSubstr("archive"));
  CliOutput parse = Run({"parse", "--help"});
  EXPECT_EQ(parse.code, 0);
  EXPECT_THAT(parse.out, HasSubstr("--concurrency=N"));
  EXPECT_THAT(parse.out, HasSubstr("--skip-existing"));
  EXPECT_THAT(parse.out, HasSubstr("dns:///"));
  CliOutput archive = Run({"help", "archive"});
  EXPECT_EQ(archive.code, 0);
  EXPECT_THAT(archive.out, HasSubstr("--chunk-kib=N"));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  const std::string file = Write("a.txt", "x");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {},
           {"frobnicate"},
           {"parse"},
           {"parse", "--bogus", file},
           {"parse", "--concurrency=0", file},
           {"parse", "--skip-existing", file},
           {"parse", (scratch_ / "missing.txt").string()},
           {"parse", "--source-variant=scanner", file},
           {"parse", "--format=pdf", file},
           {"parse", "--format=", file},
           {"archive", "--format=xml", file},
           {"archive"},
           {"archive", (scratch_ / "missing.zip").string()},
       }) {
    CliOutput o = Run(args);
    EXPECT_EQ(o.code, 2) << absl::StrJoin(args, " ");
    EXPECT_FALSE(o.err.empty());
  }
}

TEST_F(CliTest, ParseFolderToJsonLines) {
  CliOutput o = Run({"parse", "--server", Server(), testing::CorpusSampleDir()});
  ASSERT_EQ(o.code, 0) << o.err;
  const std::vector<testing::TestFile> corpus = testing::LoadCorpusSample();
  std::set<std::string> ids;
  for (absl::string_view line : absl::StrSplit(o.out, '\n', absl::SkipEmpty())) {
    v1::ParseResolutionResponse response;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(std::string(line), &response).ok())
        << line.substr(0, 200);
    EXPECT_EQ(response.status().code(), 0);
    EXPECT_FALSE(response.resolution().text().empty()) << response.document_id();
    ids.insert(fs::path(response.document_id()).filename().string());
  }
  EXPECT_EQ(ids.size(), corpus.size());
  EXPECT_THAT(o.err, HasSubstr(absl::StrCat(corpus.size(), " documents: ", corpus.size(),
                                            " parsed, 0 failed, 0 skipped")));
}

TEST_F(CliTest, ParseToFolderWritesSortedResolutionsAndResumes) {
  const std::string out = (scratch_ / "out").string();
  CliOutput o = Run({"parse", "--server=" + Server(), "--out", out, "--concurrency=3",
                  testing::CorpusSampleDir()});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(o.out.empty());
  ResoluteClient client(CreateResoluteChannel(Server()));
  for (const testing::TestFile& f : testing::LoadCorpusSample()) {
    const fs::path json = fs::path(out) / (StripLastExtension(f.path) + ".json");
    ASSERT_TRUE(fs::exists(json)) << json;
    std::ifstream in(json);
    std::stringstream written;
    written << in.rdbuf();
    v1::ParseResolutionRequest request;
    request.set_content(f.content);
    auto unary = client.Parse(request);
    ASSERT_TRUE(unary.ok());
    EXPECT_EQ(written.str(), ToSortedJson(unary->resolution(), 2).value() + "\n") << f.path;
  }

  // A second run skips everything; after a deletion it redoes only that one.
  CliOutput again = Run(
      {"parse", "--server", Server(), "--out", out, "--skip-existing", testing::CorpusSampleDir()});
  EXPECT_EQ(again.code, 0);
  const size_t n = testing::LoadCorpusSample().size();
  EXPECT_THAT(again.err, HasSubstr(absl::StrCat("0 parsed, 0 failed, ", n, " skipped")));
  fs::remove(fs::path(out) / "S_RES_242_1967.json");
  CliOutput resumed = Run(
      {"parse", "--server", Server(), "--out", out, "--skip-existing", testing::CorpusSampleDir()});
  EXPECT_EQ(resumed.code, 0);
  EXPECT_THAT(resumed.err, HasSubstr(absl::StrCat("1 parsed, 0 failed, ", n - 1, " skipped")));
  EXPECT_TRUE(fs::exists(fs::path(out) / "S_RES_242_1967.json"));
}

// --format akn writes <name>.akn.xml, the server's Akoma Ntoso for the same
// document; json,akn writes both; --skip-existing wants every format's file.
TEST_F(CliTest, FormatAknWritesAknXmlFiles) {
  const std::string akn_only = (scratch_ / "akn").string();
  CliOutput o = Run({"parse", "--server", Server(), "--out", akn_only, "--format", "akn",
                     testing::CorpusSampleDir()});
  ASSERT_EQ(o.code, 0) << o.err;
  const std::string both = (scratch_ / "both").string();
  CliOutput b = Run({"parse", "--server", Server(), "--out", both, "--format=json,akn", "--unary",
                     testing::CorpusSampleDir()});
  ASSERT_EQ(b.code, 0) << b.err;
  ResoluteClient client(CreateResoluteChannel(Server()));
  for (const testing::TestFile& f : testing::LoadCorpusSample()) {
    const std::string stem = StripLastExtension(f.path);
    EXPECT_FALSE(fs::exists(fs::path(akn_only) / (stem + ".json"))) << f.path;
    EXPECT_TRUE(fs::exists(fs::path(both) / (stem + ".json"))) << f.path;
    v1::ParseResolutionRequest request;
    request.set_content(f.content);
    request.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
    auto unary = client.Parse(request);
    ASSERT_TRUE(unary.ok());
    ASSERT_FALSE(unary->akoma_ntoso_xml().empty());
    for (const std::string& dir : {akn_only, both}) {
      std::ifstream in(fs::path(dir) / (stem + ".akn.xml"));
      std::stringstream written;
      written << in.rdbuf();
      EXPECT_EQ(written.str(), unary->akoma_ntoso_xml()) << dir << " " << f.path;
    }
  }
  // The JSON file alone does not count as done for json,akn.
  const std::string first = StripLastExtension(testing::LoadCorpusSample()[0].path);
  fs::remove(fs::path(both) / (first + ".akn.xml"));
  CliOutput resumed = Run({"parse", "--server", Server(), "--out", both, "--format=json,akn",
                           "--skip-existing", testing::CorpusSampleDir()});
  EXPECT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_THAT(resumed.err, HasSubstr("1 parsed"));
  EXPECT_TRUE(fs::exists(fs::path(both) / (first + ".akn.xml")));

  // On stdout the XML travels in the JSON line.
  CliOutput lines = Run({"parse", "--server", Server(), "--format=akn",
                         testing::CorpusSampleDir() + "/" + testing::LoadCorpusSample()[0].path});
  ASSERT_EQ(lines.code, 0) << lines.err;
  EXPECT_THAT(lines.out, HasSubstr("\"akomaNtosoXml\":\"<?xml"));
}

TEST_F(CliTest, ArchiveFormatJsonAkn) {
  std::vector<testing::TestFile> files;
  for (const auto& f : testing::LoadCorpusSample()) files.push_back({"s/" + f.path, f.content});
  const std::string tgz =
      Write("corpus.tar.gz", testing::BuildArchive(testing::ArchiveFormat::kTarGz, files));
  const std::string out = (scratch_ / "out").string();
  CliOutput o = Run({"archive", "--server", Server(), "--out", out, "--format=json,akn", tgz});
  ASSERT_EQ(o.code, 0) << o.err;
  for (const auto& f : files) {
    const std::string stem = StripLastExtension(f.path);
    EXPECT_TRUE(fs::exists(fs::path(out) / (stem + ".json"))) << f.path;
    std::ifstream in(fs::path(out) / (stem + ".akn.xml"));
    std::stringstream xml;
    xml << in.rdbuf();
    EXPECT_THAT(xml.str(), HasSubstr("<akomaNtoso")) << f.path;
  }
}

TEST_F(CliTest, SomeDocumentsFailExitOne) {
  const std::string good =
      Write("in/good.txt", "The General Assembly,\n1. Decides to remain seized of the matter.\n");
  const std::string empty = Write("in/empty.txt", "");
  const std::string latin1 = Write("in/latin1.txt", "R\xe9solution");
  CliOutput o = Run({"parse", "--server", Server(), (scratch_ / "in").string()});
  EXPECT_EQ(o.code, 1);
  EXPECT_THAT(o.err, HasSubstr(empty + ": INVALID_ARGUMENT: content is empty"));
  EXPECT_THAT(o.err, HasSubstr(latin1 + ": INVALID_ARGUMENT"));
  EXPECT_THAT(o.err, HasSubstr("3 documents: 1 parsed, 2 failed (INVALID_ARGUMENT 2)"));
  // Failures are in the JSON lines too.
  EXPECT_THAT(o.out, HasSubstr("\"code\":3"));
}

TEST_F(CliTest, StdinIsOneDocument) {
  CliOutput o = Run({"parse", "--server", Server(), "--stdin-name=piped", "--omit-text", "-"},
                 "The General Assembly,\n1. Decides to remain seized of the matter.\n");
  ASSERT_EQ(o.code, 0) << o.err;
  v1::ParseResolutionResponse response;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &response).ok()) << o.out;
  EXPECT_EQ(response.document_id(), "piped");
  EXPECT_TRUE(response.resolution().text().empty());
  EXPECT_GT(response.resolution().operative_paragraphs_size(), 0);
}

TEST_F(CliTest, UnaryModeGivesTheSameLines) {
  CliOutput stream = Run({"parse", "--server", Server(), testing::CorpusSampleDir()});
  CliOutput unary = Run({"parse", "--server", Server(), "--unary", testing::CorpusSampleDir()});
  ASSERT_EQ(unary.code, 0) << unary.err;
  std::vector<std::string> a = absl::StrSplit(stream.out, '\n');
  std::vector<std::string> b = absl::StrSplit(unary.out, '\n');
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
}

TEST_F(CliTest, OutputCollisionIsAUsageError) {
  const std::string a = Write("x/doc.txt", "a");
  const std::string b = Write("y/doc.txt", "b");
  CliOutput o = Run({"parse", "--server", Server(), "--out", (scratch_ / "out").string(), a, b});
  EXPECT_EQ(o.code, 2);
  EXPECT_THAT(o.err, HasSubstr("both be written"));
}

TEST_F(CliTest, UnreachableServerExitsTwo) {
  const std::string file = Write("a.txt", "The General Assembly,\n");
  CliOutput o = Run({"parse", "--server", "127.0.0.1:1", "--retries=2", file});
  EXPECT_EQ(o.code, 2);
  EXPECT_THAT(o.err, HasSubstr("UNAVAILABLE"));
  EXPECT_THAT(o.err, HasSubstr("1 document: 0 parsed, 1 failed (UNAVAILABLE 1)"));
}

TEST_F(CliTest, ArchiveToFolder) {
  std::vector<testing::TestFile> files;
  for (const auto& f : testing::LoadCorpusSample())
    files.push_back({"session/" + f.path, f.content});
  const std::string zip =
      Write("corpus.zip", testing::BuildArchive(testing::ArchiveFormat::kZip, files));
  const std::string out = (scratch_ / "out").string();
  CliOutput o = Run({"archive", "--server", Server(), "--out", out, "--chunk-kib=8", zip});
  ASSERT_EQ(o.code, 0) << o.err;
  for (const auto& f : files) {
    EXPECT_TRUE(fs::exists(fs::path(out) / (StripLastExtension(f.path) + ".json"))) << f.path;
  }
  const size_t n = testing::LoadCorpusSample().size();
  EXPECT_THAT(o.err, HasSubstr(absl::StrCat(n, " documents: ", n, " parsed, 0 failed")));
}

// archive --out refuses as parse --out does: doc.txt and doc.md would both
// be doc.json, so nothing is sent and nothing written.
TEST_F(CliTest, ArchiveOutputCollisionIsAUsageError) {
  const std::string text = "The General Assembly,\n1. Decides to remain seized of the matter.\n";
  for (testing::ArchiveFormat format : {testing::ArchiveFormat::kTarGz,
                                        testing::ArchiveFormat::kZip}) {
    const std::string archive = Write(
        "clash.archive",
        testing::BuildArchive(format, {{"d/doc.txt", text}, {"d/other.txt", text},
                                       {"d/doc.md", text}}));
    const std::string out = (scratch_ / "clash-out").string();
    CliOutput o = Run({"archive", "--server", Server(), "--out", out, archive});
    EXPECT_EQ(o.code, 2) << o.err;
    EXPECT_THAT(o.err, HasSubstr("d/doc.txt and d/doc.md would both be written to"));
    EXPECT_FALSE(fs::exists(fs::path(out) / "d" / "doc.json"));
    // Without --out nothing clashes.
    CliOutput lines = Run({"archive", "--server", Server(), archive});
    EXPECT_EQ(lines.code, 0) << lines.err;
  }
}

TEST_F(CliTest, CorruptArchiveExitsOne) {
  const std::string bad = Write("bad.tar.gz", std::string("\x1f\x8b\x08\x00garbage", 12));
  CliOutput o = Run({"archive", "--server", Server(), bad});
  EXPECT_EQ(o.code, 1);
  EXPECT_THAT(o.err, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(o.err, HasSubstr("bad.tar.gz"));
}

}  // namespace
}  // namespace client
}  // namespace resolute
