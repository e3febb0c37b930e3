#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>

#include <climits>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.pb.h"
#include "service/call_observer.h"

namespace resolute {
namespace service {
namespace {

// "host:port", with IPv6 hosts in brackets.
std::string HostPort(const std::string& host, int port) {
  if (absl::StrContains(host, ':') && !absl::StartsWith(host, "[")) {
    return absl::StrCat("[", host, "]:", port);
  }
  return absl::StrCat(host, ":", port);
}

// A duration as gRPC's int milliseconds; zero or infinite means INT_MAX,
// gRPC's "never".
int Milliseconds(absl::Duration d) {
  if (d <= absl::ZeroDuration() || d >= absl::Milliseconds(INT_MAX)) return INT_MAX;
  return static_cast<int>(absl::ToInt64Milliseconds(d));
}

absl::StatusOr<std::string> ReadPem(const std::string& path, absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read the ", what, " ", path));
  std::stringstream s;
  s << in.rdbuf();
  if (!absl::StrContains(s.str(), "-----BEGIN ")) {
    return absl::InvalidArgumentError(absl::StrCat("the ", what, " ", path, " is not PEM"));
  }
  return s.str();
}

// The options every listening port of the server shares.
void SetTransportOptions(const ServerOptions& options, grpc::ServerBuilder* builder) {
  // gRPC sets SO_REUSEPORT by default on Linux: two servers could then bind
  // the same port and split its connections without an error.
  builder->AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, Milliseconds(options.keepalive_time));
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                              Milliseconds(options.keepalive_timeout));
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS,
                              options.keepalive_permit_without_calls ? 1 : 0);
  builder->AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                              options.keepalive_min_client_interval > absl::ZeroDuration()
                                  ? Milliseconds(options.keepalive_min_client_interval)
                                  : 0);
}

}  // namespace

absl::StatusOr<TlsOptions> LoadTlsOptions(const std::string& cert_path,
                                          const std::string& key_path,
                                          const std::string& client_ca_path) {
  TlsOptions tls;
  if (cert_path.empty() && key_path.empty()) {
    if (!client_ca_path.empty()) {
      return absl::InvalidArgumentError(
          "a client CA (--tls_client_ca) needs a server certificate and key (--tls_cert, "
          "--tls_key)");
    }
    return tls;
  }
  if (cert_path.empty() || key_path.empty()) {
    return absl::InvalidArgumentError("TLS needs both a certificate (--tls_cert) and its key "
                                      "(--tls_key)");
  }
  absl::StatusOr<std::string> cert = ReadPem(cert_path, "certificate");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem(key_path, "private key");
  if (!key.ok()) return key.status();
  tls.cert_chain_pem = *std::move(cert);
  tls.private_key_pem = *std::move(key);
  if (!client_ca_path.empty()) {
    absl::StatusOr<std::string> ca = ReadPem(client_ca_path, "client CA");
    if (!ca.ok()) return ca.status();
    tls.client_ca_pem = *std::move(ca);
  }
  return tls;
}

ResoluteServer::ResoluteServer(ServerOptions options, std::unique_ptr<ServiceMetrics> metrics,
                               std::unique_ptr<ResolutionParserService> service)
    : options_(std::move(options)), metrics_(std::move(metrics)), service_(std::move(service)) {}

absl::StatusOr<std::unique_ptr<ResoluteServer>> ResoluteServer::Start(ServerOptions options) {
  // Both are process-wide settings read when a server is built; calling the
  // reflection initialiser also makes sure its library is linked in.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  // gRPC serves health without protobuf descriptors; touching the generated
  // health messages links them in and registers them, so reflection can
  // describe the grpc.health.v1.Health service it lists.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();

  std::unique_ptr<ServiceMetrics> metrics;
  if (options.metrics != nullptr) metrics = std::make_unique<ServiceMetrics>(options.metrics);
  ServiceOptions service_options = options.service;
  service_options.metrics = metrics.get();
  service_options.logger = options.logger;
  auto service = std::make_unique<ResolutionParserService>(service_options);
  std::unique_ptr<ResoluteServer> server(
      new ResoluteServer(options, std::move(metrics), std::move(service)));

  grpc::ServerBuilder builder;
  int selected_port = 0;
  const std::string listen = HostPort(options.address, options.port);
  if (options.port >= 0) {
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    if (options.tls.enabled()) {
      grpc::SslServerCredentialsOptions ssl(
          options.tls.client_ca_pem.empty()
              ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
              : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
      ssl.pem_root_certs = options.tls.client_ca_pem;
      ssl.pem_key_cert_pairs.push_back({options.tls.private_key_pem, options.tls.cert_chain_pem});
      credentials = grpc::SslServerCredentials(ssl);
    }
    builder.AddListeningPort(listen, credentials, &selected_port);
  }
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_send_message_bytes > 0 ? options.max_send_message_bytes
                                                                   : -1);
  SetTransportOptions(options, &builder);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, options.max_concurrent_streams > 0
                                                                  ? options.max_concurrent_streams
                                                                  : INT_MAX);
  if (options.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                               Milliseconds(options.max_connection_age));
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                               Milliseconds(options.max_connection_age_grace));
  }
  if (options.metrics != nullptr || options.logger != nullptr) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> observers;
    observers.push_back(
        std::make_unique<CallObserverFactory>(server->metrics_.get(), options.logger));
    builder.experimental().SetInterceptorCreators(std::move(observers));
  }
  server->service_->RegisterWith(&builder);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || (options.port >= 0 && selected_port == 0)) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", listen,
        options.tls.enabled() ? " (port in use, or a certificate or key gRPC rejects)"
                              : " (port in use?)"));
  }
  server->port_ = options.port >= 0 ? selected_port : -1;
  server->service_->StartServing();

  if (options.probe_port >= 0) {
    // Plaintext, health only: what kubelet gRPC probes can reach.
    grpc::ServerBuilder probe_builder;
    int probe_port = 0;
    const std::string probe_listen = HostPort(options.address, options.probe_port);
    probe_builder.AddListeningPort(probe_listen, grpc::InsecureServerCredentials(), &probe_port);
    SetTransportOptions(options, &probe_builder);
    server->probe_server_ = probe_builder.BuildAndStart();
    if (server->probe_server_ == nullptr || probe_port == 0) {
      server->Shutdown(absl::ZeroDuration());
      return absl::UnavailableError(
          absl::StrCat("cannot listen for probes on ", probe_listen, " (port in use?)"));
    }
    server->probe_port_ = probe_port;
  }
  server->SetServing(true);
  return server;
}

ResoluteServer::~ResoluteServer() { Shutdown(absl::ZeroDuration()); }

std::string ResoluteServer::address() const { return HostPort(options_.address, port_); }

std::string ResoluteServer::probe_address() const {
  return HostPort(options_.address, probe_port_);
}

std::shared_ptr<grpc::Channel> ResoluteServer::InProcessChannel(
    const grpc::ChannelArguments& args) {
  return server_->InProcessChannel(args);
}

void ResoluteServer::SetServing(bool serving) {
  for (grpc::Server* s : {server_.get(), probe_server_.get()}) {
    if (s == nullptr) continue;
    grpc::HealthCheckServiceInterface* health = s->GetHealthCheckService();
    if (health == nullptr) continue;
    health->SetServingStatus(serving);
    health->SetServingStatus(kServiceName, serving);
  }
}

void ResoluteServer::Shutdown(absl::Duration deadline) {
  if (server_ == nullptr || shut_down_.exchange(true)) return;
  SetServing(false);
  service_->StartDrain();
  server_->Shutdown(absl::ToChronoTime(absl::Now() + deadline));
  if (probe_server_ != nullptr) probe_server_->Shutdown(absl::ToChronoTime(absl::Now()));
  service_->StopWorkers();
}

void ResoluteServer::Wait() {
  if (server_ != nullptr) server_->Wait();
  if (probe_server_ != nullptr) probe_server_->Wait();
}

}  // namespace service
}  // namespace resolute
