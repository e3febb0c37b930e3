// peak_memory: the peak memory of one large document's parse, as a factor of
// its size, on the path a unary call takes in the server (issue 15 item 12).
//
//   bazel run -c opt //bench:peak_memory -- --shape=real --size_mib=16 --runs=3
//   bazel run -c opt //bench:peak_memory -- --shape=short_lines --akn
//
// Each run is a fresh child process (this binary again, with --child) with
// the server's allocator settings. It warms the parser up on the bundled
// resolution, records its resident set (the baseline), then: the request's wire
// bytes as gRPC hands them over (a grpc::ByteBuffer), DecodeRequest into an
// arena request, DocumentParser::Parse into an arena response (with Akoma
// Ntoso if --akn), EncodeResponse; then frees everything as a finished call
// does. It reports VmHWM - baseline, as bytes and as a factor of the
// document's size, and the resident set once the call's memory is freed.
// The parent prints each run and the median.
//
// Shapes (each built to just under --size_mib):
//   real         --source (tests/testdata/corpus/A_RES_70_299.txt) repeated;
//                from the second copy on it is text after the closing
//                lines, skipped with a diagnostic per line. A --source of
//                the full size is taken once (bench/long_resolution.py
//                writes one whose paragraphs run to the end).
//   short_lines  "1.\n" repeated: the most lines (and paragraphs) per byte
//   one_line     "Noting the report " repeated, no line break at all

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/slice.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/allocator_settings.h"
#include "service/arena_messages.h"
#include "service/document_parser.h"
#include "service/request_codec.h"

ABSL_FLAG(std::string, shape, "real", "real, short_lines or one_line");
ABSL_FLAG(int, size_mib, 16, "document size, MiB (just under)");
ABSL_FLAG(bool, akn, false, "ask for Akoma Ntoso XML too");
ABSL_FLAG(bool, omit_text, false, "set omit_text");
ABSL_FLAG(int, runs, 3, "child processes; the median is printed");
ABSL_FLAG(bool, child, false, "internal: one measurement in this process");
// The bundled resolution the warm-up parses, and the default --source.
constexpr char kBundledResolution[] = "tests/testdata/corpus/A_RES_70_299.txt";

ABSL_FLAG(std::string, source, kBundledResolution,
          "the real resolution (relative to the runfiles' workspace folder)");

namespace resolute {
namespace {

using google::protobuf::internal::WireFormatLite;

int64_t StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) {
      int64_t kb = 0;
      std::vector<std::string> parts = absl::StrSplit(line, ' ', absl::SkipWhitespace());
      if (parts.size() >= 2 && absl::SimpleAtoi(parts[1], &kb)) return kb;
    }
  }
  return -1;
}

void ResetPeak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

// The contents of `path` and a line break.
std::string ReadResolution(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().empty()) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  return ss.str() + "\n";
}

std::string Unit(const std::string& shape) {
  if (shape == "short_lines") return "1.\n";
  if (shape == "one_line") return "Noting the report ";
  return ReadResolution(absl::GetFlag(FLAGS_source));
}

// The wire bytes of a ParseResolutionRequest whose content is `unit`
// repeated to just under `size`, written once into one buffer that becomes
// the ByteBuffer's slice (as gRPC holds a received message).
grpc::ByteBuffer MakeRequestBytes(const std::string& unit, size_t size, size_t* content_size) {
  const size_t repeats = size / unit.size();
  *content_size = repeats * unit.size();
  v1::ParseResolutionRequest header;
  header.set_document_id("big");
  if (absl::GetFlag(FLAGS_akn)) header.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
  header.set_omit_text(absl::GetFlag(FLAGS_omit_text));
  auto* wire = new std::string(header.SerializeAsString());
  wire->reserve(wire->size() + 16 + *content_size);
  const uint32_t tag = WireFormatLite::MakeTag(v1::ParseResolutionRequest::kContentFieldNumber,
                                               WireFormatLite::WIRETYPE_LENGTH_DELIMITED);
  {
    google::protobuf::io::StringOutputStream stream(wire);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.WriteTag(tag);
    out.WriteVarint32(static_cast<uint32_t>(*content_size));
  }
  // StringOutputStream leaves the string grown to its buffer; cut to what
  // was written (CodedOutputStream trims on destruction).
  for (size_t i = 0; i < repeats; ++i) wire->append(unit);
  grpc::Slice slice(
      wire->data(), wire->size(),
      [](void* p) { delete static_cast<std::string*>(p); }, wire);
  return grpc::ByteBuffer(&slice, 1);
}

int Child() {
  service::ConfigureAllocatorForServing("");
  service::DocumentParser parser(service::DocumentParserOptions{});
  const std::string unit = Unit(absl::GetFlag(FLAGS_shape));
  {
    // Warm-up: code pages, static tables, the allocator's first arenas; on
    // the bundled resolution whatever --source is (a --source of the
    // document's full size would leave its parse's heap behind).
    google::protobuf::Arena arena(service::DocumentArenaOptions());
    auto* request = google::protobuf::Arena::CreateMessage<v1::ParseResolutionRequest>(&arena);
    request->set_content(ReadResolution(kBundledResolution));
    request->add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
    auto* response = google::protobuf::Arena::CreateMessage<v1::ParseResolutionResponse>(&arena);
    (void)parser.Parse(*request, response->mutable_resolution(),
                       response->mutable_akoma_ntoso_xml());
    grpc::ByteBuffer bytes;
    service::EncodeResponse(*response, &bytes);
  }
  const int64_t base_kb = StatusKb("VmRSS:");
  ResetPeak();
  size_t content_size = 0;
  int64_t response_bytes = 0;
  int64_t parse_peak_kb = 0;
  absl::Status status;
  {
    grpc::ByteBuffer request_bytes =
        MakeRequestBytes(unit, static_cast<size_t>(absl::GetFlag(FLAGS_size_mib)) << 20,
                         &content_size);
    // As service/unary_parse_call.cc does.
    google::protobuf::Arena arena(service::DocumentArenaOptions());
    auto* request = google::protobuf::Arena::CreateMessage<v1::ParseResolutionRequest>(&arena);
    auto* response = google::protobuf::Arena::CreateMessage<v1::ParseResolutionResponse>(&arena);
    status = service::DecodeRequest(&request_bytes, 0, "ParseResolutionRequest", request);
    if (status.ok()) {
      status = parser.Parse(*request, response->mutable_resolution(),
                            response->mutable_akoma_ntoso_xml());
    }
    parse_peak_kb = StatusKb("VmHWM:");
    std::string().swap(*request->mutable_content());  // As the unary call does.
    grpc::ByteBuffer out;
    if (status.ok()) {
      service::EncodeResponse(*response, &out);
      response_bytes = static_cast<int64_t>(out.Length());
    }
  }
  const int64_t peak_kb = StatusKb("VmHWM:");
  const int64_t after_kb = StatusKb("VmRSS:");
  const double factor = (peak_kb - base_kb) * 1024.0 / static_cast<double>(content_size);
  std::printf("%s %zu %lld %lld %lld %lld %lld %.2f %s\n", absl::GetFlag(FLAGS_shape).c_str(),
              content_size, static_cast<long long>(base_kb),
              static_cast<long long>(parse_peak_kb), static_cast<long long>(peak_kb),
              static_cast<long long>(after_kb), static_cast<long long>(response_bytes), factor,
              status.ok() ? "OK" : std::string(status.message()).c_str());
  return status.ok() ? 0 : 1;
}

int Parent(char* self) {
  std::vector<double> factors;
  std::vector<std::string> flags = {
      absl::StrCat("--shape=", absl::GetFlag(FLAGS_shape)),
      absl::StrCat("--size_mib=", absl::GetFlag(FLAGS_size_mib)),
      absl::StrCat("--akn=", absl::GetFlag(FLAGS_akn) ? "true" : "false"),
      absl::StrCat("--omit_text=", absl::GetFlag(FLAGS_omit_text) ? "true" : "false"),
      absl::StrCat("--source=", absl::GetFlag(FLAGS_source)), "--child"};
  std::printf("shape content_bytes base_kb parse_peak_kb peak_kb after_kb response_bytes factor status\n");
  std::fflush(stdout);
  for (int i = 0; i < absl::GetFlag(FLAGS_runs); ++i) {
    int fds[2];
    if (pipe(fds) != 0) return 2;
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      std::vector<char*> argv = {self};
      for (std::string& f : flags) argv.push_back(f.data());
      argv.push_back(nullptr);
      execv("/proc/self/exe", argv.data());
      _exit(127);
    }
    close(fds[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, n);
    close(fds[0]);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    std::printf("%s", out.c_str());
    std::vector<std::string> cols = absl::StrSplit(out, ' ');
    double f = 0;
    if (cols.size() >= 8 && absl::SimpleAtod(cols[7], &f)) factors.push_back(f);
  }
  if (factors.empty()) return 1;
  std::sort(factors.begin(), factors.end());
  std::printf("median factor (VmHWM - baseline) / document size: %.2f over %zu runs\n",
              factors[factors.size() / 2], factors.size());
  return 0;
}

}  // namespace
}  // namespace resolute

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_child)) return resolute::Child();
  return resolute::Parent(argv[0]);
}
