// bench/load/load_generator.h against a real server on a loopback port: each mode
// (unary, stream, archive) in short bounded runs on three bundled documents,
// the figures' consistency, documents the server rejects, option checks, no
// server, cancellation, several channels, generators destroyed right after a
// run, and MedianSizeDocument.

#include "bench/load/load_generator.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/channel.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/server.h"
#include "tests/service/service_test_util.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace bench {
namespace {

using client::CreateResoluteChannel;
using client::MemoryArchiveFormat;
using client::ResoluteChannelArguments;

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Three small documents of the bundled corpus (1976, 2476 and 3275 bytes).
std::vector<BenchDocument> ThreeDocuments() {
  std::vector<BenchDocument> documents;
  for (const testing::TestFile& f : testing::LoadCorpusSample()) {
    if (f.path == "S_RES_242_1967.txt" || f.path == "A_RES_79_3.pymupdf.txt" ||
        f.path == "E_RES_2020_1.txt") {
      documents.push_back({f.path, f.content});
    }
  }
  if (documents.size() != 3) ADD_FAILURE() << "the corpus lacks a test document";
  return documents;
}

// Bounded options: no warm-up, at most `max_requests` requests or 5 s.
LoadOptions Bounded(LoadMode mode, int concurrency, int64_t max_requests) {
  LoadOptions options;
  options.mode = mode;
  options.concurrency = concurrency;
  options.warmup = absl::ZeroDuration();
  options.duration = absl::Seconds(5);
  options.max_requests = max_requests;
  options.call_timeout = absl::Seconds(10);
  return options;
}

// What holds for every result: a latency per request, ordered percentiles.
void ExpectConsistent(const LoadResult& r) {
  EXPECT_EQ(r.latency.count, r.requests);
  EXPECT_LE(r.latency.min, r.latency.p50);
  EXPECT_LE(r.latency.p50, r.latency.p90);
  EXPECT_LE(r.latency.p90, r.latency.p99);
  EXPECT_LE(r.latency.p99, r.latency.max);
  EXPECT_LE(r.latency.min, r.latency.mean);
  EXPECT_LE(r.latency.mean, r.latency.max);
  if (r.requests > 0) {
    EXPECT_GT(r.latency.min, absl::ZeroDuration());
    EXPECT_GT(r.elapsed, absl::ZeroDuration());
  }
}

class LoadGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    service::ServiceOptions options;
    options.worker_threads = 2;
    server_ = testing::StartLoopbackServer(options).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string Target() { return absl::StrCat("127.0.0.1:", server_->port()); }
  static std::shared_ptr<grpc::Channel> Channel() { return CreateResoluteChannel(Target()); }

  static int64_t Bytes(const std::vector<BenchDocument>& documents) {
    int64_t n = 0;
    for (const BenchDocument& d : documents) n += static_cast<int64_t>(d.content.size());
    return n;
  }

  static service::ResoluteServer* server_;
};

service::ResoluteServer* LoadGeneratorTest::server_ = nullptr;

TEST(LoadMode, NamesRoundTrip) {
  for (LoadMode mode : {LoadMode::kUnary, LoadMode::kStream, LoadMode::kArchive}) {
    LoadMode parsed = mode == LoadMode::kUnary ? LoadMode::kArchive : LoadMode::kUnary;
    ASSERT_TRUE(ParseLoadMode(LoadModeName(mode), &parsed)) << LoadModeName(mode);
    EXPECT_EQ(parsed, mode);
  }
  EXPECT_EQ(LoadModeName(LoadMode::kUnary), "unary");
  EXPECT_EQ(LoadModeName(LoadMode::kStream), "stream");
  EXPECT_EQ(LoadModeName(LoadMode::kArchive), "archive");
  for (const char* bad : {"", "Unary", "streams", "zip", " unary"}) {
    LoadMode mode = LoadMode::kStream;
    EXPECT_FALSE(ParseLoadMode(bad, &mode)) << bad;
    EXPECT_EQ(mode, LoadMode::kStream);
  }
}

TEST(MedianSizeDocument, OddEvenTiesAndOne) {
  const std::vector<BenchDocument> odd = {
      {"big", std::string(300, 'x')}, {"small", "x"}, {"mid", std::string(20, 'x')}};
  EXPECT_EQ(MedianSizeDocument(odd).id, "mid");
  // Even count: the lower median.
  const std::vector<BenchDocument> even = {{"d", std::string(40, 'x')},
                                           {"a", std::string(10, 'x')},
                                           {"c", std::string(30, 'x')},
                                           {"b", std::string(20, 'x')}};
  EXPECT_EQ(MedianSizeDocument(even).id, "b");
  // Equal sizes: by id.
  const std::vector<BenchDocument> ties = {
      {"z", "same"}, {"m", "same"}, {"a", "same"}, {"q", "longer"}, {"b", "s"}};
  // Sorted: b(1) a(4) m(4) z(4) q(6) -> the third is m.
  EXPECT_EQ(MedianSizeDocument(ties).id, "m");
  const std::vector<BenchDocument> one = {{"only", ""}};
  EXPECT_EQ(&MedianSizeDocument(one), &one[0]);
  // Returns a reference into the vector.
  EXPECT_EQ(&MedianSizeDocument(odd), &odd[2]);
}

TEST(MedianSizeDocument, OfTheThreeCorpusDocuments) {
  EXPECT_EQ(MedianSizeDocument(ThreeDocuments()).id, "A_RES_79_3.pymupdf.txt");
}

TEST_F(LoadGeneratorTest, UnaryRunStopsAtMaxRequests) {
  const std::vector<BenchDocument> documents = ThreeDocuments();
  LoadGenerator generator({Channel()}, documents);
  ASSERT_TRUE(generator.WaitForServer(absl::Seconds(10)).ok());
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 4, 20));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));  // Ended by max_requests.
  EXPECT_EQ(r->mode, LoadMode::kUnary);
  EXPECT_EQ(r->concurrency, 4);
  EXPECT_EQ(r->streams, 0);
  EXPECT_EQ(r->requests, 20);
  EXPECT_EQ(r->documents, 20);
  EXPECT_EQ(r->errors, 0);
  EXPECT_EQ(r->first_error, "");
  EXPECT_GE(r->document_bytes, 20 * 1976);
  EXPECT_LE(r->document_bytes, 20 * 3275);
  EXPECT_GT(r->response_bytes, r->document_bytes);  // Responses carry the text and more.
  EXPECT_GT(r->RequestsPerSecond(), 0);
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, StreamRunStopsAtMaxRequests) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  LoadOptions options = Bounded(LoadMode::kStream, 4, 20);
  options.streams = 2;
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_EQ(r->mode, LoadMode::kStream);
  EXPECT_EQ(r->concurrency, 4);
  EXPECT_EQ(r->streams, 2);
  EXPECT_EQ(r->requests, 20);
  EXPECT_EQ(r->documents, 20);
  EXPECT_EQ(r->errors, 0) << r->first_error;
  EXPECT_GE(r->document_bytes, 20 * 1976);
  EXPECT_LE(r->document_bytes, 20 * 3275);
  EXPECT_GT(r->response_bytes, 0);
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, ArchiveRunCountsCallsAndEntries) {
  const std::vector<BenchDocument> documents = ThreeDocuments();
  LoadGenerator generator({Channel()}, documents);
  LoadOptions options = Bounded(LoadMode::kArchive, 2, 4);
  options.chunk_bytes = 1024;  // Several chunks per archive.
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_EQ(r->mode, LoadMode::kArchive);
  EXPECT_EQ(r->concurrency, 2);
  EXPECT_EQ(r->streams, 0);
  EXPECT_EQ(r->requests, 4);  // Archive calls.
  // The entries of the calls answered in the window: of the 4 that
  // completed, except those of the first 2 that came before the window
  // opened, and maybe some of the 2 cut short at the end.
  EXPECT_GE(r->documents, (4 - 2) * 3);
  EXPECT_LE(r->documents, (4 + 2) * 3);
  EXPECT_GE(r->document_bytes, (4 - 2) * Bytes(documents));
  EXPECT_EQ(r->errors, 0) << r->first_error;
  ExpectConsistent(*r);
}

class ArchiveFormatTest : public LoadGeneratorTest,
                          public ::testing::WithParamInterface<MemoryArchiveFormat> {};

TEST_P(ArchiveFormatTest, EveryFormatIsAnswered) {
  const std::vector<BenchDocument> documents = ThreeDocuments();
  LoadGenerator generator({Channel()}, documents);
  LoadOptions options = Bounded(LoadMode::kArchive, 1, 2);
  options.archive_format = GetParam();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 2);
  // One call at a time: the entries of the two calls, but the first call
  // starts just before the window opens, so that some of its entries may
  // come before it.
  EXPECT_GE(r->documents, 3);
  EXPECT_LE(r->documents, 2 * 3);
  EXPECT_LE(r->document_bytes, 2 * Bytes(documents));
  if (r->documents == 2 * 3) {
    EXPECT_EQ(r->document_bytes, 2 * Bytes(documents));
  }
  EXPECT_EQ(r->errors, 0) << r->first_error;
  ExpectConsistent(*r);
}

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveFormatTest,
                         ::testing::Values(MemoryArchiveFormat::kTar, MemoryArchiveFormat::kTarGz,
                                           MemoryArchiveFormat::kZip));

TEST_F(LoadGeneratorTest, ResponseBytesAreTheSerialisedResponses) {
  // One document, one call at a time: every response is the same.
  const BenchDocument document = MedianSizeDocument(ThreeDocuments());
  v1::ParseResolutionRequest request;
  request.set_document_id(document.id);
  request.set_content(document.content);
  int64_t sizes[2];
  for (bool omit_text : {false, true}) {
    request.set_omit_text(omit_text);
    grpc::ClientContext context;
    v1::ParseResolutionResponse response;
    ASSERT_TRUE(v1::ResolutionParserService::NewStub(Channel())
                    ->ParseResolution(&context, request, &response)
                    .ok());
    sizes[omit_text] = static_cast<int64_t>(response.ByteSizeLong());
  }
  ASSERT_LT(sizes[1], sizes[0]);

  LoadGenerator generator({Channel()}, {document});
  for (bool omit_text : {false, true}) {
    LoadOptions options = Bounded(LoadMode::kUnary, 1, 5);
    options.omit_text = omit_text;
    absl::StatusOr<LoadResult> r = generator.Run(options);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->requests, 5);
    EXPECT_EQ(r->document_bytes, 5 * static_cast<int64_t>(document.content.size()));
    EXPECT_EQ(r->response_bytes, 5 * sizes[omit_text]) << "omit_text " << omit_text;
  }
}

TEST_F(LoadGeneratorTest, WarmupThenTheDurationEndsTheWindow) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  LoadOptions options = Bounded(LoadMode::kUnary, 2, 0);  // No request limit.
  options.warmup = absl::Milliseconds(200);
  options.duration = absl::Milliseconds(300);
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  const absl::Duration wall = absl::Now() - start;
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GE(r->elapsed, absl::Milliseconds(300));
  EXPECT_LT(r->elapsed, absl::Seconds(2));
  EXPECT_GE(wall, absl::Milliseconds(500));
  EXPECT_LT(wall, absl::Seconds(5));
  EXPECT_GT(r->requests, 0);
  EXPECT_EQ(r->errors, 0);
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, StreamWindowEndedByDuration) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  LoadOptions options = Bounded(LoadMode::kStream, 3, 0);
  options.duration = absl::Milliseconds(200);
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  ASSERT_TRUE(r.ok()) << r.status();
  // The open stream is cancelled at the end, not waited for until its
  // deadline, and its cancellation is not an error.
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_GE(r->elapsed, absl::Milliseconds(200));
  EXPECT_GT(r->requests, 0);
  EXPECT_EQ(r->errors, 0) << r->first_error;
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, CallsAreSpreadOverTheChannels) {
  grpc::ChannelArguments args = ResoluteChannelArguments();
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < 3; ++i) {
    channels.push_back(
        grpc::CreateCustomChannel(Target(), grpc::InsecureChannelCredentials(), args));
    ASSERT_EQ(channels.back()->GetState(/*try_to_connect=*/false), GRPC_CHANNEL_IDLE);
  }
  LoadGenerator generator(channels, ThreeDocuments());
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 3, 12));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 12);
  EXPECT_EQ(r->errors, 0);
  // A channel connects only once a call uses it.
  for (const auto& channel : channels) {
    EXPECT_EQ(channel->GetState(/*try_to_connect=*/false), GRPC_CHANNEL_READY);
  }
}

TEST_F(LoadGeneratorTest, GeneratorDestroyedRightAfterRun) {
  // As NoServerTest.GeneratorDestroyedRightAfterRun, with calls that succeed.
  const std::vector<BenchDocument> documents = ThreeDocuments();
  for (LoadMode mode : {LoadMode::kUnary, LoadMode::kStream, LoadMode::kArchive}) {
    for (int i = 0; i < 10; ++i) {
      LoadGenerator generator({Channel()}, documents);
      absl::StatusOr<LoadResult> r = generator.Run(Bounded(mode, 4, 8));
      ASSERT_TRUE(r.ok()) << r.status();
      EXPECT_EQ(r->requests, 8);
    }
  }
}

TEST_F(LoadGeneratorTest, InvalidOptions) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  const auto with = [](std::function<void(LoadOptions*)> change) {
    LoadOptions options = Bounded(LoadMode::kUnary, 1, 1);
    change(&options);
    return options;
  };
  const std::vector<LoadOptions> bad = {
      with([](LoadOptions* o) { o->concurrency = 0; }),
      with([](LoadOptions* o) { o->concurrency = -3; }),
      with([](LoadOptions* o) {
        o->mode = LoadMode::kStream;
        o->streams = 0;
      }),
      with([](LoadOptions* o) { o->duration = absl::ZeroDuration(); }),
      with([](LoadOptions* o) { o->duration = -absl::Seconds(1); }),
      with([](LoadOptions* o) { o->warmup = -absl::Milliseconds(1); }),
      with([](LoadOptions* o) { o->max_requests = -1; }),
      with([](LoadOptions* o) { o->call_timeout = absl::ZeroDuration(); }),
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    absl::StatusOr<LoadResult> r = generator.Run(bad[i]);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << i;
  }
  // The generator is still usable.
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 1, 2));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 2);

  LoadGenerator no_documents({Channel()}, {});
  EXPECT_EQ(no_documents.Run(Bounded(LoadMode::kUnary, 1, 1)).status().code(),
            absl::StatusCode::kInvalidArgument);
  LoadGenerator no_channels({}, ThreeDocuments());
  EXPECT_EQ(no_channels.Run(Bounded(LoadMode::kUnary, 1, 1)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(LoadGeneratorTest, UnaryRejectedDocumentsAreErrors) {
  // The empty document fails its call with INVALID_ARGUMENT; the good one
  // goes first, so the server is known to be there.
  const BenchDocument good = ThreeDocuments()[0];
  LoadGenerator generator({Channel()}, {good, {"empty.txt", ""}});
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 1, 6));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 6);  // Successful calls.
  EXPECT_EQ(r->documents, 6);
  EXPECT_EQ(r->document_bytes, 6 * static_cast<int64_t>(good.content.size()));
  // One call at a time, alternating good and empty: the 5 empty calls
  // between the 6 good ones failed, and one more before them if the first
  // good call completed before the window opened.
  EXPECT_GE(r->errors, 5);
  EXPECT_LE(r->errors, 6);
  EXPECT_THAT(r->first_error, StartsWith("INVALID_ARGUMENT: "));
  EXPECT_THAT(r->first_error, HasSubstr("empty"));
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, StreamRejectedDocumentsAreErrors) {
  const BenchDocument good = ThreeDocuments()[0];
  LoadGenerator generator({Channel()}, {good, {"empty.txt", ""}});
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kStream, 2, 10));
  ASSERT_TRUE(r.ok()) << r.status();
  // Failed documents are requests too (answered with an error status).
  EXPECT_EQ(r->requests, 10);
  EXPECT_EQ(r->documents, 10);
  EXPECT_GT(r->errors, 0);
  EXPECT_LT(r->errors, 10);
  EXPECT_EQ(r->document_bytes,
            (r->requests - r->errors) * static_cast<int64_t>(good.content.size()));
  EXPECT_THAT(r->first_error, StartsWith("INVALID_ARGUMENT: "));
  EXPECT_THAT(r->first_error, HasSubstr("empty"));
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, ArchiveRejectedEntriesAreErrors) {
  const BenchDocument good = ThreeDocuments()[0];
  LoadGenerator generator({Channel()}, {good, {"empty.txt", ""}});
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kArchive, 1, 3));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 3);
  // The two entries of each call, the empty one an error; the first call's
  // may have come before the window opened.
  EXPECT_GE(r->documents, 4);
  EXPECT_LE(r->documents, 6);
  EXPECT_GE(r->errors, 2);
  EXPECT_LE(r->errors, 3);
  EXPECT_EQ(r->document_bytes,
            (r->documents - r->errors) * static_cast<int64_t>(good.content.size()));
  EXPECT_THAT(r->first_error, StartsWith("INVALID_ARGUMENT: "));
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, UnaryCallsThatAllFailAreNoServerToMeasure) {
  LoadGenerator generator({Channel()}, {{"empty.txt", ""}});
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 2, 10));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(r.status().message(), HasSubstr("every call failed: INVALID_ARGUMENT"));
}

TEST_F(LoadGeneratorTest, StreamDocumentsThatAllFailAreCounted) {
  LoadGenerator generator({Channel()}, {{"empty.txt", ""}});
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kStream, 2, 8));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->requests, 8);
  EXPECT_EQ(r->errors, 8);
  EXPECT_EQ(r->document_bytes, 0);
  ExpectConsistent(*r);
}

TEST_F(LoadGeneratorTest, CancelBeforeRun) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  generator.Cancel();
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(Bounded(LoadMode::kUnary, 2, 0));
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kCancelled);
  // And every later run.
  EXPECT_EQ(generator.Run(Bounded(LoadMode::kStream, 2, 0)).status().code(),
            absl::StatusCode::kCancelled);
}

class CancelTest : public LoadGeneratorTest, public ::testing::WithParamInterface<LoadMode> {};

TEST_P(CancelTest, CancelEndsALongRunQuickly) {
  LoadGenerator generator({Channel()}, ThreeDocuments());
  LoadOptions options = Bounded(GetParam(), 2, 0);
  options.duration = absl::Seconds(60);
  options.call_timeout = absl::Seconds(60);
  absl::StatusOr<LoadResult> r;
  const absl::Time start = absl::Now();
  std::thread runner([&] { r = generator.Run(options); });
  // Whether the Cancel lands during the run (likely) or before it, the run
  // ends CANCELLED; the pause only makes it likely that calls are in flight.
  absl::SleepFor(absl::Milliseconds(300));
  generator.Cancel();
  runner.join();
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kCancelled) << r.status();
}

INSTANTIATE_TEST_SUITE_P(Modes, CancelTest,
                         ::testing::Values(LoadMode::kUnary, LoadMode::kStream,
                                           LoadMode::kArchive));

class NoServerTest : public ::testing::TestWithParam<LoadMode> {};

TEST_P(NoServerTest, RunIsUnavailableInBoundedTime) {
  // Nothing listens on port 1 of the loopback interface.
  LoadGenerator generator({CreateResoluteChannel("127.0.0.1:1")}, ThreeDocuments());
  absl::Time start = absl::Now();
  absl::Status up = generator.WaitForServer(absl::Milliseconds(300));
  EXPECT_EQ(up.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(up.message(), HasSubstr("cannot connect"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));

  LoadOptions options = Bounded(GetParam(), 2, 10);
  options.call_timeout = absl::Seconds(2);
  start = absl::Now();
  absl::StatusOr<LoadResult> r = generator.Run(options);
  // Well before the 5 s window would have ended.
  EXPECT_LT(absl::Now() - start, absl::Seconds(4));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kUnavailable) << r.status();
  EXPECT_THAT(r.status().message(), HasSubstr("every call failed: UNAVAILABLE"));
}

TEST_P(NoServerTest, GeneratorDestroyedRightAfterRun) {
  // Calls fail and are replaced quickly, so that the run stops (and cancels
  // its calls) while others are being started: Run must still return. (Once
  // a hang: a call cancelled while its StartCall ran never ended.) The
  // generator, and with it the last reference to the channel it was given,
  // goes as soon as Run returns, while gRPC's threads may still be finishing
  // the last calls' callbacks. (Once a crash in ~Channel: the last reference
  // was dropped on a callback thread.)
  for (int i = 0; i < 30; ++i) {
    LoadGenerator generator({CreateResoluteChannel("127.0.0.1:1")}, ThreeDocuments());
    LoadOptions options = Bounded(GetParam(), 4, 10);
    options.call_timeout = absl::Seconds(2);
    EXPECT_EQ(generator.Run(options).status().code(), absl::StatusCode::kUnavailable);
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, NoServerTest,
                         ::testing::Values(LoadMode::kUnary, LoadMode::kStream,
                                           LoadMode::kArchive));

}  // namespace
}  // namespace bench
}  // namespace resolute
