// Issue 15's "no document lost" rules, through a real gRPC channel: a
// message that cannot be decoded ends a call with INVALID_ARGUMENT after the
// documents before it (never OK with documents missing), every archive entry
// but a directory is answered, every stream and archive response carries its
// request_index, "no text" is one rule in all three calls, and a stalled
// archive upload frees its slot.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/server.h"
#include "tests/service/archive_builder.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/service_test_util.h"

namespace resolute {
namespace service {
namespace {

using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::CallResult;
using ::resolute::testing::MakeRequest;
using ::resolute::testing::RawCallResult;
using ::testing::HasSubstr;

constexpr char kText[] = "The General Assembly,\n1. Decides to remain seized of the matter.\n";
constexpr char kStreamMethod[] = "/resolute.v1.ResolutionParserService/StreamParseResolutions";
constexpr char kUnaryMethod[] = "/resolute.v1.ResolutionParserService/ParseResolution";

// The ErrorInfo reason of `status`; empty if it has none.
std::string ReasonOf(const google::rpc::Status& status) {
  for (const auto& detail : status.details()) {
    google::rpc::ErrorInfo info;
    if (detail.UnpackTo(&info)) return info.reason();
  }
  return "";
}

// The ErrorInfo reason of a call's status (from its error details).
std::string ReasonOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  return ReasonOf(details);
}

// The metadata value `key` of the ErrorInfo of a call's status.
std::string MetadataOf(const grpc::Status& status, const std::string& key) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  for (const auto& detail : details.details()) {
    google::rpc::ErrorInfo info;
    if (detail.UnpackTo(&info) && info.metadata().count(key) > 0) return info.metadata().at(key);
  }
  return "";
}

class NoDocumentLostTest : public ::testing::Test {
 protected:
  void Start(ServiceOptions options) {
    options.worker_threads = 2;
    server_ = testing::StartInProcessServer(std::move(options));
    channel_ = testing::InProcessChannel(server_.get());
    stub_ = v1::ResolutionParserService::NewStub(channel_);
  }

  std::unique_ptr<ResoluteServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
};

// The bytes of a request for document `id`.
std::string RequestBytes(const std::string& id) {
  return MakeRequest(id, kText).SerializeAsString();
}

// A message that is no protobuf: a varint tag that never ends, then garbage.
std::string Garbage() { return std::string("\xff\xff\xff\xff\x0f", 5) + "garbage"; }

TEST_F(NoDocumentLostTest, StreamWithAnUndecodableMessageAnswersTheOnesBeforeThenFails) {
  Start(ServiceOptions());
  std::vector<std::string> requests;
  for (int i = 0; i < 20; ++i) requests.push_back(RequestBytes(absl::StrCat("before-", i)));
  requests.push_back(Garbage());
  for (int i = 0; i < 50; ++i) requests.push_back(RequestBytes(absl::StrCat("after-", i)));
  RawCallResult result = testing::RawStreamCall(channel_, kStreamMethod, requests);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << result.status.error_message();
  EXPECT_EQ(ReasonOf(result.status), "REQUEST_MALFORMED");
  EXPECT_EQ(MetadataOf(result.status, "message_index"), "20");
  EXPECT_THAT(result.status.error_message(), HasSubstr("request message 20"));
  ASSERT_EQ(result.responses.size(), 20u);
  std::vector<bool> seen(20, false);
  for (const std::string& bytes : result.responses) {
    v1::ParseResolutionResponse response;
    ASSERT_TRUE(response.ParseFromString(bytes));
    EXPECT_EQ(response.status().code(), 0);
    ASSERT_LT(response.request_index(), 20);
    EXPECT_EQ(response.document_id(), absl::StrCat("before-", response.request_index()));
    seen[static_cast<size_t>(response.request_index())] = true;
  }
  for (bool s : seen) EXPECT_TRUE(s);
}

TEST_F(NoDocumentLostTest, StreamWithADocumentIdThatIsNotUtf8Fails) {
  Start(ServiceOptions());
  // What a C++ client sends with only a warning: document_id "\xff".
  v1::ParseResolutionRequest bad;
  bad.set_content(kText);
  std::string bytes = bad.SerializeAsString();
  bytes += std::string("\x0a\x01\xff", 3);  // field 1 (document_id), 1 byte: 0xff.
  RawCallResult result = testing::RawStreamCall(
      channel_, kStreamMethod, {RequestBytes("a"), RequestBytes("b"), bytes, RequestBytes("c")});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(result.status), "REQUEST_MALFORMED");
  EXPECT_EQ(MetadataOf(result.status, "message_index"), "2");
  EXPECT_EQ(result.responses.size(), 2u);
}

TEST_F(NoDocumentLostTest, UnaryWithAnUndecodableRequestIsInvalidArgument) {
  Start(ServiceOptions());
  RawCallResult result = testing::RawUnaryCall(channel_, kUnaryMethod, Garbage());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << result.status.error_message();
  EXPECT_EQ(ReasonOf(result.status), "REQUEST_MALFORMED");
  // A well-formed request on the same path still parses.
  RawCallResult ok = testing::RawUnaryCall(channel_, kUnaryMethod, RequestBytes("fine"));
  ASSERT_TRUE(ok.status.ok()) << ok.status.error_message();
  v1::ParseResolutionResponse response;
  ASSERT_EQ(ok.responses.size(), 1u);
  ASSERT_TRUE(response.ParseFromString(ok.responses[0]));
  EXPECT_EQ(response.document_id(), "fine");
  EXPECT_GT(response.resolution().operative_paragraphs_size(), 0);
}

TEST_F(NoDocumentLostTest, StreamResponsesCarryTheirRequestIndex) {
  Start(ServiceOptions());
  std::vector<v1::ParseResolutionRequest> requests;
  for (int i = 0; i < 100; ++i) {
    // No document_id: the index is the only way to match a response.
    requests.push_back(MakeRequest("", absl::StrCat(kText, std::string(i, 'x'), "\n")));
  }
  CallResult result = testing::StreamDocuments(stub_.get(), requests);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), requests.size());
  std::vector<int> seen(requests.size(), 0);
  for (const v1::ParseResolutionResponse& r : result.responses) {
    ASSERT_GE(r.request_index(), 0);
    ASSERT_LT(r.request_index(), 100);
    ++seen[static_cast<size_t>(r.request_index())];
    EXPECT_THAT(r.resolution().text(),
                HasSubstr(absl::StrCat(std::string(r.request_index(), 'x'), "\n")));
  }
  for (int count : seen) EXPECT_EQ(count, 1);
}

TEST_F(NoDocumentLostTest, EveryArchiveEntryButADirectoryIsAnswered) {
  Start(ServiceOptions());
  CallResult result = testing::SendArchive(
      stub_.get(), testing::BuildTarGzWithSpecialEntries(kText), 64, "links.tar.gz");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  const struct {
    const char* id;
    int code;
    const char* type;
    int64_t index;
  } expected[] = {
      {"a.txt", 0, "", 0},
      {"dir/hard.txt", 3, "hardlink", 2},
      {"dir/soft.txt", 3, "symlink", 3},
      {"fifo", 3, "fifo", 4},
      {"tty", 3, "character device", 5},
      {"b.txt", 0, "", 6},
  };
  ASSERT_EQ(result.responses.size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    const v1::ParseResolutionResponse& r = result.responses[i];
    EXPECT_EQ(r.document_id(), expected[i].id);
    EXPECT_EQ(r.status().code(), expected[i].code) << r.document_id();
    EXPECT_EQ(r.request_index(), expected[i].index) << r.document_id();
    if (expected[i].code != 0) {
      EXPECT_EQ(ReasonOf(r.status()), "ARCHIVE_ENTRY_UNSUPPORTED") << r.document_id();
      EXPECT_THAT(r.status().message(), HasSubstr(expected[i].type));
    }
  }
}

TEST_F(NoDocumentLostTest, ArchiveResponsesCarryTheEntryIndex) {
  Start(ServiceOptions());
  // BuildArchive puts the folder "docs/" first: entries 1 to 3 are files.
  CallResult result = testing::SendArchive(
      stub_.get(),
      BuildArchive(ArchiveFormat::kZip,
                   {{"docs/a.txt", kText}, {"docs/b.txt", kText}, {"docs/c.txt", kText}}),
      4096);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(result.responses[i].request_index(), i + 1);
}

// Content without text, or with a NUL byte, gets the same status and reason
// in a unary call, a document stream and an archive.
TEST_F(NoDocumentLostTest, NoTextIsOneRuleInEveryCall) {
  Start(ServiceOptions());
  const struct {
    const char* name;
    std::string content;
    const char* reason;
  } cases[] = {
      {"empty", "", "CONTENT_EMPTY"},
      {"whitespace", " \n\t\r\n", "CONTENT_NO_TEXT"},
      {"no-break spaces", "\xC2\xA0\xC2\xA0\n", "CONTENT_NO_TEXT"},
      {"zero-width spaces", "\xE2\x80\x8B\xE2\x80\x8B", "CONTENT_NO_TEXT"},
      {"NUL only", std::string("\0\0\0", 3), "CONTENT_BINARY"},
      {"text with a NUL", std::string(kText) + std::string("\0", 1), "CONTENT_BINARY"},
  };
  std::vector<v1::ParseResolutionRequest> requests;
  std::vector<testing::TestFile> files;
  for (const auto& c : cases) {
    requests.push_back(MakeRequest(c.name, c.content));
    files.push_back({c.name, c.content});
  }
  CallResult stream = testing::StreamDocuments(stub_.get(), requests);
  ASSERT_TRUE(stream.status.ok());
  ASSERT_EQ(stream.responses.size(), std::size(cases));
  std::vector<v1::ParseResolutionResponse> stream_by_index(std::size(cases));
  for (const v1::ParseResolutionResponse& r : stream.responses) {
    ASSERT_LT(r.request_index(), static_cast<int64_t>(std::size(cases)));
    stream_by_index[static_cast<size_t>(r.request_index())] = r;
  }
  CallResult archive =
      testing::SendArchive(stub_.get(), BuildArchive(ArchiveFormat::kTarGz, files), 4096);
  ASSERT_TRUE(archive.status.ok());
  ASSERT_EQ(archive.responses.size(), std::size(cases));
  for (size_t i = 0; i < std::size(cases); ++i) {
    grpc::ClientContext context;
    v1::ParseResolutionResponse unary;
    const grpc::Status status = stub_->ParseResolution(&context, requests[i], &unary);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << cases[i].name;
    EXPECT_EQ(ReasonOf(status), cases[i].reason) << cases[i].name;
    const v1::ParseResolutionResponse& streamed = stream_by_index[i];
    EXPECT_EQ(streamed.status().code(), 3) << cases[i].name;
    EXPECT_EQ(ReasonOf(streamed.status()), cases[i].reason) << cases[i].name;
    EXPECT_EQ(streamed.status().message(), status.error_message()) << cases[i].name;
    EXPECT_EQ(archive.responses[i].status().code(), 3) << cases[i].name;
    EXPECT_EQ(ReasonOf(archive.responses[i].status()), cases[i].reason) << cases[i].name;
  }
}

// A caller that opens an archive upload and stops sending loses its slot
// after the idle timeout, with a clear status.
TEST_F(NoDocumentLostTest, StalledArchiveUploadEndsAfterTheIdleTimeout) {
  ServiceOptions options;
  options.max_concurrent_archives = 1;
  options.archive_idle_timeout = absl::Milliseconds(300);
  Start(options);
  const std::string archive = BuildArchive(ArchiveFormat::kTarGz, {{"a.txt", kText}});

  grpc::ClientContext stalled_context;
  stalled_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto stalled = stub_->ParseArchive(&stalled_context);
  v1::ParseArchiveRequest message;
  message.mutable_header()->set_archive_name("stalled.tar.gz");
  ASSERT_TRUE(stalled->Write(message));
  message.set_data(archive.substr(0, 10));
  ASSERT_TRUE(stalled->Write(message));
  // Nothing more is sent.
  const absl::Time start = absl::Now();
  v1::ParseArchiveResponse response;
  while (stalled->Read(&response)) {
  }
  const grpc::Status status = stalled->Finish();
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << status.error_message();
  EXPECT_EQ(ReasonOf(status), "ARCHIVE_IDLE_TIMEOUT");
  EXPECT_THAT(status.error_message(), HasSubstr("stalled.tar.gz"));
  EXPECT_LT(took, absl::Seconds(10));

  // The slot is free again.
  absl::SleepFor(absl::Milliseconds(100));
  CallResult next = testing::SendArchive(stub_.get(), archive, 4096);
  EXPECT_TRUE(next.status.ok()) << next.status.error_message();
  EXPECT_EQ(next.responses.size(), 1u);
}

}  // namespace
}  // namespace service
}  // namespace resolute
