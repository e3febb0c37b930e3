// Bounded memory (issue 15 item 12), on the real server process configured
// as the dev overlay: a 256Mi container limit and the budget the server
// derives from it (DefaultMemoryBudget). Three 16 MB documents sent at once:
// the budget admits one at a time (at 5 bytes a byte it admitted two, and
// VmHWM reached 262 MiB), the others wait or get UNAVAILABLE with
// RetryInfo, and the server's peak resident set (VmHWM) stays within the
// limit. Afterwards its resident set falls back near its baseline (the
// memory is returned to the kernel, not kept by malloc).
//
// Tagged no_asan: ASan's allocator and shadow memory change every figure.

#include <grpcpp/grpcpp.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/memory_budget.h"
#include "tests/e2e/process.h"

namespace resolute {
namespace testing {
namespace {

constexpr int64_t kDevLimit = int64_t{256} << 20;  // deploy/k8s/overlays/dev
constexpr size_t kDocumentBytes = 16'000'000;

// A field of /proc/PID/status in bytes ("VmHWM:", "VmRSS:"); -1 if absent.
int64_t StatusBytes(pid_t pid, const std::string& field) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) != 0) continue;
    std::vector<std::string> parts = absl::StrSplit(line, ' ', absl::SkipWhitespace());
    int64_t kb = 0;
    if (parts.size() >= 2 && absl::SimpleAtoi(parts[1], &kb)) return kb * 1024;
  }
  return -1;
}

// Text of resolution-like paragraphs of about 8 KB, one per line, to
// `bytes`.
std::string BigDocument(size_t bytes) {
  std::string paragraph = "Requests the Secretary-General to report on";
  while (paragraph.size() < 8000) paragraph += " the implementation of the present resolution";
  std::string text = "The General Assembly,\n\n";
  text.reserve(bytes);
  for (int n = 1; text.size() + paragraph.size() + 16 < bytes; ++n) {
    absl::StrAppend(&text, n, ". ", paragraph, ";\n");
  }
  return text;
}

bool HasRetryInfo(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return false;
  for (const auto& detail : details.details()) {
    google::rpc::RetryInfo retry;
    if (detail.UnpackTo(&retry)) return true;
  }
  return false;
}

TEST(MemoryE2e, ThreeLargeDocumentsAtOnceStayWithinTheDevLimitAndMemoryIsReturned) {
  const int64_t budget = service::DefaultMemoryBudget(kDevLimit);
  auto server = ServerProcess::Start(
      {"--worker_threads=2", absl::StrCat("--memory_budget_bytes=", budget)});
  ASSERT_TRUE(server.ok()) << server.status();
  const pid_t pid = (*server)->pid();
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  auto channel =
      grpc::CreateCustomChannel((*server)->target(), grpc::InsecureChannelCredentials(), args);
  auto stub = v1::ResolutionParserService::NewStub(channel);
  {
    // Warm-up: one small document, so the baseline includes what any call
    // sets up.
    grpc::ClientContext context;
    v1::ParseResolutionRequest request;
    request.set_content(BigDocument(20000));
    v1::ParseResolutionResponse response;
    ASSERT_TRUE(stub->ParseResolution(&context, request, &response).ok());
  }
  const int64_t baseline = StatusBytes(pid, "VmRSS:");
  ASSERT_GT(baseline, 0);

  v1::ParseResolutionRequest request;
  request.set_content(BigDocument(kDocumentBytes));
  // One fits in the budget, two do not.
  ASSERT_LE(service::ParseMemoryCharge(request.content()), budget);
  ASSERT_GT(2 * service::ParseMemoryCharge(request.content()), budget);
  std::vector<grpc::Status> statuses(3);
  std::vector<std::thread> callers;
  for (int i = 0; i < 3; ++i) {
    callers.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(240));
      v1::ParseResolutionResponse response;
      statuses[i] = stub->ParseResolution(&context, request, &response);
    });
  }
  for (std::thread& t : callers) t.join();
  const int64_t peak = StatusBytes(pid, "VmHWM:");
  int ok = 0;
  for (const grpc::Status& s : statuses) {
    if (s.ok()) {
      ++ok;
      continue;
    }
    EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE)
        << s.error_code() << " " << s.error_message();
    EXPECT_TRUE(HasRetryInfo(s)) << s.error_message();
  }
  EXPECT_GE(ok, 1);
  std::printf("baseline RSS %lld, peak (VmHWM) %lld, dev limit %lld, budget %lld, %d of 3 OK\n",
              static_cast<long long>(baseline), static_cast<long long>(peak),
              static_cast<long long>(kDevLimit), static_cast<long long>(budget), ok);
  EXPECT_LT(peak, kDevLimit);

  // Memory returned: the resident set falls back near the baseline once the
  // calls' memory is freed (the server frees a unary call just after its
  // reply, so this polls briefly).
  const int64_t margin = 40 << 20;
  int64_t rss = StatusBytes(pid, "VmRSS:");
  for (int i = 0; i < 50 && rss > baseline + margin; ++i) {
    absl::SleepFor(absl::Milliseconds(100));
    rss = StatusBytes(pid, "VmRSS:");
  }
  std::printf("RSS after the documents %lld (baseline %lld)\n", static_cast<long long>(rss),
              static_cast<long long>(baseline));
  EXPECT_LE(rss, baseline + margin);
  EXPECT_EQ((*server)->Terminate(), 0);
}

}  // namespace
}  // namespace testing
}  // namespace resolute
