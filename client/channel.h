// The channel the reference client uses to reach resolute.
//
//   std::shared_ptr<grpc::Channel> channel = CreateResoluteChannel("dns:///resolute:50051");
//
// Round-robin load balancing over every address the target resolves to (so
// a headless Kubernetes Service spreads calls over all pods), no limit on the
// size of responses, and quick reconnection after a server restart.

#ifndef RESOLUTE_CLIENT_CHANNEL_H_
#define RESOLUTE_CLIENT_CHANNEL_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

namespace resolute {
namespace client {

// The service config that selects round-robin load balancing.
inline constexpr char kRoundRobinServiceConfig[] =
    R"({"loadBalancingConfig":[{"round_robin":{}}]})";

// Returns the channel arguments described above.
grpc::ChannelArguments ResoluteChannelArguments();

// Returns an insecure channel to `target` ("host:port", "dns:///host:port",
// "ipv4:127.0.0.1:50051,127.0.0.1:50052", ...) with those arguments.
std::shared_ptr<grpc::Channel> CreateResoluteChannel(const std::string& target);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_CHANNEL_H_
