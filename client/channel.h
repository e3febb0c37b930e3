// The channel the reference client uses to reach resolute.
//
//   std::shared_ptr<grpc::Channel> channel = CreateResoluteChannel("dns:///resolute:50051");
//
// Round-robin load balancing over every address the target resolves to (so
// a headless Kubernetes Service spreads calls over all pods), no limit on the
// size of responses, and quick reconnection after a server restart.
//
// Plaintext by default; TLS (and mutual TLS) with credentials from
// ChannelCredentialsFor:
//
//   ChannelTls tls{.ca_file = "ca.pem", .cert_file = "client.pem", .key_file = "client.key"};
//   absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> creds = ChannelCredentialsFor(tls);
//   auto channel = CreateResoluteChannel("resolute:50051", *creds);

#ifndef RESOLUTE_CLIENT_CHANNEL_H_
#define RESOLUTE_CLIENT_CHANNEL_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

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

// The same with `credentials` (see ChannelCredentialsFor).
std::shared_ptr<grpc::Channel> CreateResoluteChannel(
    const std::string& target, std::shared_ptr<grpc::ChannelCredentials> credentials);

// TLS files of the client; all empty means plaintext.
struct ChannelTls {
  // PEM CA certificates that sign the server's certificate; empty means the
  // system's roots (when TLS is on because of cert_file).
  std::string ca_file;
  // PEM client certificate chain, for servers that require one (mutual TLS).
  std::string cert_file;
  // PEM private key of cert_file.
  std::string key_file;

  bool enabled() const { return !ca_file.empty() || !cert_file.empty() || !key_file.empty(); }
};

// Returns insecure credentials when `tls` is not enabled, TLS credentials
// otherwise. INVALID_ARGUMENT if only one of cert_file and key_file is
// given, or a file cannot be read or holds no PEM data.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ChannelCredentialsFor(
    const ChannelTls& tls);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_CHANNEL_H_
