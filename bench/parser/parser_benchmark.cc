// Parser throughput, in-process: the whole pipeline and each stage on the
// corpus, the median document alone, and synthetic documents from 1 KB to
// 64 MB made by repeating corpus paragraphs (cost per byte must stay flat).
// Memory: heap allocations per document (operator new is counted, see
// memory_stats.h) and the peak resident set size of the by-size runs.
//
//   bazel run -c opt //bench/parser:parser_benchmark --
//       --corpus_dir=$PWD/../shared/corpus/texts --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true     (one command)
//
// Without --corpus_dir it uses the documents bundled in tests/testdata.
// Counters: allocs_per_doc and alloc_kb_per_doc (heap allocations made by a
// parse, with the message reused as a caller streaming documents would),
// peak_rss_mb (BM_ParseBySize: the peak resident set size of the process
// while parsing that document, the document itself included) and
// parse_rss_mb (that peak less the resident set size before parsing).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/parser/memory_stats.h"
#include "benchmark/benchmark.h"
#include "parser/builder.h"
#include "parser/citations.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/layout.h"
#include "common/utf8.h"
#include "parser/normalize.h"
#include "parser/parser.h"
#include "parser/source_text.h"
#include "parser/structure.h"

namespace resolute {
namespace {

std::string corpus_dir;  // set from --corpus_dir in main

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::vector<std::string>& Corpus() {
  static const auto* docs = [] {
    auto* out = new std::vector<std::string>;
    std::string dir = corpus_dir;
    if (dir.empty()) {
      const char* runfiles = std::getenv("RUNFILES_DIR");
      dir = std::string(runfiles != nullptr ? runfiles : ".") + "/resolute/tests/testdata/corpus";
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) out->push_back(ReadFile(p));
    std::cerr << "corpus: " << out->size() << " documents from " << dir << "\n";
    return out;
  }();
  return *docs;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const std::string& d : Corpus()) n += static_cast<int64_t>(d.size());
  return n;
}

void Report(benchmark::State& state, int64_t bytes, int64_t docs) {
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * docs);
}

// Heap allocations made since `before`, per document parsed.
void ReportAllocations(benchmark::State& state, const bench::AllocStats& before, int64_t docs) {
  const bench::AllocStats after = bench::CurrentAllocStats();
  const double parsed = static_cast<double>(state.iterations()) * static_cast<double>(docs);
  state.counters["allocs_per_doc"] = static_cast<double>(after.count - before.count) / parsed;
  state.counters["alloc_kb_per_doc"] = static_cast<double>(after.bytes - before.bytes) / 1024.0 / parsed;
}

void BM_ParseCorpus(benchmark::State& state) {
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  const bench::AllocStats before = bench::CurrentAllocStats();
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      benchmark::DoNotOptimize(ParseResolution(doc, options, &r));
    }
  }
  const int64_t docs = static_cast<int64_t>(Corpus().size());
  ReportAllocations(state, before, docs);
  Report(state, CorpusBytes(), docs);
}
BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMillisecond);

// Same, with a new message per document (what a server that builds each
// response from scratch pays; the message's own allocations show here).
void BM_ParseCorpusFreshMessage(benchmark::State& state) {
  ParseOptions options;
  options.include_text = false;
  const bench::AllocStats before = bench::CurrentAllocStats();
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      v1::Resolution r;
      benchmark::DoNotOptimize(ParseResolution(doc, options, &r));
    }
  }
  const int64_t docs = static_cast<int64_t>(Corpus().size());
  ReportAllocations(state, before, docs);
  Report(state, CorpusBytes(), docs);
}
BENCHMARK(BM_ParseCorpusFreshMessage)->Unit(benchmark::kMillisecond);

const std::string& MedianDocument() {
  static const auto* median = [] {
    std::vector<std::string> docs = Corpus();
    std::sort(docs.begin(), docs.end(),
              [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    return new std::string(docs[docs.size() / 2]);
  }();
  return *median;
}

void BM_ParseMedianDocument(benchmark::State& state) {
  const std::string& median = MedianDocument();
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  const bench::AllocStats before = bench::CurrentAllocStats();
  for (auto _ : state) benchmark::DoNotOptimize(ParseResolution(median, options, &r));
  ReportAllocations(state, before, 1);
  state.counters["doc_bytes"] = static_cast<double>(median.size());
  Report(state, static_cast<int64_t>(median.size()), 1);
}
BENCHMARK(BM_ParseMedianDocument)->Unit(benchmark::kMicrosecond);

// The stages one by one, each on the previous stage's output.
struct Staged {
  std::string text;
  std::vector<Line> lines;
  FrontMatter front;
  std::vector<Span> title_spans;
  std::string title;
  Layout layout;
  Footnotes footnotes;
  Structure structure;
  // What the builder scans for citations: paragraphs, sub-paragraphs and
  // footnotes (their spans).
  std::vector<const std::vector<Span>*> cited;
};

void CollectCited(const std::vector<SubNode>& subs, std::vector<const std::vector<Span>*>* out) {
  for (const SubNode& s : subs) {
    out->push_back(&s.spans);
    CollectCited(s.children, out);
  }
}

const std::vector<Staged>& StagedCorpus() {
  static const auto* staged = [] {
    auto* out = new std::vector<Staged>(Corpus().size());
    for (size_t i = 0; i < Corpus().size(); ++i) {
      Staged& s = (*out)[i];
      s.text = NormalizeText(Corpus()[i]);
      s.lines = SplitLines(s.text);
      s.front = ExtractFrontMatter(s.text, s.lines);
      s.title_spans = TitleSpans(s.front, s.lines);
      s.title = JoinSpans(s.text, s.title_spans);
      s.layout = AnalyzeLayout(s.text, s.lines, s.front, s.title);
      Findings findings;
      s.footnotes = ExtractFootnotes(s.text, s.lines, s.layout, s.front, &findings);
      s.structure = ParseStructure(s.text, s.lines, s.layout, s.footnotes, s.front, &findings);
      for (const ParaNode& p : s.structure.paragraphs) {
        s.cited.push_back(&p.spans);
        CollectCited(p.subs, &s.cited);
      }
      for (const FootnoteEntry& e : s.footnotes.entries) s.cited.push_back(&e.spans);
    }
    return out;
  }();
  return *staged;
}

void BM_StageValidate(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) benchmark::DoNotOptimize(FirstInvalidUtf8Offset(doc));
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageValidate)->Unit(benchmark::kMillisecond);

void BM_StageNormalize(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) benchmark::DoNotOptimize(NormalizeText(doc));
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageNormalize)->Unit(benchmark::kMillisecond);

void BM_StageLines(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) benchmark::DoNotOptimize(SplitLines(s.text));
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageLines)->Unit(benchmark::kMillisecond);

void BM_StageFrontMatter(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) benchmark::DoNotOptimize(ExtractFrontMatter(s.text, s.lines));
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageFrontMatter)->Unit(benchmark::kMillisecond);

void BM_StageLayout(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) {
      benchmark::DoNotOptimize(AnalyzeLayout(s.text, s.lines, s.front, s.title));
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageLayout)->Unit(benchmark::kMillisecond);

void BM_StageFootnotes(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) {
      Findings findings;
      benchmark::DoNotOptimize(ExtractFootnotes(s.text, s.lines, s.layout, s.front, &findings));
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageFootnotes)->Unit(benchmark::kMillisecond);

void BM_StageStructure(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) {
      Findings findings;
      benchmark::DoNotOptimize(
          ParseStructure(s.text, s.lines, s.layout, s.footnotes, s.front, &findings));
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageStructure)->Unit(benchmark::kMillisecond);

// The message from the stages' results: node texts (JoinSpans), lead
// phrases, eids, footnote anchors, citations. Includes the citations below.
void BM_StageBuild(benchmark::State& state) {
  v1::Resolution r;
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) {
      r.Clear();
      Findings findings;
      BuildResolution(s.text, s.title_spans, s.front, s.footnotes, s.structure, &findings, &r);
      benchmark::DoNotOptimize(r);
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageBuild)->Unit(benchmark::kMillisecond);

// Citations alone: FindCitations on every node the builder scans.
void BM_StageCitations(benchmark::State& state) {
  for (auto _ : state) {
    for (const Staged& s : StagedCorpus()) {
      for (const std::vector<Span>* spans : s.cited) {
        benchmark::DoNotOptimize(FindCitations(s.text, *spans));
      }
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_StageCitations)->Unit(benchmark::kMillisecond);

// A synthetic resolution of about `bytes`: the front matter of the seed
// document, then the body lines of all corpus documents repeated.
std::string SyntheticDocument(size_t bytes) {
  std::string body;
  for (const std::string& doc : Corpus()) {
    const size_t intro = doc.find("The General Assembly,");
    if (intro == std::string::npos) continue;
    body += doc.substr(doc.find('\n', intro) + 1);
  }
  std::string out = "A/RES/99/1\n99/1. Synthetic resolution\nThe General Assembly,\n";
  while (out.size() < bytes) out += body.substr(0, std::min(body.size(), bytes - out.size()));
  return out;
}

void BM_ParseBySize(benchmark::State& state) {
  std::string doc = SyntheticDocument(static_cast<size_t>(state.range(0)));
  doc.shrink_to_fit();
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  // The peak is measured from here: the document is already resident.
  const bool peak_reset = bench::ResetPeakRss();
  const uint64_t rss_before = bench::CurrentRssBytes();
  const bench::AllocStats before = bench::CurrentAllocStats();
  for (auto _ : state) benchmark::DoNotOptimize(ParseResolution(doc, options, &r));
  ReportAllocations(state, before, 1);
  if (peak_reset) {
    const uint64_t peak = bench::PeakRssBytes();
    state.counters["peak_rss_mb"] = static_cast<double>(peak) / (1 << 20);
    // What parsing adds to the process (the document and the corpus are
    // resident before).
    state.counters["parse_rss_mb"] = static_cast<double>(peak - std::min(peak, rss_before)) / (1 << 20);
  }
  Report(state, static_cast<int64_t>(doc.size()), 1);
}
BENCHMARK(BM_ParseBySize)
    ->RangeMultiplier(8)
    ->Range(1 << 10, 64 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace resolute

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--corpus_dir=", 0) == 0) {
      resolute::corpus_dir = a.substr(13);
    } else {
      args.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
