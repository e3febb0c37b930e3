// The whole dev corpus (../shared/corpus/texts when this checkout has it,
// else the sample bundled in tests/testdata) through a real server process:
// as a folder on the document stream, as a .tar.gz and as a .zip on the
// archive stream. Every document comes back, and equals the unary result.

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "client/archive_uploader.h"
#include "client/bulk_parser.h"
#include "client/channel.h"
#include "client/document_source.h"
#include "client/resolute_client.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/e2e/process.h"
#include "tests/parser/corpus_files.h"
#include "tests/service/archive_builder.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace {

namespace fs = std::filesystem;
using ::google::protobuf::util::MessageDifferencer;

class CorpusEndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto server = testing::ServerProcess::Start({"--worker_threads=2"});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = server->release();
    channel_ = new std::shared_ptr<grpc::Channel>(client::CreateResoluteChannel(server_->target()));
    // The unary result of every document, by file name.
    client::ResoluteClient unary(*channel_);
    unary_ = new std::map<std::string, v1::Resolution>();
    files_ = new std::vector<testing::TestFile>();
    for (const testing::CorpusDocument& doc : testing::CorpusDocuments()) {
      std::ifstream in(doc.path, std::ios::binary);
      std::stringstream content;
      content << in.rdbuf();
      const std::string name = fs::path(doc.path).filename().string();
      files_->push_back({name, content.str()});
      v1::ParseResolutionRequest request;
      request.set_content(content.str());
      auto response = unary.Parse(request, absl::Seconds(60));
      ASSERT_TRUE(response.ok()) << name << ": " << response.status();
      (*unary_)[name] = response->resolution();
    }
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Terminate(), 0);
    delete server_;
    delete channel_;
    delete unary_;
    delete files_;
  }
  void SetUp() override {
    RecordProperty("corpus",
                   testing::SharedCorpusPresent() ? "shared dev corpus" : "bundled sample");
    RecordProperty("documents", static_cast<int>(files_->size()));
  }

  // Checks that `responses` (by file name) has every document, each like unary.
  void ExpectEveryDocumentLikeUnary(
      const std::map<std::string, v1::ParseResolutionResponse>& responses) {
    EXPECT_EQ(responses.size(), unary_->size());
    for (const auto& [name, expected] : *unary_) {
      auto it = responses.find(name);
      ASSERT_NE(it, responses.end()) << name << " did not come back";
      ASSERT_EQ(it->second.status().code(), 0) << name << ": " << it->second.status().message();
      EXPECT_TRUE(MessageDifferencer::Equals(it->second.resolution(), expected)) << name;
    }
  }

  void UploadAndCheck(testing::ArchiveFormat format, const std::string& file_name) {
    const std::string path = (fs::path(testing::TestTempDir()) / file_name).string();
    std::ofstream(path, std::ios::binary) << testing::BuildArchive(format, *files_);
    client::ArchiveUploader uploader(*channel_, client::ArchiveUploadOptions());
    std::map<std::string, v1::ParseResolutionResponse> responses;
    std::vector<std::string> order;
    client::ArchiveUploadResult result = uploader.Run(path, [&](v1::ParseResolutionResponse r) {
      order.push_back(r.document_id());
      responses[r.document_id()] = std::move(r);
    });
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    ExpectEveryDocumentLikeUnary(responses);
    ASSERT_EQ(order.size(), files_->size());
    for (size_t i = 0; i < order.size(); ++i)
      EXPECT_EQ(order[i], (*files_)[i].path);  // Archive order.
  }

  static testing::ServerProcess* server_;
  static std::shared_ptr<grpc::Channel>* channel_;
  static std::map<std::string, v1::Resolution>* unary_;
  static std::vector<testing::TestFile>* files_;
};

testing::ServerProcess* CorpusEndToEndTest::server_ = nullptr;
std::shared_ptr<grpc::Channel>* CorpusEndToEndTest::channel_ = nullptr;
std::map<std::string, v1::Resolution>* CorpusEndToEndTest::unary_ = nullptr;
std::vector<testing::TestFile>* CorpusEndToEndTest::files_ = nullptr;

TEST_F(CorpusEndToEndTest, FolderThroughTheDocumentStream) {
  auto inputs = client::ExpandInputs({testing::CorpusTextsDir()}, {});
  ASSERT_TRUE(inputs.ok()) << inputs.status();
  client::BulkOptions options;
  options.concurrency = 16;
  client::BulkParser parser(*channel_, options);
  std::mutex mu;
  std::map<std::string, v1::ParseResolutionResponse> responses;
  parser.Run(*inputs, [&](client::DocumentOutcome o) {
    std::lock_guard<std::mutex> lock(mu);
    const std::string name = fs::path((*inputs)[o.index].path).filename().string();
    EXPECT_TRUE(responses.emplace(name, std::move(o.response)).second) << name;
  });
  ExpectEveryDocumentLikeUnary(responses);
}

TEST_F(CorpusEndToEndTest, TarGzThroughTheArchiveStream) {
  UploadAndCheck(testing::ArchiveFormat::kTarGz, "corpus.tar.gz");
}

TEST_F(CorpusEndToEndTest, ZipThroughTheArchiveStream) {
  UploadAndCheck(testing::ArchiveFormat::kZip, "corpus.zip");
}

}  // namespace
}  // namespace resolute
