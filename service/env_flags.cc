#include "service/env_flags.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/flags/reflection.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

extern char** environ;

namespace resolute {
namespace service {
namespace {

bool Eligible(const EnvFlagOptions& options, const absl::CommandLineFlag& flag) {
  if (flag.IsRetired()) return false;
  return !options.eligible || options.eligible(flag);
}

// The eligible flags by variable name.
std::vector<std::pair<std::string, absl::CommandLineFlag*>> EligibleFlags(
    const EnvFlagOptions& options) {
  std::vector<std::pair<std::string, absl::CommandLineFlag*>> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (Eligible(options, *flag)) flags.emplace_back(EnvVarName(options.prefix, name), flag);
  }
  std::sort(flags.begin(), flags.end(),
            [](const auto& a, const auto& b) { return a.second->Name() < b.second->Name(); });
  return flags;
}

// A short name of the flag's type, for the help text.
std::string TypeName(const absl::CommandLineFlag& flag) {
  if (flag.IsOfType<bool>()) return "BOOL";
  if (flag.IsOfType<int>() || flag.IsOfType<int64_t>() || flag.IsOfType<uint64_t>()) {
    return "INT";
  }
  if (flag.IsOfType<double>()) return "NUMBER";
  if (flag.IsOfType<absl::Duration>()) return "DURATION";
  if (flag.IsOfType<std::string>()) return "STRING";
  return "VALUE";
}

}  // namespace

std::string EnvVarName(absl::string_view prefix, absl::string_view flag_name) {
  return absl::StrCat(prefix, absl::AsciiStrToUpper(flag_name));
}

std::vector<std::string> ProcessEnvironment() {
  std::vector<std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) out.emplace_back(*e);
  return out;
}

absl::StatusOr<EnvFlagReport> SetFlagsFromEnvironment(const std::vector<std::string>& environment,
                                                      const EnvFlagOptions& options) {
  const auto flags = EligibleFlags(options);
  EnvFlagReport report;
  for (const std::string& entry : environment) {
    const size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const absl::string_view name = absl::string_view(entry).substr(0, eq);
    const absl::string_view value = absl::string_view(entry).substr(eq + 1);
    if (!absl::StartsWith(name, options.prefix)) continue;
    const auto it = std::find_if(flags.begin(), flags.end(),
                                 [&](const auto& f) { return f.first == name; });
    if (it == flags.end()) {
      report.warnings.push_back(
          absl::StrCat("environment variable ", name, " names no flag (flags are set by ",
                       options.prefix, "<FLAG_NAME_UPPERCASE>; see --help); ignored"));
      continue;
    }
    std::string error;
    if (!it->second->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("environment variable ", name, "=\"", value, "\" is not a valid value for --",
                       it->second->Name(), ": ", error));
    }
    report.applied.push_back(entry);
  }
  return report;
}

std::string EnvFlagsHelp(const EnvFlagOptions& options) {
  std::string out;
  for (const auto& [variable, flag] : EligibleFlags(options)) {
    std::string default_value = flag->DefaultValue();
    if (default_value.empty()) default_value = "\"\"";
    absl::StrAppend(&out, "  --", flag->Name(), "=", TypeName(*flag), " (env ", variable, ")\n",
                    "      ", flag->Help(), " Default: ", default_value, ".\n");
  }
  return out;
}

}  // namespace service
}  // namespace resolute
