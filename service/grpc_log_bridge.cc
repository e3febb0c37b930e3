#include "service/grpc_log_bridge.h"

#include <grpc/support/log.h>

#include <atomic>
#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/stubs/logging.h"

namespace resolute {
namespace service {
namespace {

// Both libraries take a plain function pointer, so the logger is global.
std::atomic<Logger*> g_logger{nullptr};

void LogLibraryLine(LogLevel level, absl::string_view source, const char* message,
                    const char* file, int line) {
  Logger* logger = g_logger.load();
  if (logger == nullptr) return;
  logger->Log(level, message != nullptr ? message : "",
              {{"source", source}, {"file", file != nullptr ? file : ""}, {"line", line}});
}

void LogGrpcLine(gpr_log_func_args* args) {
  LogLevel level = LogLevel::kWarning;
  if (args->severity == GPR_LOG_SEVERITY_INFO) level = LogLevel::kInfo;
  if (args->severity == GPR_LOG_SEVERITY_DEBUG) level = LogLevel::kDebug;
  LogLibraryLine(level, "grpc", args->message, args->file, args->line);
}

void LogProtobufLine(google::protobuf::LogLevel severity, const char* file, int line,
                     const std::string& message) {
  LogLevel level = LogLevel::kError;
  if (severity == google::protobuf::LOGLEVEL_INFO) level = LogLevel::kInfo;
  if (severity == google::protobuf::LOGLEVEL_WARNING) level = LogLevel::kWarning;
  LogLibraryLine(level, "protobuf", message.c_str(), file, line);
}

}  // namespace

void RouteLibraryLogsTo(Logger* logger) {
  g_logger.store(logger);
  gpr_set_log_function(&LogGrpcLine);
  google::protobuf::SetLogHandler(&LogProtobufLine);
}

}  // namespace service
}  // namespace resolute
