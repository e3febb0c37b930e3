#include "bench/load/load_generator.h"

#include <grpcpp/support/proto_buffer_reader.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <iterator>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace bench {
namespace {

constexpr char kUnaryMethod[] = "/resolute.v1.ResolutionParserService/ParseResolution";
constexpr char kStreamMethod[] = "/resolute.v1.ResolutionParserService/StreamParseResolutions";
constexpr char kArchiveMethod[] = "/resolute.v1.ResolutionParserService/ParseArchive";

// The names of the gRPC status codes, for error messages.
constexpr absl::string_view kCodeNames[] = {
    "OK",        "CANCELLED",          "UNKNOWN",          "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED", "NOT_FOUND",  "ALREADY_EXISTS",   "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL",       "UNAVAILABLE",      "DATA_LOSS",
    "UNAUTHENTICATED",
};

std::string ErrorText(int code, absl::string_view message) {
  const absl::string_view name =
      code >= 0 && code < static_cast<int>(std::size(kCodeNames)) ? kCodeNames[code] : "UNKNOWN";
  return absl::StrCat(name, ": ", message);
}

grpc::ByteBuffer BufferOf(std::string bytes) {
  grpc::Slice slice(std::move(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

// What a response (of any of the three calls: they have the same fields)
// says about its document, read from the wire without parsing the resolution.
struct ResponseHead {
  std::string document_id;
  int code = 0;
  std::string message;
};

// Reads fields 1 (document_id) and 2 (status) of a serialised response and
// skips the rest; false if malformed.
bool PeekResponse(grpc::ByteBuffer* buffer, ResponseHead* head) {
  grpc::ProtoBufferReader reader(buffer);
  google::protobuf::io::CodedInputStream in(&reader);
  in.SetTotalBytesLimit(INT_MAX);
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) return true;
    const int field = static_cast<int>(tag >> 3);
    const int wire_type = static_cast<int>(tag & 7);
    if (field == 1 && wire_type == 2) {
      if (!google::protobuf::internal::WireFormatLite::ReadString(&in, &head->document_id)) {
        return false;
      }
    } else if (field == 2 && wire_type == 2) {
      std::string status_bytes;
      if (!google::protobuf::internal::WireFormatLite::ReadBytes(&in, &status_bytes)) {
        return false;
      }
      google::rpc::Status status;
      if (!status.ParseFromString(status_bytes)) return false;
      head->code = status.code();
      head->message = status.message();
    } else if (!google::protobuf::internal::WireFormatLite::SkipField(&in, tag)) {
      return false;
    }
  }
}

}  // namespace

absl::string_view LoadModeName(LoadMode mode) {
  switch (mode) {
    case LoadMode::kUnary:
      return "unary";
    case LoadMode::kStream:
      return "stream";
    case LoadMode::kArchive:
      return "archive";
  }
  return "unary";
}

bool ParseLoadMode(absl::string_view name, LoadMode* mode) {
  for (LoadMode m : {LoadMode::kUnary, LoadMode::kStream, LoadMode::kArchive}) {
    if (name == LoadModeName(m)) {
      *mode = m;
      return true;
    }
  }
  return false;
}

const BenchDocument& MedianSizeDocument(const std::vector<BenchDocument>& documents) {
  std::vector<const BenchDocument*> sorted;
  sorted.reserve(documents.size());
  for (const BenchDocument& d : documents) sorted.push_back(&d);
  std::sort(sorted.begin(), sorted.end(), [](const BenchDocument* a, const BenchDocument* b) {
    if (a->content.size() != b->content.size()) return a->content.size() < b->content.size();
    return a->id < b->id;
  });
  return *sorted[(sorted.size() - 1) / 2];
}

double LoadResult::RequestsPerSecond() const {
  const double s = absl::ToDoubleSeconds(elapsed);
  return s > 0 ? static_cast<double>(requests) / s : 0;
}

double LoadResult::DocumentsPerSecond() const {
  const double s = absl::ToDoubleSeconds(elapsed);
  return s > 0 ? static_cast<double>(documents) / s : 0;
}

double LoadResult::MegabytesPerSecond() const {
  const double s = absl::ToDoubleSeconds(elapsed);
  return s > 0 ? static_cast<double>(document_bytes) / 1e6 / s : 0;
}

// One run: the calls, the window and the figures.
class LoadGenerator::Level {
 public:
  Level(LoadGenerator* generator, const LoadOptions& options)
      : generator_(generator), options_(options), documents_(generator->documents_) {}

  // Serialises the requests (and builds the archive). INTERNAL on failure.
  absl::Status Prepare();

  // Starts the calls, runs the window, stops and waits. Returns the figures.
  absl::StatusOr<LoadResult> Execute();

  // Ends the run early. Thread-safe.
  void Cancel() ABSL_LOCKS_EXCLUDED(mu_);

 private:
  class StreamCall;
  class ArchiveCall;

  grpc::GenericStub* NextStub() {
    return generator_->stubs_[next_stub_++ % generator_->stubs_.size()].get();
  }
  size_t NextDocument() { return next_document_++ % documents_.size(); }
  // A unary call gets `call_timeout`; a stream or archive call may also last
  // the whole run.
  void SetDeadline(grpc::ClientContext* context) const {
    absl::Duration timeout = options_.call_timeout;
    if (options_.mode != LoadMode::kUnary) timeout += options_.warmup + options_.duration;
    context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  }

  // Registers a call about to start; false if the run is stopping. With
  // `reserved`, the call takes over the place of one that ended (see
  // EndCall); when it returns false the level may be gone at once. A null
  // `context` is registered for cancellation later, with Started.
  bool BeginCall(grpc::ClientContext* context, bool reserved) ABSL_LOCKS_EXCLUDED(mu_);
  // Registers the context of a stream or archive call for cancellation once
  // StartCall has returned (the reactor holding off OnDone meanwhile), and
  // cancels it at once if the run is stopping. gRPC (1.51) can lose a call
  // cancelled while StartCall runs on another thread: OnDone never comes,
  // not even at the deadline, and the run would wait for it forever.
  void Started(grpc::ClientContext* context) ABSL_LOCKS_EXCLUDED(mu_);
  // Unregisters a call that has ended. Returns true if another call should
  // start in its place (with reserved = true): the run goes on; false if
  // ReleaseCall must follow. Either way the call keeps its place, and the
  // level stays alive, until then. The caller destroys the call's
  // ClientContext in between: the context holds a reference to the channel,
  // and the last one must not be dropped on a gRPC callback thread (~Channel
  // would shut down the callback completion queue that thread is serving).
  bool EndCall(grpc::ClientContext* context) ABSL_LOCKS_EXCLUDED(mu_);
  // Gives up the place of a call that EndCall did not replace; the level may
  // be gone as soon as this returns.
  void ReleaseCall() ABSL_LOCKS_EXCLUDED(mu_);
  // Whether new requests may start.
  bool Stopping() ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return stopping_;
  }

  // Records completed requests and documents (counted only inside the
  // window). `latency` is recorded if `requests` > 0. `error` non-empty
  // counts one error.
  void Record(int64_t requests, absl::Duration latency, int64_t documents, int64_t document_bytes,
              int64_t response_bytes, const std::string& error) ABSL_LOCKS_EXCLUDED(mu_);
  // A call failed as a whole with `status` (ignored once stopping).
  void CallFailed(const grpc::Status& status) ABSL_LOCKS_EXCLUDED(mu_);

  // Start one call each; `reserved` as for BeginCall.
  void StartUnary(bool reserved);
  void StartStream(bool reserved);
  void StartArchive(bool reserved);

  LoadGenerator* const generator_;
  const LoadOptions options_;
  const std::vector<BenchDocument>& documents_;
  std::atomic<uint64_t> next_stub_{0};
  std::atomic<uint64_t> next_document_{0};

  // kUnary: one request per document.
  std::vector<grpc::ByteBuffer> unary_requests_;
  // kStream: the request of each document without its id (added per write).
  std::vector<grpc::Slice> stream_bodies_;
  // kArchive: the header (name, hints), then the data messages of the archive,
  // and the size of each entry.
  std::vector<grpc::ByteBuffer> archive_chunks_;
  absl::flat_hash_map<std::string, int64_t> entry_bytes_;

  absl::Mutex mu_;
  bool measuring_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  // Set when calls fail before any has succeeded: no server to measure.
  grpc::Status aborted_ ABSL_GUARDED_BY(mu_);
  absl::Time window_start_ ABSL_GUARDED_BY(mu_);
  absl::Time window_end_ ABSL_GUARDED_BY(mu_);
  int active_ ABSL_GUARDED_BY(mu_) = 0;
  std::set<grpc::ClientContext*> contexts_ ABSL_GUARDED_BY(mu_);
  int64_t successes_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t failures_ ABSL_GUARDED_BY(mu_) = 0;
  LoadResult result_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Duration> latencies_ ABSL_GUARDED_BY(mu_);
};

absl::Status LoadGenerator::Level::Prepare() {
  switch (options_.mode) {
    case LoadMode::kUnary:
      for (const BenchDocument& d : documents_) {
        v1::ParseResolutionRequest request;
        request.set_document_id(d.id);
        request.set_content(d.content);
        request.set_omit_text(options_.omit_text);
        unary_requests_.push_back(BufferOf(request.SerializeAsString()));
      }
      break;
    case LoadMode::kStream:
      for (const BenchDocument& d : documents_) {
        v1::StreamParseResolutionsRequest request;
        request.set_content(d.content);
        request.set_omit_text(options_.omit_text);
        stream_bodies_.push_back(grpc::Slice(request.SerializeAsString()));
      }
      break;
    case LoadMode::kArchive: {
      std::vector<client::MemoryArchiveFile> files;
      for (const BenchDocument& d : documents_) {
        files.push_back({d.id, d.content});
        entry_bytes_[d.id] = static_cast<int64_t>(d.content.size());
      }
      absl::StatusOr<std::string> archive = client::BuildMemoryArchive(options_.archive_format, files);
      if (!archive.ok()) return archive.status();
      const size_t chunk = std::max<size_t>(1, options_.chunk_bytes);
      v1::ParseArchiveRequest header;
      header.mutable_header()->set_archive_name("bench.archive");
      header.mutable_header()->set_omit_text(options_.omit_text);
      archive_chunks_.push_back(BufferOf(header.SerializeAsString()));
      for (size_t at = 0; at < archive->size(); at += chunk) {
        v1::ParseArchiveRequest message;
        message.set_data(archive->substr(at, chunk));
        archive_chunks_.push_back(BufferOf(message.SerializeAsString()));
      }
      break;
    }
  }
  return absl::OkStatus();
}

bool LoadGenerator::Level::BeginCall(grpc::ClientContext* context, bool reserved) {
  absl::MutexLock lock(&mu_);
  if (stopping_) {
    if (reserved) --active_;
    return false;
  }
  if (!reserved) ++active_;
  if (context != nullptr) contexts_.insert(context);
  return true;
}

void LoadGenerator::Level::Started(grpc::ClientContext* context) {
  absl::MutexLock lock(&mu_);
  contexts_.insert(context);
  if (stopping_) context->TryCancel();
}

bool LoadGenerator::Level::EndCall(grpc::ClientContext* context) {
  absl::MutexLock lock(&mu_);
  contexts_.erase(context);
  return !stopping_;
}

void LoadGenerator::Level::ReleaseCall() {
  absl::MutexLock lock(&mu_);
  --active_;
}

void LoadGenerator::Level::Record(int64_t requests, absl::Duration latency, int64_t documents,
                                  int64_t document_bytes, int64_t response_bytes,
                                  const std::string& error) {
  absl::MutexLock lock(&mu_);
  if (error.empty()) {
    ++successes_;
  } else {
    ++failures_;
  }
  if (!measuring_ || stopping_) return;
  result_.requests += requests;
  result_.documents += documents;
  result_.document_bytes += document_bytes;
  result_.response_bytes += response_bytes;
  if (requests > 0) latencies_.push_back(latency);
  if (!error.empty()) {
    ++result_.errors;
    if (result_.first_error.empty()) result_.first_error = error;
  }
  if (options_.max_requests > 0 && result_.requests >= options_.max_requests) {
    stopping_ = true;
    window_end_ = absl::Now();
  }
}

void LoadGenerator::Level::CallFailed(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  if (stopping_) return;
  ++failures_;
  const std::string error = ErrorText(status.error_code(), status.error_message());
  if (successes_ == 0 && failures_ > 2 * static_cast<int64_t>(options_.concurrency) + 4) {
    aborted_ = status;
    stopping_ = true;
    window_end_ = absl::Now();
    return;
  }
  if (measuring_) {
    ++result_.errors;
    if (result_.first_error.empty()) result_.first_error = error;
  }
}

void LoadGenerator::Level::StartUnary(bool reserved) {
  struct Call {
    grpc::ClientContext context;
    grpc::ByteBuffer response;
    absl::Time start;
    size_t document = 0;
  };
  auto* call = new Call;
  if (!BeginCall(&call->context, reserved)) {
    delete call;
    return;
  }
  SetDeadline(&call->context);
  call->document = NextDocument();
  call->start = absl::Now();
  NextStub()->UnaryCall(&call->context, kUnaryMethod, grpc::StubOptions(),
                        &unary_requests_[call->document], &call->response,
                        [this, call](grpc::Status status) {
                          const absl::Time end = absl::Now();
                          if (status.ok()) {
                            Record(1, end - call->start, 1,
                                   static_cast<int64_t>(documents_[call->document].content.size()),
                                   static_cast<int64_t>(call->response.Length()), "");
                          } else {
                            CallFailed(status);
                          }
                          const bool again = EndCall(&call->context);
                          delete call;
                          if (again) {
                            StartUnary(/*reserved=*/true);
                          } else {
                            ReleaseCall();
                          }
                        });
}

// One StreamParseResolutions call keeping `concurrency` documents in flight.
class LoadGenerator::Level::StreamCall final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit StreamCall(Level* level) : level_(level) {}

  // Starts the call (`reserved` as for BeginCall); deletes itself when it is
  // done.
  void Start(bool reserved) {
    if (!level_->BeginCall(/*context=*/nullptr, reserved)) {
      delete this;
      return;
    }
    level_->SetDeadline(&context_);
    level_->NextStub()->PrepareBidiStreamingCall(&context_, kStreamMethod, grpc::StubOptions(),
                                                 this);
    StartRead(&read_buffer_);
    MaybeWrite();
    AddHold();
    StartCall();
    level_->Started(&context_);
    RemoveHold();
  }

  void OnWriteDone(bool ok) override {
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
    }
    if (ok) MaybeWrite();
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;  // The call is ending; OnDone follows.
    const absl::Time now = absl::Now();
    ResponseHead head;
    const int64_t response_bytes = static_cast<int64_t>(read_buffer_.Length());
    const bool parsed = PeekResponse(&read_buffer_, &head);
    read_buffer_.Clear();
    uint64_t seq = 0;
    bool known = false;
    Sent sent;
    if (parsed && absl::SimpleAtoi(head.document_id, &seq)) {
      absl::MutexLock lock(&mu_);
      auto it = in_flight_.find(seq);
      if (it != in_flight_.end()) {
        sent = it->second;
        in_flight_.erase(it);
        known = true;
      }
    }
    if (!known) {
      level_->Record(0, absl::ZeroDuration(), 0, 0, response_bytes,
                     "INTERNAL: a response the client cannot match to a document");
    } else {
      level_->Record(
          1, now - sent.time, 1,
          static_cast<int64_t>(level_->documents_[sent.document].content.size()), response_bytes,
          head.code == 0 ? std::string() : ErrorText(head.code, head.message));
    }
    StartRead(&read_buffer_);
    MaybeWrite();
  }

  void OnDone(const grpc::Status& status) override {
    if (!status.ok()) level_->CallFailed(status);
    Level* level = level_;
    const bool again = level->EndCall(&context_);
    delete this;
    if (again) {
      level->StartStream(/*reserved=*/true);  // A failed stream is replaced.
    } else {
      level->ReleaseCall();
    }
  }

 private:
  struct Sent {
    absl::Time time;
    size_t document = 0;
  };

  // Writes the next document if the window has room and no write is
  // outstanding.
  void MaybeWrite() {
    if (level_->Stopping()) return;
    {
      absl::MutexLock lock(&mu_);
      if (writing_ || in_flight_.size() >= static_cast<size_t>(level_->options_.concurrency)) {
        return;
      }
      writing_ = true;
      const uint64_t seq = next_seq_++;
      const size_t document = level_->NextDocument();
      v1::StreamParseResolutionsRequest id;
      id.set_document_id(absl::StrCat(seq));
      const grpc::Slice slices[] = {grpc::Slice(id.SerializeAsString()),
                                    level_->stream_bodies_[document]};
      write_buffer_ = grpc::ByteBuffer(slices, 2);
      in_flight_[seq] = Sent{absl::Now(), document};
    }
    StartWrite(&write_buffer_);
  }

  Level* const level_;
  grpc::ClientContext context_;
  grpc::ByteBuffer read_buffer_;
  absl::Mutex mu_;
  grpc::ByteBuffer write_buffer_;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t next_seq_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<uint64_t, Sent> in_flight_ ABSL_GUARDED_BY(mu_);
};

void LoadGenerator::Level::StartStream(bool reserved) { (new StreamCall(this))->Start(reserved); }

// One ParseArchive call uploading the archive.
class LoadGenerator::Level::ArchiveCall final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit ArchiveCall(Level* level) : level_(level) {}

  // Starts the call (`reserved` as for BeginCall); deletes itself when it is
  // done.
  void Start(bool reserved) {
    if (!level_->BeginCall(/*context=*/nullptr, reserved)) {
      delete this;
      return;
    }
    level_->SetDeadline(&context_);
    start_ = absl::Now();
    level_->NextStub()->PrepareBidiStreamingCall(&context_, kArchiveMethod, grpc::StubOptions(),
                                                 this);
    StartRead(&read_buffer_);
    StartWrite(&level_->archive_chunks_[0]);
    AddHold();
    StartCall();
    level_->Started(&context_);
    RemoveHold();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return;
    if (++next_chunk_ < level_->archive_chunks_.size()) {
      StartWrite(&level_->archive_chunks_[next_chunk_]);
    } else {
      StartWritesDone();
    }
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;
    ResponseHead head;
    const int64_t response_bytes = static_cast<int64_t>(read_buffer_.Length());
    if (!PeekResponse(&read_buffer_, &head)) {
      head.code = static_cast<int>(grpc::StatusCode::INTERNAL);
      head.message = "a response the client cannot read";
    }
    read_buffer_.Clear();
    auto it = level_->entry_bytes_.find(head.document_id);
    const int64_t bytes = it == level_->entry_bytes_.end() ? 0 : it->second;
    level_->Record(0, absl::ZeroDuration(), 1, bytes, response_bytes,
                   head.code == 0 ? std::string() : ErrorText(head.code, head.message));
    StartRead(&read_buffer_);
  }

  void OnDone(const grpc::Status& status) override {
    if (status.ok()) {
      level_->Record(1, absl::Now() - start_, 0, 0, 0, "");
    } else {
      level_->CallFailed(status);
    }
    Level* level = level_;
    const bool again = level->EndCall(&context_);
    delete this;
    if (again) {
      level->StartArchive(/*reserved=*/true);
    } else {
      level->ReleaseCall();
    }
  }

 private:
  Level* const level_;
  grpc::ClientContext context_;
  grpc::ByteBuffer read_buffer_;
  absl::Time start_;
  size_t next_chunk_ = 0;
};

void LoadGenerator::Level::StartArchive(bool reserved) {
  (new ArchiveCall(this))->Start(reserved);
}

void LoadGenerator::Level::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (!stopping_) {
    stopping_ = true;
    window_end_ = absl::Now();
  }
  for (grpc::ClientContext* context : contexts_) context->TryCancel();
}

absl::StatusOr<LoadResult> LoadGenerator::Level::Execute() {
  switch (options_.mode) {
    case LoadMode::kUnary:
      for (int i = 0; i < options_.concurrency; ++i) StartUnary(/*reserved=*/false);
      break;
    case LoadMode::kStream:
      for (int i = 0; i < options_.streams; ++i) StartStream(/*reserved=*/false);
      break;
    case LoadMode::kArchive:
      for (int i = 0; i < options_.concurrency; ++i) StartArchive(/*reserved=*/false);
      break;
  }
  absl::MutexLock lock(&mu_);
  const auto stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_; };
  mu_.AwaitWithDeadline(absl::Condition(&stopping), absl::Now() + options_.warmup);
  if (!stopping_) {
    measuring_ = true;
    window_start_ = absl::Now();
    mu_.AwaitWithDeadline(absl::Condition(&stopping), window_start_ + options_.duration);
    if (!stopping_) {
      stopping_ = true;
      window_end_ = absl::Now();
    }
  }
  // Streams and archives would go on: end them. Unary calls just finish.
  if (options_.mode != LoadMode::kUnary) {
    for (grpc::ClientContext* context : contexts_) context->TryCancel();
  }
  const auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return active_ == 0; };
  if (!mu_.AwaitWithTimeout(absl::Condition(&idle), options_.call_timeout + absl::Seconds(5))) {
    // Calls that outlive their deadline: cancel them and wait for gRPC.
    for (grpc::ClientContext* context : contexts_) context->TryCancel();
    mu_.Await(absl::Condition(&idle));
  }
  if (cancelled_) return absl::CancelledError("the benchmark was cancelled");
  if (!aborted_.ok()) {
    return absl::UnavailableError(absl::StrCat(
        "every call failed: ", ErrorText(aborted_.error_code(), aborted_.error_message())));
  }
  LoadResult result = result_;
  result.mode = options_.mode;
  result.concurrency = options_.concurrency;
  result.streams = options_.mode == LoadMode::kStream ? options_.streams : 0;
  result.elapsed = measuring_ ? window_end_ - window_start_ : absl::ZeroDuration();
  result.latency = Summarize(std::move(latencies_));
  return result;
}

LoadGenerator::LoadGenerator(std::vector<std::shared_ptr<grpc::Channel>> channels,
                             std::vector<BenchDocument> documents)
    : channels_(std::move(channels)), documents_(std::move(documents)) {
  for (const auto& channel : channels_) {
    stubs_.push_back(std::make_unique<grpc::GenericStub>(channel));
  }
}

LoadGenerator::~LoadGenerator() = default;

absl::Status LoadGenerator::WaitForServer(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  for (const auto& channel : channels_) {
    if (!channel->WaitForConnected(absl::ToChronoTime(deadline))) {
      return absl::UnavailableError(
          absl::StrCat("cannot connect to the server within ", absl::FormatDuration(timeout)));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<LoadResult> LoadGenerator::Run(const LoadOptions& options) {
  if (options.concurrency < 1 || options.streams < 1 || options.max_requests < 0 ||
      options.duration <= absl::ZeroDuration() || options.warmup < absl::ZeroDuration() ||
      options.call_timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "concurrency and streams must be >= 1, duration and call timeout > 0, warm-up and "
        "max requests >= 0");
  }
  if (documents_.empty()) return absl::InvalidArgumentError("no documents");
  if (stubs_.empty()) return absl::InvalidArgumentError("no channel");
  Level level(this, options);
  if (absl::Status prepared = level.Prepare(); !prepared.ok()) return prepared;
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("the benchmark was cancelled");
    active_ = &level;
  }
  absl::StatusOr<LoadResult> result = level.Execute();
  absl::MutexLock lock(&mu_);
  active_ = nullptr;
  return result;
}

void LoadGenerator::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (active_ != nullptr) active_->Cancel();
}

}  // namespace bench
}  // namespace resolute
