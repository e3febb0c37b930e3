// The call reaches the parse (issue 15 item 11): a unary call, a stream and
// an archive pass their caller's cancellation, and the archive its deadline,
// into the parse (ParseOptions::cancelled and ::deadline), so a cancelled
// call's document stops at the parser's next check instead of running to its
// end. And an archive caller that keeps sending but reads no responses does
// not hold its archive slot forever.
//
// The parse here is a stand-in that waits, checking `options.cancelled` as
// the parser does, until it is cancelled or 10 s have passed: it records
// which. No timing is asserted beyond those bounds.

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "service/server.h"
#include "tests/service/archive_builder.h"
#include "tests/service/service_test_util.h"

namespace resolute {
namespace service {
namespace {

using testing::ArchiveFormat;
using testing::BuildArchive;

// Records what the parses saw.
struct ParseProbe {
  std::atomic<int> started{0};
  std::atomic<int> stopped_by_cancel{0};
  std::atomic<int> ran_out{0};
  std::atomic<bool> had_deadline{false};
  absl::Notification first_started;

  ParseFunction Function() {
    return [this](absl::string_view, const ParseOptions& options, v1::Resolution*) {
      if (options.deadline != absl::InfiniteFuture()) had_deadline = true;
      if (started.fetch_add(1) == 0) first_started.Notify();
      const absl::Time give_up = absl::Now() + absl::Seconds(10);
      while (absl::Now() < give_up) {
        if (options.cancelled && options.cancelled()) {
          ++stopped_by_cancel;
          return absl::CancelledError("the parse was cancelled");
        }
        absl::SleepFor(absl::Milliseconds(5));
      }
      ++ran_out;
      return absl::OkStatus();
    };
  }
};

// Waits for the one parse to end, then expects that it saw the cancellation
// (it stopped at a check), not its end.
void ExpectStoppedByCancel(const ParseProbe& probe) {
  for (int i = 0; i < 200 && probe.stopped_by_cancel + probe.ran_out == 0; ++i) {
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(probe.stopped_by_cancel.load(), 1);
  EXPECT_EQ(probe.ran_out.load(), 0);
}

ServiceOptions OptionsWith(ParseProbe* probe) {
  ServiceOptions options;
  options.worker_threads = 2;
  options.parser.parse = probe->Function();
  return options;
}

TEST(CallControl, ACancelledUnaryCallStopsItsParse) {
  ParseProbe probe;
  auto server = testing::StartInProcessServer(OptionsWith(&probe));
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  std::thread canceller([&] {
    probe.first_started.WaitForNotificationWithTimeout(absl::Seconds(20));
    context.TryCancel();
  });
  v1::ParseResolutionResponse response;
  const grpc::Status status =
      stub->ParseResolution(&context, testing::MakeRequest("slow", "Noting,\n1. Decides."),
                            &response);
  canceller.join();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  ExpectStoppedByCancel(probe);
  // And the unary call's deadline reached it too.
  EXPECT_TRUE(probe.had_deadline.load());
}

TEST(CallControl, ACancelledStreamStopsTheDocumentBeingParsed) {
  ParseProbe probe;
  auto server = testing::StartInProcessServer(OptionsWith(&probe));
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto stream = stub->StreamParseResolutions(&context);
  ASSERT_TRUE(stream->Write(testing::MakeStreamRequest("slow", "Noting,\n1. Decides.")));
  ASSERT_TRUE(probe.first_started.WaitForNotificationWithTimeout(absl::Seconds(20)));
  context.TryCancel();
  v1::StreamParseResolutionsResponse response;
  while (stream->Read(&response)) {
  }
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  ExpectStoppedByCancel(probe);
}

TEST(CallControl, ACancelledArchiveStopsItsEntriesAndTheirParsesHaveItsDeadline) {
  ParseProbe probe;
  auto server = testing::StartInProcessServer(OptionsWith(&probe));
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto stream = stub->ParseArchive(&context);
  v1::ParseArchiveRequest header;
  header.mutable_header()->set_archive_name("slow.tar.gz");
  ASSERT_TRUE(stream->Write(header));
  v1::ParseArchiveRequest data;
  data.set_data(BuildArchive(ArchiveFormat::kTarGz, {{"a.txt", "Noting,\n1. Decides."}}));
  ASSERT_TRUE(stream->Write(data));
  stream->WritesDone();
  ASSERT_TRUE(probe.first_started.WaitForNotificationWithTimeout(absl::Seconds(20)));
  EXPECT_TRUE(probe.had_deadline.load());
  context.TryCancel();
  v1::ParseArchiveResponse response;
  while (stream->Read(&response)) {
  }
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  ExpectStoppedByCancel(probe);
}

// A ParseArchive caller that sends its whole archive but never reads a
// response: the server's write cannot complete, the window fills, and after
// the idle timeout the call is cancelled and its slot freed.
TEST(CallControl, AnArchiveCallerThatReadsNoResponsesLosesItsSlot) {
  ServiceOptions options;
  options.worker_threads = 2;
  options.stream_window = 2;
  options.max_concurrent_archives = 1;
  options.archive_idle_timeout = absl::Milliseconds(500);
  options.parser.parse = [](absl::string_view, const ParseOptions&, v1::Resolution* out) {
    out->set_text(std::string(64 << 10, 'x'));
    return absl::OkStatus();
  };
  auto server = testing::StartInProcessServer(options);
  auto stub = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server.get()));
  std::vector<testing::TestFile> files;
  for (int i = 0; i < 64; ++i) files.push_back({"doc" + std::to_string(i) + ".txt", "Noting,\n"});
  const std::string archive = BuildArchive(ArchiveFormat::kTar, files);

  grpc::ClientContext stalled_context;
  stalled_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto stalled = stub->ParseArchive(&stalled_context);
  grpc::Status stalled_status;
  std::thread sender([&] {
    v1::ParseArchiveRequest header;
    header.mutable_header()->set_archive_name("stalled-reader.tar");
    bool writing = stalled->Write(header);
    for (size_t at = 0; writing && at < archive.size(); at += 4096) {
      v1::ParseArchiveRequest chunk;
      chunk.set_data(archive.substr(at, 4096));
      writing = stalled->Write(chunk);
    }
    stalled->WritesDone();
    stalled_status = stalled->Finish();  // Reads nothing before this.
  });

  // Until the stalled call is ended, the slot is taken.
  grpc::Status next;
  const std::string small = BuildArchive(ArchiveFormat::kTar, {{"a.txt", "Noting,\n"}});
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  do {
    absl::SleepFor(absl::Milliseconds(200));
    next = testing::SendArchive(stub.get(), small, 4096).status;
  } while (!next.ok() && next.error_code() == grpc::StatusCode::UNAVAILABLE &&
           absl::Now() < give_up);
  EXPECT_TRUE(next.ok()) << next.error_message();
  stalled_context.TryCancel();  // Ends the sender if the server did not.
  sender.join();
  EXPECT_FALSE(stalled_status.ok());
}

}  // namespace
}  // namespace service
}  // namespace resolute
