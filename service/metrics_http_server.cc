#include "service/metrics_http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace resolute {
namespace service {

MetricsHttpServer::MetricsHttpServer(std::string host, std::unique_ptr<httplib::Server> server)
    : host_(std::move(host)), server_(std::move(server)) {}

absl::StatusOr<std::unique_ptr<MetricsHttpServer>> MetricsHttpServer::Start(
    const MetricsHttpOptions& options, const metrics::Registry* registry) {
  auto http = std::make_unique<httplib::Server>();
  // cpp-httplib sets SO_REUSEPORT by default, which would let a second
  // server share the port silently; SO_REUSEADDR alone still allows a quick
  // restart.
  http->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const int threads = options.threads > 0 ? options.threads : 1;
  http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // A scraper's idle keep-alive connection holds a thread; keep it short so
  // that Stop() (at the end of a shutdown) does not wait long for it.
  http->set_keep_alive_max_count(10);
  http->set_keep_alive_timeout(2);
  http->Get("/metrics", [registry](const httplib::Request&, httplib::Response& response) {
    response.set_content(registry->Expose(), metrics::kExpositionContentType);
  });
  // Every other path: cpp-httplib's default 404, with a short body.
  http->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.status == 404) response.set_content("not found; see /metrics\n", "text/plain");
  });

  std::string host = options.address;
  if (absl::StartsWith(host, "[") && absl::EndsWith(host, "]")) {
    host = host.substr(1, host.size() - 2);
  }
  int port = options.port;
  if (port == 0) {
    port = http->bind_to_any_port(host);
    if (port < 0) port = 0;
  } else if (port < 0 || !http->bind_to_port(host, port)) {
    port = 0;
  }
  if (port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen for metrics on ", host, ":", options.port));
  }
  std::unique_ptr<MetricsHttpServer> server(new MetricsHttpServer(host, std::move(http)));
  server->port_ = port;
  httplib::Server* raw = server->server_.get();
  server->thread_ = std::thread([raw] { raw->listen_after_bind(); });
  // stop() only works once the loop runs; wait for it.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!raw->is_running() && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(1));
  return server;
}

MetricsHttpServer::~MetricsHttpServer() { Stop(); }

std::string MetricsHttpServer::address() const {
  if (absl::StrContains(host_, ':')) return absl::StrCat("[", host_, "]:", port_);
  return absl::StrCat(host_, ":", port_);
}

void MetricsHttpServer::Stop() {
  if (stopped_) return;
  stopped_ = true;
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace service
}  // namespace resolute
