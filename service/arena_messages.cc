#include "service/arena_messages.h"

#include <utility>

namespace resolute {
namespace service {
google::protobuf::ArenaOptions DocumentArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 16 << 10;
  options.max_block_size = 32 << 10;
  return options;
}

ArenaResponse ArenaResponse::New() {
  ArenaResponse response;
  response.arena_ = std::make_unique<google::protobuf::Arena>(DocumentArenaOptions());
  response.message_ =
      google::protobuf::Arena::CreateMessage<v1::ParseResolutionResponse>(response.arena_.get());
  return response;
}

ArenaResponse::ArenaResponse(ArenaResponse&& other) noexcept
    : arena_(std::move(other.arena_)), message_(std::exchange(other.message_, nullptr)) {}

ArenaResponse& ArenaResponse::operator=(ArenaResponse&& other) noexcept {
  if (this != &other) {
    message_ = std::exchange(other.message_, nullptr);
    arena_ = std::move(other.arena_);
  }
  return *this;
}

void ArenaResponse::Reset() {
  message_ = nullptr;
  arena_.reset();
}

}  // namespace service
}  // namespace resolute
