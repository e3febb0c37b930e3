#include "client/archive_uploader.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/channel.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/server.h"
#include "tests/client/flaky_service.h"
#include "tests/service/archive_builder.h"
#include "tests/service/service_test_util.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<grpc::Channel> LoopbackChannel(const service::ResoluteServer& server) {
  return CreateResoluteChannel(absl::StrCat("127.0.0.1:", server.port()));
}
using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::TestFile;
using ::testing::HasSubstr;

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const fs::path path = fs::path(testing::TestTempDir()) / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

RetryOptions FastRetries(int attempts) {
  RetryOptions retry;
  retry.max_attempts = attempts;
  retry.initial_backoff = absl::Milliseconds(1);
  retry.max_backoff = absl::Milliseconds(5);
  return retry;
}

TEST(ArchiveUploader, StreamsTheFileInChunksAndDeliversEntriesInOrder) {
  service::ServiceOptions service_options;
  service_options.worker_threads = 2;
  auto server = testing::StartLoopbackServer(service_options);
  std::vector<TestFile> files;
  for (const TestFile& f : testing::LoadCorpusSample())
    files.push_back({"docs/" + f.path, f.content});
  const std::string path = WriteFile("upload.tar.gz", BuildArchive(ArchiveFormat::kTarGz, files));

  ArchiveUploadOptions options;
  options.chunk_bytes = 4096;
  int64_t sent = 0;
  int chunks = 0;
  options.on_bytes_sent = [&](int64_t n) {
    sent += n;
    ++chunks;
    EXPECT_LE(n, 4096);
  };
  ArchiveUploader uploader(LoopbackChannel(*server), options);
  std::vector<std::string> ids;
  ArchiveUploadResult result = uploader.Run(path, [&](v1::ParseResolutionResponse r) {
    EXPECT_EQ(r.status().code(), 0) << r.document_id() << ": " << r.status().message();
    ids.push_back(r.document_id());
  });
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.entries, static_cast<int64_t>(files.size()));
  ASSERT_EQ(ids.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(ids[i], files[i].path);
  EXPECT_EQ(sent, static_cast<int64_t>(fs::file_size(path)));
  EXPECT_GT(chunks, 5);
}

TEST(ArchiveUploader, ServerErrorsAreNotRetried) {
  auto server = testing::StartLoopbackServer(service::ServiceOptions{});
  ArchiveUploadOptions options;
  options.retry = FastRetries(5);
  ArchiveUploader uploader(LoopbackChannel(*server), options);
  ArchiveUploadResult result = uploader.Run(WriteFile("junk.zip", std::string(3000, 'j')),
                                            [](v1::ParseResolutionResponse) {});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("junk.zip"));
  EXPECT_EQ(result.retries, 0);
}

TEST(ArchiveUploader, MissingFileIsNotFound) {
  testing::TestServer server(nullptr);
  ArchiveUploader uploader(server.channel, ArchiveUploadOptions{});
  ArchiveUploadResult result =
      uploader.Run("/no/such/archive.tar.gz", [](v1::ParseResolutionResponse) {});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(ArchiveUploader, RestartsAfterTransientFailureWithoutDuplicates) {
  testing::FlakyService flaky(/*failing_calls=*/2, /*answers_before_failure=*/2,
                              grpc::Status(grpc::StatusCode::UNAVAILABLE, "restarting"));
  flaky.set_archive_entries(6);
  testing::TestServer server(&flaky);
  const std::string bytes(100000, 'z');
  ArchiveUploadOptions options;
  options.chunk_bytes = 8192;
  options.retry = FastRetries(3);
  ArchiveUploader uploader(server.channel, options);
  std::vector<std::string> ids;
  ArchiveUploadResult result =
      uploader.Run(WriteFile("flaky.tar", bytes),
                   [&](v1::ParseResolutionResponse r) { ids.push_back(r.document_id()); });
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(ids, (std::vector<std::string>{"e0", "e1", "e2", "e3", "e4", "e5"}));
  EXPECT_EQ(result.retries, 2);
  EXPECT_EQ(flaky.calls(), 3);
  EXPECT_EQ(flaky.last_archive_bytes(), 100000);  // The whole file, again.
}

TEST(ArchiveUploader, GivesUpAfterMaxAttempts) {
  testing::FlakyService flaky(/*failing_calls=*/100, 0,
                              grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone"));
  testing::TestServer server(&flaky);
  ArchiveUploadOptions options;
  options.retry = FastRetries(3);
  ArchiveUploader uploader(server.channel, options);
  ArchiveUploadResult result =
      uploader.Run(WriteFile("gone.tar", "bytes"), [](v1::ParseResolutionResponse) {});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(result.status.error_message(), HasSubstr("gave up after 3 attempts"));
  EXPECT_EQ(flaky.calls(), 3);
}

}  // namespace
}  // namespace client
}  // namespace resolute
