// Test helper: calls the standard services a resolute server also serves
// (grpc.health.v1 and server reflection) without their generated stubs,
// through gRPC's generic stub and protobuf's wire format; and sends any bytes
// as messages of any method (to test how the server takes malformed ones).

#ifndef RESOLUTE_TESTS_SERVICE_GRPC_PROBE_H_
#define RESOLUTE_TESTS_SERVICE_GRPC_PROBE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace resolute {
namespace testing {

// grpc.health.v1.HealthCheckResponse.ServingStatus values.
enum HealthStatus { kUnknown = 0, kServing = 1, kNotServing = 2, kServiceUnknown = 3 };

// Calls grpc.health.v1.Health/Check for `service`; returns its status, or
// the call's error (NOT_FOUND for a service the server does not know).
absl::StatusOr<int> CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& service);

// Asks server reflection (grpc.reflection.v1alpha) for the list of services.
absl::StatusOr<std::vector<std::string>> ListServices(
    const std::shared_ptr<grpc::Channel>& channel);

// Asks server reflection for the file that defines `symbol` (a service or
// message full name); returns the serialized FileDescriptorProtos it sends
// (the file first, then its dependencies), or NOT_FOUND with the server's
// message when reflection cannot describe the symbol.
absl::StatusOr<std::vector<std::string>> DescribeSymbol(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& symbol);

// The outcome of a call made with raw messages.
struct RawCallResult {
  grpc::Status status;
  // The responses' bytes, in order.
  std::vector<std::string> responses;
};

// Calls the unary `method` ("/pkg.Service/Method") with `request` as the
// request message's bytes.
RawCallResult RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                           const std::string& method, const std::string& request);

// Calls the bidirectional streaming `method` writing `requests` (each the
// bytes of one message) one after the other, then half-closing, while reading
// every response; stops writing if the call ends first. 60 s deadline.
RawCallResult RawStreamCall(const std::shared_ptr<grpc::Channel>& channel,
                            const std::string& method, const std::vector<std::string>& requests);

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_SERVICE_GRPC_PROBE_H_
