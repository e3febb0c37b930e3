// grpc_health_probe: one grpc.health.v1.Health/Check call, the same request the
// kubelet sends for a native gRPC probe, reported as an exit code.
//
//   grpc_health_probe --addr=127.0.0.1:50051 [--service=resolute.v1.ResolutionParserService]
//                     [--timeout=2] [--wait=30]
//
// Exit codes (those of the grpc-ecosystem grpc_health_probe):
//   0 SERVING, 1 bad arguments, 2 cannot connect (or deadline), 3 the call failed
//   (e.g. NOT_FOUND for an unknown service), 4 answered but not SERVING.
// With --wait=N the check is repeated every 200 ms for up to N seconds until it
// answers SERVING. The messages are encoded by hand (HealthCheckRequest has one
// string field, HealthCheckResponse one enum), so no .proto is needed.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr char kMethod[] = "/grpc.health.v1.Health/Check";

enum ExitCode { kServing = 0, kBadArgs = 1, kConnection = 2, kRpc = 3, kNotServing = 4 };

const char* StatusName(uint64_t status) {
  switch (status) {
    case 0:
      return "UNKNOWN";
    case 1:
      return "SERVING";
    case 2:
      return "NOT_SERVING";
    case 3:
      return "SERVICE_UNKNOWN";
    default:
      return "INVALID";
  }
}

// HealthCheckRequest { string service = 1; }
std::string EncodeRequest(const std::string& service) {
  std::string out;
  if (service.empty()) return out;
  out.push_back(0x0a);  // field 1, wire type 2 (length-delimited)
  for (uint64_t n = service.size();; n >>= 7) {
    if (n < 0x80) {
      out.push_back(static_cast<char>(n));
      break;
    }
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
  }
  return out + service;
}

bool ReadVarint(const std::string& in, size_t* pos, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64 && *pos < in.size(); shift += 7) {
    uint8_t byte = static_cast<uint8_t>(in[(*pos)++]);
    *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// HealthCheckResponse { ServingStatus status = 1; }; absent means UNKNOWN (0).
bool DecodeStatus(const std::string& in, uint64_t* status) {
  *status = 0;
  size_t pos = 0;
  while (pos < in.size()) {
    uint64_t key, value;
    if (!ReadVarint(in, &pos, &key)) return false;
    switch (key & 7) {
      case 0:
        if (!ReadVarint(in, &pos, &value)) return false;
        if ((key >> 3) == 1) *status = value;
        break;
      case 1:
        pos += 8;
        break;
      case 2:
        if (!ReadVarint(in, &pos, &value) || value > in.size() - pos) return false;
        pos += value;
        break;
      case 5:
        pos += 4;
        break;
      default:
        return false;
    }
  }
  return pos == in.size();
}

int CheckOnce(const std::shared_ptr<grpc::Channel>& channel, const std::string& service,
              double timeout_s, std::string* message) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000)));
  std::string request = EncodeRequest(service);
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  grpc::Status status;
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&context, kMethod, request_buffer, &cq);
  call->StartCall();
  call->Finish(&response_buffer, &status, reinterpret_cast<void*>(1));
  void* tag;
  bool ok;
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  if (!status.ok()) {
    *message = "error: " + std::to_string(status.error_code()) + " " + status.error_message();
    return status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                   status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED
               ? kConnection
               : kRpc;
  }
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (response_buffer.Dump(&slices).ok()) {
    for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  uint64_t serving;
  if (!DecodeStatus(bytes, &serving)) {
    *message = "error: cannot decode the HealthCheckResponse";
    return kRpc;
  }
  *message = std::string("status: ") + StatusName(serving);
  return serving == 1 ? kServing : kNotServing;
}

bool FlagValue(const std::string& arg, const std::string& name, std::string* value) {
  const std::string prefix = "--" + name + "=";
  if (arg.compare(0, prefix.size(), prefix) != 0) return false;
  *value = arg.substr(prefix.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string addr, service, timeout = "2", wait = "0";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i], value;
    if (FlagValue(arg, "addr", &value))
      addr = value;
    else if (FlagValue(arg, "service", &value))
      service = value;
    else if (FlagValue(arg, "timeout", &value))
      timeout = value;
    else if (FlagValue(arg, "wait", &value))
      wait = value;
    else {
      std::cerr << "usage: grpc_health_probe --addr=HOST:PORT [--service=NAME] "
                   "[--timeout=SECONDS] [--wait=SECONDS]\n";
      return kBadArgs;
    }
  }
  char* end = nullptr;
  double timeout_s = std::strtod(timeout.c_str(), &end);
  double wait_s = *end == '\0' ? std::strtod(wait.c_str(), &end) : -1;
  if (addr.empty() || *end != '\0' || timeout_s <= 0 || wait_s < 0) {
    std::cerr << "grpc_health_probe: --addr is required; --timeout and --wait are seconds\n";
    return kBadArgs;
  }

  auto channel = grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
  const auto give_up = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<int64_t>(wait_s * 1000));
  std::string message;
  int code;
  while (true) {
    code = CheckOnce(channel, service, timeout_s, &message);
    if (code == kServing || std::chrono::steady_clock::now() >= give_up) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  (code == kServing ? std::cout : std::cerr) << message << "\n";
  return code;
}
