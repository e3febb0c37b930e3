#include "client/cli.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "client/archive_uploader.h"
#include "bench/load/bench_report.h"
#include "client/bulk_parser.h"
#include "client/channel.h"
#include "client/command_line.h"
#include "client/document_source.h"
#include "bench/load/load_generator.h"
#include "bench/load/loopback_target.h"
#include "client/memory_archive.h"
#include "client/progress.h"
#include "client/result_sink.h"
#include "client/run_summary.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {
namespace client {
namespace {

using bench::BenchDocument;
using bench::BenchJson;
using bench::BenchSetup;
using bench::BenchTable;
using bench::IsLoopbackTarget;
using bench::LoadGenerator;
using bench::LoadMode;
using bench::LoadModeName;
using bench::LoadOptions;
using bench::LoadResult;
using bench::ParseLoadMode;

constexpr char kMainHelp[] =
    "Usage: resolute COMMAND [options] ARGS\n"
    "\n"
    "Structures United Nations resolutions (text or PDF) with a resolute server.\n"
    "\n"
    "Commands:\n"
    "  parse     FILE...|DIR|-             documents through the document stream\n"
    "  archive   FILE.tar.gz|FILE.zip      an archive streamed to the server\n"
    "  bench     [FILE...|DIR]             throughput and latency of a local server\n"
    "  help      [COMMAND]                 this help, or a command's\n"
    "\n"
    "Exit codes: 0 all parsed, 1 some documents failed, 2 usage or connection error.\n"
    "Run `resolute COMMAND --help` for a command's options.\n";

constexpr char kOutputHelp[] =
    "Output: one JSON line per document on stdout\n"
    "  {\"documentId\":...,\"resolution\":{...},\"status\":{...}}\n"
    "or, with --out DIR, one sorted-key DIR/<name>.json per parsed document (the\n"
    "Resolution alone), <name> being the input's name without its last extension.\n"
    "--format akn asks the server for Akoma Ntoso XML and writes DIR/<name>.akn.xml\n"
    "instead (--format json,akn: both); on stdout it is the akomaNtosoXml field.\n"
    "Failures and a one-line summary go to stderr, with a progress bar when it is a\n"
    "terminal.";

// Options shared by the subcommands.
struct CommonOptions {
  std::string server = "localhost:50051";
  std::string out;
  std::string format = "json";
  OutputFormats formats;
  bool skip_existing = false;
  int retries = RetryOptions().max_attempts;
  absl::Duration timeout = absl::InfiniteDuration();
  ChannelTls tls;
};

void AddCommonFlags(FlagSet* flags, CommonOptions* options) {
  flags->AddString("server", &options->server, "TARGET",
                   "The resolute server: HOST:PORT, or dns:///HOST:PORT to balance "
                   "round-robin over every address (headless Kubernetes Service).");
  flags->AddString("out", &options->out, "DIR",
                   "Write DIR/<name>.json per parsed document instead of JSON lines.");
  flags->AddString("format", &options->format, "LIST",
                   "json, akn (Akoma Ntoso XML, <name>.akn.xml) or json,akn.");
  flags->AddBool("skip-existing", &options->skip_existing,
                 "With --out: leave documents whose outputs exist alone (resume a run).");
  flags->AddInt("retries", &options->retries,
                "Attempts of a call in a row without progress before giving up.");
  flags->AddDuration("timeout", &options->timeout,
                     "Give up on documents still unanswered after this long.");
  flags->AddString("tls-ca", &options->tls.ca_file, "FILE",
                   "Use TLS, trusting the server certificates these PEM CAs sign.");
  flags->AddString("tls-cert", &options->tls.cert_file, "FILE",
                   "Use TLS and present this PEM client certificate (mutual TLS).");
  flags->AddString("tls-key", &options->tls.key_file, "FILE", "PEM private key of --tls-cert.");
}

// Prints a per-document failure: "resolute: ID: CODE: message".
std::string FailureLine(const v1::ParseResolutionResponse& response) {
  return absl::StrCat("resolute: ", response.document_id(), ": ",
                      StatusCodeName(response.status().code()), ": ", response.status().message());
}

std::unique_ptr<ResultSink> MakeSink(const CommonOptions& options, std::ostream* out) {
  if (options.out.empty()) return std::make_unique<JsonLinesSink>(out);
  return std::make_unique<DirectorySink>(options.out, options.formats);
}

// Parses "1,4,16,64" into positive integers.
absl::StatusOr<std::vector<int>> ParseLevels(const std::string& text) {
  std::vector<int> levels;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    int n = 0;
    if (!absl::SimpleAtoi(part, &n) || n < 1 || n > 100000) {
      return absl::InvalidArgumentError(
          absl::StrCat("--concurrency wants positive integers such as 1,4,16,64, not \"", text,
                       "\""));
    }
    levels.push_back(n);
  }
  if (levels.empty()) return absl::InvalidArgumentError("--concurrency is empty");
  return levels;
}

// Parses "unary,stream,archive".
absl::StatusOr<std::vector<LoadMode>> ParseModes(const std::string& text) {
  std::vector<LoadMode> modes;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    LoadMode mode;
    if (!ParseLoadMode(absl::StripAsciiWhitespace(part), &mode)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--mode is a list of unary, stream, archive; not \"", text, "\""));
    }
    modes.push_back(mode);
  }
  if (modes.empty()) return absl::InvalidArgumentError("--mode is empty");
  return modes;
}

// The bundled corpus: tests/testdata/corpus below the current folder, or
// below the workspace under `bazel run`.
std::string DefaultBenchCorpus() {
  std::error_code ec;
  const std::filesystem::path relative = "tests/testdata/corpus";
  if (std::filesystem::is_directory(relative, ec)) return relative.string();
  if (const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    const std::filesystem::path p = std::filesystem::path(workspace) / relative;
    if (std::filesystem::is_directory(p, ec)) return p.string();
  }
  return "";
}

absl::StatusOr<v1::SourceVariant> ParseSourceVariant(const std::string& name) {
  v1::SourceVariant variant;
  if (!v1::SourceVariant_Parse(absl::StrCat("SOURCE_VARIANT_", absl::AsciiStrToUpper(name)),
                               &variant)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--source-variant is one of unspecified, pymupdf, pdftotext, word, ocr; not \"", name,
        "\""));
  }
  return variant;
}

}  // namespace

Cli::Cli(std::istream* in, std::ostream* out, std::ostream* err, bool show_progress)
    : in_(in), out_(out), err_(err), show_progress_(show_progress) {}

void Cli::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (canceller_) canceller_();
}

void Cli::SetCanceller(std::function<void()> cancel) {
  absl::MutexLock lock(&mu_);
  canceller_ = std::move(cancel);
  if (cancelled_ && canceller_) canceller_();
}

int Cli::UsageError(const std::string& message, const std::string& help_command) {
  *err_ << "resolute: " << message << "\n"
        << "Run `resolute " << help_command << "--help` for usage.\n";
  return kExitUsageOrConnection;
}

int Cli::Run(const std::vector<std::string>& args) {
  if (args.empty()) {
    *err_ << kMainHelp;
    return kExitUsageOrConnection;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "parse") return Parse(rest);
  if (command == "archive") return Archive(rest);
  if (command == "bench") return Bench(rest);
  if (command == "help" || command == "--help" || command == "-h") {
    if (!rest.empty() && (rest[0] == "parse" || rest[0] == "archive" || rest[0] == "bench")) {
      return Run({rest[0], "--help"});
    }
    *out_ << kMainHelp;
    return kExitOk;
  }
  return UsageError(absl::StrCat("unknown command \"", command, "\""), "");
}

int Cli::Parse(const std::vector<std::string>& args) {
  CommonOptions common;
  BulkOptions bulk;
  bool unary = false;
  std::string source_variant = "unspecified";
  std::string stdin_name = "stdin";
  FlagSet flags("resolute parse [options] FILE...|DIR|-",
                absl::StrCat("Structures resolution texts and PDFs through resolute's document\n"
                             "stream: FILEs, every file below a DIR (recursively, hidden files\n"
                             "skipped), or - for one document on standard input. Files named\n"
                             "*.pdf are sent as application/pdf; the server also recognises a\n"
                             "PDF by its %PDF- signature.\n\n",
                             kOutputHelp));
  AddCommonFlags(&flags, &common);
  flags.AddInt("concurrency", &bulk.concurrency, "Documents in flight at once.");
  flags.AddInt("streams", &bulk.streams,
               "Concurrent streams (each may reach a different server with dns:///).");
  flags.AddBool("unary", &unary, "Send one ParseResolution call per document instead.");
  flags.AddString("source-variant", &source_variant, "NAME",
                  "Extraction tool of the texts: unspecified, pymupdf, pdftotext, word, ocr.");
  flags.AddString("language", &bulk.language, "TAG", "Language of the texts (only en).");
  flags.AddBool("omit-text", &bulk.omit_text, "Leave Resolution.text out of the results.");
  flags.AddString("stdin-name", &stdin_name, "NAME", "Document id and output name for -.");
  absl::StatusOr<std::vector<std::string>> paths = flags.Parse(args);
  if (!paths.ok()) return UsageError(std::string(paths.status().message()), "parse ");
  if (flags.help_requested()) {
    *out_ << flags.Help();
    return kExitOk;
  }
  if (paths->empty()) return UsageError("no FILE, DIR or - given", "parse ");
  if (bulk.concurrency < 1 || bulk.streams < 1 || common.retries < 1) {
    return UsageError("--concurrency, --streams and --retries must be at least 1", "parse ");
  }
  if (common.skip_existing && common.out.empty()) {
    return UsageError("--skip-existing needs --out", "parse ");
  }
  absl::StatusOr<OutputFormats> formats = ParseOutputFormats(common.format);
  if (!formats.ok()) return UsageError(std::string(formats.status().message()), "parse ");
  common.formats = *formats;
  bulk.akoma_ntoso = formats->akoma_ntoso;
  absl::StatusOr<v1::SourceVariant> variant = ParseSourceVariant(source_variant);
  if (!variant.ok()) return UsageError(std::string(variant.status().message()), "parse ");
  bulk.source_variant = *variant;
  bulk.mode = unary ? BulkOptions::Mode::kUnary : BulkOptions::Mode::kStream;
  bulk.retry.max_attempts = common.retries;
  bulk.timeout = common.timeout;

  absl::StatusOr<std::vector<DocumentInput>> inputs =
      ExpandInputs(*paths, StdinOptions{in_, stdin_name});
  if (!inputs.ok()) return UsageError(std::string(inputs.status().message()), "parse ");

  std::unique_ptr<ResultSink> sink = MakeSink(common, out_);
  auto* directory = dynamic_cast<DirectorySink*>(sink.get());
  RunSummary summary(static_cast<int64_t>(inputs->size()));
  std::vector<DocumentInput> to_send;
  if (directory != nullptr) {
    std::vector<OutputName> names;
    for (const DocumentInput& input : *inputs) names.push_back({input.id, input.output_stem});
    absl::Status distinct = directory->CheckDistinctOutputs(names);
    if (!distinct.ok()) return UsageError(std::string(distinct.message()), "parse ");
  }
  int64_t total_bytes = 0;
  for (DocumentInput& input : *inputs) {
    if (common.skip_existing && directory->Exists(input.output_stem)) {
      summary.Skipped();
      continue;
    }
    total_bytes += input.size_bytes;
    to_send.push_back(std::move(input));
  }

  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      ChannelCredentialsFor(common.tls);
  if (!credentials.ok()) {
    return UsageError(std::string(credentials.status().message()), "parse ");
  }
  Progress progress(err_, show_progress_, static_cast<int64_t>(to_send.size()), total_bytes);
  BulkParser parser(CreateResoluteChannel(common.server, *credentials), bulk);
  SetCanceller([&parser] { parser.Cancel(); });
  const absl::Time start = absl::Now();
  BulkStats stats = parser.Run(to_send, [&](DocumentOutcome outcome) {
    const DocumentInput& input = to_send[outcome.index];
    const int code = outcome.response.status().code();
    if (code == 0) {
      absl::Status written = sink->Write(outcome.response, input.output_stem);
      if (written.ok()) {
        summary.Parsed(input.size_bytes);
      } else {
        summary.Failed(static_cast<int>(written.code()), /*connection=*/false);
        progress.Message(absl::StrCat("resolute: ", input.id, ": ", written.message()));
      }
    } else {
      summary.Failed(
          code, outcome.client_error && code == static_cast<int>(grpc::StatusCode::UNAVAILABLE));
      progress.Message(FailureLine(outcome.response));
      if (directory == nullptr) {
        absl::Status written = sink->Write(outcome.response, input.output_stem);
        if (!written.ok()) progress.Message(absl::StrCat("resolute: ", written.message()));
      }
    }
    progress.Add(1, input.size_bytes);
  });
  SetCanceller(nullptr);
  progress.Finish();
  summary.Retried(stats.retries);
  *err_ << "resolute: " << summary.Line(absl::Now() - start) << std::endl;
  return summary.ExitCode();
}

int Cli::Archive(const std::vector<std::string>& args) {
  CommonOptions common;
  int chunk_kib = 256;
  FlagSet flags("resolute archive [options] FILE.tar|FILE.tar.gz|FILE.zip",
                absl::StrCat("Streams an archive to resolute in chunks (never whole in memory)\n"
                             "and structures every text file in it; entries come back in archive\n"
                             "order. With --skip-existing, entries whose output exists are still\n"
                             "parsed by the server but not rewritten.\n\n",
                             kOutputHelp));
  AddCommonFlags(&flags, &common);
  flags.AddInt("chunk-kib", &chunk_kib, "Size of each chunk sent, in KiB.");
  std::string source_variant = "unspecified";
  ArchiveUploadOptions options;
  flags.AddString("source-variant", &source_variant, "NAME",
                  "Extraction tool of the texts: unspecified, pymupdf, pdftotext, word, ocr.");
  flags.AddString("language", &options.language, "TAG", "Language of the texts (only en).");
  flags.AddBool("omit-text", &options.omit_text, "Leave Resolution.text out of the results.");
  absl::StatusOr<std::vector<std::string>> paths = flags.Parse(args);
  if (!paths.ok()) return UsageError(std::string(paths.status().message()), "archive ");
  if (flags.help_requested()) {
    *out_ << flags.Help();
    return kExitOk;
  }
  if (paths->size() != 1) return UsageError("give exactly one archive FILE", "archive ");
  if (chunk_kib < 1 || chunk_kib > 4096 || common.retries < 1) {
    return UsageError("--chunk-kib must be 1 to 4096 and --retries at least 1", "archive ");
  }
  if (common.skip_existing && common.out.empty()) {
    return UsageError("--skip-existing needs --out", "archive ");
  }
  absl::StatusOr<OutputFormats> formats = ParseOutputFormats(common.format);
  if (!formats.ok()) return UsageError(std::string(formats.status().message()), "archive ");
  common.formats = *formats;
  options.akoma_ntoso = formats->akoma_ntoso;
  absl::StatusOr<v1::SourceVariant> variant = ParseSourceVariant(source_variant);
  if (!variant.ok()) return UsageError(std::string(variant.status().message()), "archive ");
  options.source_variant = *variant;
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      ChannelCredentialsFor(common.tls);
  if (!credentials.ok()) {
    return UsageError(std::string(credentials.status().message()), "archive ");
  }
  const std::string& path = (*paths)[0];
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return UsageError(absl::StrCat(path, ": no such file"), "archive ");
  }
  const int64_t archive_bytes = static_cast<int64_t>(std::filesystem::file_size(path, ec));

  std::unique_ptr<ResultSink> sink = MakeSink(common, out_);
  auto* directory = dynamic_cast<DirectorySink*>(sink.get());
  if (directory != nullptr) {
    // The same check as parse --out, on the archive's listing (read locally,
    // without keeping any entry). An archive that cannot be listed is sent
    // all the same: the server says what is wrong with it.
    absl::StatusOr<std::vector<std::string>> files = ListArchiveFiles(path);
    if (files.ok()) {
      std::vector<OutputName> names;
      for (std::string& file : *files) {
        std::string stem = StripLastExtension(file);
        names.push_back({std::move(file), std::move(stem)});
      }
      absl::Status distinct = directory->CheckDistinctOutputs(names);
      if (!distinct.ok()) return UsageError(std::string(distinct.message()), "archive ");
    }
  }
  RunSummary summary(/*inputs=*/-1);
  Progress progress(err_, show_progress_, /*total_docs=*/0, archive_bytes);
  options.chunk_bytes = static_cast<size_t>(chunk_kib) << 10;
  options.retry.max_attempts = common.retries;
  options.timeout = common.timeout;
  options.on_bytes_sent = [&progress, &summary](int64_t n) {
    progress.Add(0, n);
    summary.AddBytes(n);
  };
  ArchiveUploader uploader(CreateResoluteChannel(common.server, *credentials), options);
  SetCanceller([&uploader] { uploader.Cancel(); });
  const absl::Time start = absl::Now();
  ArchiveUploadResult result = uploader.Run(path, [&](v1::ParseResolutionResponse response) {
    const std::string stem = StripLastExtension(response.document_id());
    const int code = response.status().code();
    if (code != 0) {
      summary.Failed(code, /*connection=*/false);
      progress.Message(FailureLine(response));
      if (directory == nullptr) {
        absl::Status written = sink->Write(response, stem);
        if (!written.ok()) progress.Message(absl::StrCat("resolute: ", written.message()));
      }
    } else if (common.skip_existing && directory->Exists(stem)) {
      summary.Skipped();
    } else {
      absl::Status written = sink->Write(response, stem);
      if (written.ok()) {
        summary.Parsed(0);  // Bytes are the archive's, counted as sent.
      } else {
        summary.Failed(static_cast<int>(written.code()), /*connection=*/false);
        progress.Message(
            absl::StrCat("resolute: ", response.document_id(), ": ", written.message()));
      }
    }
    progress.Add(1, 0);
  });
  SetCanceller(nullptr);
  progress.Finish();
  summary.Retried(result.retries);
  if (!result.status.ok()) {
    const bool connection = result.status.error_code() == grpc::StatusCode::UNAVAILABLE;
    summary.CallFailed(static_cast<int>(result.status.error_code()), result.status.error_message(),
                       connection);
    *err_ << "resolute: " << path << ": " << StatusCodeName(result.status.error_code()) << ": "
          << result.status.error_message() << "\n";
  }
  *err_ << "resolute: " << summary.Line(absl::Now() - start) << std::endl;
  return summary.ExitCode();
}

int Cli::Bench(const std::vector<std::string>& args) {
  std::string server = "localhost:50051";
  std::string modes_text = "unary";
  std::string levels_text = "1,4,16,64";
  std::string warmup_text = "1s";
  std::string format_text = "tar.gz";
  LoadOptions base;
  int max_calls = 0;
  int chunk_kib = 256;
  int channels = 1;
  bool median = false;
  bool json = false;
  bool allow_remote = false;
  ChannelTls tls;
  FlagSet flags(
      "resolute bench [options] [FILE...|DIR]",
      "Measures a resolute server on this machine: throughput (requests/s, documents/s,\n"
      "MB/s of text) and latency (p50, p90, p99, max) of unary calls, of the document\n"
      "stream and of the archive stream, at each --concurrency level in turn: a warm-up,\n"
      "then a window of --duration (or --max-calls requests). Documents: the FILEs and\n"
      "every file below each DIR, by default tests/testdata/corpus.\n\n"
      "--concurrency is, per mode: unary calls outstanding; documents in flight on each\n"
      "stream; archive calls at once (each uploads an archive of all the documents).\n"
      "Latency is per unary call, per stream document (write to response) and per\n"
      "archive call. Responses are not deserialised, so the client costs little.\n\n"
      "Only servers on this machine (loopback addresses, localhost, unix sockets)\n"
      "unless --allow-remote. For figures, pin the server and this client to different\n"
      "cores (taskset) and start the server with --log_level=warning.\n\n"
      "Exit codes: 0 no errors, 1 some requests failed, 2 usage or connection error.");
  flags.AddString("server", &server, "TARGET", "The resolute server (loopback only).");
  flags.AddString("mode", &modes_text, "LIST", "Comma-separated: unary, stream, archive.");
  flags.AddString("concurrency", &levels_text, "LIST",
                  "Comma-separated concurrency levels, each measured in turn.");
  flags.AddInt("streams", &base.streams, "Streams at once in stream mode.");
  flags.AddDuration("duration", &base.duration, "Measured window of each level.");
  flags.AddString("warmup", &warmup_text, "DURATION",
                  "Unmeasured time before each level's window (0s for none).");
  flags.AddInt("max-calls", &max_calls,
               "End a level's window after this many requests (unary calls, stream documents, "
               "archive calls); 0 means no limit.");
  flags.AddDuration("call-timeout", &base.call_timeout,
                    "Deadline of each unary call (streams and archives: the run plus this).");
  flags.AddBool("median", &median,
                "Send only the document of median size (the unary figure of issue 6).");
  flags.AddBool("omit-text", &base.omit_text, "Ask for responses without Resolution.text.");
  flags.AddString("archive-format", &format_text, "FORMAT",
                  "Archive mode: tar, tar.gz or zip, built in memory from the documents.");
  flags.AddInt("chunk-kib", &chunk_kib, "Archive mode: size of each chunk sent, in KiB.");
  flags.AddInt("channels", &channels, "Connections to spread the calls over.");
  flags.AddBool("json", &json, "Print one JSON object instead of the table.");
  flags.AddBool("allow-remote", &allow_remote,
                "Allow a server that is not on this machine (load it only if it is yours).");
  flags.AddString("tls-ca", &tls.ca_file, "FILE",
                  "Use TLS, trusting the server certificates these PEM CAs sign.");
  flags.AddString("tls-cert", &tls.cert_file, "FILE",
                  "Use TLS and present this PEM client certificate (mutual TLS).");
  flags.AddString("tls-key", &tls.key_file, "FILE", "PEM private key of --tls-cert.");
  absl::StatusOr<std::vector<std::string>> paths = flags.Parse(args);
  if (!paths.ok()) return UsageError(std::string(paths.status().message()), "bench ");
  if (flags.help_requested()) {
    *out_ << flags.Help();
    return kExitOk;
  }
  absl::StatusOr<std::vector<LoadMode>> modes = ParseModes(modes_text);
  if (!modes.ok()) return UsageError(std::string(modes.status().message()), "bench ");
  absl::StatusOr<std::vector<int>> levels = ParseLevels(levels_text);
  if (!levels.ok()) return UsageError(std::string(levels.status().message()), "bench ");
  absl::Duration warmup;
  if (!absl::ParseDuration(warmup_text, &warmup) || warmup < absl::ZeroDuration() ||
      warmup == absl::InfiniteDuration()) {
    return UsageError(absl::StrCat("--warmup wants a duration such as 1s or 0s, not \"",
                                   warmup_text, "\""),
                      "bench ");
  }
  base.warmup = warmup;
  if (!ParseMemoryArchiveFormat(format_text, &base.archive_format)) {
    return UsageError(absl::StrCat("--archive-format is tar, tar.gz or zip, not \"", format_text,
                                   "\""),
                      "bench ");
  }
  if (base.streams < 1 || channels < 1 || max_calls < 0 || chunk_kib < 1 || chunk_kib > 4096) {
    return UsageError(
        "--streams and --channels must be at least 1, --max-calls at least 0, --chunk-kib 1 to "
        "4096",
        "bench ");
  }
  if (base.duration == absl::InfiniteDuration() && max_calls == 0) {
    return UsageError("a run must be bounded: give a finite --duration or --max-calls", "bench ");
  }
  if (base.duration == absl::InfiniteDuration()) base.duration = absl::Hours(24);
  base.max_requests = max_calls;
  base.chunk_bytes = static_cast<size_t>(chunk_kib) << 10;
  if (!allow_remote && !IsLoopbackTarget(server)) {
    return UsageError(absl::StrCat("refusing to load ", server,
                                   ": not an address of this machine (give --allow-remote to "
                                   "benchmark a server you own elsewhere)"),
                      "bench ");
  }

  std::vector<std::string> inputs_args = *paths;
  if (inputs_args.empty()) {
    const std::string corpus = DefaultBenchCorpus();
    if (corpus.empty()) {
      return UsageError("no FILE or DIR given, and no tests/testdata/corpus here", "bench ");
    }
    inputs_args.push_back(corpus);
  }
  for (const std::string& arg : inputs_args) {
    if (arg == "-") return UsageError("bench reads files and folders, not -", "bench ");
  }
  absl::StatusOr<std::vector<DocumentInput>> inputs = ExpandInputs(inputs_args, StdinOptions{});
  if (!inputs.ok()) return UsageError(std::string(inputs.status().message()), "bench ");
  std::vector<BenchDocument> documents;
  for (const DocumentInput& input : *inputs) {
    absl::StatusOr<std::string> content = ReadDocument(input);
    if (!content.ok()) return UsageError(std::string(content.status().message()), "bench ");
    if (content->empty()) continue;
    documents.push_back({input.id, *std::move(content)});
  }
  if (documents.empty()) return UsageError("no non-empty document to send", "bench ");
  if (median) documents = {MedianSizeDocument(documents)};
  BenchSetup setup;
  setup.server = server;
  setup.documents = static_cast<int64_t>(documents.size());
  for (const BenchDocument& d : documents) {
    setup.document_bytes += static_cast<int64_t>(d.content.size());
  }
  setup.omit_text = base.omit_text;

  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      ChannelCredentialsFor(tls);
  if (!credentials.ok()) return UsageError(std::string(credentials.status().message()), "bench ");
  std::vector<std::shared_ptr<grpc::Channel>> channel_list;
  for (int i = 0; i < channels; ++i) {
    grpc::ChannelArguments channel_args = ResoluteChannelArguments();
    // A channel of its own (own connection) even for the same target.
    channel_args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    channel_args.SetInt("resolute.bench_channel", i);
    channel_list.push_back(grpc::CreateCustomChannel(server, *credentials, channel_args));
  }
  LoadGenerator generator(std::move(channel_list), std::move(documents));
  if (absl::Status up = generator.WaitForServer(absl::Seconds(10)); !up.ok()) {
    *err_ << "resolute: " << server << ": " << up.message() << "\n";
    return kExitUsageOrConnection;
  }
  SetCanceller([&generator] { generator.Cancel(); });
  std::vector<LoadResult> results;
  int exit_code = kExitOk;
  for (LoadMode mode : *modes) {
    for (int level : *levels) {
      LoadOptions options = base;
      options.mode = mode;
      options.concurrency = level;
      absl::StatusOr<LoadResult> result = generator.Run(options);
      if (!result.ok()) {
        *err_ << "resolute: " << LoadModeName(mode) << " at concurrency " << level << ": "
              << result.status().message() << "\n";
        exit_code = kExitUsageOrConnection;
        break;
      }
      if (show_progress_) {
        *err_ << "resolute: " << LoadModeName(mode) << " concurrency " << level << ": "
              << absl::StrFormat("%.1f docs/s", result->DocumentsPerSecond()) << "\n";
      }
      if (result->errors > 0) {
        *err_ << "resolute: " << LoadModeName(mode) << " at concurrency " << level << ": "
              << result->errors << " errors, the first: " << result->first_error << "\n";
        if (exit_code == kExitOk) exit_code = kExitSomeFailed;
      }
      results.push_back(*std::move(result));
    }
    if (exit_code == kExitUsageOrConnection) break;
  }
  SetCanceller(nullptr);
  if (json) {
    *out_ << BenchJson(setup, results);
  } else {
    *out_ << absl::StrFormat("server %s, %d documents, %.2f MB%s\n", server, setup.documents,
                             setup.document_bytes / 1e6, setup.omit_text ? ", omit_text" : "");
    *out_ << BenchTable(results);
  }
  out_->flush();
  return exit_code;
}

}  // namespace client
}  // namespace resolute
