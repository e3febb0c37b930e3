// resolute_server: serves resolute.v1.ResolutionParser over gRPC.
//
//   resolute_server --port=0     # prints "listening on 0.0.0.0:PORT"
//
// SIGTERM or SIGINT shuts it down: calls in flight get --shutdown_grace to
// finish, then it exits 0.

#include <csignal>
#include <cstdint>
#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "service/server.h"

ABSL_FLAG(std::string, address, "0.0.0.0", "Address to listen on.");
ABSL_FLAG(int, port, 50051, "TCP port; 0 picks a free one and prints it.");
ABSL_FLAG(int, max_message_bytes, 64 << 20,
          "Largest request message accepted (a document or an archive chunk).");
ABSL_FLAG(int64_t, max_document_bytes, 16 << 20,
          "Documents (and archive entries) larger than this are rejected.");
ABSL_FLAG(int, worker_threads, 0, "Threads that parse; 0 means one per CPU.");
ABSL_FLAG(int, stream_window, 0,
          "Documents one stream may have in flight; 0 means 4 per worker thread, at least 8.");
ABSL_FLAG(int, max_concurrent_archives, 32,
          "ParseArchive calls served at once (one thread each); more get UNAVAILABLE.");
ABSL_FLAG(int64_t, archive_max_entries, 100000, "Most files in one archive.");
ABSL_FLAG(int64_t, archive_max_total_bytes, int64_t{1} << 30,
          "Most bytes one archive may decompress to.");
ABSL_FLAG(double, archive_max_ratio, 100,
          "Largest ratio of decompressed to compressed bytes of an archive (past 1 MiB).");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "On SIGTERM, how long calls in flight may run before they are cancelled.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Serves resolute.v1.ResolutionParser over gRPC.\n\n  resolute_server --port=0");
  absl::FlagsUsageConfig usage;
  // --help lists this file's flags (absl matches the program name otherwise).
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "service/main.cc");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);
  absl::ParseCommandLine(argc, argv);

  // Block the shutdown signals before any thread starts, so that only the
  // waiter below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  resolute::service::ServerOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.port = absl::GetFlag(FLAGS_port);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.service.parser.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  options.service.worker_threads = absl::GetFlag(FLAGS_worker_threads);
  options.service.stream_window = absl::GetFlag(FLAGS_stream_window);
  options.service.max_concurrent_archives = absl::GetFlag(FLAGS_max_concurrent_archives);
  options.service.archive_limits.max_entry_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  options.service.archive_limits.max_entries = absl::GetFlag(FLAGS_archive_max_entries);
  options.service.archive_limits.max_total_bytes = absl::GetFlag(FLAGS_archive_max_total_bytes);
  options.service.archive_limits.max_ratio = absl::GetFlag(FLAGS_archive_max_ratio);

  auto server = resolute::service::ResoluteServer::Start(options);
  if (!server.ok()) {
    std::cerr << "resolute_server: " << server.status().message() << std::endl;
    return 1;
  }
  std::cout << "listening on " << (*server)->address() << std::endl;

  const absl::Duration grace = absl::GetFlag(FLAGS_shutdown_grace);
  std::thread([signals, s = server->get(), grace] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::cerr << "resolute_server: signal " << signal << ", shutting down" << std::endl;
    s->Shutdown(grace);
  }).detach();

  (*server)->Wait();
  return 0;
}
