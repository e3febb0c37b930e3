#include "client/run_summary.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace resolute {
namespace client {

std::string StatusCodeName(int code) {
  if (code < 0 || code > 16) return absl::StrCat("CODE_", code);
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

RunSummary::RunSummary(int64_t inputs) : inputs_(inputs) {}

void RunSummary::Parsed(int64_t bytes) {
  absl::MutexLock lock(&mu_);
  ++parsed_;
  bytes_ += bytes;
}

void RunSummary::AddBytes(int64_t bytes) {
  absl::MutexLock lock(&mu_);
  bytes_ += bytes;
}

void RunSummary::Failed(int code, bool connection) {
  absl::MutexLock lock(&mu_);
  ++failed_;
  ++failures_by_code_[code];
  connection_failed_ = connection_failed_ || connection;
}

void RunSummary::Skipped() {
  absl::MutexLock lock(&mu_);
  ++skipped_;
}

void RunSummary::Retried(int64_t n) {
  absl::MutexLock lock(&mu_);
  retries_ += n;
}

void RunSummary::CallFailed(int code, const std::string& message, bool connection) {
  absl::MutexLock lock(&mu_);
  call_error_ = absl::StrCat(StatusCodeName(code), ": ", message);
  connection_failed_ = connection_failed_ || connection;
}

std::string RunSummary::Line(absl::Duration elapsed) const {
  absl::MutexLock lock(&mu_);
  const int64_t accounted = parsed_ + failed_ + skipped_;
  const int64_t total = inputs_ >= 0 ? inputs_ : accounted;
  std::string line = absl::StrCat(total, total == 1 ? " document: " : " documents: ", parsed_,
                                  " parsed, ", failed_, " failed");
  if (!failures_by_code_.empty()) {
    std::vector<std::string> parts;
    for (const auto& [code, n] : failures_by_code_) {
      parts.push_back(absl::StrCat(StatusCodeName(code), " ", n));
    }
    absl::StrAppend(&line, " (", absl::StrJoin(parts, ", "), ")");
  }
  absl::StrAppend(&line, ", ", skipped_, " skipped");
  if (accounted != total) absl::StrAppend(&line, ", ", total - accounted, " UNACCOUNTED");
  const double seconds = absl::ToDoubleSeconds(elapsed);
  absl::StrAppend(&line, absl::StrFormat("; %.1f MB in %.1f s", bytes_ / 1e6, seconds));
  if (seconds > 0) absl::StrAppend(&line, absl::StrFormat(", %.1f docs/s", parsed_ / seconds));
  if (retries_ > 0) absl::StrAppend(&line, "; ", retries_, retries_ == 1 ? " retry" : " retries");
  if (!call_error_.empty()) absl::StrAppend(&line, "; call failed: ", call_error_);
  return line;
}

int RunSummary::ExitCode() const {
  absl::MutexLock lock(&mu_);
  if (connection_failed_) return kExitUsageOrConnection;
  if (failed_ > 0 || !call_error_.empty()) return kExitSomeFailed;
  if (inputs_ >= 0 && parsed_ + skipped_ < inputs_) return kExitSomeFailed;
  return kExitOk;
}

int64_t RunSummary::parsed() const {
  absl::MutexLock lock(&mu_);
  return parsed_;
}

int64_t RunSummary::failed() const {
  absl::MutexLock lock(&mu_);
  return failed_;
}

int64_t RunSummary::skipped() const {
  absl::MutexLock lock(&mu_);
  return skipped_;
}

}  // namespace client
}  // namespace resolute
