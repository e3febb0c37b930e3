// ResponseSequencer: decides which concurrently produced response a stream
// writes next.
//
// A streaming call reserves a ticket for every response it will produce, the
// responses are completed by worker threads in any order, and the call writes
// them one at a time as PopReady releases them: in completion order (the
// document stream, where responses may be reordered) or in reservation order
// (the archive stream, which answers in archive order).
//
//   ResponseSequencer sequencer(ResponseSequencer::Order::kReservation);
//   uint64_t t1 = sequencer.Reserve(), t2 = sequencer.Reserve();
//   sequencer.Complete(t2, std::move(r2));
//   sequencer.PopReady(&out);  // false: t1 comes first
//   sequencer.Complete(t1, std::move(r1));
//   sequencer.PopReady(&out);  // r1, then r2
//
// Responses live on their own arenas (ArenaResponse) and are moved, never
// copied. Not thread-safe: the owning call serialises access with its own
// mutex.

#ifndef RESOLUTE_SERVICE_RESPONSE_SEQUENCER_H_
#define RESOLUTE_SERVICE_RESPONSE_SEQUENCER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>

#include "service/arena_messages.h"

namespace resolute {
namespace service {

class ResponseSequencer {
 public:
  // The order in which completed responses are released.
  enum class Order {
    // As soon as each is completed.
    kCompletion,
    // In the order their tickets were reserved.
    kReservation,
  };

  explicit ResponseSequencer(Order order) : order_(order) {}

  // Reserves the place of a response still to be produced; returns its ticket.
  uint64_t Reserve();

  // Stores the response for `ticket`, which must be reserved and not yet
  // completed.
  void Complete(uint64_t ticket, ArenaResponse response);

  // Moves the next response that may be written into `*out` and returns true;
  // returns false if none is releasable yet.
  bool PopReady(ArenaResponse* out);

  // Frees every response PopReady would release now (a cancelled call's,
  // which nobody will read).
  void DiscardReady();

  // Responses reserved and not yet popped (still being produced, or completed
  // but held back or unwritten).
  size_t outstanding() const { return outstanding_; }

 private:
  const Order order_;
  uint64_t next_ticket_ = 0;
  size_t outstanding_ = 0;
  // kReservation: every reserved ticket not yet popped, completed or not.
  std::map<uint64_t, std::optional<ArenaResponse>> by_ticket_;
  // kCompletion: completed responses not yet popped.
  std::deque<ArenaResponse> ready_;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_RESPONSE_SEQUENCER_H_
