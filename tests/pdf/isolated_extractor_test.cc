#include "pdf/isolated_extractor.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "common/error_reason.h"
#include "gtest/gtest.h"
#include "pdf/extraction_wire.h"
#include "pdf/pdf_extractor.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

using ::resolute::testing::ReadFile;
using ::resolute::testing::RunfilePath;

std::string Pdf(const std::string& name) {
  return ReadFile(RunfilePath("tests/testdata/pdf/" + name));
}

IsolatedExtractorOptions RealExtractor() {
  IsolatedExtractorOptions options;
  options.program = RunfilePath("pdf/resolute_pdf_extractor");
  options.timeout = absl::Seconds(20);
  return options;
}

IsolatedExtractorOptions Misbehaving() {
  IsolatedExtractorOptions options;
  options.program = RunfilePath("tests/pdf/misbehaving_extractor");
  options.timeout = absl::Milliseconds(500);
  return options;
}

TEST(IsolatedExtractorTest, GivesWhatTheInProcessExtractorGives) {
  const std::string pdf = Pdf("A_RES_78_100.pdf");
  absl::StatusOr<PdfDocument> local = ExtractPdf(pdf, PdfLimits());
  absl::StatusOr<PdfDocument> remote = IsolatedPdfExtractor(RealExtractor()).Extract(pdf);
  ASSERT_TRUE(local.ok());
  ASSERT_TRUE(remote.ok()) << remote.status();
  ASSERT_EQ(remote->pages.size(), local->pages.size());
  for (size_t p = 0; p < local->pages.size(); ++p) {
    ASSERT_EQ(remote->pages[p].lines.size(), local->pages[p].lines.size());
    for (size_t i = 0; i < local->pages[p].lines.size(); ++i) {
      const PdfLine& a = local->pages[p].lines[i];
      const PdfLine& b = remote->pages[p].lines[i];
      EXPECT_EQ(a.text, b.text);
      EXPECT_EQ(a.box.top, b.box.top);
      EXPECT_EQ(a.words.size(), b.words.size());
      EXPECT_EQ(a.italic_ranges.size(), b.italic_ranges.size());
    }
  }
}

TEST(IsolatedExtractorTest, ReusesAProcessAfterSuccessOnly) {
  IsolatedExtractorOptions options = RealExtractor();
  options.documents_per_process = 3;
  IsolatedPdfExtractor extractor(options);
  const std::string pdf = Pdf("A_RES_79_3.pdf");
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(extractor.Extract(pdf).ok());
  EXPECT_EQ(extractor.processes_started(), 1);
  ASSERT_TRUE(extractor.Extract(pdf).ok());  // the first one served its three
  EXPECT_EQ(extractor.processes_started(), 2);
  EXPECT_FALSE(extractor.Extract(Pdf("bad_truncated.pdf")).ok());  // ends that process
  ASSERT_TRUE(extractor.Extract(pdf).ok());
  EXPECT_EQ(extractor.processes_started(), 3);
}

TEST(IsolatedExtractorTest, ReportsTheChildsStatuses) {
  IsolatedPdfExtractor extractor(RealExtractor());
  EXPECT_EQ(extractor.Extract(Pdf("bad_truncated.pdf")).status().code(),
            absl::StatusCode::kInvalidArgument);
  const absl::Status encrypted = extractor.Extract(Pdf("bad_encrypted.pdf")).status();
  EXPECT_EQ(encrypted.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(GetErrorReason(encrypted).reason, "PDF_ENCRYPTED");
  EXPECT_EQ(GetErrorReason(encrypted).field, "content");
  EXPECT_EQ(extractor.Extract(Pdf("bad_image_only.pdf")).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(extractor.Extract("").status().code(), absl::StatusCode::kInvalidArgument);

  IsolatedExtractorOptions two_pages = RealExtractor();
  two_pages.max_pages = 2;
  const absl::Status pages = IsolatedPdfExtractor(two_pages).Extract(Pdf("A_RES_78_100.pdf")).status();
  EXPECT_EQ(pages.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(GetErrorReason(pages).reason, "PDF_TOO_MANY_PAGES");
}

// A PDF bomb (a content stream inflating to 1 GiB) runs out of time in its
// process; the next document is served.
TEST(IsolatedExtractorTest, PdfBombRunsOutOfTime) {
  IsolatedExtractorOptions options = RealExtractor();
  options.timeout = absl::Seconds(1);
  IsolatedPdfExtractor extractor(options);
  const absl::Status bomb = extractor.Extract(Pdf("bad_bomb.pdf")).status();
  EXPECT_EQ(bomb.code(), absl::StatusCode::kDeadlineExceeded) << bomb;
  EXPECT_EQ(GetErrorReason(bomb).reason, "PDF_TIMEOUT");
  options.timeout = absl::Seconds(20);
  EXPECT_TRUE(IsolatedPdfExtractor(options).Extract(Pdf("A_RES_79_3.pdf")).ok());
}

// Under an address-space limit below what the process already maps, every
// allocation of the extraction fails: the child answers RESOURCE_EXHAUSTED
// (PDF_MEMORY_LIMIT) and ends itself; the next document gets a new process.
TEST(IsolatedExtractorTest, MemoryLimitStopsTheChildNotTheCaller) {
  IsolatedExtractorOptions tiny = RealExtractor();
  tiny.memory_limit_bytes = 8 << 20;  // below what the extractor needs
  IsolatedPdfExtractor extractor(tiny);
  const absl::Status s = extractor.Extract(Pdf("A_RES_79_103.pdf")).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
  EXPECT_EQ(GetErrorReason(s).reason, "PDF_MEMORY_LIMIT") << s;
  EXPECT_EQ(GetErrorReason(s).field, "content") << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "more memory than the limit")) << s;
  EXPECT_EQ(extractor.Extract(Pdf("A_RES_79_3.pdf")).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(extractor.processes_started(), 2);  // the first ended itself

  // The same document under the default limit (1 GiB) is extracted.
  EXPECT_TRUE(IsolatedPdfExtractor(RealExtractor()).Extract(Pdf("A_RES_79_103.pdf")).ok());
}

TEST(IsolatedExtractorTest, CrashHangAndGarbageCostOnlyTheirDocument) {
  IsolatedPdfExtractor extractor(Misbehaving());
  const absl::Status crash = extractor.Extract("CRASH").status();
  EXPECT_EQ(crash.code(), absl::StatusCode::kInvalidArgument) << crash;
  EXPECT_EQ(GetErrorReason(crash).reason, "PDF_EXTRACTOR_CRASHED");
  EXPECT_TRUE(absl::StrContains(crash.message(), "signal 11")) << crash;

  const absl::Time start = absl::Now();
  const absl::Status hang = extractor.Extract("HANG").status();
  EXPECT_EQ(hang.code(), absl::StatusCode::kDeadlineExceeded) << hang;
  EXPECT_EQ(GetErrorReason(hang).reason, "PDF_TIMEOUT");
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));

  // After each failure the next document gets a working process.
  const std::string good = Pdf("A_RES_79_3.pdf");
  EXPECT_TRUE(extractor.Extract(good).ok());

  const absl::Status garbage = extractor.Extract("GARBAGE").status();
  EXPECT_EQ(garbage.code(), absl::StatusCode::kInternal) << garbage;
  EXPECT_EQ(GetErrorReason(garbage).reason, "PDF_EXTRACTOR_OUTPUT");
  EXPECT_EQ(extractor.Extract("EXIT").status().code(), absl::StatusCode::kInternal);

  IsolatedExtractorOptions missing = Misbehaving();
  missing.program = "/nonexistent/extractor";
  const absl::Status gone = IsolatedPdfExtractor(missing).Extract("x").status();
  EXPECT_EQ(GetErrorReason(gone).reason, "PDF_EXTRACTOR_FAILED") << gone;

  // Good documents in parallel with bad ones all come through.
  IsolatedExtractorOptions slow_enough = Misbehaving();
  slow_enough.timeout = absl::Seconds(20);
  IsolatedPdfExtractor mixed(slow_enough);
  std::vector<absl::Status> results(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      results[i] = mixed.Extract(i % 2 == 0 ? absl::string_view(good) : "CRASH").status();
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < 8; ++i) {
    if (i % 2 == 0) {
      EXPECT_TRUE(results[i].ok()) << i << ": " << results[i];
    } else {
      EXPECT_EQ(GetErrorReason(results[i]).reason, "PDF_EXTRACTOR_CRASHED") << i;
    }
  }
}

TEST(ExtractionWireTest, RoundTripsAndRejectsDamage) {
  absl::StatusOr<PdfDocument> doc = ExtractPdf(Pdf("A_RES_79_3.pdf"), PdfLimits());
  ASSERT_TRUE(doc.ok());
  const std::string wire = EncodeExtraction(doc);
  absl::StatusOr<PdfDocument> back = DecodeExtraction(wire);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(EncodeExtraction(back), wire);
  // Every truncation is an error, never a crash.
  for (size_t n = 0; n < wire.size(); n += 97) {
    EXPECT_EQ(DecodeExtraction(wire.substr(0, n)).status().code(), absl::StatusCode::kInternal);
  }
  const absl::Status error = DecodeExtraction(EncodeExtraction(
      WithErrorReason(absl::FailedPreconditionError("x"), "PDF_NO_TEXT", "content",
                      {{"k", "v"}}))).status();
  EXPECT_EQ(error.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(GetErrorReason(error).reason, "PDF_NO_TEXT");
  EXPECT_EQ(GetErrorReason(error).metadata.size(), 1u);
}

}  // namespace
}  // namespace resolute
