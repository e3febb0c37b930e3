// StreamTracker: the document streams in progress, so that a shutdown can
// tell each of them to stop reading (see ResolutionParserService::StartDrain).
//
//   tracker.Add(weak_stream);   // when a stream starts (drains it at once if
//                               // the drain has begun)
//   tracker.Remove(id);         // when it is destroyed
//   tracker.DrainAll();         // at shutdown
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_STREAM_TRACKER_H_
#define RESOLUTE_SERVICE_STREAM_TRACKER_H_

#include <cstdint>
#include <map>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace resolute {
namespace service {

// A stream that can be asked to stop taking new input.
class Drainable {
 public:
  virtual ~Drainable() = default;
  // Stops reading; what was read is still answered. Idempotent; called
  // without any of the tracker's locks held.
  virtual void Drain() = 0;
};

class StreamTracker {
 public:
  // Adds `stream` and returns its id for Remove. If DrainAll has run, the
  // stream is drained before Add returns.
  uint64_t Add(std::weak_ptr<Drainable> stream) ABSL_LOCKS_EXCLUDED(mu_);
  // Forgets the stream `id`.
  void Remove(uint64_t id) ABSL_LOCKS_EXCLUDED(mu_);
  // Drains every stream added, now and from now on.
  void DrainAll() ABSL_LOCKS_EXCLUDED(mu_);
  // The number of streams tracked.
  size_t size() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 0;
  bool draining_ ABSL_GUARDED_BY(mu_) = false;
  std::map<uint64_t, std::weak_ptr<Drainable>> streams_ ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_STREAM_TRACKER_H_
