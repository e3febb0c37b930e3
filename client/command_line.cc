#include "client/command_line.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace resolute {
namespace client {
namespace {

std::string Normalize(absl::string_view name) { return absl::StrReplaceAll(name, {{"_", "-"}}); }

constexpr size_t kHelpWidth = 80;

// Appends `text` word-wrapped to kHelpWidth, continuation lines indented by
// `indent` (the first line is assumed to start at column `indent`).
void AppendWrapped(absl::string_view text, size_t indent, std::string* out) {
  size_t column = indent;
  bool first = true;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!first && column + 1 + word.size() > kHelpWidth) {
      absl::StrAppend(out, "\n", std::string(indent, ' '));
      column = indent;
      first = true;
    }
    if (!first) {
      out->push_back(' ');
      ++column;
    }
    absl::StrAppend(out, word);
    column += word.size();
    first = false;
  }
  out->push_back('\n');
}

}  // namespace

FlagSet::FlagSet(std::string usage, std::string description)
    : usage_(std::move(usage)), description_(std::move(description)) {}

void FlagSet::AddString(std::string name, std::string* target, std::string value_name,
                        std::string help) {
  flags_.push_back({Normalize(name), std::move(value_name), std::move(help), *target,
                    [target](absl::string_view v) {
                      *target = std::string(v);
                      return absl::OkStatus();
                    }});
}

void FlagSet::AddInt(std::string name, int* target, std::string help) {
  const std::string flag = Normalize(name);
  flags_.push_back(
      {flag, "N", std::move(help), absl::StrCat(*target), [target, flag](absl::string_view v) {
         if (!absl::SimpleAtoi(v, target)) {
           return absl::InvalidArgumentError(
               absl::StrCat("--", flag, " wants an integer, not \"", v, "\""));
         }
         return absl::OkStatus();
       }});
}

void FlagSet::AddDuration(std::string name, absl::Duration* target, std::string help) {
  const std::string flag = Normalize(name);
  const std::string default_value =
      *target == absl::InfiniteDuration() ? "none" : absl::FormatDuration(*target);
  flags_.push_back(
      {flag, "DURATION", std::move(help), default_value, [target, flag](absl::string_view v) {
         if (v == "none" || v == "inf") {
           *target = absl::InfiniteDuration();
         } else if (!absl::ParseDuration(v, target) || *target <= absl::ZeroDuration()) {
           return absl::InvalidArgumentError(absl::StrCat(
               "--", flag, " wants a positive duration such as 30s or 5m, not \"", v, "\""));
         }
         return absl::OkStatus();
       }});
}

void FlagSet::AddBool(std::string name, bool* target, std::string help) {
  const std::string flag = Normalize(name);
  flags_.push_back(
      {flag, "", std::move(help), *target ? "true" : "false", [target, flag](absl::string_view v) {
         if (v == "true" || v == "1") {
           *target = true;
         } else if (v == "false" || v == "0") {
           *target = false;
         } else {
           return absl::InvalidArgumentError(
               absl::StrCat("--", flag, " is true or false, not \"", v, "\""));
         }
         return absl::OkStatus();
       }});
}

const FlagSet::Flag* FlagSet::Find(absl::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

absl::StatusOr<std::vector<std::string>> FlagSet::Parse(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional.insert(positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      if (absl::StartsWith(arg, "-") && arg != "-") {
        return absl::InvalidArgumentError(absl::StrCat("unknown option ", arg));
      }
      positional.push_back(arg);
      continue;
    }
    absl::string_view body = absl::string_view(arg).substr(2);
    std::string name;
    std::optional<std::string> value;
    const size_t eq = body.find('=');
    if (eq == absl::string_view::npos) {
      name = Normalize(body);
    } else {
      name = Normalize(body.substr(0, eq));
      value = std::string(body.substr(eq + 1));
    }
    const Flag* flag = Find(name);
    if (flag == nullptr && !value && absl::StartsWith(name, "no-")) {
      const Flag* negated = Find(name.substr(3));
      if (negated != nullptr && negated->value_name.empty()) {
        absl::Status s = negated->set("false");
        if (!s.ok()) return s;
        continue;
      }
    }
    if (flag == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
    if (!value) {
      if (flag->value_name.empty()) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("--", name, " wants a value (", flag->value_name, ")"));
      }
    }
    absl::Status s = flag->set(*value);
    if (!s.ok()) return s;
  }
  return positional;
}

std::string FlagSet::Help() const {
  std::string out = absl::StrCat("Usage: ", usage_, "\n\n", description_, "\n\nOptions:\n");
  std::vector<std::string> heads;
  size_t width = 0;
  for (const Flag& flag : flags_) {
    std::string head = absl::StrCat("  --", flag.name);
    if (!flag.value_name.empty()) absl::StrAppend(&head, "=", flag.value_name);
    width = std::max(width, head.size());
    heads.push_back(std::move(head));
  }
  heads.push_back("  --help");
  width = std::max(width, heads.back().size());
  for (size_t i = 0; i < flags_.size(); ++i) {
    const Flag& flag = flags_[i];
    std::string text = flag.help;
    if (!flag.default_value.empty() || !flag.value_name.empty()) {
      absl::StrAppend(&text,
                      " (default: ", flag.default_value.empty() ? "none" : flag.default_value, ")");
    }
    absl::StrAppend(&out, heads[i], std::string(width + 2 - heads[i].size(), ' '));
    AppendWrapped(text, width + 2, &out);
  }
  absl::StrAppend(&out, heads.back(), std::string(width + 2 - heads.back().size(), ' '),
                  "Shows this help.\n");
  return out;
}

}  // namespace client
}  // namespace resolute
