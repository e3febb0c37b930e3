// ResoluteClient: calls resolute.v1.ResolutionParserService one document at a time.
//
//   ResoluteClient client(CreateResoluteChannel("localhost:50051"));
//   v1::ParseResolutionRequest request;
//   request.set_content(text);
//   absl::StatusOr<v1::ParseResolutionResponse> response = client.Parse(request);
//
// Bulk work goes through BulkParser (document streams) and ArchiveUploader
// (archive streams), which take the same channel.

#ifndef RESOLUTE_CLIENT_RESOLUTE_CLIENT_H_
#define RESOLUTE_CLIENT_RESOLUTE_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace client {

// Returns `status` as an absl::Status (same code and message).
absl::Status FromGrpcStatus(const grpc::Status& status);

class ResoluteClient {
 public:
  explicit ResoluteClient(std::shared_ptr<grpc::Channel> channel);

  // Parses one document with a unary call that waits at most `timeout`.
  // Returns the call's error: the server's (INVALID_ARGUMENT, RESOURCE_EXHAUSTED)
  // or the transport's (UNAVAILABLE, DEADLINE_EXCEEDED). Not retried.
  absl::StatusOr<v1::ParseResolutionResponse> Parse(
      const v1::ParseResolutionRequest& request, absl::Duration timeout = absl::InfiniteDuration());

  // The channel the client was made with.
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_RESOLUTE_CLIENT_H_
