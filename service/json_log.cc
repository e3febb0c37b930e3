#include "service/json_log.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace resolute {
namespace service {
namespace {

// The length of the valid UTF-8 sequence at the start of `s`, or 0 if it
// does not start with one (overlongs, surrogates and values past U+10FFFF
// are invalid).
size_t Utf8SequenceLength(absl::string_view s) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto continuation = [&](size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (b0 == 0xE0 && byte(1) < 0xA0) return 0;   // Overlong.
    if (b0 == 0xED && byte(1) >= 0xA0) return 0;  // Surrogate.
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (b0 == 0xF0 && byte(1) < 0x90) return 0;   // Overlong.
    if (b0 == 0xF4 && byte(1) >= 0x90) return 0;  // Past U+10FFFF.
    return 4;
  }
  return 0;
}

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

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(text.substr(i));
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD for one invalid byte.
        ++i;
      } else {
        out->append(text.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char kHex[] = "0123456789abcdef";
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

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
