// The shutdown sequence: its order and timing on a fake target, a second
// signal cutting the grace short, the signals themselves, and a real
// in-process server that keeps serving during the grace while its health
// says NOT_SERVING.

#include "service/shutdown.h"

#include <signal.h>

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/server.h"
#include "tests/service/grpc_probe.h"
#include "tests/service/service_test_util.h"

namespace resolute {
namespace service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Records what RunGracefulShutdown does and when.
class FakeTarget : public ShutdownTarget {
 public:
  explicit FakeTarget(absl::Duration drain_takes = absl::ZeroDuration())
      : drain_takes_(drain_takes) {}
  void SetServing(bool serving) override { Record(serving ? "SERVING" : "NOT_SERVING"); }
  void Shutdown(absl::Duration deadline) override {
    Record(absl::StrCat("Shutdown(", absl::FormatDuration(deadline), ")"));
    absl::SleepFor(std::min(drain_takes_, deadline));
  }
  std::vector<std::string> events() {
    absl::MutexLock lock(&mu_);
    return events_;
  }
  std::vector<absl::Duration> at() {
    absl::MutexLock lock(&mu_);
    return at_;
  }

 private:
  void Record(std::string event) {
    absl::MutexLock lock(&mu_);
    events_.push_back(std::move(event));
    at_.push_back(absl::Now() - start_);
  }
  const absl::Duration drain_takes_;
  const absl::Time start_ = absl::Now();
  absl::Mutex mu_;
  std::vector<std::string> events_;
  std::vector<absl::Duration> at_;
};

// A logger that keeps its lines.
struct CapturedLog {
  std::string all() const { return absl::StrJoin(lines, ""); }
  std::vector<std::string> lines;
  Logger logger{[this](absl::string_view line) { lines.emplace_back(line); }, LogLevel::kInfo};
};

TEST(GracefulShutdown, NotServingAtOnceThenGraceThenDrain) {
  FakeTarget target;
  CapturedLog log;
  ShutdownReport report = RunGracefulShutdown(
      &target, {absl::Milliseconds(300), absl::Seconds(7)}, &log.logger);
  EXPECT_THAT(target.events(), ElementsAre("NOT_SERVING", "Shutdown(7s)"));
  const std::vector<absl::Duration> at = target.at();
  EXPECT_LT(at[0], absl::Milliseconds(50));   // Readiness flips at once...
  EXPECT_GE(at[1], absl::Milliseconds(300));  // ...the drain starts after the grace.
  EXPECT_LT(at[1], absl::Milliseconds(1000));
  EXPECT_GE(report.grace, absl::Milliseconds(300));
  EXPECT_FALSE(report.deadline_reached);
  const std::string text = log.all();
  EXPECT_THAT(text, HasSubstr("\"message\":\"shutdown: health is NOT_SERVING; new calls are still "
                             "served during the grace\",\"grace_ms\":300,\"drain_deadline_ms\":7000"));
  EXPECT_THAT(text, HasSubstr("shutdown: grace over; no new calls accepted, draining"));
  EXPECT_THAT(text, HasSubstr("\"message\":\"shutdown: every call finished\""));
}

TEST(GracefulShutdown, ASecondSignalCutsTheGraceShort) {
  FakeTarget target;
  CapturedLog log;
  absl::Duration asked;
  ShutdownReport report = RunGracefulShutdown(
      &target, {absl::Seconds(30), absl::Seconds(1)}, &log.logger, [&](absl::Duration d) {
        asked = d;
        return true;  // A signal came at once.
      });
  EXPECT_EQ(asked, absl::Seconds(30));
  EXPECT_LT(report.grace, absl::Seconds(1));
  EXPECT_THAT(target.events(), ElementsAre("NOT_SERVING", "Shutdown(1s)"));
  EXPECT_THAT(log.all(), HasSubstr("second signal, grace cut short"));
}

TEST(GracefulShutdown, ReportsADrainThatReachedItsDeadline) {
  FakeTarget target(/*drain_takes=*/absl::Seconds(10));
  CapturedLog log;
  ShutdownReport report = RunGracefulShutdown(
      &target, {absl::ZeroDuration(), absl::Milliseconds(200)}, &log.logger);
  EXPECT_TRUE(report.deadline_reached);
  EXPECT_THAT(log.all(),
              HasSubstr("\"level\":\"warning\",\"message\":\"shutdown: drain deadline reached"));
}

TEST(ShutdownSignals, WaitsForTermAndInt) {
  ShutdownSignals signals;  // Blocks them in this (the only) thread.
  EXPECT_EQ(signals.WaitFor(absl::Milliseconds(50)), 0);
  raise(SIGTERM);  // Pending, not delivered: the process survives.
  EXPECT_EQ(signals.WaitFor(absl::Seconds(5)), SIGTERM);
  raise(SIGINT);
  EXPECT_EQ(signals.Wait(), SIGINT);
  EXPECT_EQ(SignalName(SIGTERM), "SIGTERM");
  EXPECT_EQ(SignalName(SIGINT), "SIGINT");
}

// The real server: during the grace, health is NOT_SERVING for both names
// and calls are still served; after it, the server refuses new calls.
TEST(GracefulShutdown, RealServerServesDuringTheGrace) {
  ServiceOptions options;
  options.worker_threads = 1;
  options.parser.parse = [](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
    out->set_text(std::string(text));
    return absl::OkStatus();
  };
  std::unique_ptr<ResoluteServer> server = testing::StartLoopbackServer(options);
  auto channel = grpc::CreateChannel(server->address(), grpc::InsecureChannelCredentials());
  auto stub = v1::ResolutionParserService::NewStub(channel);
  const auto call = [&stub] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::ParseResolutionResponse response;
    return stub->ParseResolution(&context, testing::MakeRequest("d", "text"), &response);
  };
  ASSERT_TRUE(call().ok());
  EXPECT_EQ(testing::CheckHealth(channel, "").value_or(-1), testing::kServing);

  absl::Notification done;
  std::thread shutdown([&] {
    RunGracefulShutdown(server.get(), {absl::Seconds(2), absl::Seconds(5)}, nullptr);
    done.Notify();
  });
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(testing::CheckHealth(channel, "").value_or(-1), testing::kNotServing);
  EXPECT_EQ(testing::CheckHealth(channel, kServiceName).value_or(-1), testing::kNotServing);
  grpc::Status during_grace = call();
  EXPECT_TRUE(during_grace.ok()) << during_grace.error_message();
  EXPECT_FALSE(done.HasBeenNotified());

  ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  shutdown.join();
  server->Wait();
  EXPECT_FALSE(call().ok());  // No longer accepting.
}

}  // namespace
}  // namespace service
}  // namespace resolute
