#include "client/archive_uploader.h"

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/same_fields.h"

namespace resolute {
namespace client {

absl::StatusOr<std::vector<std::string>> ListArchiveFiles(const std::string& path) {
  struct archive* a = archive_read_new();
  archive_read_support_format_tar(a);
  archive_read_support_format_zip_streamable(a);
  archive_read_support_filter_gzip(a);
  archive_read_support_filter_bzip2(a);
  archive_read_support_filter_xz(a);
  archive_read_support_filter_zstd(a);
  const auto error = [&path](struct archive* a) {
    const char* detail = archive_error_string(a);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", detail != nullptr ? detail : "cannot be read"));
  };
  std::vector<std::string> files;
  absl::Status status;
  if (archive_read_open_filename(a, path.c_str(), 256 << 10) != ARCHIVE_OK) {
    status = error(a);
  } else {
    while (true) {
      struct archive_entry* entry = nullptr;
      const int r = archive_read_next_header(a, &entry);
      if (r == ARCHIVE_EOF) break;
      if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
        status = error(a);
        break;
      }
      if (archive_entry_filetype(entry) == AE_IFREG && archive_entry_hardlink(entry) == nullptr) {
        const char* name = archive_entry_pathname_utf8(entry);
        if (name == nullptr) name = archive_entry_pathname(entry);
        files.emplace_back(name != nullptr ? name : "");
      }
      archive_read_data_skip(a);
    }
  }
  archive_read_free(a);
  if (!status.ok()) return status;
  return files;
}

ArchiveUploader::ArchiveUploader(std::shared_ptr<grpc::Channel> channel,
                                 ArchiveUploadOptions options)
    : channel_(std::move(channel)),
      stub_(v1::ResolutionParserService::NewStub(channel_)),
      options_(std::move(options)) {}

void ArchiveUploader::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (active_ != nullptr) active_->TryCancel();
  if (!cancel_notification_.HasBeenNotified()) cancel_notification_.Notify();
}

grpc::Status ArchiveUploader::Attempt(
    const std::string& path, absl::Time deadline,
    const std::function<void(v1::ParseResolutionResponse)>& on_entry, int64_t* delivered) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return grpc::Status(grpc::StatusCode::NOT_FOUND, absl::StrCat("cannot open ", path));
  grpc::ClientContext context;
  if (deadline != absl::InfiniteFuture()) context.set_deadline(absl::ToChronoTime(deadline));
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
    active_ = &context;
  }
  auto stream = stub_->ParseArchive(&context);

  std::thread writer([&] {
    const std::string name = std::filesystem::path(path).filename().string();
    std::string buffer(options_.chunk_bytes > 0 ? options_.chunk_bytes : 1, '\0');
    // First the archive's options, then its bytes.
    v1::ParseArchiveRequest message;
    v1::ParseArchiveRequest::Header* header = message.mutable_header();
    header->set_archive_name(name);
    header->set_source_variant(options_.source_variant);
    header->set_language(options_.language);
    header->set_omit_text(options_.omit_text);
    if (options_.akoma_ntoso) header->add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
    if (!stream->Write(message)) return;  // The call ended (error or early finish).
    while (file) {
      file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const std::streamsize n = file.gcount();
      if (n <= 0) break;
      message.set_data(buffer.data(), static_cast<size_t>(n));
      if (!stream->Write(message)) return;
      if (options_.on_bytes_sent) options_.on_bytes_sent(n);
    }
    stream->WritesDone();
  });

  int64_t position = 0;
  v1::ParseArchiveResponse response;
  while (stream->Read(&response)) {
    if (position++ < *delivered) continue;  // Delivered by an earlier attempt.
    ++*delivered;
    on_entry(SameFields<v1::ParseResolutionResponse>(response));
    response.Clear();
  }
  writer.join();
  grpc::Status status = stream->Finish();
  absl::MutexLock lock(&mu_);
  active_ = nullptr;
  return status;
}

ArchiveUploadResult ArchiveUploader::Run(
    const std::string& path, const std::function<void(v1::ParseResolutionResponse)>& on_entry) {
  const absl::Time deadline = options_.timeout == absl::InfiniteDuration()
                                  ? absl::InfiniteFuture()
                                  : absl::Now() + options_.timeout;
  ArchiveUploadResult result;
  Backoff backoff(options_.retry);
  while (true) {
    const int64_t before = result.entries;
    result.status = Attempt(path, deadline, on_entry, &result.entries);
    if (result.status.ok() || !IsRetryable(result.status.error_code())) return result;
    {
      absl::MutexLock lock(&mu_);
      if (cancelled_) return result;
    }
    if (result.entries > before) backoff.Reset();
    std::optional<absl::Duration> delay = backoff.NextDelay();
    if (!delay) {
      result.status = grpc::Status(result.status.error_code(),
                                   absl::StrCat("gave up after ", options_.retry.max_attempts,
                                                " attempts: ", result.status.error_message()));
      return result;
    }
    ++result.retries;
    if (WaitBeforeRetry(channel_.get(), *delay, &cancel_notification_)) {
      result.status = grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
      return result;
    }
  }
}

}  // namespace client
}  // namespace resolute
