// End to end: the real //service:resolute_server process on a loopback port,
// called through the client library (and, at the end, the real
// //client:resolute binary). Covers the folder, tar.gz and zip paths giving
// the unary results, and the faults of issue 4: a corrupt archive, an archive
// bomb, a binary entry, a server killed and restarted mid-stream, a client
// that cancels.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "client/archive_uploader.h"
#include "client/bulk_parser.h"
#include "client/channel.h"
#include "client/document_source.h"
#include "client/resolute_client.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/e2e/process.h"
#include "tests/service/archive_builder.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace {

namespace fs = std::filesystem;
using ::google::protobuf::util::MessageDifferencer;
using ::resolute::client::ArchiveUploader;
using ::resolute::client::ArchiveUploadOptions;
using ::resolute::client::ArchiveUploadResult;
using ::resolute::client::BulkOptions;
using ::resolute::client::BulkParser;
using ::resolute::client::BulkStats;
using ::resolute::client::DocumentInput;
using ::resolute::client::DocumentOutcome;
using ::resolute::client::ResoluteClient;
using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::ServerProcess;
using ::resolute::testing::TestFile;
using ::testing::HasSubstr;

std::string Scratch(const std::string& name) {
  const fs::path p = fs::path(testing::TestTempDir()) / "e2e" / name;
  fs::create_directories(p.parent_path());
  return p.string();
}

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = Scratch(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start({"--worker_threads=2"});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = client::CreateResoluteChannel(server_->target());
    corpus_ = testing::LoadCorpusSample();
    ResoluteClient unary(channel_);
    for (const TestFile& f : corpus_) {
      v1::ParseResolutionRequest request;
      request.set_document_id(f.path);
      request.set_content(f.content);
      auto response = unary.Parse(request, absl::Seconds(30));
      ASSERT_TRUE(response.ok()) << f.path << ": " << response.status();
      unary_[f.content] = response->resolution();
    }
  }

  // Checks that `r` is OK and equals the unary result for `content`.
  void ExpectLikeUnary(const v1::ParseResolutionResponse& r, const std::string& content) {
    ASSERT_EQ(r.status().code(), 0) << r.document_id() << ": " << r.status().message();
    ASSERT_EQ(unary_.count(content), 1u) << r.document_id();
    EXPECT_TRUE(MessageDifferencer::Equals(r.resolution(), unary_[content])) << r.document_id();
  }

  ArchiveUploadResult Upload(const std::string& path,
                             std::vector<v1::ParseResolutionResponse>* entries) {
    ArchiveUploadOptions options;
    options.chunk_bytes = 16 << 10;
    ArchiveUploader uploader(channel_, options);
    return uploader.Run(path,
                        [&](v1::ParseResolutionResponse r) { entries->push_back(std::move(r)); });
  }

  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::vector<TestFile> corpus_;
  std::map<std::string, v1::Resolution> unary_;  // By content.
};

TEST_F(EndToEndTest, HealthAndCleanShutdown) {
  EXPECT_EQ(testing::CheckHealth(channel_, "").value_or(-1), testing::kServing);
  EXPECT_EQ(testing::CheckHealth(channel_, "resolute.v1.ResolutionParserService").value_or(-1),
            testing::kServing);
  auto services = testing::ListServices(channel_);
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services, ::testing::Contains("resolute.v1.ResolutionParserService"));
  EXPECT_EQ(server_->Terminate(), 0);
}

TEST_F(EndToEndTest, FolderThroughTheDocumentStreamEqualsUnary) {
  auto inputs = client::ExpandInputs({testing::CorpusSampleDir()}, {});
  ASSERT_TRUE(inputs.ok());
  ASSERT_EQ(inputs->size(), corpus_.size());
  BulkOptions options;
  options.concurrency = 4;
  BulkParser parser(channel_, options);
  std::mutex mu;
  std::map<size_t, DocumentOutcome> outcomes;
  parser.Run(*inputs, [&](DocumentOutcome o) {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_TRUE(outcomes.emplace(o.index, o).second);
  });
  ASSERT_EQ(outcomes.size(), inputs->size());
  for (const auto& [index, o] : outcomes) {
    ExpectLikeUnary(o.response, client::ReadDocument((*inputs)[index]).value());
  }
}

TEST_F(EndToEndTest, TarGzAndZipEqualUnary) {
  std::vector<TestFile> files;
  for (const TestFile& f : corpus_) files.push_back({"session/" + f.path, f.content});
  std::vector<std::string> archives = {
      WriteFile("corpus.tar.gz", BuildArchive(ArchiveFormat::kTarGz, files)),
      WriteFile("corpus.zip", BuildArchive(ArchiveFormat::kZip, files)),
  };
  // And a zip made by Info-ZIP's zip, another writer.
  const std::string info_zip = Scratch("infozip.zip");
  if (testing::RunProgram({"/usr/bin/zip", "-q", "-j", info_zip,
                           testing::CorpusSampleDir() + "/" + corpus_[0].path,
                           testing::CorpusSampleDir() + "/" + corpus_[1].path})
          .value_or(-1) == 0) {
    archives.push_back(info_zip);
  }
  for (const std::string& archive : archives) {
    std::vector<v1::ParseResolutionResponse> entries;
    ArchiveUploadResult result = Upload(archive, &entries);
    ASSERT_TRUE(result.status.ok()) << archive << ": " << result.status.error_message();
    const size_t expected = archive == info_zip ? 2 : files.size();
    ASSERT_EQ(entries.size(), expected) << archive;
    for (size_t i = 0; i < expected; ++i) {
      if (archive == info_zip) {
        EXPECT_EQ(entries[i].document_id(), corpus_[i].path);
      } else {
        EXPECT_EQ(entries[i].document_id(), files[i].path);
      }
      ExpectLikeUnary(entries[i], corpus_[i].content);
    }
  }
}

TEST_F(EndToEndTest, CorruptArchiveIsInvalidArgument) {
  std::string archive = BuildArchive(ArchiveFormat::kTarGz, {{"a.txt", corpus_[0].content}});
  archive.resize(archive.size() / 2);
  std::vector<v1::ParseResolutionResponse> entries;
  ArchiveUploadResult result = Upload(WriteFile("corrupt.tar.gz", archive), &entries);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("corrupt.tar.gz"));
  EXPECT_EQ(result.retries, 0);
}

TEST_F(EndToEndTest, ArchiveBombIsRefused) {
  const std::string bomb =
      BuildArchive(ArchiveFormat::kTarGz, {{"bomb.txt", std::string(12 << 20, '\0')}});
  ASSERT_LT(bomb.size(), 100u << 10);
  std::vector<v1::ParseResolutionResponse> entries;
  ArchiveUploadResult result = Upload(WriteFile("bomb.tar.gz", bomb), &entries);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(result.status.error_message(), HasSubstr("expands"));
  EXPECT_TRUE(entries.empty());
}

TEST_F(EndToEndTest, BinaryEntryFailsAloneAndTheRestParses) {
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7);
  const std::string archive = BuildArchive(
      ArchiveFormat::kZip,
      {{"a.txt", corpus_[0].content}, {"photo.jpg", binary}, {"b.txt", corpus_[1].content}});
  std::vector<v1::ParseResolutionResponse> entries;
  ArchiveUploadResult result = Upload(WriteFile("mixed.zip", archive), &entries);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(entries.size(), 3u);
  ExpectLikeUnary(entries[0], corpus_[0].content);
  EXPECT_EQ(entries[1].document_id(), "photo.jpg");
  EXPECT_EQ(entries[1].status().code(), 3);
  EXPECT_THAT(entries[1].status().message(), HasSubstr("binary"));
  ExpectLikeUnary(entries[2], corpus_[1].content);
}

// The server is frozen with documents in flight, killed, and restarted on the
// same port; the client retries, resends what was never answered, and ends
// with every document parsed exactly once.
TEST_F(EndToEndTest, ServerKilledAndRestartedMidStreamLosesNothing) {
  constexpr int kDocuments = 300;
  std::vector<DocumentInput> inputs(kDocuments);
  for (int i = 0; i < kDocuments; ++i) inputs[i].id = absl::StrCat("doc", i);
  absl::Notification reached, release;
  BulkOptions options;
  options.concurrency = 16;
  options.retry.max_attempts = 12;
  options.retry.initial_backoff = absl::Milliseconds(50);
  options.retry.max_backoff = absl::Seconds(1);
  options.loader = [&](const DocumentInput& input) -> absl::StatusOr<std::string> {
    const int i = std::stoi(input.id.substr(3));
    if (i == 100 && !reached.HasBeenNotified()) {
      reached.Notify();
      release.WaitForNotification();
    }
    return corpus_[i % corpus_.size()].content;
  };
  BulkParser parser(channel_, options);
  std::mutex mu;
  std::map<size_t, DocumentOutcome> outcomes;
  int duplicates = 0;
  BulkStats stats;
  std::thread run([&] {
    stats = parser.Run(inputs, [&](DocumentOutcome o) {
      std::lock_guard<std::mutex> lock(mu);
      if (!outcomes.emplace(o.index, o).second) ++duplicates;
    });
  });

  reached.WaitForNotification();
  const int port = server_->port();
  server_->Freeze();  // Documents sent from now on get no answer...
  release.Notify();
  absl::SleepFor(absl::Milliseconds(300));
  server_->Kill();  // ...and are lost with the process.
  absl::SleepFor(absl::Milliseconds(300));
  auto restarted = ServerProcess::Start({"--worker_threads=2"}, port);
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  server_ = *std::move(restarted);
  run.join();

  EXPECT_EQ(duplicates, 0);
  ASSERT_EQ(outcomes.size(), static_cast<size_t>(kDocuments));
  for (const auto& [index, o] : outcomes) {
    EXPECT_EQ(o.response.document_id(), inputs[index].id);
    ExpectLikeUnary(o.response, corpus_[index % corpus_.size()].content);
  }
  EXPECT_GE(stats.retries, 1);
  EXPECT_GE(stats.resent, 1);
  RecordProperty("retries", static_cast<int>(stats.retries));
  RecordProperty("resent", static_cast<int>(stats.resent));
}

TEST_F(EndToEndTest, ClientThatCancelsLeavesTheServerHealthy) {
  std::vector<DocumentInput> inputs(3000);
  for (size_t i = 0; i < inputs.size(); ++i) inputs[i].id = absl::StrCat("doc", i);
  BulkOptions options;
  options.concurrency = 32;
  options.loader = [&](const DocumentInput& input) -> absl::StatusOr<std::string> {
    return corpus_[std::stoi(input.id.substr(3)) % corpus_.size()].content;
  };
  BulkParser parser(channel_, options);
  std::atomic<int> done{0}, cancelled{0};
  const absl::Time start = absl::Now();
  parser.Run(inputs, [&](DocumentOutcome o) {
    if (o.response.status().code() == static_cast<int>(grpc::StatusCode::CANCELLED)) {
      cancelled.fetch_add(1);
    }
    if (done.fetch_add(1) == 20) parser.Cancel();
  });
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  EXPECT_EQ(done.load(), 3000);
  EXPECT_GT(cancelled.load(), 2000);

  // An archive upload cancelled mid-way, too.
  std::vector<TestFile> files;
  for (int i = 0; i < 200; ++i)
    files.push_back({absl::StrCat(i, ".txt"), corpus_[i % corpus_.size()].content});
  const std::string archive = WriteFile("many.tar.gz", BuildArchive(ArchiveFormat::kTarGz, files));
  ArchiveUploadOptions upload_options;
  upload_options.chunk_bytes = 4096;
  ArchiveUploader uploader(channel_, upload_options);
  int entries = 0;
  ArchiveUploadResult result = uploader.Run(archive, [&](v1::ParseResolutionResponse) {
    if (++entries == 5) uploader.Cancel();
  });
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_LT(entries, 200);

  // The server still answers, and still shuts down cleanly.
  ResoluteClient client(channel_);
  v1::ParseResolutionRequest request;
  request.set_content(corpus_[0].content);
  EXPECT_TRUE(client.Parse(request, absl::Seconds(10)).ok());
  EXPECT_EQ(testing::CheckHealth(channel_, "").value_or(-1), testing::kServing);
  EXPECT_EQ(server_->Terminate(), 0);
}

// The real client binary: exit codes and output files.
TEST_F(EndToEndTest, ClientBinary) {
  const std::string resolute = testing::RunfilesPath("client/resolute");
  const std::string out = Scratch("cli_out");
  const std::string err = Scratch("cli_err.txt");
  EXPECT_EQ(testing::RunProgram({resolute, "parse", "--server", server_->target(), "--out", out,
                                 testing::CorpusSampleDir()},
                                "", err)
                .value_or(-1),
            0)
      << ReadFile(err);
  for (const TestFile& f : corpus_) {
    EXPECT_TRUE(fs::exists(fs::path(out) / (client::StripLastExtension(f.path) + ".json")));
  }
  const size_t n = testing::LoadCorpusSample().size();
  EXPECT_THAT(ReadFile(err),
              HasSubstr(absl::StrCat(n, " documents: ", n, " parsed, 0 failed, 0 skipped")));

  const std::string bomb =
      WriteFile("cli_bomb.tar.gz",
                BuildArchive(ArchiveFormat::kTarGz, {{"z.txt", std::string(12 << 20, 'z')}}));
  EXPECT_EQ(testing::RunProgram({resolute, "archive", "--server", server_->target(), bomb}, "", err)
                .value_or(-1),
            1);
  EXPECT_THAT(ReadFile(err), HasSubstr("RESOURCE_EXHAUSTED"));

  EXPECT_EQ(testing::RunProgram({resolute, "parse", "--server", "127.0.0.1:1", "--retries=1",
                                 testing::CorpusSampleDir()},
                                Scratch("unreachable_out.txt"), err)
                .value_or(-1),
            2);
  EXPECT_EQ(testing::RunProgram({resolute, "parse"}, "", err).value_or(-1), 2);
  EXPECT_EQ(
      testing::RunProgram({resolute, "archive", "--help"}, Scratch("help.txt"), err).value_or(-1),
      0);
  EXPECT_THAT(ReadFile(Scratch("help.txt")), HasSubstr("--chunk-kib"));
}

}  // namespace
}  // namespace resolute
