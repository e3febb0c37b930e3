// UnaryParseCall: one ParseResolution call on gRPC's asynchronous API.
//
// The call's events arrive on a WorkerPool's completion queue, and the worker
// thread that receives the request parses it and starts the reply itself: a
// unary call passes between no threads of the server (the callback API hands
// each call from gRPC's threads to the pool and back, several context
// switches per call). The pool's size still bounds the parsing.
//
//   UnaryParseCall::Accept(&service, &parser, &pool);  // once per worker
//
// Each call, once received, accepts the next one, so as many calls are
// awaited at any time as were accepted at the start.
//
// The request arrives as raw bytes and is decoded here (service/
// request_codec.h): a request that cannot be decoded fails the call with
// INVALID_ARGUMENT (reason REQUEST_MALFORMED), logged and counted like any
// other failed call, instead of gRPC's unlogged INTERNAL "Unable to parse
// request".

#ifndef RESOLUTE_SERVICE_UNARY_PARSE_CALL_H_
#define RESOLUTE_SERVICE_UNARY_PARSE_CALL_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstddef>

#include "google/protobuf/arena.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/document_parser.h"
#include "service/worker_pool.h"

namespace resolute {
namespace service {

// The generated service with ParseResolution and StreamParseResolutions on
// the asynchronous API (their events go to the worker pool's queue) and
// ParseArchive on the callback API (its libarchive reads block a thread),
// all three as raw methods: their messages are bytes the service decodes and
// encodes itself (service/request_codec.h), so the three calls share the
// ParseResolutionRequest/Response code path.
using ParserServiceBase = v1::ResolutionParserService::WithRawMethod_ParseResolution<
    v1::ResolutionParserService::WithRawMethod_StreamParseResolutions<
        v1::ResolutionParserService::WithRawCallbackMethod_ParseArchive<
            v1::ResolutionParserService::Service>>>;

class UnaryParseCall final : public WorkerPool::Event {
 public:
  // Asks gRPC for one more ParseResolution call of `service`, to be parsed by
  // `parser` on `pool`, whose queue must be a ServerCompletionQueue of the
  // server `service` is registered with. All three must outlive the call.
  static void Accept(ParserServiceBase* service, const DocumentParser* parser,
                     WorkerPool* pool);

  // A request arrived (accepts the next call, parses, replies), or the reply
  // is done (frees the call). `ok` false: the server is shutting down before
  // a request came, or the reply could not be sent.
  void Proceed(bool ok) override;

 private:
  UnaryParseCall(ParserServiceBase* service, const DocumentParser* parser,
                 WorkerPool* pool);
  // Parses the request and starts the reply.
  void ParseAndReply();
  // Drops `tags` of the tags gRPC holds; the last one frees the call.
  void Release(int tags);

  // The call's done notification: whether the client cancelled (or the
  // deadline passed, or the connection broke) is known once it is
  // delivered, and the parse stops at its next check (CallControl).
  class Done final : public WorkerPool::Event {
   public:
    explicit Done(UnaryParseCall* call) : call_(call) {}
    void Proceed(bool ok) override;

   private:
    UnaryParseCall* const call_;
  };

  ParserServiceBase* const service_;
  const DocumentParser* const parser_;
  WorkerPool* const pool_;
  bool replying_ = false;
  // The request and response live on the call's arena, freed (and set to
  // null) once the response is serialized.
  google::protobuf::Arena arena_;
  v1::ParseResolutionRequest* request_;
  v1::ParseResolutionResponse* response_;
  // The request as received, and the response as sent.
  grpc::ByteBuffer request_bytes_;
  grpc::ByteBuffer response_bytes_;
  grpc::ServerContext context_;
  grpc::ServerAsyncResponseWriter<grpc::ByteBuffer> responder_;
  Done done_{this};
  // Set once the done notification says the call was cancelled.
  std::atomic<bool> cancelled_{false};
  // Tags gRPC will still deliver: the request (then the reply) and, once the
  // call is received, the done notification.
  std::atomic<int> pending_tags_{2};
  // The parse's share of the memory budget, held until the response is
  // serialized and the messages freed.
  MemoryBudget::Lease memory_lease_;
  // The content's size, for ReturnMemoryAfterDocument once the call is freed.
  size_t document_bytes_ = 0;
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_UNARY_PARSE_CALL_H_
