#include "service/json_log.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/json_string.h"

namespace resolute {
namespace service {
namespace {

void AppendNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char buffer[64];
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out->append(buffer, r.ptr);
}

void AppendValue(const LogField& field, std::string* out) {
  if (const auto* s = std::get_if<std::string>(&field.value)) {
    AppendJsonString(*s, out);
  } else if (const auto* i = std::get_if<int64_t>(&field.value)) {
    absl::StrAppend(out, *i);
  } else if (const auto* d = std::get_if<double>(&field.value)) {
    AppendNumber(*d, out);
  } else {
    out->append(std::get<bool>(field.value) ? "true" : "false");
  }
}

}  // namespace

absl::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

bool AbslParseFlag(absl::string_view text, LogLevel* level, std::string* error) {
  const std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (name == "debug") {
    *level = LogLevel::kDebug;
  } else if (name == "info") {
    *level = LogLevel::kInfo;
  } else if (name == "warning" || name == "warn") {
    *level = LogLevel::kWarning;
  } else if (name == "error") {
    *level = LogLevel::kError;
  } else {
    *error = "must be one of debug, info, warning, error";
    return false;
  }
  return true;
}

std::string AbslUnparseFlag(LogLevel level) { return std::string(LogLevelName(level)); }

std::string FormatLogTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", t, absl::UTCTimeZone());
}

Logger::Logger(Sink sink, LogLevel level, Clock clock)
    : sink_(std::move(sink)),
      clock_(clock ? std::move(clock) : Clock([] { return absl::Now(); })),
      level_(static_cast<int>(level)) {}

Logger::Logger(Logger&& other)
    : sink_(std::move(other.sink_)),
      clock_(std::move(other.clock_)),
      level_(other.level_.load()) {}

Logger Logger::Stderr(LogLevel level) {
  return Logger(
      [](absl::string_view line) {
        // One write(2) per line: lines stay whole even next to other writers.
        size_t done = 0;
        while (done < line.size()) {
          const ssize_t n = write(STDERR_FILENO, line.data() + done, line.size() - done);
          if (n <= 0) return;
          done += static_cast<size_t>(n);
        }
      },
      level);
}

std::string Logger::Format(LogLevel level, absl::string_view message,
                           std::initializer_list<LogField> fields) const {
  std::string line;
  line.reserve(128 + message.size());
  line.append("{\"time\":\"");
  line.append(FormatLogTime(clock_()));
  line.append("\",\"level\":\"");
  line.append(LogLevelName(level).data(), LogLevelName(level).size());
  line.append("\",\"message\":");
  AppendJsonString(message, &line);
  for (const LogField& field : fields) {
    line.push_back(',');
    AppendJsonString(field.key, &line);
    line.push_back(':');
    AppendValue(field, &line);
  }
  line.append("}\n");
  return line;
}

void Logger::Log(LogLevel level, absl::string_view message,
                 std::initializer_list<LogField> fields) {
  if (!Enabled(level)) return;
  const std::string line = Format(level, message, fields);
  absl::MutexLock lock(&mu_);
  sink_(line);
}

}  // namespace service
}  // namespace resolute
