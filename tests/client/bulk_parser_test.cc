#include "client/bulk_parser.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "client/channel.h"
#include "client/resolute_client.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "service/server.h"
#include "tests/client/flaky_service.h"
#include "tests/service/service_test_util.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<grpc::Channel> LoopbackChannel(const service::ResoluteServer& server) {
  return CreateResoluteChannel(absl::StrCat("127.0.0.1:", server.port()));
}
using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

// Collects outcomes from concurrent callbacks.
class Outcomes {
 public:
  std::function<void(DocumentOutcome)> Callback() {
    return [this](DocumentOutcome o) {
      absl::MutexLock lock(&mu_);
      ++count_[o.index];
      by_index_[o.index] = std::move(o);
    };
  }
  // Every index in [0, n) exactly once.
  bool EachOnce(size_t n) const {
    absl::MutexLock lock(&mu_);
    if (count_.size() != n) return false;
    for (const auto& [index, count] : count_) {
      if (index >= n || count != 1) return false;
    }
    return true;
  }
  DocumentOutcome Get(size_t index) const {
    absl::MutexLock lock(&mu_);
    return by_index_.at(index);
  }
  size_t size() const {
    absl::MutexLock lock(&mu_);
    return by_index_.size();
  }

 private:
  mutable absl::Mutex mu_;
  std::map<size_t, int> count_;
  std::map<size_t, DocumentOutcome> by_index_;
};

std::vector<DocumentInput> CorpusInputs() {
  auto inputs = ExpandInputs({testing::CorpusSampleDir()}, {});
  EXPECT_TRUE(inputs.ok());
  return *inputs;
}

// Inputs whose content is given by the loader below.
std::vector<DocumentInput> Synthetic(int n) {
  std::vector<DocumentInput> inputs(n);
  for (int i = 0; i < n; ++i) inputs[i].id = absl::StrCat("doc", i);
  return inputs;
}

absl::StatusOr<std::string> SyntheticLoader(const DocumentInput& input) {
  return absl::StrCat("content of ", input.id);
}

RetryOptions FastRetries(int attempts) {
  RetryOptions retry;
  retry.max_attempts = attempts;
  retry.initial_backoff = absl::Milliseconds(1);
  retry.max_backoff = absl::Milliseconds(5);
  return retry;
}

class BulkParserRealServiceTest : public ::testing::TestWithParam<BulkOptions::Mode> {
 protected:
  void SetUp() override {
    service::ServiceOptions options;
    options.worker_threads = 2;
    server_ = testing::StartLoopbackServer(options);
    channel_ = LoopbackChannel(*server_);
  }
  std::unique_ptr<service::ResoluteServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_P(BulkParserRealServiceTest, EveryInputGetsOneOutcomeEqualToUnary) {
  std::vector<DocumentInput> inputs = CorpusInputs();
  const size_t real = inputs.size();
  const fs::path dir = fs::path(testing::TestTempDir()) / "bulk_inputs";
  fs::create_directories(dir);
  std::ofstream(dir / "empty.txt").close();
  DocumentInput empty;
  empty.id = (dir / "empty.txt").string();
  empty.path = empty.id;
  inputs.push_back(empty);
  DocumentInput missing;
  missing.id = (dir / "missing.txt").string();
  missing.path = missing.id;
  inputs.push_back(missing);

  BulkOptions options;
  options.mode = GetParam();
  options.concurrency = 4;
  options.streams = 2;
  BulkParser parser(channel_, options);
  Outcomes outcomes;
  BulkStats stats = parser.Run(inputs, outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(inputs.size()));
  EXPECT_EQ(stats.retries, 0);
  EXPECT_EQ(stats.resent, 0);

  ResoluteClient client(channel_);
  for (size_t i = 0; i < real; ++i) {
    const DocumentOutcome o = outcomes.Get(i);
    EXPECT_EQ(o.response.document_id(), inputs[i].id);
    ASSERT_EQ(o.response.status().code(), 0) << o.response.status().message();
    v1::ParseResolutionRequest request;
    request.set_content(ReadDocument(inputs[i]).value());
    auto unary = client.Parse(request);
    ASSERT_TRUE(unary.ok());
    EXPECT_TRUE(MessageDifferencer::Equals(o.response.resolution(), unary->resolution()))
        << inputs[i].id;
  }
  const DocumentOutcome e = outcomes.Get(real);
  EXPECT_EQ(e.response.status().code(), 3);
  EXPECT_FALSE(e.client_error);
  const DocumentOutcome m = outcomes.Get(real + 1);
  EXPECT_EQ(m.response.status().code(), static_cast<int>(absl::StatusCode::kNotFound));
  EXPECT_TRUE(m.client_error);
}

TEST_P(BulkParserRealServiceTest, RequestOptionsReachTheServer) {
  BulkOptions options;
  options.mode = GetParam();
  options.language = "fr";
  options.loader = SyntheticLoader;
  BulkParser parser(channel_, options);
  Outcomes outcomes;
  parser.Run(Synthetic(3), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(3));
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(outcomes.Get(i).response.status().code(), 3);
    EXPECT_THAT(outcomes.Get(i).response.status().message(), HasSubstr("\"fr\""));
  }
}

// A .pdf file goes as application/pdf (this server has no PDF extractor, and
// says so); other files as text.
TEST_P(BulkParserRealServiceTest, PdfFilesAreSentAsPdf) {
  BulkOptions options;
  options.mode = GetParam();
  options.loader = SyntheticLoader;
  BulkParser parser(channel_, options);
  std::vector<DocumentInput> inputs = Synthetic(3);
  inputs[0].path = "dir/a.pdf";
  inputs[1].path = "dir/b.PDF";
  inputs[2].path = "dir/c.txt";
  Outcomes outcomes;
  parser.Run(inputs, outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(3));
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(outcomes.Get(i).response.status().code(),
              static_cast<int>(grpc::StatusCode::FAILED_PRECONDITION));
    EXPECT_THAT(outcomes.Get(i).response.status().message(), HasSubstr("PDF"));
  }
  EXPECT_EQ(outcomes.Get(2).response.status().code(), 0);
}

TEST_P(BulkParserRealServiceTest, NoInputsIsFine) {
  BulkParser parser(channel_, BulkOptions{});
  Outcomes outcomes;
  parser.Run({}, outcomes.Callback());
  EXPECT_EQ(outcomes.size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Modes, BulkParserRealServiceTest,
                         ::testing::Values(BulkOptions::Mode::kStream, BulkOptions::Mode::kUnary));

TEST(BulkParser, DocumentTooLargeToSendFailsAloneWithoutBeingSent) {
  testing::FlakyService service(/*failing_calls=*/0, 0, grpc::Status::OK);
  testing::TestServer server(&service);
  BulkOptions options;
  options.max_document_bytes = 100;
  options.loader = [](const DocumentInput& input) -> absl::StatusOr<std::string> {
    return input.id == "doc1" ? std::string(101, 'x') : "short";
  };
  BulkParser parser(server.channel, options);
  Outcomes outcomes;
  parser.Run(Synthetic(3), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(3));
  EXPECT_EQ(outcomes.Get(0).response.status().code(), 0);
  EXPECT_EQ(outcomes.Get(1).response.status().code(),
            static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  EXPECT_TRUE(outcomes.Get(1).client_error);
  EXPECT_EQ(outcomes.Get(2).response.status().code(), 0);
  EXPECT_EQ(service.received().count("doc1"), 0u);
}

TEST(BulkParser, StreamFailureIsRetriedAndUnansweredDocumentsResent) {
  testing::FlakyService flaky(/*failing_calls=*/2, /*answers_before_failure=*/7,
                              grpc::Status(grpc::StatusCode::UNAVAILABLE, "restarting"));
  testing::TestServer server(&flaky);
  BulkOptions options;
  options.concurrency = 4;
  options.retry = FastRetries(3);
  options.loader = SyntheticLoader;
  BulkParser parser(server.channel, options);
  Outcomes outcomes;
  const std::vector<DocumentInput> inputs = Synthetic(40);
  BulkStats stats = parser.Run(inputs, outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(inputs.size()));
  for (size_t i = 0; i < inputs.size(); ++i) {
    const DocumentOutcome o = outcomes.Get(i);
    EXPECT_EQ(o.response.status().code(), 0) << i;
    EXPECT_EQ(o.response.resolution().symbol(), inputs[i].id);
    EXPECT_EQ(o.response.resolution().text(), "content of " + inputs[i].id);
  }
  EXPECT_EQ(stats.retries, 2);
  EXPECT_EQ(stats.calls, 3);
  EXPECT_GE(stats.resent, 2);  // At least the document read and not answered, twice.
  // The lost ones really went out twice.
  int twice = 0;
  for (const auto& [id, n] : flaky.received()) twice += n > 1;
  EXPECT_GE(twice, 1);
}

TEST(BulkParser, UnaryFailureIsRetried) {
  testing::FlakyService flaky(/*failing_calls=*/3, 0,
                              grpc::Status(grpc::StatusCode::UNAVAILABLE, "down"));
  testing::TestServer server(&flaky);
  BulkOptions options;
  options.mode = BulkOptions::Mode::kUnary;
  options.concurrency = 1;
  options.retry = FastRetries(5);
  options.loader = SyntheticLoader;
  BulkParser parser(server.channel, options);
  Outcomes outcomes;
  BulkStats stats = parser.Run(Synthetic(5), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(5));
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(outcomes.Get(i).response.status().code(), 0);
  EXPECT_EQ(stats.retries, 3);
}

TEST(BulkParser, GivesUpAfterMaxAttemptsAccountingForEveryInput) {
  for (BulkOptions::Mode mode : {BulkOptions::Mode::kStream, BulkOptions::Mode::kUnary}) {
    testing::FlakyService flaky(/*failing_calls=*/1000, 0,
                                grpc::Status(grpc::StatusCode::UNAVAILABLE, "no server"));
    testing::TestServer server(&flaky);
    BulkOptions options;
    options.mode = mode;
    options.retry = FastRetries(3);
    options.loader = SyntheticLoader;
    BulkParser parser(server.channel, options);
    Outcomes outcomes;
    parser.Run(Synthetic(10), outcomes.Callback());
    ASSERT_TRUE(outcomes.EachOnce(10));
    for (size_t i = 0; i < 10; ++i) {
      const DocumentOutcome o = outcomes.Get(i);
      EXPECT_EQ(o.response.status().code(), 14);
      EXPECT_TRUE(o.client_error);
      EXPECT_THAT(o.response.status().message(), HasSubstr("gave up after 3 attempts"));
      EXPECT_THAT(o.response.status().message(), HasSubstr("no server"));
    }
  }
}

TEST(BulkParser, NonRetryableCallFailureEndsTheRun) {
  testing::TestServer server(nullptr);  // No service: UNIMPLEMENTED.
  BulkOptions options;
  options.retry = FastRetries(5);
  options.loader = SyntheticLoader;
  BulkParser parser(server.channel, options);
  Outcomes outcomes;
  BulkStats stats = parser.Run(Synthetic(6), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(6));
  EXPECT_EQ(stats.retries, 0);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(outcomes.Get(i).response.status().code(),
              static_cast<int>(grpc::StatusCode::UNIMPLEMENTED));
  }
}

// dns:/// and ipv4: targets with several addresses are balanced round-robin.
TEST(BulkParser, RoundRobinSpreadsCallsOverEveryAddress) {
  std::atomic<int> parsed_by[2] = {{0}, {0}};
  std::vector<std::unique_ptr<service::ResoluteServer>> servers;
  for (int i = 0; i < 2; ++i) {
    service::ServiceOptions options;
    options.parser.parse = [&parsed_by, i](absl::string_view, const ParseOptions&,
                                           v1::Resolution*) {
      parsed_by[i].fetch_add(1);
      return absl::OkStatus();
    };
    servers.push_back(testing::StartLoopbackServer(options));
  }
  const std::string target =
      absl::StrCat("ipv4:127.0.0.1:", servers[0]->port(), ",127.0.0.1:", servers[1]->port());
  BulkOptions options;
  options.mode = BulkOptions::Mode::kUnary;
  options.concurrency = 4;
  options.loader = SyntheticLoader;
  BulkParser parser(CreateResoluteChannel(target), options);
  Outcomes outcomes;
  parser.Run(Synthetic(60), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(60));
  EXPECT_EQ(parsed_by[0].load() + parsed_by[1].load(), 60);
  EXPECT_GE(parsed_by[0].load(), 10);
  EXPECT_GE(parsed_by[1].load(), 10);
}

// A server that parses slowly, for cancellation and deadlines.
std::unique_ptr<service::ResoluteServer> SlowServer() {
  service::ServiceOptions options;
  options.worker_threads = 1;
  options.parser.parse = [](absl::string_view, const ParseOptions&, v1::Resolution*) {
    absl::SleepFor(absl::Milliseconds(30));
    return absl::OkStatus();
  };
  return testing::StartLoopbackServer(options);
}

TEST(BulkParser, CancelEndsTheRunPromptlyAccountingForEveryInput) {
  auto server = SlowServer();
  BulkOptions options;
  options.loader = SyntheticLoader;
  BulkParser parser(LoopbackChannel(*server), options);
  Outcomes outcomes;
  std::atomic<bool> cancelled{false};
  auto callback = outcomes.Callback();
  const absl::Time start = absl::Now();
  parser.Run(Synthetic(500), [&](DocumentOutcome o) {
    callback(std::move(o));
    if (!cancelled.exchange(true)) parser.Cancel();
  });
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  ASSERT_TRUE(outcomes.EachOnce(500));
  int cancelled_outcomes = 0;
  for (size_t i = 0; i < 500; ++i) {
    const DocumentOutcome o = outcomes.Get(i);
    if (o.response.status().code() == static_cast<int>(grpc::StatusCode::CANCELLED)) {
      EXPECT_TRUE(o.client_error);
      ++cancelled_outcomes;
    }
  }
  EXPECT_GT(cancelled_outcomes, 400);
}

TEST(BulkParser, TimeoutFailsWhatIsLeftWithDeadlineExceeded) {
  auto server = SlowServer();
  BulkOptions options;
  options.loader = SyntheticLoader;
  options.timeout = absl::Milliseconds(300);
  BulkParser parser(LoopbackChannel(*server), options);
  Outcomes outcomes;
  parser.Run(Synthetic(100), outcomes.Callback());
  ASSERT_TRUE(outcomes.EachOnce(100));
  const DocumentOutcome last = outcomes.Get(99);
  EXPECT_EQ(last.response.status().code(), static_cast<int>(grpc::StatusCode::DEADLINE_EXCEEDED));
}

}  // namespace
}  // namespace client
}  // namespace resolute
