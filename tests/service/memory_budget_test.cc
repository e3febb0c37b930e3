// MemoryBudget, and the service's admission of documents by the memory their
// parse needs: parses that would exceed the budget together wait, one that
// exceeds it alone is refused at once, and a wait that lasts too long ends
// UNAVAILABLE with RetryInfo.

#include "service/memory_budget.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/error_reason.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/server.h"
#include "tests/service/service_test_util.h"

namespace resolute {
namespace service {
namespace {

using ::testing::HasSubstr;

TEST(MemoryBudget, LeasesWithinTheBudgetAndReleasesOnDestruction) {
  MemoryBudget budget(1000);
  {
    absl::StatusOr<MemoryBudget::Lease> a = budget.Acquire(600, absl::ZeroDuration());
    ASSERT_TRUE(a.ok()) << a.status();
    EXPECT_EQ(budget.in_use(), 600);
    absl::StatusOr<MemoryBudget::Lease> b = budget.Acquire(500, absl::Milliseconds(20));
    EXPECT_EQ(b.status().code(), absl::StatusCode::kUnavailable);
    EXPECT_EQ(GetErrorReason(b.status()).reason, "SERVER_MEMORY_BUSY");
    MemoryBudget::Lease moved = *std::move(a);
    EXPECT_EQ(budget.in_use(), 600);
  }
  EXPECT_EQ(budget.in_use(), 0);
  absl::StatusOr<MemoryBudget::Lease> too_big = budget.Acquire(1001, absl::Seconds(10));
  EXPECT_EQ(too_big.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(GetErrorReason(too_big.status()).reason, "MEMORY_BUDGET_EXCEEDED");
}

TEST(MemoryBudget, AWaitingLeaseIsGrantedWhenMemoryIsReleased) {
  MemoryBudget budget(1000);
  auto first = std::make_unique<MemoryBudget::Lease>(*budget.Acquire(800, absl::ZeroDuration()));
  std::thread releaser([&] {
    absl::SleepFor(absl::Milliseconds(100));
    first.reset();
  });
  absl::StatusOr<MemoryBudget::Lease> second = budget.Acquire(800, absl::Seconds(10));
  releaser.join();
  EXPECT_TRUE(second.ok()) << second.status();
}

TEST(MemoryBudget, GrowAddsToALeaseWhatItLacks) {
  MemoryBudget budget(1000);
  MemoryBudget::Lease lease = *budget.Acquire(300, absl::ZeroDuration());
  ASSERT_TRUE(budget.Grow(&lease, 200, absl::ZeroDuration()).ok());  // holds more already
  EXPECT_EQ(budget.in_use(), 300);
  ASSERT_TRUE(budget.Grow(&lease, 700, absl::ZeroDuration()).ok());
  EXPECT_EQ(budget.in_use(), 700);
  {
    MemoryBudget::Lease other = *budget.Acquire(200, absl::ZeroDuration());
    const absl::Status busy = budget.Grow(&lease, 900, absl::Milliseconds(20));
    EXPECT_EQ(GetErrorReason(busy).reason, "SERVER_MEMORY_BUSY");
    EXPECT_EQ(budget.in_use(), 900);  // the lease unchanged
  }
  const absl::Status never = budget.Grow(&lease, 1001, absl::Seconds(10));
  EXPECT_EQ(GetErrorReason(never).reason, "MEMORY_BUDGET_EXCEEDED");
  MemoryBudget::Lease empty;
  ASSERT_TRUE(budget.Grow(&empty, 300, absl::ZeroDuration()).ok());
  EXPECT_EQ(budget.in_use(), 1000);
  lease = MemoryBudget::Lease();
  empty = MemoryBudget::Lease();
  EXPECT_EQ(budget.in_use(), 0);
}

TEST(MemoryBudget, UnlimitedAndDerivedBudgets) {
  MemoryBudget unlimited(0);
  EXPECT_TRUE(unlimited.Acquire(int64_t{1} << 40, absl::ZeroDuration()).ok());
  EXPECT_EQ(DefaultMemoryBudget(0), 0);
  const int64_t limit = int64_t{256} << 20;  // The dev overlay's limit.
  EXPECT_GT(DefaultMemoryBudget(limit), limit / 2);
  EXPECT_LT(DefaultMemoryBudget(limit), limit * 3 / 4);
}

// A parse is charged per byte and per line break (bench/peak_memory.cc
// measures the cost of "1.\n" repeated, a paragraph every line, at under
// 300x its size whatever its size).
TEST(MemoryBudget, ChargeCountsBytesAndLineBreaks) {
  EXPECT_EQ(ParseMemoryCharge("abc"), 3 * kMemoryPerContentByte);
  EXPECT_EQ(ParseMemoryCharge("a\nb\r\n\f"), 6 * kMemoryPerContentByte + 3 * kMemoryPerLineBreak);
  // "\r\n" is one break, a lone "\r" one, "\n\r" two.
  EXPECT_EQ(ParseMemoryCharge("\r\n\r\n", 0, 1), 2);
  EXPECT_EQ(ParseMemoryCharge("a\rb\r", 0, 1), 2);
  EXPECT_EQ(ParseMemoryCharge("\n\r", 0, 1), 2);
  EXPECT_EQ(ParseMemoryCharge("1.\n1.\n", 1, 100), 6 + 200);
  std::string short_lines;
  for (int i = 0; i < 1000; ++i) short_lines += "1.\n";
  EXPECT_GT(ParseMemoryCharge(short_lines), static_cast<int64_t>(short_lines.size()) * 299);
}

// The ErrorInfo reason and whether RetryInfo is present in `status`.
std::pair<std::string, bool> DetailsOf(const grpc::Status& status) {
  google::rpc::Status details;
  std::pair<std::string, bool> out{"", false};
  if (!details.ParseFromString(status.error_details())) return out;
  for (const auto& detail : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::RetryInfo retry;
    if (detail.UnpackTo(&info)) out.first = info.reason();
    if (detail.UnpackTo(&retry)) out.second = true;
  }
  return out;
}

// Two documents whose parses would exceed the budget together are parsed one
// after the other; one that exceeds it alone is refused at once.
TEST(MemoryBudgetService, ParsesWithinTheBudgetAndRefusesWhatCannotFit) {
  std::atomic<int> running{0};
  std::atomic<int> most_running{0};
  ServiceOptions options;
  options.worker_threads = 2;
  options.parser.memory_per_content_byte = 16;
  options.memory_budget_bytes = 16 * 1500;  // One 1,000-byte document at a time.
  options.parser.parse = [&](absl::string_view text, const ParseOptions&, v1::Resolution* out) {
    const int now = running.fetch_add(1) + 1;
    int seen = most_running.load();
    while (now > seen && !most_running.compare_exchange_weak(seen, now)) {
    }
    absl::SleepFor(absl::Milliseconds(200));
    running.fetch_sub(1);
    out->set_text(std::string(text));
    return absl::OkStatus();
  };
  auto server = testing::StartInProcessServer(options);
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));

  std::vector<grpc::Status> statuses(3);
  std::vector<std::thread> callers;
  for (int i = 0; i < 3; ++i) {
    callers.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
      v1::ParseResolutionResponse response;
      statuses[i] = stub->ParseResolution(
          &context, testing::MakeRequest("doc", std::string(1000, 'a')), &response);
    });
  }
  for (std::thread& t : callers) t.join();
  for (const grpc::Status& s : statuses) EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(most_running.load(), 1);

  grpc::ClientContext context;
  v1::ParseResolutionResponse response;
  const grpc::Status too_big = stub->ParseResolution(
      &context, testing::MakeRequest("big", std::string(2000, 'a')), &response);
  EXPECT_EQ(too_big.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(DetailsOf(too_big).first, "MEMORY_BUDGET_EXCEEDED");
  EXPECT_THAT(too_big.error_message(), HasSubstr("memory"));
}

// A document that waits longer than the wait allowed is answered UNAVAILABLE
// with RetryInfo: the client retries later or elsewhere.
TEST(MemoryBudgetService, ALongWaitEndsUnavailableWithRetryInfo) {
  absl::Notification release;
  std::atomic<int> calls{0};
  ServiceOptions options;
  options.worker_threads = 2;
  options.parser.memory_per_content_byte = 16;
  options.parser.memory_wait = absl::Milliseconds(100);
  options.memory_budget_bytes = 16 * 1500;
  options.parser.parse = [&](absl::string_view, const ParseOptions&, v1::Resolution*) {
    if (calls.fetch_add(1) == 0) release.WaitForNotificationWithTimeout(absl::Seconds(20));
    return absl::OkStatus();
  };
  auto server = testing::StartInProcessServer(options);
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));
  grpc::Status first;
  std::thread holder([&] {
    grpc::ClientContext context;
    v1::ParseResolutionResponse response;
    first = stub->ParseResolution(&context, testing::MakeRequest("a", std::string(1000, 'a')),
                                  &response);
  });
  while (calls.load() == 0) absl::SleepFor(absl::Milliseconds(5));
  grpc::ClientContext context;
  v1::ParseResolutionResponse response;
  const grpc::Status second = stub->ParseResolution(
      &context, testing::MakeRequest("b", std::string(1000, 'b')), &response);
  release.Notify();
  holder.join();
  EXPECT_TRUE(first.ok()) << first.error_message();
  EXPECT_EQ(second.error_code(), grpc::StatusCode::UNAVAILABLE) << second.error_message();
  EXPECT_EQ(DetailsOf(second).first, "SERVER_MEMORY_BUSY");
  EXPECT_TRUE(DetailsOf(second).second);
}

}  // namespace
}  // namespace service
}  // namespace resolute
