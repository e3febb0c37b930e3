// The metrics HTTP server: /metrics serves the registry's exposition with the
// Prometheus content type, every other path is 404, and its port is not
// shared (no SO_REUSEPORT).

#include "service/metrics_http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/metrics.h"

namespace resolute {
namespace service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsHttpServer, ServesTheRegistryAtSlashMetrics) {
  metrics::Registry registry;
  metrics::Counter* c = registry.AddCounter("hits_total", "Hits.")->WithLabels({});
  auto server = MetricsHttpServer::Start({"127.0.0.1", 0, 2}, &registry);
  ASSERT_TRUE(server.ok()) << server.status();
  ASSERT_GT((*server)->port(), 0);
  EXPECT_EQ((*server)->address(), absl::StrCat("127.0.0.1:", (*server)->port()));

  httplib::Client client("127.0.0.1", (*server)->port());
  c->Increment(3);
  httplib::Result r = client.Get("/metrics");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(r->body, registry.Expose());
  EXPECT_THAT(r->body, HasSubstr("hits_total 3\n"));

  // Each scrape reads the current values.
  c->Increment();
  r = client.Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->body, HasSubstr("hits_total 4\n"));

  for (const char* path : {"/", "/metrics/", "/metricsx", "/healthz", "/metrics/../x"}) {
    httplib::Result other = client.Get(path);
    ASSERT_TRUE(other) << path;
    EXPECT_EQ(other->status, 404) << path;
    EXPECT_THAT(other->body, Not(HasSubstr("hits_total"))) << path;
  }
  (*server)->Stop();
  (*server)->Stop();  // Idempotent.
  httplib::Client after("127.0.0.1", (*server)->port());
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/metrics"));
}

TEST(MetricsHttpServer, ASecondServerOnTheSamePortFails) {
  metrics::Registry registry;
  auto first = MetricsHttpServer::Start({"127.0.0.1", 0, 1}, &registry);
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = MetricsHttpServer::Start({"127.0.0.1", (*first)->port(), 1}, &registry);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(second.status().message(),
              HasSubstr(absl::StrCat("cannot listen for metrics on 127.0.0.1:", (*first)->port())));
  // Once the first is gone, the port can be bound again at once.
  const int port = (*first)->port();
  first->reset();
  auto third = MetricsHttpServer::Start({"127.0.0.1", port, 1}, &registry);
  EXPECT_TRUE(third.ok()) << third.status();
}

// Opens a TCP connection to 127.0.0.1:`port` that sends nothing; -1 on error.
int OpenIdleConnection(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Idle connections (a scraper's keep-alive, or a client that connects and
// sends nothing) never hold a scrape up: each connection has a thread of its
// own, and an idle one is closed after a second.
TEST(MetricsHttpServer, IdleConnectionsDoNotDelayAScrape) {
  metrics::Registry registry;
  registry.AddCounter("hits_total", "Hits.")->WithLabels({})->Increment();
  MetricsHttpOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  auto server = MetricsHttpServer::Start(options, &registry);
  ASSERT_TRUE(server.ok()) << server.status();

  std::vector<int> idle;
  for (int i = 0; i < 8; ++i) {
    const int fd = OpenIdleConnection((*server)->port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  absl::SleepFor(absl::Milliseconds(50));  // Let the server accept them.
  httplib::Client client("127.0.0.1", (*server)->port());
  const absl::Time start = absl::Now();
  httplib::Result r = client.Get("/metrics");
  const absl::Duration took = absl::Now() - start;
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(took, absl::Milliseconds(500));

  // The idle connections are closed by the server within a few seconds.
  for (int fd : idle) {
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    char byte;
    EXPECT_EQ(read(fd, &byte, 1), 0);  // End of stream: closed.
    close(fd);
  }
  (*server)->Stop();
}

}  // namespace
}  // namespace service
}  // namespace resolute
