// Environment variables as absl flags: every flag of a program can also be
// set as PREFIX<FLAG_NAME_UPPERCASE> (RESOLUTE_PORT for --port), with the
// command line taking precedence.
//
//   // Before absl::ParseCommandLine, so that the command line wins:
//   EnvFlagOptions options{.prefix = "RESOLUTE_", .eligible = IsServerFlag};
//   absl::StatusOr<EnvFlagReport> report =
//       SetFlagsFromEnvironment(ProcessEnvironment(), options);
//   if (!report.ok()) { /* a bad value: report.status().message() */ }
//   for (const std::string& w : report->warnings) { /* PREFIX_* naming no flag */ }
//   absl::ParseCommandLine(argc, argv);
//
// Values are parsed exactly like command-line values ("5s", "true", "8080").
// A variable with the prefix that names no eligible flag is a warning, not an
// error, so an old ConfigMap does not stop a newer server from starting.

#ifndef RESOLUTE_SERVICE_ENV_FLAGS_H_
#define RESOLUTE_SERVICE_ENV_FLAGS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/flags/commandlineflag.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace resolute {
namespace service {

// Which variables map onto which flags.
struct EnvFlagOptions {
  // Variable names are this prefix followed by the flag name in upper case.
  std::string prefix = "RESOLUTE_";
  // Flags that may be set from the environment; empty means every flag.
  std::function<bool(const absl::CommandLineFlag&)> eligible;
};

// What SetFlagsFromEnvironment did.
struct EnvFlagReport {
  // "RESOLUTE_PORT=50051" for every flag set, in the environment's order.
  std::vector<std::string> applied;
  // One message per variable with the prefix that names no eligible flag.
  std::vector<std::string> warnings;
};

// Returns the variable name of `flag_name`: prefix + upper case
// ("port" -> "RESOLUTE_PORT").
std::string EnvVarName(absl::string_view prefix, absl::string_view flag_name);

// Returns this process's environment as "NAME=value" strings.
std::vector<std::string> ProcessEnvironment();

// Sets every eligible flag whose variable appears in `environment`
// ("NAME=value" strings). Returns INVALID_ARGUMENT naming the variable and
// the reason for the first value that does not parse (flags set before it
// keep their new values).
absl::StatusOr<EnvFlagReport> SetFlagsFromEnvironment(const std::vector<std::string>& environment,
                                                      const EnvFlagOptions& options);

// Returns a help text listing every eligible flag, sorted by name, with its
// variable, its help and its default:
//
//   --port=INT (env RESOLUTE_PORT)
//       TCP port; 0 picks a free one and prints it. Default: 50051.
std::string EnvFlagsHelp(const EnvFlagOptions& options);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_ENV_FLAGS_H_
