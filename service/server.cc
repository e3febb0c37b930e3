#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

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

}  // namespace

ResoluteServer::ResoluteServer(ServerOptions options,
                               std::unique_ptr<ResolutionParserService> service)
    : options_(std::move(options)), service_(std::move(service)) {}

absl::StatusOr<std::unique_ptr<ResoluteServer>> ResoluteServer::Start(ServerOptions options) {
  // Both are process-wide settings read when a server is built; calling the
  // reflection initialiser also makes sure its library is linked in.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  auto service = std::make_unique<ResolutionParserService>(options.service);
  std::unique_ptr<ResoluteServer> server(new ResoluteServer(options, std::move(service)));

  grpc::ServerBuilder builder;
  int selected_port = 0;
  const std::string listen = HostPort(options.address, options.port);
  if (options.port >= 0) {
    builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &selected_port);
  }
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.RegisterService(server->service_.get());
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || (options.port >= 0 && selected_port == 0)) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", listen));
  }
  server->port_ = options.port >= 0 ? selected_port : -1;
  grpc::HealthCheckServiceInterface* health = server->server_->GetHealthCheckService();
  if (health != nullptr) {
    health->SetServingStatus(true);
    health->SetServingStatus(kServiceName, true);
  }
  return server;
}

ResoluteServer::~ResoluteServer() { Shutdown(absl::ZeroDuration()); }

std::string ResoluteServer::address() const { return HostPort(options_.address, port_); }

std::shared_ptr<grpc::Channel> ResoluteServer::InProcessChannel(
    const grpc::ChannelArguments& args) {
  return server_->InProcessChannel(args);
}

void ResoluteServer::Shutdown(absl::Duration grace) {
  if (server_ == nullptr || shut_down_.exchange(true)) return;
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health != nullptr) health->SetServingStatus(false);
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

void ResoluteServer::Wait() {
  if (server_ != nullptr) server_->Wait();
}

}  // namespace service
}  // namespace resolute
