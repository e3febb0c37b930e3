// Operating the real //service:resolute_server process: SIGTERM during a
// document stream, calls during the shutdown grace, flags from the
// environment, the metrics port, JSON logs, SO_REUSEPORT off, TLS through the
// real //client:resolute binary, and the archive subcommand's hints.

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "client/channel.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "tests/e2e/process.h"
#include "tests/service/archive_builder.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/test_certs.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace {

namespace fs = std::filesystem;
using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::RunProgram;
using ::resolute::testing::ServerProcess;
using ::resolute::testing::ServerProcessOptions;
using ::resolute::testing::TestFile;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Scratch(const std::string& name) {
  const fs::path p = fs::path(::testing::TempDir()) / "ops" / name;
  fs::create_directories(p.parent_path());
  return p.string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = Scratch(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::vector<std::string> LogLines(const std::string& path) {
  return absl::StrSplit(ReadFile(path), '\n', absl::SkipEmpty());
}

// Every line of a server log is one JSON object with time, level, message.
void ExpectJsonLines(const std::vector<std::string>& lines) {
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_THAT(line, ::testing::MatchesRegex(
                          R"re(\{"time":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})re"
                          R"re(\.[0-9]{3}Z","level":"(debug|info|warning|error)","message":".*\})re"));
  }
}

// Waits until the process's log has a line with `text`.
bool LogEventually(const std::string& path, const std::string& text) {
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (absl::Now() < deadline) {
    if (absl::StrContains(ReadFile(path), text)) return true;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return false;
}

grpc::Status Unary(const std::shared_ptr<grpc::Channel>& channel, const std::string& id,
                   const std::string& content) {
  auto stub = v1::ResolutionParserService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  v1::ParseResolutionRequest request;
  request.set_document_id(id);
  request.set_content(content);
  v1::ParseResolutionResponse response;
  return stub->ParseResolution(&context, request, &response);
}

class OperationsTest : public ::testing::Test {
 protected:
  void SetUp() override { corpus_ = testing::LoadCorpusSample(); }

  std::unique_ptr<ServerProcess> Start(ServerProcessOptions options) {
    auto server = ServerProcess::Start(options);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  std::vector<TestFile> corpus_;
};

// --- Shutdown -------------------------------------------------------------------

// SIGTERM arrives while a client streams documents: every document the server
// took off the stream is answered, the stream ends (UNAVAILABLE after the
// grace, telling the client to resend the rest), and the process exits 0.
TEST_F(OperationsTest, SigtermDuringADocumentStreamAnswersEveryAcceptedDocument) {
  const std::string log = Scratch("sigterm_stream.log");
  std::unique_ptr<ServerProcess> server =
      Start({{"--worker_threads=2", "--shutdown_grace=1s", "--drain_deadline=15s"}, 0, {}, log});
  ASSERT_NE(server, nullptr);
  auto channel = client::CreateResoluteChannel(server->target());
  auto stub = v1::ResolutionParserService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto stream = stub->StreamParseResolutions(&context);
  constexpr int kDocuments = 5000;
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < kDocuments; ++i) {
      v1::StreamParseResolutionsRequest request;
      request.set_document_id(absl::StrCat("doc", i));
      request.set_content(corpus_[i % corpus_.size()].content);
      if (!stream->Write(request)) break;
      written.fetch_add(1);
    }
    stream->WritesDone();
  });
  std::vector<v1::StreamParseResolutionsResponse> responses;
  absl::Time term_sent;
  v1::StreamParseResolutionsResponse response;
  while (stream->Read(&response)) {
    responses.push_back(response);
    if (responses.size() == 20) {
      term_sent = absl::Now();
      server->Signal(SIGTERM);
    }
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  const int exit_code = server->WaitForExit();
  const absl::Duration term_to_exit = absl::Now() - term_sent;

  EXPECT_EQ(exit_code, 0);
  EXPECT_LT(term_to_exit, absl::Seconds(1 + 15));
  ASSERT_GE(responses.size(), 20u);
  // How many documents the server accepted: all that were written if the
  // stream ended normally, else the number its final status gives.
  size_t accepted = static_cast<size_t>(written.load());
  if (!status.ok()) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
    const std::string prefix = "the server is shutting down; the ";
    ASSERT_THAT(status.error_message(), ::testing::StartsWith(prefix));
    const std::string rest = status.error_message().substr(prefix.size());
    ASSERT_TRUE(absl::SimpleAtoi(rest.substr(0, rest.find(' ')), &accepted));
    EXPECT_LT(accepted, static_cast<size_t>(kDocuments));
  }
  EXPECT_EQ(responses.size(), accepted);
  std::set<std::string> ids;
  for (const auto& r : responses) {
    EXPECT_EQ(r.status().code(), 0) << r.document_id() << ": " << r.status().message();
    EXPECT_TRUE(ids.insert(r.document_id()).second) << "twice: " << r.document_id();
  }
  RecordProperty("accepted", static_cast<int>(accepted));
  RecordProperty("term_to_exit_ms", static_cast<int>(absl::ToInt64Milliseconds(term_to_exit)));

  const std::vector<std::string> lines = LogLines(log);
  ExpectJsonLines(lines);
  const std::string all = ReadFile(log);
  EXPECT_THAT(all, HasSubstr("\"message\":\"shutdown: signal received\",\"signal\":\"SIGTERM\""));
  EXPECT_THAT(all, HasSubstr("shutdown: grace over; no new calls accepted, draining"));
  EXPECT_THAT(all, HasSubstr("\"message\":\"exiting\",\"exit_code\":0"));
  // The stream's call line, and never a document's text.
  EXPECT_THAT(all, HasSubstr("\"method\":\"resolute.v1.ResolutionParserService/StreamParseResolutions\""));
  EXPECT_THAT(all, Not(HasSubstr("The General Assembly")));
}

// During the grace: health says NOT_SERVING for "" and the service (the
// kubelet takes the pod out of the endpoints), but new calls are served.
TEST_F(OperationsTest, CallsDuringTheGraceAreServedWhileHealthIsNotServing) {
  const std::string log = Scratch("grace.log");
  std::unique_ptr<ServerProcess> server =
      Start({{"--worker_threads=2", "--shutdown_grace=3s", "--drain_deadline=5s"}, 0, {}, log});
  ASSERT_NE(server, nullptr);
  auto channel = client::CreateResoluteChannel(server->target());
  ASSERT_TRUE(Unary(channel, "before", corpus_[0].content).ok());
  EXPECT_EQ(testing::CheckHealth(channel, "").value_or(-1), testing::kServing);
  EXPECT_EQ(testing::CheckHealth(channel, "resolute.v1.ResolutionParserService").value_or(-1),
            testing::kServing);

  const absl::Time term_sent = absl::Now();
  server->Signal(SIGTERM);
  ASSERT_TRUE(LogEventually(log, "shutdown: health is NOT_SERVING"));
  EXPECT_EQ(testing::CheckHealth(channel, "").value_or(-1), testing::kNotServing);
  EXPECT_EQ(testing::CheckHealth(channel, "resolute.v1.ResolutionParserService").value_or(-1),
            testing::kNotServing);
  // A new call on an existing connection, and one on a new connection.
  grpc::Status during = Unary(channel, "during-grace", corpus_[1].content);
  EXPECT_TRUE(during.ok()) << during.error_message();
  grpc::Status fresh =
      Unary(client::CreateResoluteChannel(server->target()), "new-connection", corpus_[2].content);
  EXPECT_TRUE(fresh.ok()) << fresh.error_message();
  EXPECT_LT(absl::Now() - term_sent, absl::Seconds(3));  // Still within the grace.

  EXPECT_EQ(server->WaitForExit(), 0);
  const absl::Duration term_to_exit = absl::Now() - term_sent;
  EXPECT_GE(term_to_exit, absl::Seconds(3));
  EXPECT_LT(term_to_exit, absl::Seconds(3 + 5));
  // After the exit nothing answers.
  EXPECT_FALSE(Unary(client::CreateResoluteChannel(server->target()), "after", "x").ok());
  EXPECT_THAT(ReadFile(log), HasSubstr("\"document_id\":\"during-grace\",\"status\":\"OK\""));
}

// --- Flags from the environment ----------------------------------------------------

TEST_F(OperationsTest, EnvironmentSetsFlagsAndTheCommandLineWins) {
  const std::string log = Scratch("env.log");
  std::unique_ptr<ServerProcess> server =
      Start({{}, 0,
             {"RESOLUTE_PORT=1",  // The command line's --port=0 wins.
              "RESOLUTE_WORKER_THREADS=3", "RESOLUTE_LOG_LEVEL=debug",
              "RESOLUTE_NO_SUCH_FLAG=1"},
             log});
  ASSERT_NE(server, nullptr);
  EXPECT_NE(server->port(), 1);
  EXPECT_GT(server->metrics_port(), 0);
  EXPECT_TRUE(Unary(client::CreateResoluteChannel(server->target()), "d", corpus_[0].content).ok());
  EXPECT_EQ(server->Terminate(), 0);
  const std::string all = ReadFile(log);
  ExpectJsonLines(LogLines(log));
  EXPECT_THAT(all, HasSubstr("\"worker_threads\":3"));
  EXPECT_THAT(all, HasSubstr("\"log_level\":\"debug\""));
  EXPECT_THAT(all, HasSubstr("\"level\":\"debug\""));
  EXPECT_THAT(all, HasSubstr("\"level\":\"warning\",\"message\":\"environment variable "
                             "RESOLUTE_NO_SUCH_FLAG names no flag"));
}

TEST_F(OperationsTest, BadValuesStopTheServerWithExitCode2) {
  const std::string server = testing::RunfilesPath("service/resolute_server");
  struct Case {
    std::vector<std::string> env;
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"RESOLUTE_WORKER_THREADS=many"}, {}, "RESOLUTE_WORKER_THREADS=\\\"many\\\""},
      {{"RESOLUTE_LOG_LEVEL=loud"}, {}, "must be one of debug, info, warning, error"},
      {{"RESOLUTE_SHUTDOWN_GRACE=5"}, {}, "--shutdown_grace"},
      {{"RESOLUTE_PORT=70000"}, {}, "--port: 0-65535"},
      {{}, {"--tls_cert=/nonexistent.pem", "--tls_key=/nonexistent.key"}, "cannot read"},
      {{}, {"--tls_client_ca=/x.pem"}, "needs a server certificate"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> argv = {server, "--address=127.0.0.1", "--metrics_port=0"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    const std::string err = Scratch("bad_value.err");
    EXPECT_EQ(RunProgram(argv, Scratch("bad_value.out"), err, c.env).value_or(-1), 2)
        << c.message;
    EXPECT_THAT(ReadFile(err), HasSubstr("\"level\":\"error\",\"message\":\"invalid configuration\""))
        << c.message;
    EXPECT_THAT(ReadFile(err), HasSubstr(c.message));
  }
}

TEST_F(OperationsTest, HelpListsEveryFlagWithItsVariable) {
  const std::string out = Scratch("help.txt");
  ASSERT_EQ(RunProgram({testing::RunfilesPath("service/resolute_server"), "--help"}, out).value_or(-1),
            0);
  const std::string help = ReadFile(out);
  const char* flags[] = {
      "address", "port", "metrics_address", "metrics_port", "probe_port", "tls_cert", "tls_key",
      "tls_client_ca", "max_message_bytes", "max_send_message_bytes", "max_document_bytes",
      "worker_threads", "memory_budget_bytes", "stream_window", "max_concurrent_archives",
      "archive_idle_timeout", "archive_max_entries",
      "archive_max_total_bytes", "archive_max_ratio", "keepalive_time", "keepalive_timeout",
      "keepalive_permit_without_calls", "keepalive_min_client_interval", "max_concurrent_streams",
      "max_connection_age", "max_connection_age_grace", "shutdown_grace", "drain_deadline",
      "log_level", "pdf_extractor", "pdf_timeout", "pdf_memory_limit_bytes", "max_pdf_pages"};
  for (const char* flag : flags) {
    EXPECT_THAT(help, HasSubstr(absl::StrCat("  --", flag, "=")));
    EXPECT_THAT(help, HasSubstr(absl::StrCat("(env RESOLUTE_", absl::AsciiStrToUpper(flag), ")")));
  }
  // No other flag is listed (absl's own are not settable from RESOLUTE_*).
  std::vector<std::string> listed;
  for (absl::string_view line : absl::StrSplit(help, '\n')) {
    if (absl::StartsWith(line, "  --")) listed.emplace_back(line);
  }
  EXPECT_EQ(listed.size(), std::size(flags));
  EXPECT_THAT(help, HasSubstr("--shutdown_grace=DURATION (env RESOLUTE_SHUTDOWN_GRACE)"));
  EXPECT_THAT(help, HasSubstr("Default: 5s."));
}

// --- Metrics, logs, ports --------------------------------------------------------

TEST_F(OperationsTest, MetricsScrapeAfterCalls) {
  const std::string log = Scratch("metrics.log");
  std::unique_ptr<ServerProcess> server = Start({{"--worker_threads=2"}, 0, {}, log});
  ASSERT_NE(server, nullptr);
  ASSERT_GT(server->metrics_port(), 0);
  auto channel = client::CreateResoluteChannel(server->target());
  auto stub = v1::ResolutionParserService::NewStub(channel);
  uint64_t bytes = 0;
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(Unary(channel, "u", corpus_[i].content).ok());
    bytes += corpus_[i].content.size();
  }
  EXPECT_EQ(Unary(channel, "empty", "").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  {
    grpc::ClientContext context;
    auto stream = stub->StreamParseResolutions(&context);
    for (int i = 0; i < 4; ++i) {
      v1::StreamParseResolutionsRequest request;
      request.set_document_id(absl::StrCat("s", i));
      request.set_content(corpus_[i % corpus_.size()].content);
      bytes += request.content().size();
      ASSERT_TRUE(stream->Write(request));
    }
    stream->WritesDone();
    v1::StreamParseResolutionsResponse response;
    int n = 0;
    while (stream->Read(&response)) ++n;
    EXPECT_EQ(n, 4);
    ASSERT_TRUE(stream->Finish().ok());
  }
  {
    const std::string archive =
        BuildArchive(ArchiveFormat::kTarGz,
                     {{"a.txt", corpus_[0].content}, {"b.bin", std::string("\0\1\2\3binary", 10)}});
    // The binary entry is handed to the parser too, which refuses it
    // (CONTENT_BINARY) as it would in a unary call.
    bytes += corpus_[0].content.size() + 10;
    grpc::ClientContext context;
    auto stream = stub->ParseArchive(&context);
    v1::ParseArchiveRequest message;
    message.mutable_header();
    ASSERT_TRUE(stream->Write(message));
    message.set_data(archive);
    ASSERT_TRUE(stream->Write(message));
    stream->WritesDone();
    v1::ParseArchiveResponse response;
    while (stream->Read(&response)) {
    }
    ASSERT_TRUE(stream->Finish().ok());
  }

  auto scrape = testing::HttpGet(server->metrics_port(), "/metrics");
  ASSERT_TRUE(scrape.ok()) << scrape.status();
  EXPECT_EQ(scrape->status, 200);
  EXPECT_EQ(scrape->content_type, "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = scrape->body;
  const std::string service = "resolute.v1.ResolutionParserService/";
  for (const std::string& line : {
           "resolute_grpc_calls_total{method=\"" + service + "ParseResolution\",code=\"OK\"} 2\n",
           "resolute_grpc_calls_total{method=\"" + service +
               "ParseResolution\",code=\"INVALID_ARGUMENT\"} 1\n",
           "resolute_grpc_calls_total{method=\"" + service + "StreamParseResolutions\",code=\"OK\"} 1\n",
           "resolute_grpc_calls_total{method=\"" + service + "ParseArchive\",code=\"OK\"} 1\n",
           "resolute_grpc_call_duration_seconds_count{method=\"" + service + "ParseResolution\"} 3\n",
           "resolute_grpc_call_duration_seconds_bucket{method=\"" + service +
               "ParseResolution\",le=\"+Inf\"} 3\n",
           "resolute_grpc_calls_in_flight{method=\"" + service + "StreamParseResolutions\"} 0\n",
           std::string("resolute_documents_parsed_total{outcome=\"ok\"} 7\n"),
           std::string("resolute_documents_parsed_total{outcome=\"invalid_argument\"} 2\n"),
           absl::StrCat("resolute_document_bytes_total ", bytes, "\n"),
           std::string("resolute_parse_duration_seconds_count 9\n"),
           std::string("# TYPE resolute_diagnostics_total counter\n"),
           std::string("# TYPE process_start_time_seconds gauge\n"),
           std::string("# TYPE process_resident_memory_bytes gauge\n"),
       }) {
    EXPECT_THAT(text, HasSubstr(line));
  }
  auto not_found = testing::HttpGet(server->metrics_port(), "/");
  ASSERT_TRUE(not_found.ok());
  EXPECT_EQ(not_found->status, 404);

  EXPECT_EQ(server->Terminate(), 0);
  ExpectJsonLines(LogLines(log));
  // One info line per call; documents only at debug (not at the default info).
  const std::string all = ReadFile(log);
  EXPECT_THAT(all, HasSubstr("\"message\":\"call finished\",\"method\":\"" + service +
                             "ParseArchive\""));
  EXPECT_THAT(all, Not(HasSubstr("\"message\":\"document parsed\"")));
  EXPECT_THAT(all, HasSubstr("\"message\":\"document failed\""));  // The binary entry.
  EXPECT_THAT(all, Not(HasSubstr("The General Assembly")));
}

TEST_F(OperationsTest, ASecondServerOnTheSamePortExits1) {
  std::unique_ptr<ServerProcess> first = Start({});
  ASSERT_NE(first, nullptr);
  const std::string err = Scratch("second.err");
  EXPECT_EQ(RunProgram({testing::RunfilesPath("service/resolute_server"), "--address=127.0.0.1",
                        absl::StrCat("--port=", first->port()), "--metrics_port=0"},
                       Scratch("second.out"), err)
                .value_or(-1),
            1);
  EXPECT_THAT(ReadFile(err), HasSubstr("\"level\":\"error\",\"message\":\"cannot start\""));
  EXPECT_THAT(ReadFile(err), HasSubstr(absl::StrCat("cannot listen on 127.0.0.1:", first->port())));
  // The metrics port is not shared either.
  EXPECT_EQ(RunProgram({testing::RunfilesPath("service/resolute_server"), "--address=127.0.0.1",
                        "--port=0", absl::StrCat("--metrics_port=", first->metrics_port())},
                       Scratch("second.out"), err)
                .value_or(-1),
            1);
  EXPECT_THAT(ReadFile(err), HasSubstr("cannot listen for metrics"));
  EXPECT_TRUE(Unary(client::CreateResoluteChannel(first->target()), "d", corpus_[0].content).ok());
}

// --- TLS and the client binary -----------------------------------------------------

TEST_F(OperationsTest, MutualTlsWithTheClientBinaryAndAPlaintextProbePort) {
  auto certs = testing::GenerateTestCertificates(Scratch("certs"));
  ASSERT_TRUE(certs.ok()) << certs.status();
  std::unique_ptr<ServerProcess> server =
      Start({{absl::StrCat("--tls_cert=", certs->server_cert),
              absl::StrCat("--tls_key=", certs->server_key),
              absl::StrCat("--tls_client_ca=", certs->ca_cert), "--probe_port=0"},
             0, {}, Scratch("tls.log")});
  ASSERT_NE(server, nullptr);
  ASSERT_GT(server->probe_port(), 0);
  // Kubelet-style probes on the plaintext probe port.
  auto probe = grpc::CreateChannel(absl::StrCat("127.0.0.1:", server->probe_port()),
                                   grpc::InsecureChannelCredentials());
  EXPECT_EQ(testing::CheckHealth(probe, "resolute.v1.ResolutionParserService").value_or(-1),
            testing::kServing);

  const std::string resolute = testing::RunfilesPath("client/resolute");
  const std::string doc = WriteFile("tls_doc.txt", corpus_[0].content);
  const std::string err = Scratch("tls_client.err");
  const std::vector<std::string> base = {resolute, "parse", "--server", server->target(),
                                         "--retries=1"};
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = base;
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(doc);
    return RunProgram(argv, Scratch("tls_client.out"), err).value_or(-1);
  };
  EXPECT_EQ(run({"--tls-ca", certs->ca_cert, "--tls-cert", certs->client_cert, "--tls-key",
                 certs->client_key}),
            0)
      << ReadFile(err);
  EXPECT_THAT(ReadFile(Scratch("tls_client.out")), HasSubstr("\"documentId\""));
  EXPECT_EQ(run({}), 2) << "plaintext must be refused";
  EXPECT_EQ(run({"--tls-ca", certs->ca_cert}), 2) << "no client certificate must be refused";
  EXPECT_EQ(run({"--tls-ca", certs->ca_cert, "--tls-cert", certs->other_client_cert, "--tls-key",
                 certs->other_client_key}),
            2)
      << "a certificate from another CA must be refused";
  EXPECT_EQ(run({"--tls-ca", certs->ca_cert, "--tls-cert", certs->client_cert}), 2);
  EXPECT_THAT(ReadFile(err), HasSubstr("--tls-cert and --tls-key go together"));

  // The archive subcommand over mutual TLS.
  const std::string archive = WriteFile(
      "tls.tar.gz", BuildArchive(ArchiveFormat::kTarGz, {{"a.txt", corpus_[0].content}}));
  EXPECT_EQ(RunProgram({resolute, "archive", "--server", server->target(), "--tls-ca",
                        certs->ca_cert, "--tls-cert", certs->client_cert, "--tls-key",
                        certs->client_key, archive},
                       Scratch("tls_archive.out"), err)
                .value_or(-1),
            0)
      << ReadFile(err);
  EXPECT_EQ(server->Terminate(), 0);
}

// The real client binary prints a failed document's rich status (ErrorInfo
// in an Any) as JSON, and every archive entry but a directory is answered.
TEST_F(OperationsTest, ClientPrintsFailedDocumentsWithTheirReasons) {
  std::unique_ptr<ServerProcess> server = Start({{"--worker_threads=2"}, 0, {}, ""});
  ASSERT_NE(server, nullptr);
  const std::string resolute = testing::RunfilesPath("client/resolute");
  const std::string empty = WriteFile("empty.txt", "");
  const std::string err = Scratch("failed.err");
  const std::string out = Scratch("failed.out");
  EXPECT_EQ(RunProgram({resolute, "parse", "--server", server->target(), empty}, out, err)
                .value_or(-1),
            1)
      << ReadFile(err);
  EXPECT_THAT(ReadFile(out), HasSubstr("\"reason\":\"CONTENT_EMPTY\""));
  EXPECT_THAT(ReadFile(err), Not(HasSubstr("cannot print JSON")));

  const std::string archive = WriteFile(
      "links.tar.gz", testing::BuildTarGzWithSpecialEntries(corpus_[0].content));
  EXPECT_EQ(RunProgram({resolute, "archive", "--server", server->target(), archive}, out, err)
                .value_or(-1),
            1)
      << ReadFile(err);
  const std::string lines = ReadFile(out);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 6) << lines;
  EXPECT_THAT(lines, HasSubstr("\"reason\":\"ARCHIVE_ENTRY_UNSUPPORTED\""));
  EXPECT_THAT(ReadFile(err), HasSubstr("6 documents: 2 parsed, 4 failed"));
  EXPECT_EQ(server->Terminate(), 0);
}

TEST_F(OperationsTest, ArchiveSubcommandSendsSourceVariantLanguageAndOmitText) {
  std::unique_ptr<ServerProcess> server = Start({{"--worker_threads=2"}, 0, {}, ""});
  ASSERT_NE(server, nullptr);
  const std::string resolute = testing::RunfilesPath("client/resolute");
  std::vector<TestFile> files(corpus_.begin(), corpus_.begin() + 3);
  const std::string archive =
      WriteFile("hints.zip", BuildArchive(ArchiveFormat::kZip, files));
  const std::string err = Scratch("hints.err");

  const std::string with_text = Scratch("with_text");
  const std::string without_text = Scratch("without_text");
  ASSERT_EQ(RunProgram({resolute, "archive", "--server", server->target(), "--out", with_text,
                        archive},
                       "", err)
                .value_or(-1),
            0)
      << ReadFile(err);
  ASSERT_EQ(RunProgram({resolute, "archive", "--server", server->target(), "--out",
                        without_text, "--omit-text", "--source-variant=pdftotext",
                        "--language=en-GB", archive},
                       "", err)
                .value_or(-1),
            0)
      << ReadFile(err);
  for (const TestFile& f : files) {
    const std::string name = f.path.substr(0, f.path.rfind('.')) + ".json";
    v1::Resolution full, omitted;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                    ReadFile((fs::path(with_text) / name).string()), &full)
                    .ok())
        << name;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                    ReadFile((fs::path(without_text) / name).string()), &omitted)
                    .ok())
        << name;
    EXPECT_FALSE(full.text().empty()) << name;
    EXPECT_TRUE(omitted.text().empty()) << name;
    EXPECT_EQ(omitted.symbol(), full.symbol()) << name;
    EXPECT_EQ(omitted.operative_paragraphs_size(), full.operative_paragraphs_size()) << name;
  }

  EXPECT_EQ(RunProgram({resolute, "archive", "--server", server->target(), "--language=fr",
                        archive},
                       Scratch("fr.out"), err)
                .value_or(-1),
            1);
  EXPECT_THAT(ReadFile(err), HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(ReadFile(err), HasSubstr("language \"fr\" is not supported"));
  EXPECT_EQ(RunProgram({resolute, "archive", "--server", server->target(),
                        "--source-variant=scanner", archive},
                       Scratch("bad_variant.out"), err)
                .value_or(-1),
            2);
  EXPECT_EQ(RunProgram({resolute, "archive", "--help"}, Scratch("archive_help.txt"), err)
                .value_or(-1),
            0);
  const std::string help = ReadFile(Scratch("archive_help.txt"));
  for (const char* option : {"--omit-text", "--source-variant", "--language", "--tls-ca",
                             "--tls-cert", "--tls-key"}) {
    EXPECT_THAT(help, HasSubstr(option));
  }
}

}  // namespace
}  // namespace resolute
