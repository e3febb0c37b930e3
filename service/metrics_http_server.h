// MetricsHttpServer: serves a metrics::Registry as Prometheus text on
// GET /metrics over plain HTTP (Debian's cpp-httplib). Any other path is 404.
//
//   metrics::Registry registry;
//   absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
//       MetricsHttpServer::Start({.address = "0.0.0.0", .port = 9090}, &registry);
//   std::cout << "metrics listening on " << (*http)->address() << "\n";
//   ...
//   (*http)->Stop();
//
// The port is bound without SO_REUSEPORT, so a second server on the same
// port fails instead of sharing it. Each connection is served on a thread of
// its own (up to `max_threads`; more connections wait), and a connection
// idle for a second is closed: idle or slow connections never hold a scrape
// up behind them.

#ifndef RESOLUTE_SERVICE_METRICS_HTTP_SERVER_H_
#define RESOLUTE_SERVICE_METRICS_HTTP_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "service/metrics.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace resolute {
namespace service {

// Where MetricsHttpServer listens.
struct MetricsHttpOptions {
  // Address to listen on ("0.0.0.0", "127.0.0.1", "::").
  std::string address = "0.0.0.0";
  // TCP port; 0 picks a free one.
  int port = 9090;
  // Most connections served at once, one thread each (threads are started
  // as connections need them and kept until Stop).
  int max_threads = 16;
};

class MetricsHttpServer {
 public:
  // Binds and starts serving `registry`, which must outlive the server.
  // Returns UNAVAILABLE if the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<MetricsHttpServer>> Start(
      const MetricsHttpOptions& options, const metrics::Registry* registry);

  // Stops (see Stop).
  ~MetricsHttpServer();

  // The port bound (the one picked when `port` was 0).
  int port() const { return port_; }
  // "host:port" as bound.
  std::string address() const;

  // Closes the listening socket and joins the threads. Idempotent.
  void Stop();

 private:
  MetricsHttpServer(std::string host, std::unique_ptr<httplib::Server> server);

  const std::string host_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread thread_;
  bool stopped_ = false;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_METRICS_HTTP_SERVER_H_
