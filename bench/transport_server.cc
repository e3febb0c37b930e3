// transport_server: a BENCHMARKING AID, never to be deployed. The resolute
// server with the parser replaced by a function that returns an empty
// Resolution at once, so that `resolute bench` against it measures the gRPC
// path alone: the transport limit ("cat of the corpus through the same gRPC
// path") that the real server's figures can be compared with.
//
//   transport_server --port=0        # prints "listening on 127.0.0.1:PORT"
//   resolute bench --server=127.0.0.1:PORT --mode=unary,stream,archive
//
// Everything else is the production path: the same ResoluteServer (service,
// reactors, worker pool, message limits, call_observer interceptor with
// metrics and a JSON logger at --log_level), the same request validation
// before the parser (language, size), the same response serialisation (of an
// empty resolution, with document_id and status). It listens on 127.0.0.1
// only and stops on SIGINT or SIGTERM.

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "parser/parser.h"
#include "service/allocator_settings.h"
#include "service/json_log.h"
#include "service/metrics.h"
#include "service/server.h"
#include "service/shutdown.h"

ABSL_FLAG(int, port, 0, "gRPC port on 127.0.0.1; 0 picks a free one and prints it.");
ABSL_FLAG(int, worker_threads, 1, "Worker threads, as resolute_server --worker_threads.");
ABSL_FLAG(int, stream_window, 0, "As resolute_server --stream_window.");
ABSL_FLAG(resolute::service::LogLevel, log_level, resolute::service::LogLevel::kWarning,
          "Least severe log level written: debug, info, warning or error.");

int main(int argc, char** argv) {
  using resolute::service::Logger;
  using resolute::service::ResoluteServer;
  using resolute::service::ServerOptions;
  // As resolute_server does (see service/main.cc).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  resolute::service::ConfigureAllocatorForServing(tunables != nullptr ? tunables : "");
  resolute::service::ShutdownSignals signals;
  absl::SetProgramUsageMessage(
      "Benchmarking aid: the resolute gRPC path with a parser that returns an empty "
      "resolution (the transport limit). Not a server to deploy.");
  absl::ParseCommandLine(argc, argv);

  static Logger* const logger = new Logger(Logger::Stderr(absl::GetFlag(FLAGS_log_level)));
  static resolute::metrics::Registry* const registry = new resolute::metrics::Registry();
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = absl::GetFlag(FLAGS_port);
  options.service.worker_threads = absl::GetFlag(FLAGS_worker_threads);
  options.service.stream_window = absl::GetFlag(FLAGS_stream_window);
  // The parser's own checks (empty, size) are kept; the parse is not.
  options.service.parser.parse = [](absl::string_view text, const resolute::ParseOptions& parse,
                                    resolute::v1::Resolution*) {
    if (text.empty()) return absl::InvalidArgumentError("content is empty");
    if (text.size() > parse.max_input_bytes) {
      return absl::ResourceExhaustedError("content is too large");
    }
    return absl::OkStatus();
  };
  options.metrics = registry;
  options.logger = logger;
  absl::StatusOr<std::unique_ptr<ResoluteServer>> server = ResoluteServer::Start(options);
  if (!server.ok()) {
    std::cerr << "transport_server: " << server.status() << "\n";
    return 1;
  }
  std::cout << "listening on " << (*server)->address() << std::endl;
  signals.Wait();
  (*server)->Shutdown(absl::ZeroDuration());
  (*server)->Wait();
  return 0;
}
