// Parser throughput, in-process: the whole pipeline and each stage on the
// corpus, the median document alone, and synthetic documents from 1 KB to
// 64 MB made by repeating corpus paragraphs (cost per byte must stay flat).
//
//   bazel run -c opt //bench/parser:parser_benchmark -- \
//       --corpus_dir=$PWD/../shared/corpus/texts --benchmark_repetitions=5
//
// Without --corpus_dir it uses the documents bundled in tests/testdata.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "parser/findings.h"
#include "parser/footnotes.h"
#include "parser/front_matter.h"
#include "parser/layout.h"
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

void BM_ParseCorpus(benchmark::State& state) {
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      benchmark::DoNotOptimize(ParseResolution(doc, options, &r));
    }
  }
  Report(state, CorpusBytes(), static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMillisecond);

void BM_ParseMedianDocument(benchmark::State& state) {
  std::vector<std::string> docs = Corpus();
  std::sort(docs.begin(), docs.end(),
            [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  const std::string& median = docs[docs.size() / 2];
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  for (auto _ : state) benchmark::DoNotOptimize(ParseResolution(median, options, &r));
  state.counters["doc_bytes"] = static_cast<double>(median.size());
  Report(state, static_cast<int64_t>(median.size()), 1);
}
BENCHMARK(BM_ParseMedianDocument)->Unit(benchmark::kMicrosecond);

// The stages one by one, each on the previous stage's output.
struct Staged {
  std::string text;
  std::vector<Line> lines;
  FrontMatter front;
  std::string title;
  Layout layout;
  Footnotes footnotes;
};

const std::vector<Staged>& StagedCorpus() {
  static const auto* staged = [] {
    auto* out = new std::vector<Staged>;
    for (const std::string& doc : Corpus()) {
      Staged s;
      s.text = NormalizeText(doc);
      s.lines = SplitLines(s.text);
      s.front = ExtractFrontMatter(s.text, s.lines);
      std::vector<Span> spans;
      for (int i : s.front.title_lines) spans.push_back(s.lines[i].content());
      s.title = JoinSpans(s.text, spans);
      s.layout = AnalyzeLayout(s.text, s.lines, s.front, s.title);
      Findings findings;
      s.footnotes = ExtractFootnotes(s.text, s.lines, s.layout, s.front, &findings);
      out->push_back(std::move(s));
    }
    return out;
  }();
  return *staged;
}

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
  const std::string doc = SyntheticDocument(static_cast<size_t>(state.range(0)));
  v1::Resolution r;
  ParseOptions options;
  options.include_text = false;
  for (auto _ : state) benchmark::DoNotOptimize(ParseResolution(doc, options, &r));
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
