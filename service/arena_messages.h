// Messages of the service allocated on protobuf arenas (the protos set
// cc_enable_arenas). A parsed resolution is hundreds of small messages and
// strings; on an arena they come from a bump allocator and are freed all at
// once with it, instead of one malloc and one free each.
//
//   ArenaResponse response = ArenaResponse::New();  // an arena and a message
//   parser.ParseToResponse(request, response.get());
//   sequencer.Complete(ticket, std::move(response));  // moves the arena
//
// Unary calls put their request and response on an arena of the same
// options (service/unary_parse_call.h).

#ifndef RESOLUTE_SERVICE_ARENA_MESSAGES_H_
#define RESOLUTE_SERVICE_ARENA_MESSAGES_H_

#include <memory>

#include "google/protobuf/arena.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace service {

// The arena settings for one document's messages: blocks of 16 to 32 KiB
// (a median resolution fits in a few; each stays below glibc's 64 KiB
// threshold at which a free consolidates the whole heap).
google::protobuf::ArenaOptions DocumentArenaOptions();

// A ParseResolutionResponse that owns the arena it lives on. Movable (moves
// the arena, never copies the message); empty after a move.
class ArenaResponse {
 public:
  // Returns a new arena with an empty response on it.
  static ArenaResponse New();
  // Holds nothing.
  ArenaResponse() = default;
  ArenaResponse(ArenaResponse&& other) noexcept;
  ArenaResponse& operator=(ArenaResponse&& other) noexcept;

  // The response; null if empty.
  v1::ParseResolutionResponse* get() const { return message_; }
  v1::ParseResolutionResponse* operator->() const { return message_; }
  v1::ParseResolutionResponse& operator*() const { return *message_; }
  // Whether this holds no response (moved from, or released).
  bool empty() const { return message_ == nullptr; }
  // Frees the arena and the response.
  void Reset();

 private:
  std::unique_ptr<google::protobuf::Arena> arena_;
  v1::ParseResolutionResponse* message_ = nullptr;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_ARENA_MESSAGES_H_
