// JSON logs: one JSON object per line, for log collectors.
//
//   Logger logger = Logger::Stderr(LogLevel::kInfo);
//   logger.Log(LogLevel::kInfo, "call finished",
//              {{"method", "resolute.v1.ResolutionParserService/ParseResolution"},
//               {"status", "OK"}, {"duration_ms", 12.5}});
//   // {"time":"2024-05-01T12:00:00.123Z","level":"info","message":"call finished",
//   //  "method":"resolute.v1.ResolutionParserService/ParseResolution","status":"OK","duration_ms":12.5}
//
// Every line starts with `time` (RFC 3339, UTC, milliseconds), `level`
// (debug, info, warning, error) and `message`, followed by the fields in the
// order given. Strings are escaped as JSON requires and bytes that are not
// UTF-8 become U+FFFD, so every line parses whatever a caller passes. Lines
// below the logger's level are dropped before they are formatted.
//
// LogLevel is also an absl flag type: ABSL_FLAG(LogLevel, log_level, ...)
// accepts "debug", "info", "warning" and "error".

#ifndef RESOLUTE_SERVICE_JSON_LOG_H_
#define RESOLUTE_SERVICE_JSON_LOG_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <variant>

#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace resolute {
namespace service {

// How serious a log line is, in increasing order.
enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Returns "debug", "info", "warning" or "error".
absl::string_view LogLevelName(LogLevel level);

// absl flag support: parses "debug", "info", "warning" (or "warn"), "error"
// in any case; returns false with `*error` set otherwise.
bool AbslParseFlag(absl::string_view text, LogLevel* level, std::string* error);
// absl flag support: the level's name.
std::string AbslUnparseFlag(LogLevel level);

// One key and its value in a log line. A value is a string, an integer, a
// floating-point number (NaN and infinities print as null) or a boolean.
struct LogField {
  LogField(absl::string_view key, absl::string_view value) : key(key), value(std::string(value)) {}
  LogField(absl::string_view key, const std::string& value) : key(key), value(value) {}
  LogField(absl::string_view key, const char* value) : key(key), value(std::string(value)) {}
  LogField(absl::string_view key, int value) : key(key), value(int64_t{value}) {}
  LogField(absl::string_view key, int64_t value) : key(key), value(value) {}
  LogField(absl::string_view key, uint64_t value)
      : key(key), value(static_cast<int64_t>(value)) {}
  LogField(absl::string_view key, double value) : key(key), value(value) {}
  LogField(absl::string_view key, bool value) : key(key), value(value) {}

  absl::string_view key;
  std::variant<std::string, int64_t, double, bool> value;
};

// Formats `t` as RFC 3339 in UTC with milliseconds: "2024-05-01T12:00:00.123Z".
std::string FormatLogTime(absl::Time t);

// Writes JSON log lines to a sink. Thread-safe: each line is formatted first
// and handed to the sink whole, under a mutex, so lines never interleave.
class Logger {
 public:
  // Receives one complete line, newline included.
  using Sink = std::function<void(absl::string_view line)>;
  // Returns the time to stamp a line with.
  using Clock = std::function<absl::Time()>;

  // A logger writing lines at `level` or above to `sink`; `clock` defaults
  // to absl::Now.
  Logger(Sink sink, LogLevel level, Clock clock = nullptr);

  // A logger writing to standard error (one write per line).
  static Logger Stderr(LogLevel level);

  Logger(Logger&& other);
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  // Whether lines at `level` are written.
  bool Enabled(LogLevel level) const {
    return static_cast<int>(level) >= level_.load(std::memory_order_relaxed);
  }

  // Changes the level; thread-safe.
  void set_level(LogLevel level) { level_.store(static_cast<int>(level)); }
  LogLevel level() const { return static_cast<LogLevel>(level_.load()); }

  // Writes one line at `level` if enabled. Field keys should be distinct and
  // not "time", "level" or "message".
  void Log(LogLevel level, absl::string_view message, std::initializer_list<LogField> fields = {});

  // Shorthands for Log at each level.
  void Debug(absl::string_view message, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kDebug, message, fields);
  }
  void Info(absl::string_view message, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kInfo, message, fields);
  }
  void Warning(absl::string_view message, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kWarning, message, fields);
  }
  void Error(absl::string_view message, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kError, message, fields);
  }

  // Returns the line Log would write, newline included (for tests and for
  // writing where the sink is not wanted).
  std::string Format(LogLevel level, absl::string_view message,
                     std::initializer_list<LogField> fields) const;

 private:
  Sink sink_;
  Clock clock_;
  std::atomic<int> level_;
  absl::Mutex mu_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_JSON_LOG_H_
