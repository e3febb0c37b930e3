// FlagSet: the options of one subcommand of a command-line tool, with its
// help text. (absl flags are process-global, which suits a server but not a
// tool whose subcommands each have their own options and --help.)
//
//   std::string server = "localhost:50051";
//   int concurrency = 8;
//   FlagSet flags("resolute parse [options] FILE...", "Structures documents.");
//   flags.AddString("server", &server, "TARGET", "Where resolute runs.");
//   flags.AddInt("concurrency", &concurrency, "Documents in flight.");
//   absl::StatusOr<std::vector<std::string>> args = flags.Parse(argv_rest);
//   if (flags.help_requested()) std::cout << flags.Help();
//
// Accepted forms: --name=value, --name value, --flag, --flag=true|false,
// --no-flag; "_" and "-" are interchangeable in names; "--" ends options;
// "-" alone is an argument (standard input).

#ifndef RESOLUTE_CLIENT_COMMAND_LINE_H_
#define RESOLUTE_CLIENT_COMMAND_LINE_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace resolute {
namespace client {

class FlagSet {
 public:
  // `usage` is the synopsis ("resolute parse [options] FILE..."),
  // `description` the paragraph under it.
  FlagSet(std::string usage, std::string description);

  // Declares --name taking a string.
  void AddString(std::string name, std::string* target, std::string value_name, std::string help);
  // Declares --name taking an integer.
  void AddInt(std::string name, int* target, std::string help);
  // Declares --name taking a duration ("30s", "2m", "1h30m").
  void AddDuration(std::string name, absl::Duration* target, std::string help);
  // Declares the boolean --name (and --no-name).
  void AddBool(std::string name, bool* target, std::string help);

  // Parses `args` and returns the positional arguments. INVALID_ARGUMENT for
  // an unknown option, a missing or malformed value.
  absl::StatusOr<std::vector<std::string>> Parse(const std::vector<std::string>& args);

  // Whether --help (or -h) was given.
  bool help_requested() const { return help_requested_; }

  // The help text: usage, description, options with defaults.
  std::string Help() const;

 private:
  struct Flag {
    std::string name;
    std::string value_name;  // Empty for booleans.
    std::string help;
    std::string default_value;
    std::function<absl::Status(absl::string_view)> set;
  };
  const Flag* Find(absl::string_view name) const;

  std::string usage_;
  std::string description_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_COMMAND_LINE_H_
