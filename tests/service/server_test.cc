// ResoluteServer on loopback ports: SO_REUSEPORT off, message size limits,
// concurrent streams per connection, maximum connection age, TLS and mutual
// TLS with certificates made by openssl in the test, the plaintext probe
// port, and the per-call metrics and JSON logs.

#include "service/server.h"

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/call_observer.h"
#include "service/metrics.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/service_test_util.h"
#include "tests/service/test_certs.h"

namespace resolute {
namespace service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::CheckHealth;
using testing::MakeRequest;
using testing::MakeStreamRequest;
using testing::TestCertificates;

// Echoes the text, so that responses are as large as requests.
ServiceOptions EchoService() {
  ServiceOptions options;
  options.worker_threads = 2;
  options.parser.parse = [](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
    if (text.empty()) return absl::InvalidArgumentError("content is empty");
    out->set_text(std::string(text));
    out->set_symbol("A/RES/1/1");
    auto* d = out->add_diagnostics();
    d->set_code("TEST_DIAGNOSTIC");
    d->set_severity(v1::Diagnostic::SEVERITY_INFO);
    return absl::OkStatus();
  };
  return options;
}

ServerOptions Loopback(ServiceOptions service = EchoService()) {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.service = std::move(service);
  return options;
}

// A channel of its own (no subchannel shared with other channels).
std::shared_ptr<grpc::Channel> Channel(const std::string& target,
                                       std::shared_ptr<grpc::ChannelCredentials> credentials =
                                           grpc::InsecureChannelCredentials()) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel(target, credentials, args);
}

grpc::Status Parse(const std::shared_ptr<grpc::Channel>& channel,
                   const v1::ParseResolutionRequest& request,
                   absl::Duration timeout = absl::Seconds(10),
                   v1::ParseResolutionResponse* response = nullptr) {
  auto stub = v1::ResolutionParserService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  v1::ParseResolutionResponse ignored;
  return stub->ParseResolution(&context, request, response != nullptr ? response : &ignored);
}

// --- Transport ----------------------------------------------------------------

TEST(Server, ASecondServerOnTheSamePortFailsToBind) {
  auto first = ResoluteServer::Start(Loopback());
  ASSERT_TRUE(first.ok()) << first.status();
  ServerOptions same = Loopback();
  same.port = (*first)->port();
  auto second = ResoluteServer::Start(same);
  ASSERT_FALSE(second.ok()) << "SO_REUSEPORT would let both bind";
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(second.status().message(),
              HasSubstr(absl::StrCat("cannot listen on 127.0.0.1:", (*first)->port())));
  // The first still serves.
  EXPECT_TRUE(Parse(Channel((*first)->address()), MakeRequest("a", "text")).ok());
}

TEST(Server, MessageSizeLimits) {
  ServerOptions options = Loopback();
  options.max_message_bytes = 4096;
  options.max_send_message_bytes = 2048;
  auto server = ResoluteServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = Channel((*server)->address());
  // A 1000-byte echo fits both ways.
  EXPECT_TRUE(Parse(channel, MakeRequest("small", std::string(1000, 'a'))).ok());
  // A 3000-byte request is received, but its echo is too large to send.
  grpc::Status too_big_response = Parse(channel, MakeRequest("echo", std::string(3000, 'a')));
  EXPECT_EQ(too_big_response.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << too_big_response.error_message();
  // A 5000-byte request is refused on receipt.
  grpc::Status too_big_request = Parse(channel, MakeRequest("big", std::string(5000, 'a')));
  EXPECT_EQ(too_big_request.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << too_big_request.error_message();
}

TEST(Server, MaxConcurrentStreamsQueuesCallsOnAConnection) {
  ServerOptions options = Loopback();
  options.max_concurrent_streams = 1;
  auto server = ResoluteServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = Channel((*server)->address());
  ASSERT_TRUE(Parse(channel, MakeRequest("warm", "x")).ok());  // Connected.

  // A stream holds the connection's only slot...
  auto stub = v1::ResolutionParserService::NewStub(channel);
  grpc::ClientContext stream_context;
  auto stream = stub->StreamParseResolutions(&stream_context);
  ASSERT_TRUE(stream->Write(MakeStreamRequest("s1", "x")));
  v1::StreamParseResolutionsResponse response;
  ASSERT_TRUE(stream->Read(&response));
  // ...so a unary call on the same connection waits for it.
  EXPECT_EQ(Parse(channel, MakeRequest("queued", "x"), absl::Milliseconds(500)).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_TRUE(Parse(channel, MakeRequest("after", "x")).ok());
}

TEST(Server, MaxConnectionAgeMakesClientsReconnect) {
  ServerOptions options = Loopback();
  options.max_connection_age = absl::Milliseconds(300);
  options.max_connection_age_grace = absl::Milliseconds(200);
  auto server = ResoluteServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = Channel((*server)->address());
  ASSERT_TRUE(Parse(channel, MakeRequest("first", "x")).ok());
  ASSERT_EQ(channel->GetState(false), GRPC_CHANNEL_READY);
  // The server sends GOAWAY after about 300 ms: the channel leaves READY
  // (and would re-resolve its target before connecting again)...
  EXPECT_TRUE(channel->WaitForStateChange(GRPC_CHANNEL_READY,
                                          std::chrono::system_clock::now() +
                                              std::chrono::seconds(5)));
  // ...and calls go on without an error.
  EXPECT_TRUE(Parse(channel, MakeRequest("second", "x")).ok());
}

// --- TLS ----------------------------------------------------------------------

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto generated =
        testing::GenerateTestCertificates(absl::StrCat(::testing::TempDir(), "/tls_certs"));
    ASSERT_TRUE(generated.ok()) << generated.status();
    certs_ = new TestCertificates(*generated);
  }
  static void TearDownTestSuite() { delete certs_; }

  static std::shared_ptr<grpc::ChannelCredentials> Tls(const std::string& ca,
                                                       const std::string& cert = "",
                                                       const std::string& key = "") {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = testing::ReadTextFile(ca);
    if (!cert.empty()) {
      options.pem_cert_chain = testing::ReadTextFile(cert);
      options.pem_private_key = testing::ReadTextFile(key);
    }
    return grpc::SslCredentials(options);
  }

  std::unique_ptr<ResoluteServer> StartTls(bool mutual, int probe_port = -1) {
    ServerOptions options = Loopback();
    auto tls = LoadTlsOptions(certs_->server_cert, certs_->server_key,
                              mutual ? certs_->ca_cert : "");
    EXPECT_TRUE(tls.ok()) << tls.status();
    options.tls = *tls;
    options.probe_port = probe_port;
    auto server = ResoluteServer::Start(options);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  static TestCertificates* certs_;
};

TestCertificates* TlsTest::certs_ = nullptr;

TEST_F(TlsTest, ServesTlsClientsAndRefusesPlaintextOnes) {
  std::unique_ptr<ResoluteServer> server = StartTls(/*mutual=*/false);
  ASSERT_NE(server, nullptr);
  const std::string target = server->address();

  v1::ParseResolutionResponse response;
  grpc::Status tls = Parse(Channel(target, Tls(certs_->ca_cert)), MakeRequest("doc", "text"),
                           absl::Seconds(10), &response);
  EXPECT_TRUE(tls.ok()) << tls.error_message();
  EXPECT_EQ(response.resolution().text(), "text");
  // The name in the certificate is checked: localhost is in it too.
  EXPECT_TRUE(Parse(Channel(absl::StrCat("localhost:", server->port()), Tls(certs_->ca_cert)),
                    MakeRequest("doc", "text"))
                  .ok());

  grpc::Status plaintext = Parse(Channel(target), MakeRequest("doc", "text"), absl::Seconds(3));
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE) << plaintext.error_message();

  // A client that does not trust the server's CA refuses it.
  grpc::Status wrong_ca = Parse(Channel(target, Tls(certs_->other_ca_cert)),
                                MakeRequest("doc", "text"), absl::Seconds(3));
  EXPECT_EQ(wrong_ca.error_code(), grpc::StatusCode::UNAVAILABLE) << wrong_ca.error_message();
}

TEST_F(TlsTest, MutualTlsRequiresAClientCertificateFromTheCa) {
  std::unique_ptr<ResoluteServer> server = StartTls(/*mutual=*/true);
  ASSERT_NE(server, nullptr);
  const std::string target = server->address();

  grpc::Status no_cert =
      Parse(Channel(target, Tls(certs_->ca_cert)), MakeRequest("doc", "text"), absl::Seconds(3));
  EXPECT_EQ(no_cert.error_code(), grpc::StatusCode::UNAVAILABLE) << no_cert.error_message();

  grpc::Status foreign_cert = Parse(
      Channel(target, Tls(certs_->ca_cert, certs_->other_client_cert, certs_->other_client_key)),
      MakeRequest("doc", "text"), absl::Seconds(3));
  EXPECT_EQ(foreign_cert.error_code(), grpc::StatusCode::UNAVAILABLE)
      << foreign_cert.error_message();

  grpc::Status with_cert =
      Parse(Channel(target, Tls(certs_->ca_cert, certs_->client_cert, certs_->client_key)),
            MakeRequest("doc", "text"));
  EXPECT_TRUE(with_cert.ok()) << with_cert.error_message();

  grpc::Status plaintext = Parse(Channel(target), MakeRequest("doc", "text"), absl::Seconds(3));
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, ProbePortIsPlaintextAndHealthOnly) {
  std::unique_ptr<ResoluteServer> server = StartTls(/*mutual=*/true, /*probe_port=*/0);
  ASSERT_NE(server, nullptr);
  ASSERT_GT(server->probe_port(), 0);
  EXPECT_EQ(server->probe_address(), absl::StrCat("127.0.0.1:", server->probe_port()));
  auto probe = Channel(server->probe_address());
  EXPECT_EQ(CheckHealth(probe, "").value_or(-1), testing::kServing);
  EXPECT_EQ(CheckHealth(probe, kServiceName).value_or(-1), testing::kServing);
  // Nothing but health: the API is only on the TLS port.
  EXPECT_EQ(Parse(probe, MakeRequest("doc", "text")).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);

  // Both ports follow the same status.
  auto tls = Channel(server->address(),
                     Tls(certs_->ca_cert, certs_->client_cert, certs_->client_key));
  server->SetServing(false);
  EXPECT_EQ(CheckHealth(probe, "").value_or(-1), testing::kNotServing);
  EXPECT_EQ(CheckHealth(probe, kServiceName).value_or(-1), testing::kNotServing);
  EXPECT_EQ(CheckHealth(tls, kServiceName).value_or(-1), testing::kNotServing);
  server->SetServing(true);
  EXPECT_EQ(CheckHealth(probe, kServiceName).value_or(-1), testing::kServing);
}

TEST_F(TlsTest, LoadTlsOptionsRejectsIncompleteOrBadFiles) {
  struct Case {
    const char* name;
    std::string cert, key, ca;
    absl::StatusCode code;
    const char* message;
  };
  const std::string not_pem = absl::StrCat(::testing::TempDir(), "/not_pem.txt");
  std::ofstream(not_pem) << "hello";
  const Case cases[] = {
      {"cert without key", certs_->server_cert, "", "", absl::StatusCode::kInvalidArgument,
       "both a certificate (--tls_cert) and its key (--tls_key)"},
      {"key without cert", "", certs_->server_key, "", absl::StatusCode::kInvalidArgument,
       "both a certificate"},
      {"client CA alone", "", "", certs_->ca_cert, absl::StatusCode::kInvalidArgument,
       "needs a server certificate and key"},
      {"missing file", "/nonexistent/cert.pem", certs_->server_key, "",
       absl::StatusCode::kNotFound, "cannot read the certificate /nonexistent/cert.pem"},
      {"not PEM", not_pem, certs_->server_key, "", absl::StatusCode::kInvalidArgument,
       "is not PEM"},
  };
  for (const Case& c : cases) {
    auto tls = LoadTlsOptions(c.cert, c.key, c.ca);
    ASSERT_FALSE(tls.ok()) << c.name;
    EXPECT_EQ(tls.status().code(), c.code) << c.name;
    EXPECT_THAT(tls.status().message(), HasSubstr(c.message)) << c.name;
  }
  auto plaintext = LoadTlsOptions("", "", "");
  ASSERT_TRUE(plaintext.ok());
  EXPECT_FALSE(plaintext->enabled());
  auto mutual = LoadTlsOptions(certs_->server_cert, certs_->server_key, certs_->ca_cert);
  ASSERT_TRUE(mutual.ok());
  EXPECT_TRUE(mutual->enabled());
  EXPECT_THAT(mutual->client_ca_pem, HasSubstr("-----BEGIN CERTIFICATE-----"));
}

// --- Metrics and logs of calls --------------------------------------------------

class ObservedServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options = Loopback();
    options.metrics = &registry_;
    options.logger = &logger_;
    auto server = ResoluteServer::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = Channel(server_->address());
  }

  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }

  // The lines containing every one of `parts`.
  std::vector<std::string> LinesWith(const std::vector<std::string>& parts) {
    std::vector<std::string> out;
    for (const std::string& line : Lines()) {
      bool all = true;
      for (const std::string& p : parts) all = all && line.find(p) != std::string::npos;
      if (all) out.push_back(line);
    }
    return out;
  }

  metrics::Registry registry_;
  absl::Mutex mu_;
  std::vector<std::string> lines_;
  Logger logger_{[this](absl::string_view line) {
                   absl::MutexLock lock(&mu_);
                   lines_.emplace_back(line);
                 },
                 LogLevel::kDebug};
  std::unique_ptr<ResoluteServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// Calls end in a callback after the client has its status: wait for the
// server's side to be recorded.
void Eventually(const std::function<bool()>& condition) {
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (!condition() && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(10));
}

TEST_F(ObservedServerTest, UnaryCallsAreCountedTimedAndLoggedWithoutTheirText) {
  const std::string secret = "SECRET-DOCUMENT-TEXT 12345";
  ASSERT_TRUE(Parse(channel_, MakeRequest("doc-7", secret)).ok());
  v1::ParseResolutionRequest french = MakeRequest("doc-fr", secret);
  french.set_language("fr");
  EXPECT_EQ(Parse(channel_, french).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(CheckHealth(channel_, "").value_or(-1), testing::kServing);

  const std::string parse = "resolute.v1.ResolutionParserService/ParseResolution";
  Eventually([&] {
    return absl::StrContains(registry_.Expose(), "resolute_grpc_calls_total{method=\"grpc.health");
  });
  const std::string text = registry_.Expose();
  for (const std::string& line : {
           "resolute_grpc_calls_total{method=\"" + parse + "\",code=\"OK\"} 1\n",
           "resolute_grpc_calls_total{method=\"" + parse + "\",code=\"INVALID_ARGUMENT\"} 1\n",
           std::string("resolute_grpc_calls_total{method=\"grpc.health.v1.Health/Check\",code="
                       "\"OK\"} 1\n"),
           "resolute_grpc_call_duration_seconds_count{method=\"" + parse + "\"} 2\n",
           "resolute_grpc_calls_in_flight{method=\"" + parse + "\"} 0\n",
           std::string("resolute_documents_parsed_total{outcome=\"ok\"} 1\n"),
           std::string("resolute_documents_parsed_total{outcome=\"invalid_argument\"} 1\n"),
           absl::StrCat("resolute_document_bytes_total ", 2 * secret.size(), "\n"),
           std::string("resolute_parse_duration_seconds_count 1\n"),
           std::string("resolute_diagnostics_total{code=\"TEST_DIAGNOSTIC\",severity=\"info\"} 1\n"),
       }) {
    EXPECT_THAT(text, HasSubstr(line));
  }

  // One info line for the OK call, with the method, peer, id, status, time.
  std::vector<std::string> ok = LinesWith({"\"message\":\"call finished\"", parse});
  ASSERT_EQ(ok.size(), 1u) << absl::StrJoin(Lines(), "");
  EXPECT_THAT(ok[0], HasSubstr("\"level\":\"info\""));
  EXPECT_THAT(ok[0], HasSubstr("\"peer\":\"ipv4:127.0.0.1:"));
  EXPECT_THAT(ok[0], HasSubstr("\"document_id\":\"doc-7\",\"status\":\"OK\",\"duration_ms\":"));
  EXPECT_THAT(ok[0], HasSubstr("\"requests\":1,\"responses\":1}"));
  // A warning for the refused one, with the reason.
  std::vector<std::string> failed = LinesWith({"\"message\":\"call failed\"", "doc-fr"});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_THAT(failed[0], HasSubstr("\"level\":\"warning\""));
  EXPECT_THAT(failed[0], HasSubstr("\"status\":\"INVALID_ARGUMENT\",\"error\":\"language "));
  // Health checks only at debug.
  std::vector<std::string> health = LinesWith({"grpc.health.v1.Health/Check"});
  ASSERT_EQ(health.size(), 1u);
  EXPECT_THAT(health[0], HasSubstr("\"level\":\"debug\""));
  // Never the document's text.
  for (const std::string& line : Lines()) EXPECT_THAT(line, Not(HasSubstr("SECRET-DOCUMENT")));
}

TEST_F(ObservedServerTest, StreamsLogOneLinePerCallAndDocumentsAtDebug) {
  std::vector<v1::ParseResolutionRequest> requests;
  for (int i = 0; i < 5; ++i) requests.push_back(MakeRequest(absl::StrCat("s", i), "SECRET text"));
  requests.push_back(MakeRequest("empty", ""));
  auto stub = v1::ResolutionParserService::NewStub(channel_);
  testing::CallResult result = testing::StreamDocuments(stub.get(), requests);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.responses.size(), 6u);

  const std::string method = "resolute.v1.ResolutionParserService/StreamParseResolutions";
  Eventually([&] { return !LinesWith({"\"message\":\"call finished\"", method}).empty(); });
  std::vector<std::string> call = LinesWith({"\"message\":\"call finished\"", method});
  ASSERT_EQ(call.size(), 1u);
  EXPECT_THAT(call[0], HasSubstr("\"level\":\"info\""));
  EXPECT_THAT(call[0], HasSubstr("\"requests\":6,\"responses\":6}"));
  std::vector<std::string> docs = LinesWith({"\"message\":\"document parsed\"", method});
  EXPECT_EQ(docs.size(), 5u);
  for (const std::string& d : docs) {
    EXPECT_THAT(d, HasSubstr("\"level\":\"debug\""));
    EXPECT_THAT(d, HasSubstr("\"peer\":\"ipv4:127.0.0.1:"));
    EXPECT_THAT(d, HasSubstr("\"status\":\"OK\",\"duration_ms\":"));
  }
  std::vector<std::string> bad = LinesWith({"\"message\":\"document failed\"", "\"empty\""});
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_THAT(bad[0], HasSubstr("\"level\":\"warning\""));
  EXPECT_THAT(bad[0], HasSubstr("\"status\":\"INVALID_ARGUMENT\",\"error\":\"content is empty\""));
  for (const std::string& line : Lines()) EXPECT_THAT(line, Not(HasSubstr("SECRET")));
  EXPECT_THAT(registry_.Expose(),
              HasSubstr("resolute_grpc_calls_total{method=\"" + method + "\",code=\"OK\"} 1\n"));
}

// At shutdown gRPC completes the calls the service was awaiting (one per
// worker for ParseResolution, one for StreamParseResolutions) without a
// call; they never began, so they are neither logged as failed nor counted.
TEST_F(ObservedServerTest, ShutdownLogsAndCountsNoCallThatNeverBegan) {
  ASSERT_TRUE(Parse(channel_, MakeRequest("doc-1", "text")).ok());
  const std::string parse = "resolute.v1.ResolutionParserService/ParseResolution";
  Eventually([&] { return !LinesWith({"\"message\":\"call finished\"", parse}).empty(); });
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  server_.reset();

  EXPECT_THAT(LinesWith({"\"message\":\"call failed\""}), ::testing::IsEmpty())
      << absl::StrJoin(Lines(), "");
  const std::string text = registry_.Expose();
  EXPECT_THAT(text, Not(HasSubstr("code=\"CANCELLED\"")));
  EXPECT_THAT(text, HasSubstr("resolute_grpc_calls_total{method=\"" + parse + "\",code=\"OK\"} 1\n"));
  for (const char* method : {"ParseResolution", "StreamParseResolutions", "ParseArchive"}) {
    EXPECT_THAT(text, Not(HasSubstr(absl::StrCat(
                          "resolute_grpc_calls_in_flight{method=\"resolute.v1.ResolutionParserService/",
                          method, "\"} -"))))
        << method;
  }
}

TEST(CallObserver, LogLevels) {
  const struct {
    grpc::StatusCode code;
    bool health;
    LogLevel level;
  } cases[] = {
      {grpc::StatusCode::OK, false, LogLevel::kInfo},
      {grpc::StatusCode::OK, true, LogLevel::kDebug},
      {grpc::StatusCode::INVALID_ARGUMENT, false, LogLevel::kWarning},
      {grpc::StatusCode::RESOURCE_EXHAUSTED, false, LogLevel::kWarning},
      {grpc::StatusCode::CANCELLED, false, LogLevel::kWarning},
      {grpc::StatusCode::DEADLINE_EXCEEDED, false, LogLevel::kWarning},
      {grpc::StatusCode::UNAVAILABLE, false, LogLevel::kWarning},
      {grpc::StatusCode::NOT_FOUND, true, LogLevel::kWarning},
      {grpc::StatusCode::INTERNAL, false, LogLevel::kError},
      {grpc::StatusCode::UNKNOWN, false, LogLevel::kError},
      {grpc::StatusCode::UNIMPLEMENTED, false, LogLevel::kWarning},
      {grpc::StatusCode::DATA_LOSS, false, LogLevel::kError},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CallLogLevel(c.code, c.health), c.level)
        << StatusCodeName(c.code) << (c.health ? " (health)" : "");
  }
}

TEST(CallErrorMessage, IsNeverEmptyForAFailedCall) {
  EXPECT_EQ(CallErrorMessage(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad")), "bad");
  EXPECT_EQ(CallErrorMessage(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "")),
            "the server does not implement this method");
  EXPECT_EQ(CallErrorMessage(grpc::Status(grpc::StatusCode::CANCELLED, "")), "no message");
  EXPECT_EQ(CallErrorMessage(grpc::Status::OK), "");
}

}  // namespace
}  // namespace service
}  // namespace resolute
