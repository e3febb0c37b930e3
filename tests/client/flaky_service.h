// Test helper: a ResolutionParserService whose first calls fail part-way, to test
// the client's retries, and a server to run it in-process.

#ifndef RESOLUTE_TESTS_CLIENT_FLAKY_SERVICE_H_
#define RESOLUTE_TESTS_CLIENT_FLAKY_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "resolute/v1/resolute_service.grpc.pb.h"

namespace resolute {
namespace testing {

// Answers documents with a Resolution whose `symbol` is the document id and
// whose `text` is the content. The first `failing_calls` calls (of any
// method) answer `answers_before_failure` documents, read one more without
// answering it (it is lost), and end with `failure`.
class FlakyService final : public v1::ResolutionParserService::Service {
 public:
  FlakyService(int failing_calls, int answers_before_failure, grpc::Status failure);

  // ParseArchive answers `entries` entries named "e0", "e1", ... once it has
  // read the whole upload (whose bytes it does not interpret).
  void set_archive_entries(int entries) { archive_entries_ = entries; }

  grpc::Status ParseResolution(grpc::ServerContext* context,
                               const v1::ParseResolutionRequest* request,
                               v1::ParseResolutionResponse* response) override;
  grpc::Status StreamParseResolutions(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::StreamParseResolutionsResponse,
                               v1::StreamParseResolutionsRequest>* stream) override;
  grpc::Status ParseArchive(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ParseArchiveResponse, v1::ParseArchiveRequest>* stream)
      override;

  // Calls received by any method.
  int calls() const;
  // How many times each document id was received.
  std::map<std::string, int> received() const;
  // Archive bytes received by the last ParseArchive call.
  int64_t last_archive_bytes() const;

 private:
  // Counts the call; returns true if it is one of those that fail.
  bool StartCall();
  static v1::ParseResolutionResponse Answer(const v1::ParseResolutionRequest& request);

  const int failing_calls_;
  const int answers_before_failure_;
  const grpc::Status failure_;
  int archive_entries_ = 5;
  mutable absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<std::string, int> received_ ABSL_GUARDED_BY(mu_);
  int64_t last_archive_bytes_ ABSL_GUARDED_BY(mu_) = 0;
};

// A server for any service (or none) on 127.0.0.1 with a free port, and a
// channel to it made like the client's.
struct TestServer {
  explicit TestServer(grpc::Service* service);
  ~TestServer();
  std::unique_ptr<grpc::Server> server;
  std::shared_ptr<grpc::Channel> channel;
};

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_CLIENT_FLAKY_SERVICE_H_
