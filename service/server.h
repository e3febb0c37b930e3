// ResoluteServer: a running gRPC server with the resolute service, standard
// health checking (grpc.health.v1) and server reflection.
//
//   absl::StatusOr<std::unique_ptr<ResoluteServer>> server =
//       ResoluteServer::Start(ServerOptions{.port = 0});
//   std::cout << "listening on " << (*server)->address() << "\n";
//   (*server)->Wait();
//
// Health reports SERVING for "" (the whole server) and for
// "resolute.v1.ResolutionParserService" once started; SetServing(false) and
// Shutdown turn both NOT_SERVING.
//
// Transport: keepalive, message size limits, concurrent streams per
// connection and a maximum connection age are set from ServerOptions. The
// port is bound without SO_REUSEPORT, so a second server on the same port
// fails to start instead of silently sharing it.
//
// TLS: with ServerOptions::tls set, the gRPC port speaks only TLS (mutual TLS
// when a client CA is given). Kubernetes' gRPC probes speak plaintext, so
// `probe_port` can open a second, plaintext port that serves nothing but the
// health service, with the same statuses.
//
// With `metrics` and/or `logger` set, every call is counted, timed and logged
// (see call_observer.h), and every document (see service_metrics.h).

#ifndef RESOLUTE_SERVICE_SERVER_H_
#define RESOLUTE_SERVICE_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/json_log.h"
#include "service/metrics.h"
#include "service/resolution_parser_service.h"
#include "service/service_metrics.h"
#include "service/shutdown.h"

namespace resolute {
namespace service {

// The full name of the service, as used by health checks and reflection.
inline constexpr char kServiceName[] = "resolute.v1.ResolutionParserService";

// TLS on the gRPC port, as PEM text (see LoadTlsOptions for files).
struct TlsOptions {
  // The server's certificate chain; empty means plaintext.
  std::string cert_chain_pem;
  // The certificate's private key.
  std::string private_key_pem;
  // If set, clients must present a certificate signed by one of these CAs
  // (mutual TLS); calls without one fail the handshake.
  std::string client_ca_pem;

  bool enabled() const { return !cert_chain_pem.empty(); }
};

// Reads TLS files: all three paths empty gives plaintext options. Returns
// INVALID_ARGUMENT if only one of `cert_path` and `key_path` is given, if
// `client_ca_path` is given without them, or if a file does not hold PEM
// data; NOT_FOUND if a file cannot be read.
absl::StatusOr<TlsOptions> LoadTlsOptions(const std::string& cert_path,
                                          const std::string& key_path,
                                          const std::string& client_ca_path);

// Options of ResoluteServer.
struct ServerOptions {
  // Address to listen on ("0.0.0.0", "127.0.0.1", "::").
  std::string address = "0.0.0.0";
  // TCP port; 0 picks a free one; -1 opens none (in-process channels only).
  int port = 50051;
  // Largest request message received (a document or an archive chunk).
  int max_message_bytes = 64 << 20;
  // Largest response message sent; 0 means no limit.
  int max_send_message_bytes = 0;
  // Idle time on a connection with calls in flight (or any connection with
  // `keepalive_permit_without_calls`) after which the server pings the
  // client; zero disables the pings.
  absl::Duration keepalive_time = absl::Seconds(60);
  // How long the server waits for a ping's answer before closing the
  // connection.
  absl::Duration keepalive_timeout = absl::Seconds(20);
  // Whether the server pings, and accepts clients' pings, on connections
  // with no call in flight.
  bool keepalive_permit_without_calls = false;
  // The shortest interval at which clients may ping without sending data;
  // clients pinging faster are disconnected (GOAWAY "too_many_pings").
  absl::Duration keepalive_min_client_interval = absl::Seconds(10);
  // Concurrent calls (HTTP/2 streams) one connection may carry; 0 means no
  // limit.
  int max_concurrent_streams = 128;
  // After this age (+-10 %), a connection is sent GOAWAY so that the client
  // reconnects and re-resolves the target (finding new replicas behind a
  // headless Service); zero means never.
  absl::Duration max_connection_age = absl::Minutes(5);
  // How long calls in flight on a connection past its age may still run
  // before it is closed.
  absl::Duration max_connection_age_grace = absl::Seconds(30);
  // TLS on the gRPC port; plaintext when not enabled.
  TlsOptions tls;
  // A plaintext port serving only grpc.health.v1 (for kubelet probes when
  // the gRPC port uses TLS); 0 picks a free one; -1 opens none.
  int probe_port = -1;
  // The service's options. Its `metrics` and `logger` are set from the two
  // below.
  ServiceOptions service;
  // Registry to add the service's metric families to (once per registry);
  // null for none. Must outlive the server.
  metrics::Registry* metrics = nullptr;
  // Logger for calls and documents; null for none. Must outlive the server.
  Logger* logger = nullptr;
};

class ResoluteServer final : public ShutdownTarget {
 public:
  // Builds and starts a server. Returns UNAVAILABLE if a port cannot be
  // bound (in use, or a TLS certificate or key gRPC rejects).
  static absl::StatusOr<std::unique_ptr<ResoluteServer>> Start(ServerOptions options);

  // Shuts down (see Shutdown) if still running.
  ~ResoluteServer() override;

  // The port bound (the one picked when `port` was 0); -1 without one.
  int port() const { return port_; }
  // "host:port" as bound ("0.0.0.0:50051", "[::]:50051").
  std::string address() const;
  // The plaintext health-only port; -1 without one.
  int probe_port() const { return probe_port_; }
  // "host:port" of the probe port.
  std::string probe_address() const;

  // A channel to this server that does not go through the network.
  std::shared_ptr<grpc::Channel> InProcessChannel(const grpc::ChannelArguments& args = {});

  // Sets the health of "" and "resolute.v1.ResolutionParserService", on the gRPC
  // port and the probe port. Thread-safe.
  void SetServing(bool serving) override;

  // Marks the server NOT_SERVING, ends the document streams' input (each
  // answers the documents it has read, then finishes with UNAVAILABLE so
  // that clients resend the rest elsewhere), stops accepting calls and waits
  // for calls in flight until `deadline` has passed, then cancels those
  // left. Blocks until every call has ended. Idempotent.
  void Shutdown(absl::Duration deadline) override;

  // Blocks until the server has shut down.
  void Wait();

  // The service, for its configuration.
  const ResolutionParserService& service() const { return *service_; }

 private:
  ResoluteServer(ServerOptions options, std::unique_ptr<ServiceMetrics> metrics,
                 std::unique_ptr<ResolutionParserService> service);

  const ServerOptions options_;
  std::unique_ptr<ServiceMetrics> metrics_;
  std::unique_ptr<ResolutionParserService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::Server> probe_server_;
  int port_ = -1;
  int probe_port_ = -1;
  std::atomic<bool> shut_down_{false};
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_SERVER_H_
