#include "service/arena_messages.h"

#include <utility>

namespace resolute {
namespace service {
namespace {

class ArenaHolder final
    : public grpc::MessageHolder<v1::ParseResolutionRequest, v1::ParseResolutionResponse> {
 public:
  ArenaHolder() : arena_(DocumentArenaOptions()) {
    set_request(google::protobuf::Arena::CreateMessage<v1::ParseResolutionRequest>(&arena_));
    set_response(google::protobuf::Arena::CreateMessage<v1::ParseResolutionResponse>(&arena_));
  }
  void Release() override { delete this; }

 private:
  google::protobuf::Arena arena_;
};

}  // namespace

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

grpc::MessageHolder<v1::ParseResolutionRequest, v1::ParseResolutionResponse>*
UnaryArenaAllocator::AllocateMessages() {
  return new ArenaHolder();
}

}  // namespace service
}  // namespace resolute
