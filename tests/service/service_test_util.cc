#include "tests/service/service_test_util.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <utility>

#include "client/same_fields.h"

namespace resolute {
namespace testing {
namespace {

void SetTestDeadline(grpc::ClientContext* context) {
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
}

}  // namespace

std::unique_ptr<service::ResoluteServer> StartInProcessServer(service::ServiceOptions options) {
  service::ServerOptions server_options;
  server_options.port = -1;
  server_options.service = std::move(options);
  auto server = service::ResoluteServer::Start(std::move(server_options));
  if (!server.ok()) {
    std::cerr << server.status() << std::endl;
    std::abort();
  }
  return *std::move(server);
}

std::unique_ptr<service::ResoluteServer> StartLoopbackServer(service::ServiceOptions options) {
  service::ServerOptions server_options;
  server_options.address = "127.0.0.1";
  server_options.port = 0;
  server_options.service = std::move(options);
  auto server = service::ResoluteServer::Start(std::move(server_options));
  if (!server.ok()) {
    std::cerr << server.status() << std::endl;
    std::abort();
  }
  return *std::move(server);
}

std::shared_ptr<grpc::Channel> InProcessChannel(service::ResoluteServer* server) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  return server->InProcessChannel(args);
}

CallResult StreamDocuments(v1::ResolutionParserService::Stub* stub,
                           const std::vector<v1::ParseResolutionRequest>& requests) {
  grpc::ClientContext context;
  SetTestDeadline(&context);
  auto stream = stub->StreamParseResolutions(&context);
  std::thread writer([&] {
    for (const auto& request : requests) {
      if (!stream->Write(client::SameFields<v1::StreamParseResolutionsRequest>(request))) break;
    }
    stream->WritesDone();
  });
  CallResult result;
  v1::StreamParseResolutionsResponse response;
  while (stream->Read(&response)) {
    result.responses.push_back(client::SameFields<v1::ParseResolutionResponse>(response));
  }
  writer.join();
  result.status = stream->Finish();
  return result;
}

CallResult SendArchive(v1::ResolutionParserService::Stub* stub, const std::string& archive,
                       size_t chunk_bytes, const std::string& name) {
  v1::ParseArchiveRequest::Header header;
  header.set_archive_name(name);
  return SendArchiveWithHints(stub, archive, chunk_bytes, header);
}

CallResult SendArchiveWithHints(v1::ResolutionParserService::Stub* stub, const std::string& archive,
                                size_t chunk_bytes, const v1::ParseArchiveRequest::Header& header) {
  std::vector<v1::ParseArchiveRequest> messages(1);
  *messages[0].mutable_header() = header;
  for (size_t offset = 0; offset < archive.size(); offset += chunk_bytes) {
    messages.emplace_back().set_data(archive.substr(offset, chunk_bytes));
  }
  return SendArchiveMessages(stub, messages);
}

CallResult SendArchiveMessages(v1::ResolutionParserService::Stub* stub,
                               const std::vector<v1::ParseArchiveRequest>& messages) {
  grpc::ClientContext context;
  SetTestDeadline(&context);
  auto stream = stub->ParseArchive(&context);
  std::thread writer([&] {
    for (const auto& message : messages) {
      if (!stream->Write(message)) return;
    }
    stream->WritesDone();
  });
  CallResult result;
  v1::ParseArchiveResponse response;
  while (stream->Read(&response)) {
    result.responses.push_back(client::SameFields<v1::ParseResolutionResponse>(response));
  }
  writer.join();
  result.status = stream->Finish();
  return result;
}

v1::ParseResolutionRequest MakeRequest(const std::string& id, const std::string& content) {
  v1::ParseResolutionRequest request;
  request.set_document_id(id);
  request.set_content(content);
  return request;
}

v1::StreamParseResolutionsRequest MakeStreamRequest(const std::string& id,
                                                    const std::string& content) {
  return client::SameFields<v1::StreamParseResolutionsRequest>(MakeRequest(id, content));
}

}  // namespace testing
}  // namespace resolute
