#include "service/archive_stream_reactor.h"

#include <memory>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/error_reason.h"
#include "service/request_codec.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {
namespace {

// Chunks received and not yet consumed; reading pauses beyond this.
constexpr size_t kMaxBufferedChunks = 2;

// Returns `status` with `prefix` before its message, its payloads (the error
// reason) kept.
absl::Status Prefixed(const absl::Status& status, absl::string_view prefix) {
  absl::Status out(status.code(), absl::StrCat(prefix, status.message()));
  status.ForEachPayload([&out](absl::string_view url, const absl::Cord& payload) {
    out.SetPayload(url, payload);
  });
  return out;
}

}  // namespace

ArchiveStreamReactor::ArchiveStreamReactor(const DocumentParser* parser, WorkerPool* pool,
                                           size_t window, ArchiveLimits limits,
                                           absl::Duration idle_timeout,
                                           std::shared_ptr<std::atomic<int>> in_progress,
                                           StreamLog log, ServiceMetrics* metrics,
                                           grpc::CallbackServerContext* context)
    : ResponseStreamReactor(ResponseSequencer::Order::kReservation, window),
      parser_(parser),
      pool_(pool),
      limits_(limits),
      idle_timeout_(idle_timeout),
      in_progress_(std::move(in_progress)),
      log_(std::move(log)),
      metrics_(metrics),
      context_(context),
      deadline_(context != nullptr ? absl::FromChrono(context->deadline())
                                   : absl::InfiniteFuture()) {}

ArchiveStreamReactor::~ArchiveStreamReactor() { in_progress_->fetch_sub(1); }

void ArchiveStreamReactor::Begin() {
  {
    absl::MutexLock lock(&mu_);
    PumpLocked();
  }
  auto self = std::static_pointer_cast<ArchiveStreamReactor>(shared_from_this());
  // Detached: it holds the reactor alive and touches nothing else once the
  // call is finished.
  std::thread([self] { self->ReadArchive(); }).detach();
}

void ArchiveStreamReactor::MaybeReadLocked() {
  if (reading_ || reads_ended_ || input_ended_ || cancelled()) return;
  if (chunks_.size() >= kMaxBufferedChunks) return;  // Resumed by NextChunk.
  reading_ = true;
  StartRead(&read_buffer_);
}

void ArchiveStreamReactor::OnReadDone(bool ok) {
  absl::MutexLock lock(&mu_);
  reading_ = false;
  if (!ok) {
    reads_ended_ = true;
  } else {
    v1::ParseArchiveRequest message;
    absl::Status decoded =
        DecodeRequest(&read_buffer_, messages_read_, "ParseArchiveRequest", &message);
    if (decoded.ok()) {
      TakeMessageLocked(&message);
    } else {
      input_status_ = std::move(decoded);
    }
    ++messages_read_;
    // Nothing after an unusable message is read: the call ends with its error.
    if (!input_status_.ok()) reads_ended_ = true;
  }
  PumpLocked();
}

void ArchiveStreamReactor::TakeMessageLocked(v1::ParseArchiveRequest* message) {
  const bool first = messages_read_ == 0;
  if (first && !message->has_header()) {
    input_status_ = WithErrorReason(
        absl::InvalidArgumentError(
            "the first message of a ParseArchive call must be a header (the archive's options)"),
        "ARCHIVE_HEADER_MISSING", "header");
  } else if (!first && message->has_header()) {
    input_status_ = WithErrorReason(
        absl::InvalidArgumentError(absl::StrCat(
            "message ", messages_read_,
            " (zero-based) of a ParseArchive call is a header; only the first may be")),
        "ARCHIVE_HEADER_REPEATED", "header", {{"message_index", absl::StrCat(messages_read_)}});
  } else if (first) {
    const v1::ParseArchiveRequest::Header& header = message->header();
    archive_name_ = header.archive_name();
    hints_.set_source_variant(header.source_variant());
    hints_.set_language(header.language());
    hints_.set_omit_text(header.omit_text());
    *hints_.mutable_output_formats() = header.output_formats();
    input_status_ = CheckLanguage(header.language());
  } else if (!message->data().empty()) {
    chunks_.push_back(std::move(*message->mutable_data()));
  }
}

bool ArchiveStreamReactor::ChunkOrEndLocked() const {
  return !chunks_.empty() || reads_ended_ || cancelled();
}

bool ArchiveStreamReactor::RoomOrCancelLocked() const { return HasRoomLocked() || cancelled(); }

absl::StatusOr<absl::string_view> ArchiveStreamReactor::NextChunk() {
  absl::MutexLock lock(&mu_);
  if (!mu_.AwaitWithTimeout(absl::Condition(this, &ArchiveStreamReactor::ChunkOrEndLocked),
                            idle_timeout_)) {
    return WithErrorReason(
        absl::DeadlineExceededError(
            absl::StrCat("no archive chunk arrived for ", absl::FormatDuration(idle_timeout_),
                         "; the call was ended to free its archive slot")),
        "ARCHIVE_IDLE_TIMEOUT", "",
        {{"idle_timeout_seconds", absl::StrCat(absl::ToDoubleSeconds(idle_timeout_))}});
  }
  if (cancelled()) return absl::CancelledError("the call was cancelled");
  if (!input_status_.ok()) return input_status_;
  if (chunks_.empty()) return absl::string_view();  // The client sent it all.
  current_chunk_ = std::move(chunks_.front());
  chunks_.pop_front();
  PumpLocked();  // Resumes reading if it was paused.
  return absl::string_view(current_chunk_);
}

void ArchiveStreamReactor::ReadArchive() {
  ArchiveReader reader([this] { return NextChunk(); }, limits_);
  auto self = std::static_pointer_cast<ArchiveStreamReactor>(shared_from_this());
  absl::Status status;
  ArchiveEntry entry;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      bool stalled = false;
      while (!mu_.AwaitWithTimeout(
          absl::Condition(this, &ArchiveStreamReactor::RoomOrCancelLocked), idle_timeout_)) {
        // The window stays full while parses run, or while the client does
        // not read: only a write that has not completed for the timeout
        // gives the slot up.
        if (WriteStalledLocked(idle_timeout_)) {
          stalled = true;
          break;
        }
      }
      if (stalled) {
        if (log_.logger != nullptr) {
          log_.logger->Log(LogLevel::kWarning, "archive call cancelled: the client reads no responses",
                           {{"method", log_.method}, {"peer", log_.peer},
                            {"idle_timeout_seconds", absl::ToDoubleSeconds(idle_timeout_)}});
        }
        if (context_ != nullptr) context_->TryCancel();
        cancelled_ = true;
        break;
      }
      if (cancelled()) break;
    }
    absl::StatusOr<bool> more = reader.Next(&entry);
    if (!more.ok()) {
      status = more.status();
      break;
    }
    if (!*more) break;
    uint64_t ticket;
    v1::ParseResolutionRequest request;
    {
      absl::MutexLock lock(&mu_);
      ticket = ReserveLocked();
      request = hints_;
    }
    const int64_t index = entry.index;
    if (!entry.status.ok()) {
      ArenaResponse response = ArenaResponse::New();
      response->set_document_id(entry.path);
      response->set_request_index(index);
      *response->mutable_status() = ToDocumentStatus(entry.status);
      if (metrics_ != nullptr) {
        metrics_->DocumentParsed(entry.status, 0, absl::ZeroDuration(), nullptr);
      }
      LogDocument(log_, *response, absl::ZeroDuration());
      Deliver(ticket, std::move(response));
      continue;
    }
    request.set_document_id(std::move(entry.path));
    request.set_content(std::move(entry.content));
    pool_->Submit([self, ticket, index, request = std::move(request)]() {
      self->ParseOne(ticket, index, request);
    });
  }
  absl::MutexLock lock(&mu_);
  if (!status.ok() && !archive_name_.empty()) {
    status = Prefixed(status, absl::StrCat("archive \"", archive_name_, "\": "));
  }
  EndInputLocked(ToGrpcStatus(status));
  PumpLocked();
}

void ArchiveStreamReactor::ParseOne(uint64_t ticket, int64_t index,
                                    const v1::ParseResolutionRequest& request) {
  CallControl call;
  call.deadline = deadline_;
  call.cancelled = [this] { return cancelled(); };
  ArenaResponse response = ParseStreamDocument(*parser_, log_, request, cancelled(), call);
  response->set_request_index(index);
  Deliver(ticket, std::move(response));
}

}  // namespace service
}  // namespace resolute
