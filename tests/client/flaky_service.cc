#include "tests/client/flaky_service.h"

#include "absl/strings/str_cat.h"
#include "client/channel.h"
#include "client/same_fields.h"

namespace resolute {
namespace testing {

FlakyService::FlakyService(int failing_calls, int answers_before_failure, grpc::Status failure)
    : failing_calls_(failing_calls),
      answers_before_failure_(answers_before_failure),
      failure_(std::move(failure)) {}

bool FlakyService::StartCall() {
  absl::MutexLock lock(&mu_);
  return ++calls_ <= failing_calls_;
}

v1::ParseResolutionResponse FlakyService::Answer(const v1::ParseResolutionRequest& request) {
  v1::ParseResolutionResponse response;
  response.set_document_id(request.document_id());
  response.mutable_status();
  response.mutable_resolution()->set_symbol(request.document_id());
  response.mutable_resolution()->set_text(request.content());
  return response;
}

grpc::Status FlakyService::ParseResolution(grpc::ServerContext*,
                                           const v1::ParseResolutionRequest* request,
                                           v1::ParseResolutionResponse* response) {
  const bool fail = StartCall();
  {
    absl::MutexLock lock(&mu_);
    ++received_[request->document_id()];
  }
  if (fail) return failure_;
  *response = Answer(*request);
  return grpc::Status::OK;
}

grpc::Status FlakyService::StreamParseResolutions(
    grpc::ServerContext*,
    grpc::ServerReaderWriter<v1::StreamParseResolutionsResponse, v1::StreamParseResolutionsRequest>*
        stream) {
  const bool fail = StartCall();
  v1::StreamParseResolutionsRequest request;
  int read = 0;
  while (stream->Read(&request)) {
    {
      absl::MutexLock lock(&mu_);
      ++received_[request.document_id()];
    }
    ++read;
    // One document read and never answered (and whatever the client sent
    // after it).
    if (fail && read > answers_before_failure_) return failure_;
    const auto answer = Answer(client::SameFields<v1::ParseResolutionRequest>(request));
    if (!stream->Write(client::SameFields<v1::StreamParseResolutionsResponse>(answer))) {
      return grpc::Status::CANCELLED;
    }
  }
  return fail ? failure_ : grpc::Status::OK;
}

grpc::Status FlakyService::ParseArchive(
    grpc::ServerContext*,
    grpc::ServerReaderWriter<v1::ParseArchiveResponse, v1::ParseArchiveRequest>* stream) {
  const bool fail = StartCall();
  v1::ParseArchiveRequest chunk;
  int64_t bytes = 0;
  while (stream->Read(&chunk)) bytes += static_cast<int64_t>(chunk.data().size());
  {
    absl::MutexLock lock(&mu_);
    last_archive_bytes_ = bytes;
  }
  for (int i = 0; i < archive_entries_; ++i) {
    if (fail && i >= answers_before_failure_) return failure_;
    v1::ParseResolutionRequest entry;
    entry.set_document_id(absl::StrCat("e", i));
    if (!stream->Write(client::SameFields<v1::ParseArchiveResponse>(Answer(entry)))) {
      return grpc::Status::CANCELLED;
    }
  }
  return fail ? failure_ : grpc::Status::OK;
}

int FlakyService::calls() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

std::map<std::string, int> FlakyService::received() const {
  absl::MutexLock lock(&mu_);
  return received_;
}

int64_t FlakyService::last_archive_bytes() const {
  absl::MutexLock lock(&mu_);
  return last_archive_bytes_;
}

TestServer::TestServer(grpc::Service* service) {
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  if (service != nullptr) builder.RegisterService(service);
  server = builder.BuildAndStart();
  channel = client::CreateResoluteChannel(absl::StrCat("127.0.0.1:", port));
}

TestServer::~TestServer() { server->Shutdown(); }

}  // namespace testing
}  // namespace resolute
