// The `resolute` command-line tool: subcommands, options, output, exit codes.
//
//   resolute parse   [options] FILE...|DIR|-       document stream
//   resolute archive [options] FILE.tar.gz|FILE.zip archive stream
//   resolute bench   [options] [FILE...|DIR]      load generator (see
//                                                  bench/load/load_generator.h)
//   resolute help [COMMAND]
//
// Exit codes: 0 every document parsed (or skipped), 1 some documents failed,
// 2 usage error or the server could not be reached. Results go to stdout (one
// JSON line per document) or to --out DIR; messages, the progress bar (only
// when stderr is a terminal) and the final summary line go to stderr.

#ifndef RESOLUTE_CLIENT_CLI_H_
#define RESOLUTE_CLIENT_CLI_H_

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace resolute {
namespace client {

class Cli {
 public:
  // Streams must outlive the Cli. `show_progress` enables the progress bar
  // (main passes whether stderr is a terminal).
  Cli(std::istream* in, std::ostream* out, std::ostream* err, bool show_progress);

  // Runs the command in `args` (argv without the program name); returns the
  // exit code.
  int Run(const std::vector<std::string>& args);

  // Cancels the command in progress (for SIGINT): calls are cancelled and the
  // summary still accounts for every input. Thread-safe.
  void Cancel();

 private:
  int Parse(const std::vector<std::string>& args);
  int Archive(const std::vector<std::string>& args);
  int Bench(const std::vector<std::string>& args);
  int UsageError(const std::string& message, const std::string& help_command);
  // Registers the cancel action of the running command.
  void SetCanceller(std::function<void()> cancel);

  std::istream* const in_;
  std::ostream* const out_;
  std::ostream* const err_;
  const bool show_progress_;
  absl::Mutex mu_;
  std::function<void()> canceller_ ABSL_GUARDED_BY(mu_);
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_CLI_H_
