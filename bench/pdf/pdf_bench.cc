// pdf_bench: PDF documents and pages per second per core, resolute against
// poppler's pdftotext run per file on the same PDFs.
//
//   bazel run -c opt //bench/pdf:pdf_bench -- --pdf_dir=$PWD/../shared/corpus/pdf
//       --extractor=$PWD/bazel-bin/pdf/resolute_pdf_extractor --rounds=3   (one line)
//
// For every PDF of --pdf_dir, each round times (CPU time of this process and
// of its reaped children, and wall time):
//   in-process  ExtractPdf + PdfToTypedText + ParseResolution in this process;
//   isolated    the same with extraction in extractor processes (the
//               server's path: IsolatedPdfExtractor, a process serving up to
//               --documents_per_process documents); timed per round as a
//               whole, since a process's CPU time is known once it is reaped;
//   pdftotext   `pdftotext -enc UTF-8 FILE OUT` started per file (the tool
//               most pipelines use; text only, no structure).
// Prints, per mode, documents/s and pages/s per core (CPU time), the median
// CPU time per document, and the median over documents of the per-document
// ratio of resolute's CPU time to pdftotext's (the best round of each; for
// the isolated mode, the ratio of totals).

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "parser/parser.h"
#include "pdf/isolated_extractor.h"
#include "pdf/pdf_extractor.h"
#include "pdf/pdf_typed_text.h"

ABSL_FLAG(std::string, pdf_dir, "", "folder of PDFs");
ABSL_FLAG(std::string, extractor, "", "resolute_pdf_extractor, for the isolated mode");
ABSL_FLAG(std::string, pdftotext, "/usr/bin/pdftotext", "pdftotext binary; empty to skip");
ABSL_FLAG(int, rounds, 3, "rounds; the best round of each document counts");
ABSL_FLAG(int, documents_per_process, 50, "isolated mode: documents one process serves");

extern char** environ;

namespace {

// CPU seconds of this process plus its reaped children.
double CpuSeconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    struct rusage u;
    getrusage(who, &u);
    total += u.ru_utime.tv_sec + u.ru_utime.tv_usec * 1e-6 + u.ru_stime.tv_sec +
             u.ru_stime.tv_usec * 1e-6;
  }
  return total;
}

double WallSeconds() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool ParseWith(const absl::StatusOr<resolute::PdfDocument>& doc) {
  if (!doc.ok()) return false;
  resolute::v1::Resolution r;
  resolute::ParseOptions options;
  return resolute::ParseResolution(resolute::PdfToTypedText(*doc), options, &r).ok();
}

bool RunPdftotext(const std::string& program, const std::string& pdf) {
  std::vector<std::string> args = {program, "-enc", "UTF-8", pdf, "/dev/null"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(absl::GetFlag(FLAGS_pdf_dir))) {
    if (e.path().extension() == ".pdf") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pdfs;
  std::vector<int> pages;
  for (const std::string& p : paths) {
    pdfs.push_back(ReadFile(p));
    absl::StatusOr<resolute::PdfDocument> doc =
        resolute::ExtractPdf(pdfs.back(), resolute::PdfLimits());
    pages.push_back(doc.ok() ? static_cast<int>(doc->pages.size()) : 0);
  }
  int total_pages = 0;
  for (int n : pages) total_pages += n;
  resolute::IsolatedExtractorOptions isolated_options;
  isolated_options.program = absl::GetFlag(FLAGS_extractor);
  isolated_options.documents_per_process = absl::GetFlag(FLAGS_documents_per_process);
  double isolated_cpu = 1e9, isolated_wall = 1e9;
  int isolated_failures = 0;

  struct Mode {
    const char* name;
    std::vector<double> cpu;  // best round per document
    std::vector<double> wall;
    int failures = 0;
  };
  std::vector<Mode> modes = {{"in-process"}, {"isolated"}, {"pdftotext"}};
  for (Mode& m : modes) {
    m.cpu.assign(pdfs.size(), 1e9);
    m.wall.assign(pdfs.size(), 1e9);
  }
  const std::string pdftotext = absl::GetFlag(FLAGS_pdftotext);
  for (int round = 0; round < absl::GetFlag(FLAGS_rounds); ++round) {
    if (!isolated_options.program.empty()) {
      const double cpu0 = CpuSeconds(), wall0 = WallSeconds();
      {
        const resolute::IsolatedPdfExtractor isolated(isolated_options);
        for (size_t i = 0; i < pdfs.size(); ++i) {
          if (!ParseWith(isolated.Extract(pdfs[i])) && round == 0) ++isolated_failures;
        }
      }  // reaps the processes, so that their CPU time is counted
      isolated_cpu = std::min(isolated_cpu, CpuSeconds() - cpu0);
      isolated_wall = std::min(isolated_wall, WallSeconds() - wall0);
    }
    for (size_t i = 0; i < pdfs.size(); ++i) {
      for (size_t k = 0; k < modes.size(); ++k) {
        if (k == 1) continue;  // timed per round above
        if (k == 2 && pdftotext.empty()) continue;
        const double cpu0 = CpuSeconds(), wall0 = WallSeconds();
        bool ok = false;
        if (k == 0) ok = ParseWith(resolute::ExtractPdf(pdfs[i], resolute::PdfLimits()));
        if (k == 2) ok = RunPdftotext(pdftotext, paths[i]);
        const double cpu = CpuSeconds() - cpu0, wall = WallSeconds() - wall0;
        if (!ok && round == 0) ++modes[k].failures;
        modes[k].cpu[i] = std::min(modes[k].cpu[i], cpu);
        modes[k].wall[i] = std::min(modes[k].wall[i], wall);
      }
    }
  }
  absl::PrintF("%d PDFs, %d pages, best of %d rounds, CPU time of this process and its children\n",
               pdfs.size(), total_pages, absl::GetFlag(FLAGS_rounds));
  absl::PrintF("%-11s %10s %10s %12s %12s %9s\n", "mode", "docs/s", "pages/s", "median ms",
               "wall ms/doc", "failures");
  for (const Mode& m : modes) {
    if (&m == &modes[1]) {
      if (isolated_cpu < 1e9) {
        absl::PrintF("%-11s %10.1f %10.1f %12s %12.2f %9d\n", m.name, pdfs.size() / isolated_cpu,
                     total_pages / isolated_cpu, "-", 1000 * isolated_wall / pdfs.size(),
                     isolated_failures);
      }
      continue;
    }
    if (m.cpu[0] >= 1e9) continue;
    double cpu = 0, wall = 0;
    for (double c : m.cpu) cpu += c;
    for (double w : m.wall) wall += w;
    absl::PrintF("%-11s %10.1f %10.1f %12.2f %12.2f %9d\n", m.name, pdfs.size() / cpu,
                 total_pages / cpu, 1000 * Median(m.cpu), 1000 * wall / pdfs.size(), m.failures);
  }
  if (modes[2].cpu[0] < 1e9) {
    double pdftotext_cpu = 0;
    for (double c : modes[2].cpu) pdftotext_cpu += c;
    if (isolated_cpu < 1e9) {
      absl::PrintF("isolated / pdftotext, total CPU time: %.2f\n", isolated_cpu / pdftotext_cpu);
    }
    for (size_t k = 0; k < 1; ++k) {
      if (modes[k].cpu[0] >= 1e9) continue;
      std::vector<double> ratio;
      for (size_t i = 0; i < pdfs.size(); ++i) ratio.push_back(modes[k].cpu[i] / modes[2].cpu[i]);
      absl::PrintF("%s / pdftotext, CPU time per document: median %.2f, best %.2f, worst %.2f\n",
                   modes[k].name, Median(ratio), *std::min_element(ratio.begin(), ratio.end()),
                   *std::max_element(ratio.begin(), ratio.end()));
    }
  }
  return 0;
}
