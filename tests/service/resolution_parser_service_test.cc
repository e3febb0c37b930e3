// The service through a real gRPC channel (in-process transport): the
// rejection table, the three calls, flow control, cancellation and deadlines,
// health and reflection.

#include "service/resolution_parser_service.h"

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "akn/akn_writer.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "service/server.h"
#include "tests/service/archive_builder.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/service_test_util.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace service {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::CallResult;
using ::resolute::testing::MakeRequest;
using ::resolute::testing::MakeStreamRequest;
using ::resolute::testing::TestFile;
using ::testing::HasSubstr;

constexpr size_t kMaxDocumentBytes = 1 << 20;

// A parse function that counts calls, optionally sleeps, and echoes the text.
struct FakeParser {
  std::atomic<int> calls{0};
  absl::Duration delay = absl::ZeroDuration();
  ParseFunction AsFunction() {
    return [this](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
      calls.fetch_add(1);
      if (delay > absl::ZeroDuration()) absl::SleepFor(delay);
      out->set_text(std::string(text));
      return absl::OkStatus();
    };
  }
};

class ServiceTest : public ::testing::Test {
 protected:
  void Start(ServiceOptions options) {
    server_ = testing::StartInProcessServer(std::move(options));
    channel_ = testing::InProcessChannel(server_.get());
    stub_ = v1::ResolutionParserService::NewStub(channel_);
  }
  void StartReal() {
    ServiceOptions options;
    options.parser.max_document_bytes = kMaxDocumentBytes;
    options.worker_threads = 2;
    Start(options);
  }

  grpc::Status Unary(const v1::ParseResolutionRequest& request,
                     v1::ParseResolutionResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return stub_->ParseResolution(&context, request, response);
  }

  std::unique_ptr<ResoluteServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
};

// --- Unary -------------------------------------------------------------------

TEST_F(ServiceTest, UnaryParsesARealResolution) {
  StartReal();
  const std::vector<TestFile> corpus = testing::LoadCorpusSample();
  const TestFile* seed = nullptr;
  for (const TestFile& f : corpus) {
    if (f.path == "A_RES_57_168.seed.txt") seed = &f;
  }
  ASSERT_NE(seed, nullptr);
  v1::ParseResolutionResponse response;
  grpc::Status s = Unary(MakeRequest("seed", seed->content), &response);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(response.document_id(), "seed");
  EXPECT_EQ(response.status().code(), 0);
  EXPECT_EQ(response.resolution().symbol(), "A/RES/57/168");
  EXPECT_GT(response.resolution().preambular_paragraphs_size(), 0);
  EXPECT_GT(response.resolution().operative_paragraphs_size(), 0);
  EXPECT_FALSE(response.resolution().text().empty());

  // omit_text leaves the text out and nothing else.
  v1::ParseResolutionRequest request = MakeRequest("seed", seed->content);
  request.set_omit_text(true);
  v1::ParseResolutionResponse without_text;
  ASSERT_TRUE(Unary(request, &without_text).ok());
  EXPECT_TRUE(without_text.resolution().text().empty());
  v1::Resolution expected = response.resolution();
  expected.clear_text();
  EXPECT_TRUE(MessageDifferencer::Equals(without_text.resolution(), expected));
}

// OUTPUT_FORMAT_AKOMA_NTOSO adds the writer's XML of the same resolution, in
// the unary call, the document stream and the archive stream; without it
// there is none.
TEST_F(ServiceTest, AkomaNtosoOnRequestInAllThreeCalls) {
  StartReal();
  std::vector<TestFile> files;
  for (const TestFile& f : testing::LoadCorpusSample()) {
    if (files.size() < 3) files.push_back(f);
  }
  std::vector<v1::ParseResolutionRequest> requests;
  std::vector<std::string> expected;
  for (const TestFile& f : files) {
    v1::ParseResolutionRequest request = MakeRequest(f.path, f.content);
    v1::ParseResolutionResponse plain;
    ASSERT_TRUE(Unary(request, &plain).ok());
    EXPECT_EQ(plain.akoma_ntoso_xml(), "") << f.path;
    request.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
    v1::ParseResolutionResponse with_xml;
    ASSERT_TRUE(Unary(request, &with_xml).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(with_xml.resolution(), plain.resolution()));
    absl::StatusOr<std::string> xml = akn::WriteAkomaNtoso(plain.resolution());
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(with_xml.akoma_ntoso_xml(), *xml) << f.path;
    expected.push_back(*xml);
    requests.push_back(request);
  }
  CallResult streamed = testing::StreamDocuments(stub_.get(), requests);
  ASSERT_TRUE(streamed.status.ok()) << streamed.status.error_message();
  ASSERT_EQ(streamed.responses.size(), files.size());
  std::map<std::string, std::string> by_id;
  for (size_t i = 0; i < files.size(); ++i) by_id[files[i].path] = expected[i];
  for (const auto& r : streamed.responses) {
    EXPECT_EQ(r.akoma_ntoso_xml(), by_id[r.document_id()]) << r.document_id();
  }
  v1::ParseArchiveRequest::Header first;
  first.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
  CallResult archived = testing::SendArchiveWithHints(
      stub_.get(), BuildArchive(ArchiveFormat::kTarGz, files), 1000, first);
  ASSERT_TRUE(archived.status.ok()) << archived.status.error_message();
  ASSERT_EQ(archived.responses.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(archived.responses[i].akoma_ntoso_xml(), expected[i]) << files[i].path;
  }
}

struct Rejection {
  const char* name;
  std::string content;
  std::string language;
  grpc::StatusCode code;
  std::vector<std::string> message_parts;
  // google.rpc.ErrorInfo.reason in the status details.
  std::string reason;
};

// The ErrorInfo in a gRPC status's details; empty if there is none.
google::rpc::ErrorInfo ErrorInfoOf(const grpc::Status& status) {
  google::rpc::Status rich;
  google::rpc::ErrorInfo info;
  if (!rich.ParseFromString(status.error_details())) return info;
  for (const auto& detail : rich.details()) {
    if (detail.UnpackTo(&info)) break;
  }
  return info;
}

TEST_F(ServiceTest, UnaryRejectsBadInputWithAClearStatus) {
  StartReal();
  const Rejection rejections[] = {
      {"empty", "", "", grpc::StatusCode::INVALID_ARGUMENT, {"empty"}, "CONTENT_EMPTY"},
      {"whitespace only", "  \n\n\t \r\n", "", grpc::StatusCode::INVALID_ARGUMENT, {"whitespace"}, "CONTENT_NO_TEXT"},
      {"invalid UTF-8",
       "The General Assembly,\nRecalling\xc3\x28 its resolution",
       "",
       grpc::StatusCode::INVALID_ARGUMENT,
       {"UTF-8", "offset 31"},
       "CONTENT_NOT_UTF8"},
      {"Latin-1 text",
       "R\xe9solution 78/100",
       "",
       grpc::StatusCode::INVALID_ARGUMENT,
       {"UTF-8", "offset 1"},
       "CONTENT_NOT_UTF8"},
      {"oversize",
       std::string(kMaxDocumentBytes + 1, 'a'),
       "",
       grpc::StatusCode::RESOURCE_EXHAUSTED,
       {std::to_string(kMaxDocumentBytes + 1), std::to_string(kMaxDocumentBytes)},
       "CONTENT_TOO_LARGE"},
      {"French",
       "L'Assemblée générale,",
       "fr",
       grpc::StatusCode::INVALID_ARGUMENT,
       {"language", "\"fr\""},
       "LANGUAGE_UNSUPPORTED"},
      {"unknown language",
       "The General Assembly,",
       "xx-YY",
       grpc::StatusCode::INVALID_ARGUMENT,
       {"\"xx-YY\""},
       "LANGUAGE_UNSUPPORTED"},
      {"8 KB language",
       "The General Assembly,",
       std::string(8192, 'x'),
       grpc::StatusCode::INVALID_ARGUMENT,
       {"language"},
       "LANGUAGE_UNSUPPORTED"},
  };
  for (const Rejection& r : rejections) {
    v1::ParseResolutionRequest request = MakeRequest("doc", r.content);
    request.set_language(r.language);
    v1::ParseResolutionResponse response;
    grpc::Status s = Unary(request, &response);
    EXPECT_EQ(s.error_code(), r.code) << r.name << ": " << s.error_message();
    for (const std::string& part : r.message_parts) {
      EXPECT_THAT(s.error_message(), HasSubstr(part)) << r.name;
    }
    EXPECT_LT(s.error_message().size(), 300u) << r.name;
    const google::rpc::ErrorInfo info = ErrorInfoOf(s);
    EXPECT_EQ(info.reason(), r.reason) << r.name;
    EXPECT_EQ(info.domain(), "resolute.v1") << r.name;
  }
}

TEST_F(ServiceTest, UnaryAcceptsEnglishLanguageTags) {
  StartReal();
  for (const char* language : {"", "en", "en-GB", "EN-us"}) {
    v1::ParseResolutionRequest request =
        MakeRequest("doc", "The General Assembly,\n1. Decides to remain seized of the matter.\n");
    request.set_language(language);
    v1::ParseResolutionResponse response;
    EXPECT_TRUE(Unary(request, &response).ok()) << language;
  }
}

TEST_F(ServiceTest, ConcurrentUnaryCallsAllSucceed) {
  StartReal();
  const std::vector<TestFile> corpus = testing::LoadCorpusSample();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < corpus.size() * 3; i += 8) {
        v1::ParseResolutionResponse response;
        const TestFile& f = corpus[i % corpus.size()];
        if (Unary(MakeRequest(f.path, f.content), &response).ok() &&
            response.document_id() == f.path) {
          ok.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), static_cast<int>(corpus.size() * 3));
}

TEST_F(ServiceTest, UnaryParsingIsBoundedByTheWorkerThreads) {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  ServiceOptions options;
  options.worker_threads = 2;
  options.parser.parse = [&](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
    const int now = running.fetch_add(1) + 1;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    absl::SleepFor(absl::Milliseconds(20));
    running.fetch_sub(1);
    out->set_text(std::string(text));
    return absl::OkStatus();
  };
  Start(options);
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        v1::ParseResolutionResponse response;
        const std::string id = absl::StrCat(t, "-", i);
        if (Unary(MakeRequest(id, "text"), &response).ok() && response.document_id() == id &&
            response.resolution().text() == "text") {
          ok.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok.load(), 40);
  EXPECT_EQ(most.load(), 2) << "8 concurrent clients should keep both workers, and only them, busy";
}

TEST_F(ServiceTest, UnaryCallWhoseDeadlinePassedWhileWaitingIsNotParsed) {
  absl::Notification release;
  std::atomic<int> calls{0};
  ServiceOptions options;
  options.worker_threads = 1;
  options.parser.parse = [&](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
    if (calls.fetch_add(1) == 0) release.WaitForNotification();
    out->set_text(std::string(text));
    return absl::OkStatus();
  };
  Start(options);
  // The first call holds the only worker until released.
  std::thread first([&] {
    v1::ParseResolutionResponse response;
    EXPECT_TRUE(Unary(MakeRequest("first", "text"), &response).ok());
  });
  while (calls.load() == 0) absl::SleepFor(absl::Milliseconds(1));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(100));
  v1::ParseResolutionResponse response;
  EXPECT_EQ(stub_->ParseResolution(&context, MakeRequest("late", "text"), &response).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  release.Notify();
  first.join();
  // The worker is free again and serves new calls; the late one was dropped.
  EXPECT_TRUE(Unary(MakeRequest("after", "text"), &response).ok());
  EXPECT_EQ(calls.load(), 2) << "the call whose deadline had passed was parsed anyway";
}

TEST_F(ServiceTest, UnaryCallsAreServedWhileAStreamKeepsTheWorkersBusy) {
  FakeParser fake;
  fake.delay = absl::Milliseconds(5);
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 16;
  Start(options);
  grpc::ClientContext stream_context;
  auto stream = stub_->StreamParseResolutions(&stream_context);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop.load(); ++i) {
      if (!stream->Write(MakeStreamRequest(absl::StrCat(i), "text"))) return;
    }
    stream->WritesDone();
  });
  std::thread reader([&] {
    v1::StreamParseResolutionsResponse response;
    while (stream->Read(&response)) {
    }
  });
  // Tasks and unary calls share one queue in arrival order: a unary call
  // waits for at most the stream's window, not for the whole stream.
  const absl::Time start = absl::Now();
  for (int i = 0; i < 5; ++i) {
    v1::ParseResolutionResponse response;
    EXPECT_TRUE(Unary(MakeRequest(absl::StrCat("unary-", i), "text"), &response).ok());
  }
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  stop.store(true);
  writer.join();
  reader.join();
  EXPECT_TRUE(stream->Finish().ok());
}

// --- Health and reflection --------------------------------------------------

TEST_F(ServiceTest, HealthReportsServing) {
  StartReal();
  EXPECT_EQ(testing::CheckHealth(channel_, "").value_or(-1), testing::kServing);
  EXPECT_EQ(testing::CheckHealth(channel_, "resolute.v1.ResolutionParserService").value_or(-1),
            testing::kServing);
  EXPECT_EQ(testing::CheckHealth(channel_, "no.such.Service").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ServiceTest, ReflectionListsTheService) {
  StartReal();
  absl::StatusOr<std::vector<std::string>> services = testing::ListServices(channel_);
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services, ::testing::Contains("resolute.v1.ResolutionParserService"));
  EXPECT_THAT(*services, ::testing::Contains("grpc.health.v1.Health"));
}

// Reflection describes every service it lists: what `buf curl` and grpcurl
// need to call a method without a local schema.
TEST_F(ServiceTest, ReflectionDescribesEveryServiceItLists) {
  StartReal();
  absl::StatusOr<std::vector<std::string>> services = testing::ListServices(channel_);
  ASSERT_TRUE(services.ok()) << services.status();
  for (const std::string& service : *services) {
    absl::StatusOr<std::vector<std::string>> files = testing::DescribeSymbol(channel_, service);
    ASSERT_TRUE(files.ok()) << service << ": " << files.status();
    google::protobuf::FileDescriptorProto file;
    ASSERT_TRUE(file.ParseFromString(files->front())) << service;
    bool defines_service = false;
    for (const auto& s : file.service()) {
      defines_service |= absl::StrCat(file.package(), ".", s.name()) == service;
    }
    EXPECT_TRUE(defines_service) << service << " not in " << file.name();
  }
  EXPECT_EQ(testing::DescribeSymbol(channel_, "no.such.Service").status().code(),
            absl::StatusCode::kNotFound);
}

// --- Document stream ----------------------------------------------------------

TEST_F(ServiceTest, StreamAnswersEveryDocumentWithItsOwnStatus) {
  StartReal();
  const std::vector<TestFile> corpus = testing::LoadCorpusSample();
  std::vector<v1::ParseResolutionRequest> requests;
  for (int round = 0; round < 3; ++round) {
    for (const TestFile& f : corpus) {
      requests.push_back(MakeRequest(absl::StrCat(round, "/", f.path), f.content));
    }
  }
  requests.push_back(MakeRequest("empty", ""));
  requests.push_back(MakeRequest("latin1", "R\xe9solution"));
  v1::ParseResolutionRequest french = MakeRequest("french", "L'Assemblée générale");
  french.set_language("fr");
  requests.push_back(french);

  CallResult result = testing::StreamDocuments(stub_.get(), requests);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), requests.size());
  std::map<std::string, v1::ParseResolutionResponse> by_id;
  for (const auto& r : result.responses) {
    EXPECT_TRUE(by_id.emplace(r.document_id(), r).second) << "twice: " << r.document_id();
  }
  for (const TestFile& f : corpus) {
    v1::ParseResolutionResponse unary;
    ASSERT_TRUE(Unary(MakeRequest(f.path, f.content), &unary).ok());
    for (int round = 0; round < 3; ++round) {
      const auto& streamed = by_id[absl::StrCat(round, "/", f.path)];
      EXPECT_EQ(streamed.status().code(), 0) << f.path;
      EXPECT_TRUE(MessageDifferencer::Equals(streamed.resolution(), unary.resolution())) << f.path;
    }
  }
  EXPECT_EQ(by_id["empty"].status().code(), 3);
  EXPECT_THAT(by_id["empty"].status().message(), HasSubstr("empty"));
  EXPECT_FALSE(by_id["empty"].has_resolution());
  EXPECT_EQ(by_id["latin1"].status().code(), 3);
  EXPECT_THAT(by_id["latin1"].status().message(), HasSubstr("offset 1"));
  EXPECT_EQ(by_id["french"].status().code(), 3);
}

TEST_F(ServiceTest, EmptyStreamFinishesOk) {
  StartReal();
  CallResult result = testing::StreamDocuments(stub_.get(), {});
  EXPECT_TRUE(result.status.ok());
  EXPECT_TRUE(result.responses.empty());
}

// A client that sends faster than the server parses is held back by flow
// control: the server reads no more than its window while responses cannot
// be written.
TEST_F(ServiceTest, StreamReadsNoMoreThanItsWindow) {
  FakeParser fake;
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 4;
  Start(options);

  constexpr int kDocuments = 64;
  const std::string content(256 << 10, 'x');  // Responses echo it: 256 KiB each.
  grpc::ClientContext context;
  auto stream = stub_->StreamParseResolutions(&context);
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < kDocuments; ++i) {
      if (!stream->Write(MakeStreamRequest(absl::StrCat(i), content))) return;
      written.fetch_add(1);
    }
    stream->WritesDone();
  });
  // Nothing is read yet: the server's writes stall, then its reads.
  absl::SleepFor(absl::Seconds(1.5));
  const int parsed_while_blocked = fake.calls.load();
  RecordProperty("parsed_while_blocked", parsed_while_blocked);
  RecordProperty("written_while_blocked", written.load());
  EXPECT_LE(parsed_while_blocked, 4);  // The window.
  EXPECT_LT(written.load(), kDocuments);

  int responses = 0;
  v1::StreamParseResolutionsResponse response;
  while (stream->Read(&response)) ++responses;
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(responses, kDocuments);
  EXPECT_EQ(fake.calls.load(), kDocuments);
}

// The same for archives: the server reads chunks only as far as its window
// of entries allows.
TEST_F(ServiceTest, ArchiveReadsNoMoreThanItsWindow) {
  FakeParser fake;
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 4;
  Start(options);
  std::vector<TestFile> files;
  for (int i = 0; i < 64; ++i)
    files.push_back({absl::StrCat(i, ".txt"), std::string(256 << 10, 'y')});
  const std::string archive = BuildArchive(ArchiveFormat::kTar, files);
  constexpr size_t kChunk = 64 << 10;
  const int chunks = static_cast<int>((archive.size() + kChunk - 1) / kChunk);

  grpc::ClientContext context;
  auto stream = stub_->ParseArchive(&context);
  std::atomic<int> written{0};
  std::thread writer([&] {
    v1::ParseArchiveRequest chunk;
    chunk.mutable_header();
    if (!stream->Write(chunk)) return;
    for (size_t offset = 0; offset < archive.size(); offset += kChunk) {
      chunk.set_data(archive.substr(offset, kChunk));
      if (!stream->Write(chunk)) return;
      written.fetch_add(1);
    }
    stream->WritesDone();
  });
  absl::SleepFor(absl::Seconds(1));
  RecordProperty("parsed_while_blocked", fake.calls.load());
  RecordProperty("chunks_written_while_blocked", written.load());
  EXPECT_LE(fake.calls.load(), 4);
  EXPECT_LT(written.load(), chunks / 2);

  int responses = 0;
  v1::ParseArchiveResponse response;
  while (stream->Read(&response)) ++responses;
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(responses, 64);
  EXPECT_EQ(written.load(), chunks);
}

TEST_F(ServiceTest, CancelledStreamStopsItsWork) {
  FakeParser fake;
  fake.delay = absl::Milliseconds(50);
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 4;
  Start(options);

  grpc::ClientContext context;
  auto stream = stub_->StreamParseResolutions(&context);
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      if (!stream->Write(MakeStreamRequest(absl::StrCat(i), "text"))) return;
    }
    stream->WritesDone();
  });
  v1::StreamParseResolutionsResponse response;
  ASSERT_TRUE(stream->Read(&response));
  context.TryCancel();
  while (stream->Read(&response)) {
  }
  writer.join();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  absl::SleepFor(absl::Milliseconds(500));
  const int calls = fake.calls.load();
  EXPECT_LE(calls, 8) << "documents queued after the cancel were still parsed";
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(fake.calls.load(), calls) << "work goes on after the cancel";

  // The server is still fine.
  v1::ParseResolutionResponse unary;
  EXPECT_TRUE(Unary(MakeRequest("after", "text"), &unary).ok());
}

TEST_F(ServiceTest, StreamDeadlineStopsWork) {
  FakeParser fake;
  fake.delay = absl::Milliseconds(100);
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 4;
  Start(options);

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  auto stream = stub_->StreamParseResolutions(&context);
  std::thread writer([&] {
    for (int i = 0; i < 100; ++i) {
      if (!stream->Write(MakeStreamRequest(absl::StrCat(i), "text"))) return;
    }
    stream->WritesDone();
  });
  v1::StreamParseResolutionsResponse response;
  int responses = 0;
  while (stream->Read(&response)) ++responses;
  writer.join();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(responses, 10);
  absl::SleepFor(absl::Milliseconds(600));
  EXPECT_LE(fake.calls.load(), 10);
}

// --- Archive stream -----------------------------------------------------------

class ArchiveServiceTest : public ServiceTest,
                           public ::testing::WithParamInterface<ArchiveFormat> {};

TEST_P(ArchiveServiceTest, AnswersEveryEntryInArchiveOrderLikeUnary) {
  StartReal();
  std::vector<TestFile> files;
  for (const TestFile& f : testing::LoadCorpusSample())
    files.push_back({"docs/" + f.path, f.content});
  const std::string archive = BuildArchive(GetParam(), files);
  for (size_t chunk : {size_t{1000}, size_t{64} << 10}) {
    CallResult result = testing::SendArchive(stub_.get(), archive, chunk);
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    ASSERT_EQ(result.responses.size(), files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      const auto& r = result.responses[i];
      EXPECT_EQ(r.document_id(), files[i].path);
      EXPECT_EQ(r.status().code(), 0) << r.status().message();
      v1::ParseResolutionResponse unary;
      ASSERT_TRUE(Unary(MakeRequest("x", files[i].content), &unary).ok());
      EXPECT_TRUE(MessageDifferencer::Equals(r.resolution(), unary.resolution())) << files[i].path;
    }
  }
}

TEST_P(ArchiveServiceTest, BadEntriesGetErrorsAndTheRestParses) {
  StartReal();
  const std::string text = "The General Assembly,\n1. Decides to remain seized of the matter.\n";
  const std::string archive =
      BuildArchive(GetParam(), {{"a.txt", text},
                                {"scan.png", std::string("\x89PNG\r\n\0\0\x01\x02 binary", 17)},
                                {"empty.txt", ""},
                                {"latin1.txt", "R\xe9solution"},
                                {"b.txt", text}});
  CallResult result = testing::SendArchive(stub_.get(), archive, 4096);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), 5u);
  EXPECT_EQ(result.responses[0].status().code(), 0);
  EXPECT_EQ(result.responses[1].document_id(), "scan.png");
  EXPECT_EQ(result.responses[1].status().code(), 3);
  EXPECT_THAT(result.responses[1].status().message(), HasSubstr("binary"));
  EXPECT_EQ(result.responses[2].status().code(), 3);
  EXPECT_THAT(result.responses[2].status().message(), HasSubstr("empty"));
  EXPECT_EQ(result.responses[3].status().code(), 3);
  EXPECT_THAT(result.responses[3].status().message(), HasSubstr("UTF-8"));
  EXPECT_EQ(result.responses[4].document_id(), "b.txt");
  EXPECT_EQ(result.responses[4].status().code(), 0);
}

TEST_P(ArchiveServiceTest, TruncatedArchiveEndsWithInvalidArgument) {
  StartReal();
  std::vector<TestFile> files;
  for (const TestFile& f : testing::LoadCorpusSample()) files.push_back({f.path, f.content});
  const std::string archive = BuildArchive(GetParam(), files);
  CallResult result =
      testing::SendArchive(stub_.get(), archive.substr(0, archive.size() * 2 / 3), 8192, "s.x");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("archive \"s.x\""));
  EXPECT_LT(result.responses.size(), files.size());
}

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveServiceTest,
                         ::testing::Values(ArchiveFormat::kTar, ArchiveFormat::kTarGz,
                                           ArchiveFormat::kZip));

TEST_F(ServiceTest, ArchiveThatIsNotOneIsInvalid) {
  StartReal();
  CallResult result =
      testing::SendArchive(stub_.get(), std::string(5000, '\x17'), 1024, "junk.zip");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("junk.zip"));
  EXPECT_TRUE(result.responses.empty());
}

TEST_F(ServiceTest, EmptyArchiveStreamIsInvalid) {
  StartReal();
  CallResult result = testing::SendArchive(stub_.get(), "", 1024);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("empty"));
}

TEST_F(ServiceTest, ArchiveBombIsRefused) {
  StartReal();
  for (ArchiveFormat format : {ArchiveFormat::kTarGz, ArchiveFormat::kZip}) {
    const std::string bomb = BuildArchive(
        format, {{"ok.txt", "The General Assembly,\n1. Decides.\n"},
                 {"zeros.txt", std::string(12 << 20, '\0')}});  // Under the entry limit.
    ASSERT_LT(bomb.size(), 1u << 20);
    CallResult result = testing::SendArchive(stub_.get(), bomb, 64 << 10);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(result.status.error_message(), HasSubstr("expands"));
    ASSERT_EQ(result.responses.size(), 1u);  // The entry before the bomb.
    EXPECT_EQ(result.responses[0].status().code(), 0);
  }
}

TEST_F(ServiceTest, ArchiveLimitsEndTheCall) {
  ServiceOptions options;
  options.archive_limits.max_entries = 3;
  options.archive_limits.max_entry_bytes = 10000;
  Start(options);
  const std::string text = "The General Assembly,\n1. Decides.\n";
  CallResult too_many = testing::SendArchive(
      stub_.get(),
      BuildArchive(ArchiveFormat::kTarGz,
                   {{"1.txt", text}, {"2.txt", text}, {"3.txt", text}, {"4.txt", text}}),
      4096);
  EXPECT_EQ(too_many.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(too_many.status.error_message(), HasSubstr("limit of 3 entries"));
  EXPECT_EQ(too_many.responses.size(), 3u);

  CallResult too_big = testing::SendArchive(
      stub_.get(), BuildArchive(ArchiveFormat::kZip, {{"big.txt", std::string(20000, 'a')}}), 4096);
  EXPECT_EQ(too_big.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(too_big.status.error_message(), HasSubstr("big.txt"));
}

TEST_F(ServiceTest, TooManyArchivesAtOnceAreRefusedAsUnavailable) {
  ServiceOptions options;
  options.max_concurrent_archives = 1;
  Start(options);
  const std::string archive =
      BuildArchive(ArchiveFormat::kTar, {{"a.txt", "The General Assembly,\n1. Decides.\n"}});
  // The first upload stays open.
  grpc::ClientContext first_context;
  auto first = stub_->ParseArchive(&first_context);
  v1::ParseArchiveRequest chunk;
  chunk.mutable_header();
  ASSERT_TRUE(first->Write(chunk));
  chunk.set_data(archive.substr(0, 100));
  ASSERT_TRUE(first->Write(chunk));
  absl::SleepFor(absl::Milliseconds(100));

  CallResult refused = testing::SendArchive(stub_.get(), archive, 4096);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("busy"));
  EXPECT_EQ(ErrorInfoOf(refused.status).reason(), "SERVER_BUSY");
  google::rpc::Status rich;
  ASSERT_TRUE(rich.ParseFromString(refused.status.error_details()));
  google::rpc::RetryInfo retry;
  bool has_retry = false;
  for (const auto& detail : rich.details()) has_retry |= detail.UnpackTo(&retry);
  EXPECT_TRUE(has_retry);

  chunk.set_data(archive.substr(100));
  ASSERT_TRUE(first->Write(chunk));
  first->WritesDone();
  v1::ParseArchiveResponse response;
  while (first->Read(&response)) {
  }
  EXPECT_TRUE(first->Finish().ok());
  absl::SleepFor(absl::Milliseconds(100));  // The first call's thread ends.
  CallResult accepted = testing::SendArchive(stub_.get(), archive, 4096);
  EXPECT_TRUE(accepted.status.ok()) << accepted.status.error_message();
  EXPECT_EQ(accepted.responses.size(), 1u);
}

TEST_F(ServiceTest, CancelledArchiveStopsItsWork) {
  FakeParser fake;
  fake.delay = absl::Milliseconds(50);
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 1;
  options.stream_window = 4;
  Start(options);
  std::vector<TestFile> files;
  for (int i = 0; i < 300; ++i) files.push_back({absl::StrCat(i, ".txt"), "text"});
  const std::string archive = BuildArchive(ArchiveFormat::kTarGz, files);

  grpc::ClientContext context;
  auto stream = stub_->ParseArchive(&context);
  std::thread writer([&] {
    v1::ParseArchiveRequest chunk;
    chunk.mutable_header();
    if (!stream->Write(chunk)) return;
    for (size_t offset = 0; offset < archive.size(); offset += 1024) {
      chunk.set_data(archive.substr(offset, 1024));
      if (!stream->Write(chunk)) return;
    }
    stream->WritesDone();
  });
  v1::ParseArchiveResponse response;
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.document_id(), "0.txt");
  context.TryCancel();
  while (stream->Read(&response)) {
  }
  writer.join();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  absl::SleepFor(absl::Milliseconds(500));
  const int calls = fake.calls.load();
  EXPECT_LE(calls, 8);
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(fake.calls.load(), calls);
}

TEST_F(ServiceTest, ManyConcurrentStreamsAndArchives) {
  StartReal();
  const std::vector<TestFile> corpus = testing::LoadCorpusSample();
  std::vector<v1::ParseResolutionRequest> requests;
  for (const TestFile& f : corpus) requests.push_back(MakeRequest(f.path, f.content));
  const std::string archive = BuildArchive(ArchiveFormat::kZip, corpus);
  std::atomic<int> complete{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      CallResult r = t % 2 == 0 ? testing::StreamDocuments(stub_.get(), requests)
                                : testing::SendArchive(stub_.get(), archive, 16384);
      if (r.status.ok() && r.responses.size() == corpus.size()) complete.fetch_add(1);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(complete.load(), 6);
}

// --- Archive hints (the header's source_variant, language, omit_text) ---------

TEST_F(ServiceTest, ArchiveHintsOfTheHeaderApplyToEveryEntry) {
  absl::Mutex mu;
  std::vector<ParseOptions> seen;
  ServiceOptions options;
  options.parser.parse = [&](absl::string_view text, const ParseOptions& parse_options,
                             v1::Resolution* out) {
    absl::MutexLock lock(&mu);
    seen.push_back(parse_options);
    out->set_text(std::string(text));
    return absl::OkStatus();
  };
  Start(options);
  const std::string archive = BuildArchive(
      ArchiveFormat::kTarGz,
      {{"a.txt", "The General Assembly,"}, {"b.txt", "Decides"}, {"c.txt", "Requests"}});
  v1::ParseArchiveRequest::Header first;
  first.set_archive_name("hinted.tar.gz");
  first.set_source_variant(v1::SOURCE_VARIANT_PDFTOTEXT);
  first.set_language("en-GB");
  first.set_omit_text(true);
  // Small chunks: only the header carries the hints.
  CallResult result = testing::SendArchiveWithHints(stub_.get(), archive, 64, first);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), 3u);
  absl::MutexLock lock(&mu);
  ASSERT_EQ(seen.size(), 3u);
  for (const ParseOptions& o : seen) {
    EXPECT_FALSE(o.include_text);
  }
}

TEST_F(ServiceTest, ArchiveOmitTextLeavesTheTextOutAndNothingElse) {
  StartReal();
  std::vector<TestFile> files;
  for (const TestFile& f : testing::LoadCorpusSample()) files.push_back({f.path, f.content});
  const std::string archive = BuildArchive(ArchiveFormat::kZip, files);
  CallResult with_text = testing::SendArchive(stub_.get(), archive, 16 << 10);
  v1::ParseArchiveRequest::Header first;
  first.set_omit_text(true);
  CallResult without_text = testing::SendArchiveWithHints(stub_.get(), archive, 16 << 10, first);
  ASSERT_TRUE(with_text.status.ok());
  ASSERT_TRUE(without_text.status.ok());
  ASSERT_EQ(without_text.responses.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_FALSE(with_text.responses[i].resolution().text().empty());
    EXPECT_TRUE(without_text.responses[i].resolution().text().empty());
    v1::Resolution expected = with_text.responses[i].resolution();
    expected.clear_text();
    EXPECT_TRUE(MessageDifferencer::Equals(without_text.responses[i].resolution(), expected))
        << files[i].path;
  }
}

TEST_F(ServiceTest, ArchiveWithAnUnsupportedLanguageIsRefusedAtOnce) {
  FakeParser fake;
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  Start(options);
  const std::string archive =
      BuildArchive(ArchiveFormat::kTar, {{"a.txt", "Le texte"}, {"b.txt", "Le texte"}});
  v1::ParseArchiveRequest::Header first;
  first.set_archive_name("french.tar");
  first.set_language("fr");
  CallResult result = testing::SendArchiveWithHints(stub_.get(), archive, 4096, first);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("archive \"french.tar\""));
  EXPECT_THAT(result.status.error_message(), HasSubstr("language \"fr\" is not supported"));
  EXPECT_TRUE(result.responses.empty());
  EXPECT_EQ(fake.calls.load(), 0);
}

// The field of the BadRequest violation in a gRPC status's details; empty if
// there is none.
std::string BadRequestFieldOf(const grpc::Status& status) {
  google::rpc::Status rich;
  google::rpc::BadRequest bad_request;
  if (!rich.ParseFromString(status.error_details())) return "";
  for (const auto& detail : rich.details()) {
    if (detail.UnpackTo(&bad_request) && bad_request.field_violations_size() > 0) {
      return bad_request.field_violations(0).field();
    }
  }
  return "";
}

TEST_F(ServiceTest, ArchiveWhoseFirstMessageIsNotAHeaderIsRefused) {
  FakeParser fake;
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  Start(options);
  v1::ParseArchiveRequest data;
  data.set_data(BuildArchive(ArchiveFormat::kTar, {{"a.txt", "The General Assembly,"}}));
  CallResult result = testing::SendArchiveMessages(stub_.get(), {data});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("must be a header"));
  const google::rpc::ErrorInfo info = ErrorInfoOf(result.status);
  EXPECT_EQ(info.reason(), "ARCHIVE_HEADER_MISSING");
  EXPECT_EQ(info.domain(), "resolute.v1");
  EXPECT_EQ(BadRequestFieldOf(result.status), "header");
  EXPECT_TRUE(result.responses.empty());
  EXPECT_EQ(fake.calls.load(), 0);
}

TEST_F(ServiceTest, ArchiveWithASecondHeaderIsRefused) {
  FakeParser fake;
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  Start(options);
  const std::string archive =
      BuildArchive(ArchiveFormat::kTar, {{"a.txt", "The General Assembly,"}});
  std::vector<v1::ParseArchiveRequest> messages(4);
  messages[0].mutable_header()->set_archive_name("twice.tar");
  messages[1].set_data(archive.substr(0, 100));
  messages[2].mutable_header()->set_archive_name("again.tar");
  messages[3].set_data(archive.substr(100));
  CallResult result = testing::SendArchiveMessages(stub_.get(), messages);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.status.error_message(), HasSubstr("archive \"twice.tar\""));
  EXPECT_THAT(result.status.error_message(), HasSubstr("message 2 (zero-based)"));
  const google::rpc::ErrorInfo info = ErrorInfoOf(result.status);
  EXPECT_EQ(info.reason(), "ARCHIVE_HEADER_REPEATED");
  EXPECT_EQ(info.metadata().at("message_index"), "2");
  EXPECT_EQ(BadRequestFieldOf(result.status), "header");
  EXPECT_TRUE(result.responses.empty());
}

// --- Drain (server shutdown) ----------------------------------------------------

// A stream open when the server shuts down stops reading, answers every
// document it had read, and ends with UNAVAILABLE saying how many. (Over
// TCP: the in-process transport closes its streams on shutdown.)
TEST_F(ServiceTest, DrainAnswersEveryDocumentReceivedThenEndsUnavailable) {
  FakeParser fake;
  fake.delay = absl::Milliseconds(20);
  ServiceOptions options;
  options.parser.parse = fake.AsFunction();
  options.worker_threads = 2;
  options.stream_window = 4;
  server_ = testing::StartLoopbackServer(options);
  auto stub = v1::ResolutionParserService::NewStub(
      grpc::CreateChannel(server_->address(), grpc::InsecureChannelCredentials()));
  constexpr int kDocuments = 1000;  // Far more than fit before the drain.
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto stream = stub->StreamParseResolutions(&context);
  std::thread writer([&] {
    for (int i = 0; i < kDocuments; ++i) {
      if (!stream->Write(MakeStreamRequest(absl::StrCat("doc", i), "text"))) break;
    }
    stream->WritesDone();
  });
  std::vector<v1::StreamParseResolutionsResponse> responses;
  std::thread stopper;
  absl::Time shutdown_start;
  v1::StreamParseResolutionsResponse response;
  while (stream->Read(&response)) {
    responses.push_back(response);
    if (responses.size() == 3) {
      shutdown_start = absl::Now();
      stopper = std::thread([this] { server_->Shutdown(absl::Seconds(20)); });
    }
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  ASSERT_TRUE(stopper.joinable());
  stopper.join();
  EXPECT_LT(absl::Now() - shutdown_start, absl::Seconds(5));  // Not the drain deadline.

  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
  int received = -1;
  const std::string prefix = "the server is shutting down; the ";
  ASSERT_THAT(status.error_message(), ::testing::StartsWith(prefix));
  ASSERT_TRUE(absl::SimpleAtoi(
      status.error_message().substr(prefix.size(),
                                    status.error_message().find(' ', prefix.size()) -
                                        prefix.size()),
      &received));
  EXPECT_EQ(responses.size(), static_cast<size_t>(received));
  EXPECT_GE(received, 3);
  EXPECT_LT(received, kDocuments);
  std::set<std::string> ids;
  for (const auto& r : responses) {
    EXPECT_EQ(r.status().code(), 0) << r.document_id() << ": " << r.status().message();
    EXPECT_TRUE(ids.insert(r.document_id()).second) << r.document_id();
  }
  EXPECT_EQ(fake.calls.load(), received);  // Nothing parsed that was not answered.
}

}  // namespace
}  // namespace service
}  // namespace resolute
