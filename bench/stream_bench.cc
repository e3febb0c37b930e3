// stream_bench: documents/s and MB/s of the same documents through
//   inprocess  resolute::ParseResolution called directly (the baseline),
//   wire       the same with the protobuf work a server cannot avoid, as the
//              server does it: each request parsed from its serialised form
//              and each response serialised (with protobuf's UTF-8 check of
//              every string), both on one arena per document;
//              the bound on any gRPC server's document rate on one core,
//   unary      ParseResolution calls, --concurrency in flight,
//   stream     StreamParseResolutions, --concurrency in flight,
//   archive    ParseArchive with a tar.gz of the documents.
// A plain timing binary (not a test): run it through bench/run_service_bench.sh,
// which pins the server and this client to different cores.
//
//   stream_bench --mode=inprocess,wire --corpus=DIR
//   stream_bench --mode=unary,stream,archive --server=127.0.0.1:50051 --corpus=DIR
//
// Every mode parses the corpus --repeat times per measurement (after one
// warm-up pass), measures --runs times and prints the best run: mode,
// documents, MB of text, seconds, docs/s, MB/s, and the share of
// --baseline_docs_per_s if given.

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "client/archive_uploader.h"
#include "client/bulk_parser.h"
#include "client/channel.h"
#include "client/document_source.h"
#include "bench/load/load_generator.h"
#include "parser/parser.h"
#include "resolute/v1/resolute_service.pb.h"
#include "service/arena_messages.h"

ABSL_FLAG(std::string, mode, "inprocess,wire,unary,stream,archive",
          "Comma-separated modes: inprocess, wire, unary, stream, archive.");
ABSL_FLAG(std::string, corpus, "", "Folder of .txt documents (recursively).");
ABSL_FLAG(int, repeat, 3, "Passes over the corpus per measurement.");
ABSL_FLAG(int, runs, 3, "Measurements per mode; the best is reported (the machine is shared).");
ABSL_FLAG(std::string, server, "127.0.0.1:50051", "resolute server for the RPC modes.");
ABSL_FLAG(int, concurrency, 16, "Documents in flight (unary and stream).");
ABSL_FLAG(int, threads, 1, "Parsing threads of the inprocess mode.");
ABSL_FLAG(bool, omit_text, false,
          "Leave Resolution.text out (ParseOptions.include_text / omit_text); the archive "
          "stream cannot.");
ABSL_FLAG(bool, median, false,
          "Use only the corpus document of median size, as many times as the corpus has "
          "documents per pass (the document of `resolute bench --median`).");
ABSL_FLAG(double, baseline_docs_per_s, 0,
          "In-process docs/s to compare with (prints the percentage).");

namespace resolute {
namespace bench {
namespace {

// A document of the corpus: its id and text.
using Document = BenchDocument;

struct Figures {
  int64_t docs = 0;
  int64_t bytes = 0;
  int64_t failed = 0;
  absl::Duration elapsed;
};

std::vector<Document> LoadCorpus(const std::string& dir) {
  auto inputs = client::ExpandInputs({dir}, {});
  if (!inputs.ok()) {
    std::cerr << "stream_bench: " << inputs.status() << "\n";
    std::exit(2);
  }
  std::vector<Document> docs;
  for (const auto& input : *inputs) {
    if (input.path.size() < 4 || input.path.substr(input.path.size() - 4) != ".txt") continue;
    docs.push_back({input.id, client::ReadDocument(input).value()});
  }
  return docs;
}

// The corpus `repeat` times, ids made unique.
std::vector<Document> Repeat(const std::vector<Document>& corpus, int repeat) {
  std::vector<Document> docs;
  for (int r = 0; r < repeat; ++r) {
    for (const Document& d : corpus) docs.push_back({absl::StrCat(r, "/", d.id), d.content});
  }
  return docs;
}

int64_t TotalBytes(const std::vector<Document>& docs) {
  int64_t n = 0;
  for (const Document& d : docs) n += static_cast<int64_t>(d.content.size());
  return n;
}

// Runs `parse_one(i)` for every document on `threads` threads; it returns
// whether document i was parsed.
Figures OnThreads(const std::vector<Document>& docs, int threads,
                  const std::function<bool(size_t)>& parse_one) {
  std::atomic<size_t> next{0};
  std::atomic<int64_t> failed{0};
  const absl::Time start = absl::Now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < docs.size(); i = next++) {
        if (!parse_one(i)) ++failed;
      }
    });
  }
  for (std::thread& w : workers) w.join();
  return {static_cast<int64_t>(docs.size()), TotalBytes(docs), failed.load(), absl::Now() - start};
}

ParseOptions BenchParseOptions() {
  ParseOptions options;
  options.include_text = !absl::GetFlag(FLAGS_omit_text);
  return options;
}

Figures InProcess(const std::vector<Document>& docs, int threads) {
  const ParseOptions options = BenchParseOptions();
  // A fresh message per document, as a service (or any caller keeping its
  // results) has.
  return OnThreads(docs, threads,
                   [&](size_t i) { return ParseResolution(docs[i].content, options).ok(); });
}

// `docs` as serialised ParseResolutionRequests, as they arrive at a server.
std::vector<std::string> SerializedRequests(const std::vector<Document>& docs) {
  std::vector<std::string> requests;
  requests.reserve(docs.size());
  for (const Document& d : docs) {
    v1::ParseResolutionRequest request;
    request.set_document_id(d.id);
    request.set_content(d.content);
    request.set_omit_text(absl::GetFlag(FLAGS_omit_text));
    requests.push_back(request.SerializeAsString());
  }
  return requests;
}

Figures OnTheWire(const std::vector<Document>& docs, const std::vector<std::string>& requests,
                  int threads) {
  const ParseOptions options = BenchParseOptions();
  return OnThreads(docs, threads, [&](size_t i) {
    // The request and the response on one arena, as the server's unary
    // calls have them (service/arena_messages.h).
    service::ArenaResponse response = service::ArenaResponse::New();
    auto* request = google::protobuf::Arena::CreateMessage<v1::ParseResolutionRequest>(
        response->GetArena());
    if (!request->ParseFromString(requests[i])) return false;
    if (!ParseResolution(request->content(), options, response->mutable_resolution()).ok()) {
      return false;
    }
    response->set_document_id(request->document_id());
    std::string wire;
    return response->SerializeToString(&wire);
  });
}

Figures ThroughBulkParser(const std::vector<Document>& docs, client::BulkOptions::Mode mode,
                          int concurrency, const std::string& server) {
  std::vector<client::DocumentInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) inputs[i].id = absl::StrCat(i);
  client::BulkOptions options;
  options.mode = mode;
  options.concurrency = concurrency;
  options.omit_text = absl::GetFlag(FLAGS_omit_text);
  options.loader = [&](const client::DocumentInput& input) -> absl::StatusOr<std::string> {
    return docs[std::stoul(input.id)].content;
  };
  client::BulkParser parser(client::CreateResoluteChannel(server), options);
  std::atomic<int64_t> failed{0};
  const absl::Time start = absl::Now();
  parser.Run(inputs, [&](client::DocumentOutcome o) {
    if (o.response.status().code() != 0) ++failed;
  });
  return {static_cast<int64_t>(docs.size()), TotalBytes(docs), failed.load(), absl::Now() - start};
}

la_ssize_t AppendToFile(struct archive*, void* out, const void* buffer, size_t n) {
  static_cast<std::ofstream*>(out)->write(static_cast<const char*>(buffer),
                                          static_cast<std::streamsize>(n));
  return static_cast<la_ssize_t>(n);
}

// Writes `docs` as a tar.gz at `path`.
void WriteTarGz(const std::vector<Document>& docs, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  struct archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  archive_write_open(a, &out, nullptr, &AppendToFile, nullptr);
  for (const Document& d : docs) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, d.id.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(d.content.size()));
    archive_write_header(a, e);
    archive_write_data(a, d.content.data(), d.content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

Figures ThroughArchive(const std::vector<Document>& docs, const std::string& path,
                       const std::string& server) {
  client::ArchiveUploader uploader(client::CreateResoluteChannel(server),
                                   client::ArchiveUploadOptions());
  int64_t failed = 0;
  const absl::Time start = absl::Now();
  client::ArchiveUploadResult result = uploader.Run(path, [&](v1::ParseResolutionResponse r) {
    if (r.status().code() != 0) ++failed;
  });
  const absl::Duration elapsed = absl::Now() - start;
  if (!result.status.ok()) {
    std::cerr << "stream_bench: archive: " << result.status.error_message() << "\n";
    failed += static_cast<int64_t>(docs.size()) - result.entries;
  }
  return {result.entries, TotalBytes(docs), failed, elapsed};
}

void Print(const std::string& mode, const Figures& f, double baseline) {
  const double seconds = absl::ToDoubleSeconds(f.elapsed);
  const double docs_per_s = f.docs / seconds;
  std::string line =
      absl::StrFormat("%-10s %7d docs %8.1f MB %7.2f s %9.1f docs/s %7.2f MB/s", mode, f.docs,
                      f.bytes / 1e6, seconds, docs_per_s, f.bytes / 1e6 / seconds);
  if (baseline > 0)
    absl::StrAppend(&line, absl::StrFormat("  %5.1f%% of in-process", 100 * docs_per_s / baseline));
  if (f.failed > 0) absl::StrAppend(&line, absl::StrFormat("  (%d failed)", f.failed));
  std::cout << line << std::endl;
}

int Main() {
  const std::string corpus_dir = absl::GetFlag(FLAGS_corpus);
  if (corpus_dir.empty()) {
    std::cerr << "stream_bench: --corpus is required\n";
    return 2;
  }
  std::vector<Document> corpus = LoadCorpus(corpus_dir);
  if (absl::GetFlag(FLAGS_median) && !corpus.empty()) {
    const Document median = MedianSizeDocument(corpus);
    corpus.assign(corpus.size(), median);
  }
  const std::vector<Document> docs = Repeat(corpus, absl::GetFlag(FLAGS_repeat));
  const std::string server = absl::GetFlag(FLAGS_server);
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const double baseline = absl::GetFlag(FLAGS_baseline_docs_per_s);
  std::cout << absl::StrFormat(
      "corpus: %d documents, %.1f MB; %d passes per measurement, best of %d\n", corpus.size(),
      TotalBytes(corpus) / 1e6, absl::GetFlag(FLAGS_repeat), absl::GetFlag(FLAGS_runs));
  const int runs = std::max(1, absl::GetFlag(FLAGS_runs));
  // Runs `measure` --runs times and keeps the fastest.
  const auto best = [runs](const std::function<Figures()>& measure) {
    Figures fastest = measure();
    for (int i = 1; i < runs; ++i) {
      Figures f = measure();
      if (f.elapsed < fastest.elapsed) fastest = f;
    }
    return fastest;
  };
  for (absl::string_view mode : absl::StrSplit(absl::GetFlag(FLAGS_mode), ',')) {
    if (mode == "inprocess") {
      const int threads = absl::GetFlag(FLAGS_threads);
      InProcess(corpus, threads);  // Warm-up.
      Print("inprocess", best([&] { return InProcess(docs, threads); }), baseline);
    } else if (mode == "wire") {
      const int threads = absl::GetFlag(FLAGS_threads);
      const std::vector<std::string> requests = SerializedRequests(docs);
      OnTheWire(corpus, requests, threads);  // Warm-up (the corpus is the first pass of docs).
      Print("wire", best([&] { return OnTheWire(docs, requests, threads); }), baseline);
    } else if (mode == "unary" || mode == "stream") {
      const auto m =
          mode == "unary" ? client::BulkOptions::Mode::kUnary : client::BulkOptions::Mode::kStream;
      ThroughBulkParser(corpus, m, concurrency, server);  // Warm-up.
      Print(std::string(mode),
            best([&] { return ThroughBulkParser(docs, m, concurrency, server); }), baseline);
    } else if (mode == "archive") {
      const std::string path = (std::filesystem::temp_directory_path() /
                                absl::StrCat("stream_bench_", getpid(), ".tar.gz"))
                                   .string();
      WriteTarGz(docs, path);
      ThroughArchive(docs, path, server);  // Warm-up.
      Print("archive", best([&] { return ThroughArchive(docs, path, server); }), baseline);
      std::filesystem::remove(path);
    } else {
      std::cerr << "stream_bench: unknown mode " << mode << "\n";
      return 2;
    }
  }
  return 0;
}

}  // namespace
}  // namespace bench
}  // namespace resolute

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Throughput of resolute in-process and through gRPC.");
  absl::ParseCommandLine(argc, argv);
  return resolute::bench::Main();
}
