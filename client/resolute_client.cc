#include "client/resolute_client.h"

#include <string>
#include <utility>

namespace resolute {
namespace client {

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

ResoluteClient::ResoluteClient(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)), stub_(v1::ResolutionParserService::NewStub(channel_)) {}

absl::StatusOr<v1::ParseResolutionResponse> ResoluteClient::Parse(
    const v1::ParseResolutionRequest& request, absl::Duration timeout) {
  grpc::ClientContext context;
  if (timeout != absl::InfiniteDuration()) {
    context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  }
  v1::ParseResolutionResponse response;
  grpc::Status status = stub_->ParseResolution(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

}  // namespace client
}  // namespace resolute
