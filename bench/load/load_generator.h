// LoadGenerator: drives a resolute server at a fixed concurrency and measures
// throughput and latency, for `resolute bench`.
//
//   LoadGenerator generator({channel}, documents);
//   LoadOptions options;
//   options.mode = LoadMode::kUnary;
//   options.concurrency = 16;
//   absl::StatusOr<LoadResult> result = generator.Run(options);
//   // result->DocumentsPerSecond(), result->latency.p99, ...
//
// Modes:
//   kUnary    `concurrency` ParseResolution calls outstanding at all times,
//             cycling through the documents; latency is per call.
//   kStream   `streams` StreamParseResolutions calls, each keeping
//             `concurrency` documents in flight (written and not answered);
//             latency is per document, from its write to its response.
//   kArchive  `concurrency` ParseArchive calls at once, each uploading an
//             archive of all the documents; latency is per archive call,
//             throughput counts the entries answered.
//
// A run is a warm-up (`warmup`, not measured), then a measured window that
// ends after `duration` or once `max_requests` requests (unary calls, stream
// documents, archive calls) have completed in it, whichever comes first.
// Completions inside the window are counted; then no new request starts,
// streams and archives still open are cancelled, and the run waits for the
// calls in flight (each bounded by `call_timeout`). So a run takes at most
// warmup + duration + call_timeout.
//
// Uses gRPC's callback API with the generic stub: requests are serialised
// once up front and shared, and responses are not deserialised (only the
// `document_id` and `status` of stream and archive responses are read from
// the wire), so the client spends little CPU per request and the figures are
// the server's.

#ifndef RESOLUTE_BENCH_LOAD_LOAD_GENERATOR_H_
#define RESOLUTE_BENCH_LOAD_LOAD_GENERATOR_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "bench/load/latency_stats.h"
#include "client/memory_archive.h"

namespace resolute {
namespace bench {

// The RPC a run exercises.
enum class LoadMode { kUnary, kStream, kArchive };

// Returns "unary", "stream" or "archive".
absl::string_view LoadModeName(LoadMode mode);

// Parses a LoadModeName; false for anything else.
bool ParseLoadMode(absl::string_view name, LoadMode* mode);

// One document of the benchmark set.
struct BenchDocument {
  // Its name (the archive entry path in kArchive).
  std::string id;
  // The text.
  std::string content;
};

// Returns the document of median size of `documents` (the lower median for
// an even count; ties broken by id). `documents` must not be empty.
const BenchDocument& MedianSizeDocument(const std::vector<BenchDocument>& documents);

// How one run drives the server.
struct LoadOptions {
  LoadMode mode = LoadMode::kUnary;
  // Unary calls outstanding, documents in flight per stream, or archive calls
  // at once (see above). At least 1.
  int concurrency = 16;
  // Streams at once (kStream only). At least 1.
  int streams = 1;
  // Unmeasured time before the window.
  absl::Duration warmup = absl::Seconds(1);
  // Length of the measured window.
  absl::Duration duration = absl::Seconds(5);
  // Ends the window once this many requests completed in it; 0 means no
  // limit.
  int64_t max_requests = 0;
  // Deadline of each call (a stream or archive call lasts at most the run).
  absl::Duration call_timeout = absl::Seconds(30);
  // Sets `omit_text` on every request (or the first archive chunk).
  bool omit_text = false;
  // kArchive: the archive's format and the size of the chunks sent.
  client::MemoryArchiveFormat archive_format = client::MemoryArchiveFormat::kTarGz;
  size_t chunk_bytes = 256 << 10;
};

// What one run measured (inside its window only).
struct LoadResult {
  LoadMode mode = LoadMode::kUnary;
  int concurrency = 0;
  int streams = 0;
  // Requests completed: unary calls, stream documents, archive calls.
  int64_t requests = 0;
  // Documents answered (unary calls, stream responses, archive entries).
  int64_t documents = 0;
  // Bytes of text of those documents.
  int64_t document_bytes = 0;
  // Bytes of the serialised responses received.
  int64_t response_bytes = 0;
  // Failed calls and documents answered with an error status.
  int64_t errors = 0;
  // The first error seen ("INVALID_ARGUMENT: ..."), empty if none.
  std::string first_error;
  // Length of the window.
  absl::Duration elapsed;
  // Per unary call, stream document or archive call.
  LatencySummary latency;

  double RequestsPerSecond() const;
  double DocumentsPerSecond() const;
  // Megabytes (10^6 bytes) of document text per second.
  double MegabytesPerSecond() const;
};

class LoadGenerator {
 public:
  // Calls are spread round-robin over `channels` (at least one); give
  // several to use several connections. `documents` must not be empty.
  LoadGenerator(std::vector<std::shared_ptr<grpc::Channel>> channels,
                std::vector<BenchDocument> documents);
  ~LoadGenerator();

  LoadGenerator(const LoadGenerator&) = delete;
  LoadGenerator& operator=(const LoadGenerator&) = delete;

  // Waits until every channel is connected; UNAVAILABLE after `timeout`.
  absl::Status WaitForServer(absl::Duration timeout);

  // Runs once with `options` and returns what it measured. INVALID_ARGUMENT
  // for bad options; INTERNAL if the archive cannot be built; UNAVAILABLE if
  // calls keep failing before any succeeds (no server); CANCELLED after
  // Cancel(). Not reentrant.
  absl::StatusOr<LoadResult> Run(const LoadOptions& options);

  // Ends the run in progress (and any later one) early. Thread-safe.
  void Cancel();

  // The documents.
  const std::vector<BenchDocument>& documents() const { return documents_; }

 private:
  class Level;

  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  const std::vector<BenchDocument> documents_;
  absl::Mutex mu_;
  Level* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace bench
}  // namespace resolute

#endif  // RESOLUTE_BENCH_LOAD_LOAD_GENERATOR_H_
