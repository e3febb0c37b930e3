// BulkParser: many documents through resolute, losslessly.
//
//   BulkParser parser(channel, BulkOptions{.concurrency = 16});
//   BulkStats stats = parser.Run(inputs, [&](DocumentOutcome outcome) {
//     sink.Write(outcome.response, inputs[outcome.index].output_stem);
//   });
//
// Documents go through StreamParseResolutions (or unary calls), at most
// `concurrency` in flight. When a call fails with a transient error
// (UNAVAILABLE, ...), it is retried with exponential backoff and jitter, and
// every document sent on it whose response had not arrived is sent again;
// backoff starts over whenever a call makes progress. Every input gets
// exactly one outcome: the server's response, or the client's reason (file
// unreadable, server unreachable after the retries, cancelled).

#ifndef RESOLUTE_CLIENT_BULK_PARSER_H_
#define RESOLUTE_CLIENT_BULK_PARSER_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "client/document_source.h"
#include "client/retry_policy.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace client {

// How BulkParser sends documents.
struct BulkOptions {
  // The RPC used.
  enum class Mode {
    // StreamParseResolutions calls.
    kStream,
    // One ParseResolution call per document.
    kUnary,
  };
  Mode mode = Mode::kStream;
  // Documents in flight at once, over all calls.
  int concurrency = 8;
  // Concurrent streams (kStream); with round-robin balancing each may go to a
  // different server.
  int streams = 1;
  // Retries of failed calls.
  RetryOptions retry;
  // Deadline of the whole run; documents still unanswered then fail with
  // DEADLINE_EXCEEDED.
  absl::Duration timeout = absl::InfiniteDuration();
  // Request fields applied to every document.
  v1::SourceVariant source_variant = v1::SOURCE_VARIANT_UNSPECIFIED;
  std::string language;
  bool omit_text = false;
  // Whether to ask for Akoma Ntoso XML beside the model
  // (OUTPUT_FORMAT_AKOMA_NTOSO).
  bool akoma_ntoso = false;
  // Documents larger than this fail with RESOURCE_EXHAUSTED without being
  // sent: a request over the server's message limit (--max_message_bytes,
  // 64 MiB by default) would end the whole stream, not just its document.
  size_t max_document_bytes = (64 << 20) - (64 << 10);
  // Reads a document; ReadDocument if empty. Called again for a resent
  // document.
  std::function<absl::StatusOr<std::string>(const DocumentInput&)> loader;
};

// The result of one input.
struct DocumentOutcome {
  // Index of the input in the vector given to Run.
  size_t index = 0;
  // `document_id` is the input's id; `status` and, if OK, `resolution`.
  v1::ParseResolutionResponse response;
  // True if `status` comes from the client (unreadable file, server
  // unreachable after the retries, deadline, cancellation), not the server.
  bool client_error = false;
};

// Counters of a run.
struct BulkStats {
  // Calls started (streams or unary calls).
  int64_t calls = 0;
  // Calls retried after a transient failure.
  int64_t retries = 0;
  // Documents sent again because their response never arrived.
  int64_t resent = 0;
};

class BulkParser {
 public:
  BulkParser(std::shared_ptr<grpc::Channel> channel, BulkOptions options);
  ~BulkParser();

  // Parses every input and calls `on_outcome` exactly once per input, from
  // worker threads, possibly concurrently. Returns when every input has its
  // outcome.
  BulkStats Run(const std::vector<DocumentInput>& inputs,
                const std::function<void(DocumentOutcome)>& on_outcome);

  // Cancels the run in progress (or the next one): calls are cancelled and
  // inputs without an outcome get CANCELLED. Thread-safe.
  void Cancel();

 private:
  class Run_;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
  const BulkOptions options_;
  absl::Mutex mu_;
  Run_* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_BULK_PARSER_H_
