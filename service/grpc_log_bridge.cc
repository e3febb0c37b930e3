#include "service/grpc_log_bridge.h"

#include <grpc/support/log.h>

#include <atomic>

#include "absl/strings/string_view.h"

namespace resolute {
namespace service {
namespace {

std::atomic<Logger*> g_logger{nullptr};

void LogToJson(gpr_log_func_args* args) {
  Logger* logger = g_logger.load();
  if (logger == nullptr) return;
  LogLevel level = LogLevel::kWarning;
  if (args->severity == GPR_LOG_SEVERITY_INFO) level = LogLevel::kInfo;
  if (args->severity == GPR_LOG_SEVERITY_DEBUG) level = LogLevel::kDebug;
  logger->Log(level, args->message != nullptr ? args->message : "",
              {{"source", "grpc"},
               {"file", args->file != nullptr ? args->file : ""},
               {"line", args->line}});
}

}  // namespace

void RouteGrpcLogsTo(Logger* logger) {
  g_logger.store(logger);
  gpr_set_log_function(&LogToJson);
}

}  // namespace service
}  // namespace resolute
