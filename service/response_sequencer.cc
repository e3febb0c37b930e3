#include "service/response_sequencer.h"

#include <utility>

namespace resolute {
namespace service {

uint64_t ResponseSequencer::Reserve() {
  const uint64_t ticket = next_ticket_++;
  ++outstanding_;
  if (order_ == Order::kReservation) by_ticket_.emplace(ticket, std::nullopt);
  return ticket;
}

void ResponseSequencer::Complete(uint64_t ticket, ArenaResponse response) {
  if (order_ == Order::kCompletion) {
    ready_.push_back(std::move(response));
    return;
  }
  auto it = by_ticket_.find(ticket);
  if (it != by_ticket_.end()) it->second = std::move(response);
}

void ResponseSequencer::DiscardReady() {
  ArenaResponse discarded;
  while (PopReady(&discarded)) {
  }
}

bool ResponseSequencer::PopReady(ArenaResponse* out) {
  if (order_ == Order::kCompletion) {
    if (ready_.empty()) return false;
    *out = std::move(ready_.front());
    ready_.pop_front();
  } else {
    if (by_ticket_.empty() || !by_ticket_.begin()->second.has_value()) return false;
    *out = std::move(*by_ticket_.begin()->second);
    by_ticket_.erase(by_ticket_.begin());
  }
  --outstanding_;
  return true;
}

}  // namespace service
}  // namespace resolute
