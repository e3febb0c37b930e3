// StreamLog: per-document log lines of the streaming calls.
//
// A stream logs each document it answers at debug (never its content); a
// document that fails (other than being skipped after a cancellation) is
// logged at warning:
//
//   {"time":...,"level":"debug","message":"document parsed",
//    "method":"resolute.v1.ResolutionParserService/StreamParseResolutions",
//    "peer":"ipv4:10.1.2.3:40112","document_id":"A_RES_78_100.txt",
//    "status":"OK","duration_ms":7.93}
//
// Private to //service:resolution_parser_service.

#ifndef RESOLUTE_SERVICE_STREAM_LOG_H_
#define RESOLUTE_SERVICE_STREAM_LOG_H_

#include <grpcpp/server_context.h>

#include <string>

#include "absl/time/time.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/arena_messages.h"
#include "service/document_parser.h"
#include "service/json_log.h"

namespace resolute {
namespace service {

// Who a streaming call serves.
struct StreamLog {
  // Null: nothing is logged.
  Logger* logger = nullptr;
  // "resolute.v1.ResolutionParserService/StreamParseResolutions".
  std::string method;
  // The client's address as gRPC reports it ("ipv4:10.1.2.3:40112").
  std::string peer;
};

// The StreamLog of a call of `method` ("StreamParseResolutions") served with
// `context`, logging to `logger`; logs nothing if `logger` is null.
StreamLog MakeStreamLog(Logger* logger, const grpc::ServerContextBase& context,
                        const char* method);

// Logs `response` (its id and status), produced in `took`.
void LogDocument(const StreamLog& log, const v1::ParseResolutionResponse& response,
                 absl::Duration took);

// The response of a streaming call to `request`: parsed by `parser` (which
// stops at `call`'s deadline or cancellation), or, if the call was
// `cancelled`, a CANCELLED status without parsing (nobody will read it; the
// ticket is still accounted for). Logs it.
ArenaResponse ParseStreamDocument(const DocumentParser& parser, const StreamLog& log,
                                  const v1::ParseResolutionRequest& request, bool cancelled,
                                  const CallControl& call = {});

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_STREAM_LOG_H_
