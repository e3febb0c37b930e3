// ArchiveUploader: streams an archive file to ParseArchive in chunks.
//
//   ArchiveUploader uploader(channel, ArchiveUploadOptions{});
//   ArchiveUploadResult result = uploader.Run("session78.tar.gz",
//       [&](v1::ParseResolutionResponse entry) { sink.Write(entry, ...); });
//
// The file is read chunk by chunk as gRPC flow control allows, never whole.
// A transient failure (UNAVAILABLE, ...) restarts the upload from the first
// byte after a backoff; the server answers in archive order, so the entries
// already delivered are recognised by position and skipped.

#ifndef RESOLUTE_CLIENT_ARCHIVE_UPLOADER_H_
#define RESOLUTE_CLIENT_ARCHIVE_UPLOADER_H_

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
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "client/retry_policy.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace client {

// Returns the paths of the regular files of the tar, tar.gz or zip archive
// at `path`, in archive order (links, special files and directories, which
// the server does not parse, left out), reading it through without keeping
// any entry; an error if it cannot be read or is not such an archive.
absl::StatusOr<std::vector<std::string>> ListArchiveFiles(const std::string& path);

// How ArchiveUploader sends an archive.
struct ArchiveUploadOptions {
  // Bytes per ParseArchiveRequest data message.
  size_t chunk_bytes = 256 << 10;
  // Retries of failed calls.
  RetryOptions retry;
  // Deadline of the whole upload, retries included.
  absl::Duration timeout = absl::InfiniteDuration();
  // Called with the number of archive bytes sent by each chunk (progress);
  // counts again after a restart.
  std::function<void(int64_t)> on_bytes_sent;
  // Hints for every entry, sent in the header message: the extraction tool, the
  // language ("" means English) and whether to leave Resolution.text out.
  v1::SourceVariant source_variant = v1::SOURCE_VARIANT_UNSPECIFIED;
  std::string language;
  bool omit_text = false;
  // Whether to ask for Akoma Ntoso XML beside the model for every entry.
  bool akoma_ntoso = false;
};

// How an upload ended.
struct ArchiveUploadResult {
  // OK; the server's INVALID_ARGUMENT (corrupt archive) or
  // RESOURCE_EXHAUSTED (a limit); NOT_FOUND if the file cannot be opened; or
  // the last transport error once retries are exhausted; CANCELLED.
  grpc::Status status;
  // Entries delivered.
  int64_t entries = 0;
  // Calls retried after a transient failure.
  int64_t retries = 0;
};

class ArchiveUploader {
 public:
  ArchiveUploader(std::shared_ptr<grpc::Channel> channel, ArchiveUploadOptions options);

  // Uploads the archive at `path` and calls `on_entry` once per entry, in
  // archive order, on the calling thread.
  ArchiveUploadResult Run(const std::string& path,
                          const std::function<void(v1::ParseResolutionResponse)>& on_entry);

  // Cancels the upload in progress (or the next one). Thread-safe.
  void Cancel();

 private:
  // One ParseArchive call; delivers entries past `*delivered`.
  grpc::Status Attempt(const std::string& path, absl::Time deadline,
                       const std::function<void(v1::ParseResolutionResponse)>& on_entry,
                       int64_t* delivered);

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
  const ArchiveUploadOptions options_;
  absl::Mutex mu_;
  grpc::ClientContext* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  absl::Notification cancel_notification_;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_ARCHIVE_UPLOADER_H_
