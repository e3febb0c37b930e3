#include "service/metrics_http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <deque>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace resolute {
namespace service {
namespace {

// cpp-httplib's task queue: each connection is served on a thread of its
// own, started when every thread is busy, up to `max_threads` (connections
// beyond wait). An idle connection (a scraper's keep-alive, or one that
// never sends a request) thus holds only its own thread, never a scrape's.
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(size_t max_threads) : max_threads_(max_threads) {}

  void enqueue(std::function<void()> task) override {
    absl::MutexLock lock(&mu_);
    tasks_.push_back(std::move(task));
    if (idle_ < tasks_.size() && threads_.size() < max_threads_) {
      threads_.emplace_back([this] { Work(); });
    }
  }

  // Called once the listening loop has ended: runs what is queued, then
  // joins the threads.
  void shutdown() override {
    std::vector<std::thread> threads;
    {
      absl::MutexLock lock(&mu_);
      shutdown_ = true;
      threads.swap(threads_);
    }
    for (std::thread& t : threads) t.join();
  }

 private:
  bool TaskOrShutdown() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !tasks_.empty() || shutdown_;
  }

  void Work() {
    absl::MutexLock lock(&mu_);
    while (true) {
      ++idle_;
      mu_.Await(absl::Condition(this, &ConnectionThreads::TaskOrShutdown));
      --idle_;
      if (tasks_.empty()) return;  // Shut down.
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      mu_.Unlock();
      task();
      mu_.Lock();
    }
  }

  const size_t max_threads_;
  absl::Mutex mu_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> threads_ ABSL_GUARDED_BY(mu_);
  size_t idle_ ABSL_GUARDED_BY(mu_) = 0;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace

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
  const size_t threads = options.max_threads > 0 ? static_cast<size_t>(options.max_threads) : 1;
  http->new_task_queue = [threads] { return new ConnectionThreads(threads); };
  // An idle connection holds its thread until these pass: a connection that
  // sends nothing for a second, or a request read or response written that
  // stalls that long, is closed, so that neither a scrape nor Stop() (at the
  // end of a shutdown) waits long for it.
  http->set_keep_alive_max_count(10);
  http->set_keep_alive_timeout(1);
  http->set_read_timeout(1, 0);
  http->set_write_timeout(1, 0);
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
