// RunSummary: accounts for every input of a client run, for the final line on
// stderr and the exit code.
//
//   RunSummary summary(/*inputs=*/222);
//   summary.Parsed(27'000);
//   summary.Failed(3, /*connection=*/false);  // INVALID_ARGUMENT
//   std::cerr << summary.Line(elapsed) << "\n";
//   return summary.ExitCode();
//
// Thread-safe.

#ifndef RESOLUTE_CLIENT_RUN_SUMMARY_H_
#define RESOLUTE_CLIENT_RUN_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace resolute {
namespace client {

// Process exit codes of the reference client.
enum ExitCode : int {
  // Every document was parsed (or skipped).
  kExitOk = 0,
  // Some documents failed.
  kExitSomeFailed = 1,
  // Bad usage, or the server could not be reached.
  kExitUsageOrConnection = 2,
};

class RunSummary {
 public:
  // `inputs` is the number of inputs if known up front, or -1 (archives).
  explicit RunSummary(int64_t inputs);

  // One input parsed; `bytes` is its size (0 if counted with AddBytes).
  void Parsed(int64_t bytes);
  // `bytes` more bytes processed (an archive's, as it is sent).
  void AddBytes(int64_t bytes);
  // One input failed with gRPC status `code`; `connection` if the failure is
  // the client's inability to reach the server (after retries).
  void Failed(int code, bool connection);
  // One input skipped (its output already exists).
  void Skipped();
  // `n` more retries of a call.
  void Retried(int64_t n);
  // The run as a whole failed with `code` and `message` (an archive call
  // ended by the server, or the server unreachable).
  void CallFailed(int code, const std::string& message, bool connection);

  // "222 documents: 220 parsed, 2 failed (INVALID_ARGUMENT 2), 0 skipped;
  // 6.2 MB in 3.1 s, 71.6 docs/s; 1 retry".
  std::string Line(absl::Duration elapsed) const;

  // kExitUsageOrConnection if anything failed for want of a connection,
  // kExitSomeFailed if anything else failed, kExitOk otherwise.
  int ExitCode() const;

  // Counts, for tests.
  int64_t parsed() const;
  int64_t failed() const;
  int64_t skipped() const;

 private:
  mutable absl::Mutex mu_;
  const int64_t inputs_;
  int64_t parsed_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t failed_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t skipped_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t retries_ ABSL_GUARDED_BY(mu_) = 0;
  bool connection_failed_ ABSL_GUARDED_BY(mu_) = false;
  std::map<int, int64_t> failures_by_code_ ABSL_GUARDED_BY(mu_);
  std::string call_error_ ABSL_GUARDED_BY(mu_);
};

// The name of gRPC status code `code` ("INVALID_ARGUMENT").
std::string StatusCodeName(int code);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_RUN_SUMMARY_H_
