// ResoluteServer: a running gRPC server with the resolute service, standard
// health checking (grpc.health.v1) and server reflection.
//
//   absl::StatusOr<std::unique_ptr<ResoluteServer>> server =
//       ResoluteServer::Start(ServerOptions{.port = 0});
//   std::cout << "listening on " << (*server)->address() << "\n";
//   (*server)->Wait();
//
// Health reports SERVING for "" (the whole server) and for
// "resolute.v1.ResolutionParser" once started, NOT_SERVING after Shutdown.

#ifndef RESOLUTE_SERVICE_SERVER_H_
#define RESOLUTE_SERVICE_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/resolution_parser_service.h"

namespace resolute {
namespace service {

// The full name of the service, as used by health checks and reflection.
inline constexpr char kServiceName[] = "resolute.v1.ResolutionParser";

// Options of ResoluteServer.
struct ServerOptions {
  // Address to listen on ("0.0.0.0", "127.0.0.1", "::").
  std::string address = "0.0.0.0";
  // TCP port; 0 picks a free one; -1 opens none (in-process channels only).
  int port = 50051;
  // Largest request message accepted (a document or an archive chunk).
  int max_message_bytes = 64 << 20;
  // The service's options.
  ServiceOptions service;
};

class ResoluteServer {
 public:
  // Builds and starts a server. Returns UNAVAILABLE if the port cannot be
  // bound.
  static absl::StatusOr<std::unique_ptr<ResoluteServer>> Start(ServerOptions options);

  // Shuts down (see Shutdown) if still running.
  ~ResoluteServer();

  // The port bound (the one picked when `port` was 0); -1 without one.
  int port() const { return port_; }
  // "host:port" as bound ("0.0.0.0:50051", "[::]:50051").
  std::string address() const;

  // A channel to this server that does not go through the network.
  std::shared_ptr<grpc::Channel> InProcessChannel(const grpc::ChannelArguments& args = {});

  // Marks the server NOT_SERVING, stops accepting calls and waits for calls
  // in flight until `grace` has passed, then cancels those left. Idempotent.
  void Shutdown(absl::Duration grace);

  // Blocks until the server has shut down.
  void Wait();

  // The service, for its configuration.
  const ResolutionParserService& service() const { return *service_; }

 private:
  ResoluteServer(ServerOptions options, std::unique_ptr<ResolutionParserService> service);

  const ServerOptions options_;
  std::unique_ptr<ResolutionParserService> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = -1;
  std::atomic<bool> shut_down_{false};
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_SERVER_H_
