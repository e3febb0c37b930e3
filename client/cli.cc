#include "client/cli.h"

#include <filesystem>
#include <map>
#include <memory>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/archive_uploader.h"
#include "client/bulk_parser.h"
#include "client/channel.h"
#include "client/command_line.h"
#include "client/document_source.h"
#include "client/progress.h"
#include "client/result_sink.h"
#include "client/run_summary.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {
namespace client {
namespace {

constexpr char kMainHelp[] =
    "Usage: resolute COMMAND [options] ARGS\n"
    "\n"
    "Structures the text of United Nations resolutions with a resolute server.\n"
    "\n"
    "Commands:\n"
    "  parse     FILE...|DIR|-             documents through the document stream\n"
    "  archive   FILE.tar.gz|FILE.zip      an archive streamed to the server\n"
    "  help      [COMMAND]                 this help, or a command's\n"
    "\n"
    "Exit codes: 0 all parsed, 1 some documents failed, 2 usage or connection error.\n"
    "Run `resolute COMMAND --help` for a command's options.\n";

constexpr char kOutputHelp[] =
    "Output: one JSON line per document on stdout\n"
    "  {\"documentId\":...,\"resolution\":{...},\"status\":{...}}\n"
    "or, with --out DIR, one sorted-key DIR/<name>.json per parsed document (the\n"
    "Resolution alone), <name> being the input's name without its last extension.\n"
    "Failures and a one-line summary go to stderr, with a progress bar when it is a\n"
    "terminal.";

// Options shared by the subcommands.
struct CommonOptions {
  std::string server = "localhost:50051";
  std::string out;
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
  flags->AddBool("skip-existing", &options->skip_existing,
                 "With --out: leave documents whose .json exists alone (resume a run).");
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
  return std::make_unique<DirectorySink>(options.out);
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
  if (command == "help" || command == "--help" || command == "-h") {
    if (!rest.empty() && (rest[0] == "parse" || rest[0] == "archive")) {
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
                absl::StrCat("Structures resolution texts through resolute's document stream:\n"
                             "FILEs, every file below a DIR (recursively, hidden files skipped),\n"
                             "or - for one document on standard input.\n\n",
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
    std::map<std::string, std::string> owner;  // Output file -> input.
    for (const DocumentInput& input : *inputs) {
      const std::string path = directory->PathFor(input.output_stem);
      auto [it, fresh] = owner.emplace(path, input.id);
      if (!fresh) {
        return UsageError(
            absl::StrCat(it->second, " and ", input.id, " would both be written to ", path),
            "parse ");
      }
    }
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

}  // namespace client
}  // namespace resolute
