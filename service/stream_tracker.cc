#include "service/stream_tracker.h"

#include <utility>
#include <vector>

namespace resolute {
namespace service {

uint64_t StreamTracker::Add(std::weak_ptr<Drainable> stream) {
  uint64_t id;
  bool draining;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    streams_.emplace(id, stream);
    draining = draining_;
  }
  if (draining) {
    if (std::shared_ptr<Drainable> s = stream.lock()) s->Drain();
  }
  return id;
}

void StreamTracker::Remove(uint64_t id) {
  absl::MutexLock lock(&mu_);
  streams_.erase(id);
}

void StreamTracker::DrainAll() {
  std::vector<std::weak_ptr<Drainable>> streams;
  {
    absl::MutexLock lock(&mu_);
    draining_ = true;
    for (const auto& [id, stream] : streams_) streams.push_back(stream);
  }
  for (const std::weak_ptr<Drainable>& weak : streams) {
    if (std::shared_ptr<Drainable> s = weak.lock()) s->Drain();
  }
}

size_t StreamTracker::size() const {
  absl::MutexLock lock(&mu_);
  return streams_.size();
}

}  // namespace service
}  // namespace resolute
