// resolute_server: serves resolute.v1.ResolutionParserService over gRPC, Prometheus
// metrics over HTTP, and JSON logs on stderr.
//
//   resolute_server --port=0 --metrics_port=0
//   # stdout: "listening on 0.0.0.0:PORT" then "metrics listening on 0.0.0.0:PORT"
//
// Every flag can also be set as RESOLUTE_<FLAG_UPPERCASE> (the command line
// wins); --help lists them. SIGTERM or SIGINT: health turns NOT_SERVING,
// calls are still served for --shutdown_grace, then calls in flight get
// --drain_deadline, and the process exits 0 (see service/shutdown.h).
//
// Exit codes: 0 after a shutdown, 1 if a port cannot be bound, 2 for an
// invalid flag or environment variable.

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <unistd.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "pdf/extractor_child.h"
#include "service/allocator_settings.h"
#include "service/env_flags.h"
#include "service/grpc_log_bridge.h"
#include "service/json_log.h"
#include "service/memory_budget.h"
#include "service/metrics.h"
#include "service/metrics_http_server.h"
#include "service/process_metrics.h"
#include "service/server.h"
#include "service/shutdown.h"

using resolute::metrics::RegisterProcessMetrics;
using resolute::metrics::Registry;
using resolute::service::AllocatorConfiguration;
using resolute::service::ConfigureAllocatorForServing;
using resolute::service::ContainerMemoryLimit;
using resolute::service::DefaultMemoryBudget;
using resolute::service::EnvFlagOptions;
using resolute::service::EnvFlagReport;
using resolute::service::EnvFlagsHelp;
using resolute::service::LoadTlsOptions;
using resolute::service::Logger;
using resolute::service::LogLevel;
using resolute::service::LogLevelName;
using resolute::service::MetricsHttpOptions;
using resolute::service::MetricsHttpServer;
using resolute::service::ProcessEnvironment;
using resolute::service::ResoluteServer;
using resolute::service::RouteLibraryLogsTo;
using resolute::service::RunGracefulShutdown;
using resolute::service::ServerOptions;
using resolute::service::SetFlagsFromEnvironment;
using resolute::service::ShutdownOptions;
using resolute::service::ShutdownSignals;
using resolute::service::SignalName;
using resolute::service::TlsOptions;

// Listening.
ABSL_FLAG(std::string, address, "0.0.0.0", "Address the gRPC port listens on.");
ABSL_FLAG(int, port, 50051, "gRPC port; 0 picks a free one and prints it.");
ABSL_FLAG(std::string, metrics_address, "",
          "Address the metrics port listens on; empty means the same as --address.");
ABSL_FLAG(int, metrics_port, 9090,
          "HTTP port serving Prometheus metrics at /metrics; 0 picks a free one and prints it, "
          "-1 turns metrics off.");
ABSL_FLAG(int, probe_port, -1,
          "Extra plaintext port serving only grpc.health.v1, for kubelet probes when the gRPC "
          "port uses TLS; 0 picks a free one and prints it, -1 opens none.");
// TLS.
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain of the server; with --tls_key, the gRPC port speaks TLS only.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA certificates; when set, clients must present a certificate they signed "
          "(mutual TLS).");
// Limits.
ABSL_FLAG(int, max_message_bytes, 64 << 20,
          "Largest request message received (a document or an archive chunk).");
ABSL_FLAG(int, max_send_message_bytes, 0, "Largest response message sent; 0 means no limit.");
ABSL_FLAG(int64_t, max_document_bytes, 16 << 20,
          "Documents (and archive entries) larger than this are rejected.");
ABSL_FLAG(int64_t, memory_budget_bytes, -1,
          "Memory that parses may hold at once (each charged 6 bytes per byte of its document "
          "plus 1 KiB per line break); more waits, then gets UNAVAILABLE. -1: 65% of the "
          "container's memory limit "
          "(none without a limit); 0: no budget.");
ABSL_FLAG(int, worker_threads, 0, "Threads that parse; 0 means one per CPU of the machine.");
ABSL_FLAG(int, stream_window, 0,
          "Documents one stream may have in flight; 0 means 4 per worker thread, at least 8.");
ABSL_FLAG(int, max_concurrent_archives, 32,
          "ParseArchive calls served at once (one thread each); more get UNAVAILABLE.");
ABSL_FLAG(int64_t, archive_max_entries, 100000,
          "Most entries (files, links, special files) in one archive.");
ABSL_FLAG(absl::Duration, archive_idle_timeout, absl::Seconds(30),
          "A ParseArchive call that sends no chunk for this long ends with DEADLINE_EXCEEDED, "
          "freeing its slot.");
ABSL_FLAG(int64_t, archive_max_total_bytes, int64_t{1} << 30,
          "Most bytes one archive may decompress to.");
// PDF input (pdf/README.md).
ABSL_FLAG(std::string, pdf_extractor, "",
          "Program that extracts one PDF per process (pdf:resolute_pdf_extractor); empty "
          "means this server binary itself, started with --pdf_extractor_child.");
ABSL_FLAG(absl::Duration, pdf_timeout, absl::Seconds(30),
          "Wall-clock time the extraction of one PDF may take (DEADLINE_EXCEEDED past it).");
ABSL_FLAG(int64_t, pdf_memory_limit_bytes, int64_t{1} << 30,
          "Address-space limit of each PDF extractor process (RLIMIT_AS); 0 means none.");
ABSL_FLAG(int, max_pdf_pages, 1000, "PDFs with more pages are rejected (RESOURCE_EXHAUSTED).");
ABSL_FLAG(double, archive_max_ratio, 100,
          "Largest ratio of decompressed to compressed bytes of an archive (past 1 MiB).");
// Transport.
ABSL_FLAG(absl::Duration, keepalive_time, absl::Seconds(60),
          "Idle time after which the server pings a client to check the connection; 0 turns "
          "the pings off.");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "How long a keepalive ping may go unanswered before the connection is closed.");
ABSL_FLAG(bool, keepalive_permit_without_calls, false,
          "Send keepalive pings, and accept clients' pings, on connections with no call in "
          "flight.");
ABSL_FLAG(absl::Duration, keepalive_min_client_interval, absl::Seconds(10),
          "Shortest interval at which clients may send keepalive pings; faster clients are "
          "disconnected (GOAWAY too_many_pings).");
ABSL_FLAG(int, max_concurrent_streams, 128,
          "Calls one client connection may have in flight at once; 0 means no limit.");
ABSL_FLAG(absl::Duration, max_connection_age, absl::Minutes(5),
          "Connections older than this (+-10%) are asked to reconnect (GOAWAY), so clients "
          "re-resolve DNS and find new replicas; 0 means never.");
ABSL_FLAG(absl::Duration, max_connection_age_grace, absl::Seconds(30),
          "How long calls on a connection past its maximum age may still run before it closes.");
// Shutdown.
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(5),
          "After SIGTERM, how long new calls are still served while health reports "
          "NOT_SERVING.");
ABSL_FLAG(absl::Duration, drain_deadline, absl::Seconds(20),
          "After the grace, how long calls in flight may run before they are cancelled.");
// Logs.
ABSL_FLAG(LogLevel, log_level, LogLevel::kInfo,
          "Least severe log level written: debug, info, warning or error.");

namespace {

constexpr char kUsage[] =
    "Serves resolute.v1.ResolutionParserService over gRPC, metrics over HTTP, JSON logs on stderr.\n\n"
    "  resolute_server --port=0 --metrics_port=0\n\n"
    "Every flag can also be set as the environment variable RESOLUTE_<FLAG_UPPERCASE>;\n"
    "the command line wins over the environment.";

bool IsServerFlag(const absl::CommandLineFlag& flag) {
  return absl::EndsWith(flag.Filename(), "service/main.cc");
}

bool WantsHelp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-help" || arg == "-h" || arg == "--helpshort") return true;
  }
  return false;
}

// The first argument that makes this binary a PDF extractor process
// (pdf/extractor_child.h) instead of a server.
constexpr char kPdfExtractorChild[] = "--pdf_extractor_child";

// The absolute path of this program.
std::string SelfPath() {
  char path[4096];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  return n > 0 ? std::string(path, static_cast<size_t>(n)) : "/proc/self/exe";
}

// Returns INVALID_ARGUMENT for values the flag types accept but the server
// cannot use.
absl::Status CheckFlags() {
  const auto port_ok = [](int port, int min) { return port >= min && port <= 65535; };
  if (!port_ok(absl::GetFlag(FLAGS_port), 0)) return absl::InvalidArgumentError("--port: 0-65535");
  if (!port_ok(absl::GetFlag(FLAGS_metrics_port), -1)) {
    return absl::InvalidArgumentError("--metrics_port: -1-65535");
  }
  if (!port_ok(absl::GetFlag(FLAGS_probe_port), -1)) {
    return absl::InvalidArgumentError("--probe_port: -1-65535");
  }
  if (absl::GetFlag(FLAGS_max_message_bytes) < 1 || absl::GetFlag(FLAGS_max_document_bytes) < 1) {
    return absl::InvalidArgumentError("--max_message_bytes and --max_document_bytes must be > 0");
  }
  for (const absl::Duration d :
       {absl::GetFlag(FLAGS_shutdown_grace), absl::GetFlag(FLAGS_drain_deadline),
        absl::GetFlag(FLAGS_keepalive_time), absl::GetFlag(FLAGS_keepalive_timeout),
        absl::GetFlag(FLAGS_max_connection_age), absl::GetFlag(FLAGS_max_connection_age_grace),
        absl::GetFlag(FLAGS_keepalive_min_client_interval)}) {
    if (d < absl::ZeroDuration()) return absl::InvalidArgumentError("durations must not be < 0");
  }
  if (absl::GetFlag(FLAGS_pdf_timeout) <= absl::ZeroDuration() ||
      absl::GetFlag(FLAGS_pdf_memory_limit_bytes) < 0 || absl::GetFlag(FLAGS_max_pdf_pages) < 1) {
    return absl::InvalidArgumentError(
        "--pdf_timeout and --max_pdf_pages must be > 0, --pdf_memory_limit_bytes >= 0");
  }
  if (absl::GetFlag(FLAGS_worker_threads) < 0 || absl::GetFlag(FLAGS_stream_window) < 0 ||
      absl::GetFlag(FLAGS_max_concurrent_streams) < 0 ||
      absl::GetFlag(FLAGS_max_send_message_bytes) < 0) {
    return absl::InvalidArgumentError(
        "--worker_threads, --stream_window, --max_concurrent_streams and "
        "--max_send_message_bytes must not be < 0");
  }
  return absl::OkStatus();
}

// The server's options from the flags.
ServerOptions ServerOptionsFromFlags(TlsOptions tls) {
  ServerOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.port = absl::GetFlag(FLAGS_port);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.max_send_message_bytes = absl::GetFlag(FLAGS_max_send_message_bytes);
  options.keepalive_time = absl::GetFlag(FLAGS_keepalive_time);
  options.keepalive_timeout = absl::GetFlag(FLAGS_keepalive_timeout);
  options.keepalive_permit_without_calls = absl::GetFlag(FLAGS_keepalive_permit_without_calls);
  options.keepalive_min_client_interval = absl::GetFlag(FLAGS_keepalive_min_client_interval);
  options.max_concurrent_streams = absl::GetFlag(FLAGS_max_concurrent_streams);
  options.max_connection_age = absl::GetFlag(FLAGS_max_connection_age);
  options.max_connection_age_grace = absl::GetFlag(FLAGS_max_connection_age_grace);
  options.tls = std::move(tls);
  options.probe_port = absl::GetFlag(FLAGS_probe_port);
  options.service.parser.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  const int64_t budget = absl::GetFlag(FLAGS_memory_budget_bytes);
  options.service.memory_budget_bytes =
      budget < 0 ? DefaultMemoryBudget(ContainerMemoryLimit()) : budget;
  options.service.parser.pdf.program = absl::GetFlag(FLAGS_pdf_extractor);
  if (options.service.parser.pdf.program.empty()) {
    options.service.parser.pdf.program = SelfPath();
    options.service.parser.pdf.leading_args = {kPdfExtractorChild};
  }
  options.service.parser.pdf.timeout = absl::GetFlag(FLAGS_pdf_timeout);
  options.service.parser.pdf.memory_limit_bytes = absl::GetFlag(FLAGS_pdf_memory_limit_bytes);
  options.service.parser.pdf.max_pages = absl::GetFlag(FLAGS_max_pdf_pages);
  options.service.worker_threads = absl::GetFlag(FLAGS_worker_threads);
  options.service.stream_window = absl::GetFlag(FLAGS_stream_window);
  options.service.max_concurrent_archives = absl::GetFlag(FLAGS_max_concurrent_archives);
  options.service.archive_idle_timeout = absl::GetFlag(FLAGS_archive_idle_timeout);
  options.service.archive_limits.max_entry_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  options.service.archive_limits.max_entries = absl::GetFlag(FLAGS_archive_max_entries);
  options.service.archive_limits.max_total_bytes = absl::GetFlag(FLAGS_archive_max_total_bytes);
  options.service.archive_limits.max_ratio = absl::GetFlag(FLAGS_archive_max_ratio);
  return options;
}

// Starts the metrics port (none with --metrics_port=-1).
absl::StatusOr<std::unique_ptr<MetricsHttpServer>> StartMetrics(const Registry* registry) {
  if (absl::GetFlag(FLAGS_metrics_port) < 0) return std::unique_ptr<MetricsHttpServer>();
  MetricsHttpOptions options;
  options.address = absl::GetFlag(FLAGS_metrics_address).empty()
                        ? absl::GetFlag(FLAGS_address)
                        : absl::GetFlag(FLAGS_metrics_address);
  options.port = absl::GetFlag(FLAGS_metrics_port);
  return MetricsHttpServer::Start(options, registry);
}

}  // namespace

int main(int argc, char** argv) {
  // One PDF extraction, in a process the server started (pdf/README.md).
  if (argc > 1 && absl::string_view(argv[1]) == kPdfExtractorChild) {
    return resolute::RunPdfExtractorChild(argc, argv);
  }
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex's deadlock
  // detector on: every lock (ours and gRPC's) then updates a global lock
  // graph and may capture a stack trace, a measurable share of the server's
  // CPU on the transport path. Tests keep it on; the server does not need it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Before any thread starts (see allocator_settings.h); reported below.
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const AllocatorConfiguration allocator =
      ConfigureAllocatorForServing(tunables != nullptr ? tunables : "");
  // Before any thread starts, so that only ShutdownSignals receives them.
  ShutdownSignals signals;
  // Lives until the process ends: gRPC threads may log during exit.
  static Logger* const logger = new Logger(Logger::Stderr(LogLevel::kInfo));

  absl::SetProgramUsageMessage(kUsage);
  absl::FlagsUsageConfig usage;
  // --helpfull lists this file's flags (absl matches the program name otherwise).
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "service/main.cc");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);

  // Flags: the environment first, so that the command line wins.
  EnvFlagOptions env_options;
  env_options.prefix = "RESOLUTE_";
  env_options.eligible = IsServerFlag;
  if (WantsHelp(argc, argv)) {
    std::cout << kUsage << "\n\nFlags:\n" << EnvFlagsHelp(env_options);
    return 0;
  }
  absl::StatusOr<EnvFlagReport> env = SetFlagsFromEnvironment(ProcessEnvironment(), env_options);
  if (!env.ok()) {
    logger->Error("invalid configuration", {{"error", env.status().message()}});
    return 2;
  }
  absl::ParseCommandLine(argc, argv);
  logger->set_level(absl::GetFlag(FLAGS_log_level));
  RouteLibraryLogsTo(logger);
  for (const std::string& warning : env->warnings) logger->Warning(warning);
  if (allocator == AllocatorConfiguration::kRefused) {
    logger->Warning("glibc refused the server's malloc thresholds; its defaults apply");
  } else if (allocator == AllocatorConfiguration::kLeftToEnvironment) {
    logger->Debug("malloc thresholds left to GLIBC_TUNABLES");
  }
  for (const std::string& applied : env->applied) {
    logger->Debug("flag set from the environment", {{"variable", applied}});
  }
  if (absl::Status valid = CheckFlags(); !valid.ok()) {
    logger->Error("invalid configuration", {{"error", valid.message()}});
    return 2;
  }
  absl::StatusOr<TlsOptions> tls =
      LoadTlsOptions(absl::GetFlag(FLAGS_tls_cert), absl::GetFlag(FLAGS_tls_key),
                     absl::GetFlag(FLAGS_tls_client_ca));
  if (!tls.ok()) {
    logger->Error("invalid configuration", {{"error", tls.status().message()}});
    return 2;
  }

  // Metrics first: a port conflict stops the server before it listens.
  static Registry* const registry = new Registry();
  RegisterProcessMetrics(registry);
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> metrics_http = StartMetrics(registry);
  if (!metrics_http.ok()) {
    logger->Error("cannot start", {{"error", metrics_http.status().message()}});
    return 1;
  }
  ServerOptions options = ServerOptionsFromFlags(*std::move(tls));
  options.metrics = registry;
  options.logger = logger;
  absl::StatusOr<std::unique_ptr<ResoluteServer>> server = ResoluteServer::Start(options);
  if (!server.ok()) {
    logger->Error("cannot start", {{"error", server.status().message()}});
    return 1;
  }

  // One write, so that readers of stdout see every port at once.
  std::string ports = absl::StrCat("listening on ", (*server)->address(), "\n");
  if (*metrics_http != nullptr) {
    absl::StrAppend(&ports, "metrics listening on ", (*metrics_http)->address(), "\n");
  }
  if ((*server)->probe_port() >= 0) {
    absl::StrAppend(&ports, "probes listening on ", (*server)->probe_address(), "\n");
  }
  std::cout << ports << std::flush;
  logger->Info(
      "serving",
      {{"address", (*server)->address()},
       {"metrics_address", *metrics_http != nullptr ? (*metrics_http)->address() : "off"},
       {"probe_address", (*server)->probe_port() >= 0 ? (*server)->probe_address() : "off"},
       {"tls", options.tls.enabled()},
       {"mutual_tls", !options.tls.client_ca_pem.empty()},
       {"worker_threads", (*server)->service().worker_threads()},
       {"memory_budget_bytes", options.service.memory_budget_bytes},
       {"log_level", LogLevelName(logger->level())}});

  const int signal = signals.Wait();
  logger->Info("shutdown: signal received", {{"signal", SignalName(signal)}});
  ShutdownOptions shutdown;
  shutdown.grace = absl::GetFlag(FLAGS_shutdown_grace);
  shutdown.drain_deadline = absl::GetFlag(FLAGS_drain_deadline);
  RunGracefulShutdown(server->get(), shutdown, logger,
                      [&signals](absl::Duration d) { return signals.WaitFor(d) != 0; });
  (*server)->Wait();
  server->reset();
  // Last, so that scrapes see the drain.
  if (*metrics_http != nullptr) (*metrics_http)->Stop();
  logger->Info("exiting", {{"exit_code", 0}});
  return 0;
}
