// Test helper: a resolute service on an in-process channel, and blocking
// helpers that run each of its calls to completion.

#ifndef RESOLUTE_TESTS_SERVICE_SERVICE_TEST_UTIL_H_
#define RESOLUTE_TESTS_SERVICE_SERVICE_TEST_UTIL_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/server.h"

namespace resolute {
namespace testing {

// Starts a server without a TCP port; aborts on failure.
std::unique_ptr<service::ResoluteServer> StartInProcessServer(service::ServiceOptions options);

// Starts a server on 127.0.0.1 with a free port; aborts on failure.
std::unique_ptr<service::ResoluteServer> StartLoopbackServer(service::ServiceOptions options);

// An in-process channel to `server` with no limit on message sizes.
std::shared_ptr<grpc::Channel> InProcessChannel(service::ResoluteServer* server);

// The outcome of a call.
struct CallResult {
  grpc::Status status;
  std::vector<v1::ParseResolutionResponse> responses;
};

// Sends `requests` on one StreamParseResolutions call (writing and reading
// concurrently) and returns everything it got. 60 s deadline.
CallResult StreamDocuments(v1::ResolutionParserService::Stub* stub,
                           const std::vector<v1::ParseResolutionRequest>& requests);

// Sends `archive` to ParseArchive: a header naming it `name`, then data
// messages of `chunk_bytes`. 60 s deadline.
CallResult SendArchive(v1::ResolutionParserService::Stub* stub, const std::string& archive,
                       size_t chunk_bytes, const std::string& name = "test-archive");

// Like SendArchive, with `header` (name, hints) as the header.
CallResult SendArchiveWithHints(v1::ResolutionParserService::Stub* stub, const std::string& archive,
                                size_t chunk_bytes, const v1::ParseArchiveRequest::Header& header);

// Sends `messages` as they are (any order of headers and data) on one
// ParseArchive call. 60 s deadline.
CallResult SendArchiveMessages(v1::ResolutionParserService::Stub* stub,
                               const std::vector<v1::ParseArchiveRequest>& messages);

// A request with `id` and `content`.
v1::ParseResolutionRequest MakeRequest(const std::string& id, const std::string& content);

// The same, for StreamParseResolutions.
v1::StreamParseResolutionsRequest MakeStreamRequest(const std::string& id,
                                                    const std::string& content);

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_SERVICE_SERVICE_TEST_UTIL_H_
