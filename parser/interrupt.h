// Interrupt: whether a parse must stop before its end, because its deadline
// has passed or its caller has cancelled it.
//
//   Interrupt interrupt(options.deadline, options.cancelled);
//   for (size_t i = 0; i < lines.size(); ++i) {
//     if (Stopped(&interrupt)) break;   // asks the clock now and then only
//     ...
//   }
//   if (interrupt.CheckNow()) return interrupt.status();  // between stages
//
// Stages take an `Interrupt*` that may be null (never stop) and leave their
// loops early once it says so; their results are then incomplete, and the
// parser returns the interrupt's status instead of them.

#ifndef RESOLUTE_PARSER_INTERRUPT_H_
#define RESOLUTE_PARSER_INTERRUPT_H_

#include <cstdint>
#include <functional>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace resolute {

// The stop conditions of one parse, and whether one has been met. Not
// thread-safe: one parse, one thread.
class Interrupt {
 public:
  // Loops ask the clock and the caller once per this many calls of Check.
  static constexpr uint32_t kStride = 256;

  // Never stops.
  Interrupt() = default;

  // Stops once `deadline` has passed, or once `cancelled` (if set) returns
  // true.
  Interrupt(absl::Time deadline, std::function<bool()> cancelled)
      : deadline_(deadline), cancelled_(std::move(cancelled)) {}

  // Checks the stop conditions on every kStride-th call (and on the first);
  // true once one has been met. Cheap enough for a loop over lines.
  bool Check() {
    if (!status_.ok()) return true;
    if (calls_++ % kStride != 0) return false;
    return CheckNow();
  }

  // Checks the stop conditions now; true once one has been met.
  bool CheckNow() {
    if (!status_.ok()) return true;
    if (cancelled_ && cancelled_()) {
      status_ = absl::CancelledError("the parse was cancelled");
    } else if (deadline_ != absl::InfiniteFuture() && absl::Now() >= deadline_) {
      status_ = absl::DeadlineExceededError("the parse passed its deadline");
    }
    return !status_.ok();
  }

  // OK until a stop condition has been met; then CANCELLED or
  // DEADLINE_EXCEEDED.
  const absl::Status& status() const { return status_; }

 private:
  absl::Time deadline_ = absl::InfiniteFuture();
  std::function<bool()> cancelled_;
  uint32_t calls_ = 0;
  absl::Status status_;
};

// True if `interrupt` is set and says to stop (Interrupt::Check).
inline bool Stopped(Interrupt* interrupt) {
  return interrupt != nullptr && interrupt->Check();
}

}  // namespace resolute

#endif  // RESOLUTE_PARSER_INTERRUPT_H_
