#include "client/bulk_parser.h"

#include <algorithm>
#include <deque>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "client/resolute_client.h"
#include "client/same_fields.h"

namespace resolute {
namespace client {
namespace {

v1::ParseResolutionResponse ErrorResponse(int code, const std::string& message) {
  v1::ParseResolutionResponse response;
  response.mutable_status()->set_code(code);
  response.mutable_status()->set_message(message);
  return response;
}

// A call's status as a document's: with the server's rich error details
// (google.rpc.Status in the grpc-status-details-bin trailer) when it sent them.
v1::ParseResolutionResponse ErrorResponse(const grpc::Status& status) {
  v1::ParseResolutionResponse response =
      ErrorResponse(static_cast<int>(status.error_code()), status.error_message());
  google::rpc::Status details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details()) &&
      details.code() == static_cast<int>(status.error_code())) {
    *response.mutable_status() = std::move(details);
  }
  return response;
}

v1::ParseResolutionResponse ErrorResponse(const absl::Status& status) {
  return ErrorResponse(static_cast<int>(status.code()), std::string(status.message()));
}

}  // namespace

// The state of one BulkParser::Run.
class BulkParser::Run_ {
 public:
  Run_(BulkParser* parent, const std::vector<DocumentInput>& inputs,
       const std::function<void(DocumentOutcome)>& on_outcome);

  // Runs the workers until every input has its outcome.
  BulkStats Execute();

  // Cancels the calls in flight and stops the workers.
  void Cancel();

 private:
  void StreamWorker();
  // One StreamParseResolutions call: sends queued documents and resolves
  // those answered; puts the unanswered back in the queue. Sets `*progressed`
  // if any response arrived.
  grpc::Status RunStream(bool* progressed);
  void UnaryWorker();
  // Reads input `index`; RESOURCE_EXHAUSTED if it is too large to send.
  absl::StatusOr<std::string> Load(size_t index) const;
  // Gives input `index` its outcome unless it already has one.
  void Resolve(size_t index, v1::ParseResolutionResponse response, bool client_error);
  // A ParseResolutionRequest or a StreamParseResolutionsRequest (the same
  // fields, so one template fills either).
  template <class Request>
  Request MakeRequest(size_t index, std::string content) const;
  void SetDeadline(grpc::ClientContext* context) const;
  // Waits before a retry (see WaitBeforeRetry); returns true if the run was
  // cancelled meanwhile.
  bool SleepUnlessCancelled(absl::Duration delay);
  // Whether workers should stop taking documents.
  bool StoppingLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return cancelled_ || !fatal_.ok();
  }

  BulkParser* const parent_;
  const BulkOptions& options_;
  const std::vector<DocumentInput>& inputs_;
  const std::function<void(DocumentOutcome)>& on_outcome_;
  std::vector<std::string> wire_ids_;
  std::unordered_map<std::string, size_t> by_wire_id_;
  absl::Time deadline_;
  absl::Notification cancel_notification_;

  absl::Mutex mu_;
  std::deque<size_t> queue_ ABSL_GUARDED_BY(mu_);
  std::vector<bool> resolved_ ABSL_GUARDED_BY(mu_);
  size_t unresolved_ ABSL_GUARDED_BY(mu_);
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  // A failure that is not worth retrying: ends the run.
  grpc::Status fatal_ ABSL_GUARDED_BY(mu_);
  // The last transient failure.
  grpc::Status last_error_ ABSL_GUARDED_BY(mu_);
  std::set<grpc::ClientContext*> contexts_ ABSL_GUARDED_BY(mu_);
  BulkStats stats_ ABSL_GUARDED_BY(mu_);
};

BulkParser::Run_::Run_(BulkParser* parent, const std::vector<DocumentInput>& inputs,
                       const std::function<void(DocumentOutcome)>& on_outcome)
    : parent_(parent),
      options_(parent->options_),
      inputs_(inputs),
      on_outcome_(on_outcome),
      deadline_(options_.timeout == absl::InfiniteDuration() ? absl::InfiniteFuture()
                                                             : absl::Now() + options_.timeout),
      resolved_(inputs.size(), false),
      unresolved_(inputs.size()) {
  wire_ids_.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string id = inputs[i].id;
    if (by_wire_id_.count(id) > 0) id = absl::StrCat(id, "#", i);
    by_wire_id_.emplace(id, i);
    wire_ids_.push_back(std::move(id));
    queue_.push_back(i);
  }
}

BulkStats BulkParser::Run_::Execute() {
  const bool stream = options_.mode == BulkOptions::Mode::kStream;
  const int workers = std::max(1, stream ? options_.streams : options_.concurrency);
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([this, stream] { stream ? StreamWorker() : UnaryWorker(); });
  }
  for (std::thread& t : threads) t.join();

  // Whatever is left never got an answer: say why.
  std::vector<size_t> left;
  grpc::Status reason;
  {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < resolved_.size(); ++i) {
      if (!resolved_[i]) left.push_back(i);
    }
    if (cancelled_) {
      reason = grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
    } else if (!fatal_.ok()) {
      reason = fatal_;
    } else if (!last_error_.ok()) {
      reason = grpc::Status(last_error_.error_code(),
                            absl::StrCat("gave up after ", options_.retry.max_attempts,
                                         " attempts: ", last_error_.error_message()));
    } else {
      reason = grpc::Status(grpc::StatusCode::UNKNOWN, "no response");
    }
  }
  for (size_t i : left) Resolve(i, ErrorResponse(reason), /*client_error=*/true);
  absl::MutexLock lock(&mu_);
  return stats_;
}

void BulkParser::Run_::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  for (grpc::ClientContext* context : contexts_) context->TryCancel();
  if (!cancel_notification_.HasBeenNotified()) cancel_notification_.Notify();
}

bool BulkParser::Run_::SleepUnlessCancelled(absl::Duration delay) {
  return WaitBeforeRetry(parent_->channel_.get(), delay, &cancel_notification_);
}

void BulkParser::Run_::SetDeadline(grpc::ClientContext* context) const {
  if (deadline_ != absl::InfiniteFuture()) context->set_deadline(absl::ToChronoTime(deadline_));
}

void BulkParser::Run_::Resolve(size_t index, v1::ParseResolutionResponse response,
                               bool client_error) {
  {
    absl::MutexLock lock(&mu_);
    if (resolved_[index]) return;
    resolved_[index] = true;
    --unresolved_;
  }
  response.set_document_id(inputs_[index].id);
  // The position in whichever stream carried it (streams split the inputs
  // and retries resend them): meaningless to the caller, who has `index`.
  // Cleared so that the output is the same in every mode.
  response.clear_request_index();
  DocumentOutcome outcome;
  outcome.index = index;
  outcome.response = std::move(response);
  outcome.client_error = client_error;
  on_outcome_(std::move(outcome));
}

absl::StatusOr<std::string> BulkParser::Run_::Load(size_t index) const {
  absl::StatusOr<std::string> content =
      options_.loader ? options_.loader(inputs_[index]) : ReadDocument(inputs_[index]);
  if (content.ok() && content->size() > options_.max_document_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat("content is ", content->size(),
                                                     " bytes; the client sends at most ",
                                                     options_.max_document_bytes));
  }
  return content;
}

template <class Request>
Request BulkParser::Run_::MakeRequest(size_t index, std::string content) const {
  Request request;
  request.set_document_id(wire_ids_[index]);
  request.set_content(std::move(content));
  request.set_source_variant(options_.source_variant);
  request.set_language(options_.language);
  request.set_omit_text(options_.omit_text);
  if (options_.akoma_ntoso) request.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
  // A .pdf file goes as PDF; other files leave the server to tell ("%PDF-").
  if (absl::EndsWithIgnoreCase(inputs_[index].path, ".pdf")) {
    request.set_media_type("application/pdf");
  }
  return request;
}

void BulkParser::Run_::StreamWorker() {
  Backoff backoff(options_.retry);
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      const auto has_work = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return unresolved_ == 0 || StoppingLocked() || !queue_.empty();
      };
      mu_.Await(absl::Condition(&has_work));
      if (unresolved_ == 0 || StoppingLocked()) return;
    }
    bool progressed = false;
    grpc::Status status = RunStream(&progressed);
    if (status.ok()) {
      backoff.Reset();
      continue;
    }
    {
      absl::MutexLock lock(&mu_);
      if (cancelled_) return;
      if (!IsRetryable(status.error_code())) {
        fatal_ = status;
        return;
      }
      last_error_ = status;
    }
    if (progressed) backoff.Reset();
    std::optional<absl::Duration> delay = backoff.NextDelay();
    if (!delay) return;  // Its documents are queued for the other workers, if any.
    {
      absl::MutexLock lock(&mu_);
      ++stats_.retries;
    }
    if (SleepUnlessCancelled(*delay)) return;
  }
}

grpc::Status BulkParser::Run_::RunStream(bool* progressed) {
  grpc::ClientContext context;
  SetDeadline(&context);
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
    contexts_.insert(&context);
    ++stats_.calls;
  }
  absl::Cleanup unregister = [&] {
    absl::MutexLock lock(&mu_);
    contexts_.erase(&context);
  };
  auto stream = parent_->stub_->StreamParseResolutions(&context);
  const size_t window =
      static_cast<size_t>(std::max(1, options_.concurrency / std::max(1, options_.streams)));
  std::set<size_t> pending;  // Sent on this stream, unanswered; guarded by mu_.
  bool reader_done = false;  // Guarded by mu_.

  std::thread reader([&] {
    v1::StreamParseResolutionsResponse response;
    while (stream->Read(&response)) {
      auto it = by_wire_id_.find(response.document_id());
      if (it == by_wire_id_.end()) continue;  // Not ours: ignore.
      const size_t index = it->second;
      {
        absl::MutexLock lock(&mu_);
        if (pending.erase(index) == 0) continue;  // Not sent on this stream.
        *progressed = true;
      }
      Resolve(index, SameFields<v1::ParseResolutionResponse>(response), /*client_error=*/false);
      response.Clear();
    }
    absl::MutexLock lock(&mu_);
    reader_done = true;
  });

  while (true) {
    size_t index;
    {
      absl::MutexLock lock(&mu_);
      const auto can_send = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return StoppingLocked() || reader_done || queue_.empty() || pending.size() < window;
      };
      mu_.Await(absl::Condition(&can_send));
      if (StoppingLocked() || reader_done || queue_.empty()) break;
      index = queue_.front();
      queue_.pop_front();
      pending.insert(index);
    }
    absl::StatusOr<std::string> content = Load(index);
    if (!content.ok()) {
      {
        absl::MutexLock lock(&mu_);
        pending.erase(index);
      }
      Resolve(index, ErrorResponse(content.status()), /*client_error=*/true);
      continue;
    }
    if (!stream->Write(MakeRequest<v1::StreamParseResolutionsRequest>(index, *std::move(content)))) {
      break;  // Broken.
    }
  }
  stream->WritesDone();
  reader.join();
  grpc::Status status = stream->Finish();

  absl::MutexLock lock(&mu_);
  // Unanswered documents go back to the front of the queue, in input order.
  size_t unanswered = 0;
  for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
    if (resolved_[*it]) continue;
    queue_.push_front(*it);
    ++unanswered;
  }
  stats_.resent += static_cast<int64_t>(unanswered);
  if (status.ok() && unanswered > 0 && !cancelled_) {
    status = grpc::Status(
        grpc::StatusCode::ABORTED,
        absl::StrCat("the server ended the stream without answering ", unanswered, " documents"));
  }
  return status;
}

void BulkParser::Run_::UnaryWorker() {
  while (true) {
    size_t index;
    {
      absl::MutexLock lock(&mu_);
      if (StoppingLocked() || queue_.empty()) return;
      index = queue_.front();
      queue_.pop_front();
    }
    absl::StatusOr<std::string> content = Load(index);
    if (!content.ok()) {
      Resolve(index, ErrorResponse(content.status()), /*client_error=*/true);
      continue;
    }
    const auto request = MakeRequest<v1::ParseResolutionRequest>(index, *std::move(content));
    Backoff backoff(options_.retry);
    while (true) {
      grpc::ClientContext context;
      SetDeadline(&context);
      {
        absl::MutexLock lock(&mu_);
        if (cancelled_) break;  // Resolved as cancelled at the end.
        contexts_.insert(&context);
        ++stats_.calls;
      }
      v1::ParseResolutionResponse response;
      grpc::Status status = parent_->stub_->ParseResolution(&context, request, &response);
      {
        absl::MutexLock lock(&mu_);
        contexts_.erase(&context);
        if (cancelled_) break;
      }
      if (status.ok()) {
        Resolve(index, std::move(response), /*client_error=*/false);
        break;
      }
      if (!IsRetryable(status.error_code())) {
        // The document's own error (INVALID_ARGUMENT, ...) unless the
        // deadline passed.
        const bool client = status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
        Resolve(index, ErrorResponse(status), client);
        break;
      }
      {
        absl::MutexLock lock(&mu_);
        last_error_ = status;
      }
      std::optional<absl::Duration> delay = backoff.NextDelay();
      if (!delay) {
        Resolve(index,
                ErrorResponse(grpc::Status(
                    status.error_code(), absl::StrCat("gave up after ", options_.retry.max_attempts,
                                                      " attempts: ", status.error_message()))),
                /*client_error=*/true);
        break;
      }
      {
        absl::MutexLock lock(&mu_);
        ++stats_.retries;
      }
      if (SleepUnlessCancelled(*delay)) break;
    }
  }
}

BulkParser::BulkParser(std::shared_ptr<grpc::Channel> channel, BulkOptions options)
    : channel_(std::move(channel)),
      stub_(v1::ResolutionParserService::NewStub(channel_)),
      options_(std::move(options)) {}

BulkParser::~BulkParser() = default;

BulkStats BulkParser::Run(const std::vector<DocumentInput>& inputs,
                          const std::function<void(DocumentOutcome)>& on_outcome) {
  Run_ run(this, inputs, on_outcome);
  {
    absl::MutexLock lock(&mu_);
    active_ = &run;
    if (cancelled_) run.Cancel();
  }
  BulkStats stats = run.Execute();
  absl::MutexLock lock(&mu_);
  active_ = nullptr;
  return stats;
}

void BulkParser::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (active_ != nullptr) active_->Cancel();
}

}  // namespace client
}  // namespace resolute
