// The metrics HTTP server: /metrics serves the registry's exposition with the
// Prometheus content type, every other path is 404, and its port is not
// shared (no SO_REUSEPORT).

#include "service/metrics_http_server.h"

#include <httplib.h>

#include "absl/strings/str_cat.h"
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

}  // namespace
}  // namespace service
}  // namespace resolute
