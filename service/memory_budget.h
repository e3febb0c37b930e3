// MemoryBudget: admission of documents by the memory their parse needs.
//
// Parsing a document takes several times its size at its peak (the request,
// the normalised text, its lines, the model and the serialised response).
// Parses that would together need more than the server's budget wait for
// memory to be released, and give up after a while, instead of pushing the
// process past its container's limit (an OOM kill loses every call in flight
// on the replica).
//
//   MemoryBudget budget(512 << 20);
//   absl::StatusOr<MemoryBudget::Lease> lease =
//       budget.Acquire(cost, absl::Seconds(5));
//   if (!lease.ok()) return lease.status();  // RESOURCE_EXHAUSTED or UNAVAILABLE
//   Parse();                                  // the lease is released with it
//
// The budget is derived from the container's memory limit
// (DefaultMemoryBudget); deploy/README.md gives the figures per overlay.

#ifndef RESOLUTE_SERVICE_MEMORY_BUDGET_H_
#define RESOLUTE_SERVICE_MEMORY_BUDGET_H_

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace resolute {
namespace service {

class MemoryBudget {
 public:
  // Bytes held from a budget until destroyed (or moved from).
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();

   private:
    friend class MemoryBudget;
    Lease(MemoryBudget* budget, int64_t bytes) : budget_(budget), bytes_(bytes) {}
    MemoryBudget* budget_ = nullptr;
    int64_t bytes_ = 0;
  };

  // A budget of `budget_bytes`; 0 or less means unlimited.
  explicit MemoryBudget(int64_t budget_bytes);

  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  // Reserves `bytes`, waiting up to `wait` while other leases hold the
  // budget. Returns RESOURCE_EXHAUSTED (reason MEMORY_BUDGET_EXCEEDED) at
  // once if `bytes` is more than the whole budget (the work can never run on
  // this server), and UNAVAILABLE (reason SERVER_MEMORY_BUSY, which carries
  // RetryInfo) if the bytes were not free within `wait`.
  absl::StatusOr<Lease> Acquire(int64_t bytes, absl::Duration wait) ABSL_LOCKS_EXCLUDED(mu_);

  // Makes `lease` (empty, or from this budget) hold `total_bytes` if it holds
  // fewer, waiting up to `wait` for the difference; for work whose cost is
  // known only once it has begun (a PDF's text, once extracted). The errors
  // are Acquire's, for `total_bytes`; on error `lease` is unchanged.
  absl::Status Grow(Lease* lease, int64_t total_bytes, absl::Duration wait)
      ABSL_LOCKS_EXCLUDED(mu_);

  // The budget; 0 if unlimited.
  int64_t budget() const { return budget_; }
  // Bytes held by leases now.
  int64_t in_use() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  // Adds `extra` bytes to in_use_ for work that will hold `total` in all,
  // waiting up to `wait`; Acquire's errors.
  absl::Status Reserve(int64_t total, int64_t extra, absl::Duration wait)
      ABSL_LOCKS_EXCLUDED(mu_);
  void Release(int64_t bytes) ABSL_LOCKS_EXCLUDED(mu_);

  const int64_t budget_;
  mutable absl::Mutex mu_;
  int64_t in_use_ ABSL_GUARDED_BY(mu_) = 0;
};

// What one parse is charged, from bench/peak_memory.cc (VmHWM - baseline of
// a fresh process parsing one 16 MiB document on the unary call's path:
// request bytes, decoded content, normalised text, lines, model, Akoma
// Ntoso, serialised response; figures in bench/README.md, "Peak memory per
// document"). The peak grows with the bytes and, apart from them, with the
// lines (each line may become a paragraph with its messages, eid and spans,
// or a table cell). In the server process a document costs more than on
// that path alone (gRPC holds the requests not yet admitted, and the
// responses being sent). A parse is charged kMemoryPerContentByte per byte
// plus kMemoryPerLineBreak per line break ("\n", "\r\n", "\r" or "\f"): the
// byte charge is 50 % above the worst per-byte peak measured (text without
// line breaks), for that overhead, and the line charge is above the worst
// per-line cost measured ("1.\n" repeated, every line a paragraph), so that
// no shape measured exceeds its charge (deploy/README.md gives what each
// overlay admits; tests/e2e/memory_e2e_test.cc checks the dev overlay's
// peak).
inline constexpr int64_t kMemoryPerContentByte = 6;
inline constexpr int64_t kMemoryPerLineBreak = 1024;

// The memory a parse of a text of `bytes` bytes and `line_breaks` line
// breaks is charged (see above).
inline int64_t MemoryCharge(int64_t bytes, int64_t line_breaks,
                            int64_t per_content_byte = kMemoryPerContentByte,
                            int64_t per_line_break = kMemoryPerLineBreak) {
  return bytes * per_content_byte + line_breaks * per_line_break;
}

// The memory a parse of `content` is charged (see above); counts its line
// breaks (memchr, a few milliseconds for 16 MiB).
int64_t ParseMemoryCharge(absl::string_view content,
                          int64_t per_content_byte = kMemoryPerContentByte,
                          int64_t per_line_break = kMemoryPerLineBreak);

// Returns the memory limit of this process's control group (cgroup v2
// memory.max, else cgroup v1 memory.limit_in_bytes), or 0 if there is none.
int64_t ContainerMemoryLimit();

// Returns the budget for a process limited to `limit_bytes` (0: no limit,
// and an unlimited budget): the limit less what the server holds besides
// parses (its baseline, gRPC's buffers, requests received and not parsed),
// taken as a fixed share of the limit (kBudgetPercentOfLimit).
int64_t DefaultMemoryBudget(int64_t limit_bytes);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_MEMORY_BUDGET_H_
