#include "service/memory_budget.h"

#include <cstring>
#include <fstream>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/error_reason.h"

namespace resolute {
namespace service {
namespace {

// The share of the container's limit that parses may take, in percent; the
// rest is for the server's baseline (about 20 MB), gRPC's buffers and
// requests received but not yet admitted (each worker holds at most one
// decoded request while it waits); deploy/README.md.
constexpr int64_t kBudgetPercentOfLimit = 65;

// Reads one integer from the file at `path`; 0 if absent, "max" or unreadable.
int64_t ReadLimit(const char* path) {
  std::ifstream in(path);
  std::string text;
  if (!std::getline(in, text)) return 0;
  int64_t value = 0;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(text), &value) || value <= 0) return 0;
  // cgroup v1 reports "no limit" as a huge number near INT64_MAX.
  if (value >= (int64_t{1} << 60)) return 0;
  return value;
}

}  // namespace

MemoryBudget::Lease::Lease(Lease&& other) noexcept
    : budget_(std::exchange(other.budget_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

MemoryBudget::Lease& MemoryBudget::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (budget_ != nullptr) budget_->Release(bytes_);
    budget_ = std::exchange(other.budget_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
  }
  return *this;
}

MemoryBudget::Lease::~Lease() {
  if (budget_ != nullptr) budget_->Release(bytes_);
}

MemoryBudget::MemoryBudget(int64_t budget_bytes) : budget_(budget_bytes > 0 ? budget_bytes : 0) {}

absl::StatusOr<MemoryBudget::Lease> MemoryBudget::Acquire(int64_t bytes, absl::Duration wait) {
  if (budget_ == 0 || bytes <= 0) return Lease();
  if (absl::Status reserved = Reserve(bytes, bytes, wait); !reserved.ok()) return reserved;
  return Lease(this, bytes);
}

absl::Status MemoryBudget::Grow(Lease* lease, int64_t total_bytes, absl::Duration wait) {
  if (budget_ == 0 || total_bytes <= lease->bytes_) return absl::OkStatus();
  const int64_t extra = total_bytes - lease->bytes_;
  if (absl::Status reserved = Reserve(total_bytes, extra, wait); !reserved.ok()) return reserved;
  lease->budget_ = this;
  lease->bytes_ = total_bytes;
  return absl::OkStatus();
}

absl::Status MemoryBudget::Reserve(int64_t total, int64_t extra, absl::Duration wait) {
  if (total > budget_) {
    return WithErrorReason(
        absl::ResourceExhaustedError(absl::StrCat(
            "parsing this document needs about ", total, " bytes of memory, more than the ",
            budget_, " bytes this server parses with; send smaller documents")),
        "MEMORY_BUDGET_EXCEEDED", "content",
        {{"needed_bytes", absl::StrCat(total)}, {"budget_bytes", absl::StrCat(budget_)}});
  }
  absl::MutexLock lock(&mu_);
  const auto fits = [this, extra]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return in_use_ + extra <= budget_;
  };
  if (!mu_.AwaitWithTimeout(absl::Condition(&fits), wait)) {
    return WithErrorReason(
        absl::UnavailableError(absl::StrCat(
            "the server's memory budget is taken by documents being parsed (", in_use_, " of ",
            budget_, " bytes); retry later")),
        "SERVER_MEMORY_BUSY", "",
        {{"needed_bytes", absl::StrCat(total)}, {"budget_bytes", absl::StrCat(budget_)}});
  }
  in_use_ += extra;
  return absl::OkStatus();
}

int64_t MemoryBudget::in_use() const {
  absl::MutexLock lock(&mu_);
  return in_use_;
}

void MemoryBudget::Release(int64_t bytes) {
  absl::MutexLock lock(&mu_);
  in_use_ -= bytes;
}

int64_t ParseMemoryCharge(absl::string_view content, int64_t per_content_byte,
                          int64_t per_line_break) {
  int64_t breaks = 0;
  const char* const end = content.data() + content.size();
  for (const char c : {'\n', '\r', '\f'}) {
    const char* p = content.data();
    while (p < end) {
      const void* hit = std::memchr(p, c, static_cast<size_t>(end - p));
      if (hit == nullptr) break;
      p = static_cast<const char*>(hit) + 1;
      // "\r\n" is one line break, as the parser reads it; its "\n" counts.
      if (c != '\r' || p == end || *p != '\n') ++breaks;
    }
  }
  return MemoryCharge(static_cast<int64_t>(content.size()), breaks, per_content_byte,
                      per_line_break);
}

int64_t ContainerMemoryLimit() {
  const int64_t v2 = ReadLimit("/sys/fs/cgroup/memory.max");
  if (v2 > 0) return v2;
  return ReadLimit("/sys/fs/cgroup/memory/memory.limit_in_bytes");
}

int64_t DefaultMemoryBudget(int64_t limit_bytes) {
  if (limit_bytes <= 0) return 0;
  return limit_bytes / 100 * kBudgetPercentOfLimit;
}

}  // namespace service
}  // namespace resolute
