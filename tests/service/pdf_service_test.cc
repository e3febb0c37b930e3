// PDF input through the service: media types, the document stream and
// archives, with the real extractor process and with one that crashes or
// hangs on cue (tests/pdf/misbehaving_extractor): a failing extraction
// costs only its own document.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "common/error_reason.h"
#include "gtest/gtest.h"
#include "service/document_parser.h"
#include "service/resolution_parser_service.h"
#include "service/server.h"
#include "tests/parser/corpus_files.h"
#include "tests/service/archive_builder.h"
#include "tests/service/service_test_util.h"

namespace resolute {
namespace {

using ::resolute::service::ServiceOptions;
using ::resolute::testing::ReadFile;
using ::resolute::testing::RunfilePath;

std::string Pdf(const std::string& name) {
  return ReadFile(RunfilePath("tests/testdata/pdf/" + name));
}

v1::ParseResolutionRequest PdfRequest(const std::string& id, const std::string& content) {
  v1::ParseResolutionRequest request = testing::MakeRequest(id, content);
  request.set_media_type("application/pdf");
  return request;
}

class PdfServiceTest : public ::testing::Test {
 protected:
  void Start(const std::string& extractor, absl::Duration timeout) {
    ServiceOptions options;
    options.worker_threads = 2;
    options.parser.pdf.program = RunfilePath(extractor);
    options.parser.pdf.timeout = timeout;
    server_ = testing::StartInProcessServer(std::move(options));
    stub_ = v1::ResolutionParserService::NewStub(testing::InProcessChannel(server_.get()));
  }

  std::unique_ptr<service::ResoluteServer> server_;
  std::unique_ptr<v1::ResolutionParserService::Stub> stub_;
};

TEST(MediaKindTest, FromTheMediaTypeOrTheSignature) {
  v1::ParseResolutionRequest r;
  r.set_content("%PDF-1.7 ...");
  EXPECT_EQ(*service::ResolveMediaKind(r), service::MediaKind::kPdf);
  r.set_media_type("text/plain; charset=utf-8");
  EXPECT_EQ(*service::ResolveMediaKind(r), service::MediaKind::kText);
  r.set_content("The General Assembly,");
  r.set_media_type("");
  EXPECT_EQ(*service::ResolveMediaKind(r), service::MediaKind::kText);
  r.set_media_type("Application/PDF");
  EXPECT_EQ(*service::ResolveMediaKind(r), service::MediaKind::kPdf);
  r.set_media_type("text/html");
  const absl::Status s = service::ResolveMediaKind(r).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GetErrorReason(s).reason, "MEDIA_TYPE_UNSUPPORTED");
  EXPECT_EQ(GetErrorReason(s).field, "media_type");
}

TEST_F(PdfServiceTest, UnaryCallParsesAPdf) {
  Start("pdf/resolute_pdf_extractor", absl::Seconds(30));
  for (const std::string media_type : {"application/pdf", ""}) {
    v1::ParseResolutionRequest request = PdfRequest("a", Pdf("A_RES_78_100.pdf"));
    request.set_media_type(media_type);
    v1::ParseResolutionResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->ParseResolution(&context, request, &response).ok());
    EXPECT_EQ(response.status().code(), 0) << response.status().message();
    EXPECT_EQ(response.resolution().symbol(), "A/RES/78/100");
    EXPECT_EQ(response.resolution().page_count(), 3);
    ASSERT_GT(response.resolution().operative_paragraphs_size(), 1);
    EXPECT_EQ(response.resolution().operative_paragraphs(1).lead_phrase(),
              "Considers it important");
    EXPECT_EQ(response.resolution().operative_paragraphs(1).spans(0).page_regions(0).page(), 2);
  }
}

// A stream of good and bad documents: each bad one fails alone with its own
// status, while the good ones (text and PDF) come through.
TEST_F(PdfServiceTest, CrashingOrHangingExtractorFailsOnlyItsDocument) {
  Start("tests/pdf/misbehaving_extractor", absl::Seconds(2));
  const std::string text = ReadFile(RunfilePath("tests/testdata/corpus/A_RES_78_100.pymupdf.txt"));
  std::vector<v1::ParseResolutionRequest> requests = {
      PdfRequest("good-1", Pdf("A_RES_79_3.pdf")),
      PdfRequest("crash", "CRASH"),
      testing::MakeRequest("text", text),
      PdfRequest("hang", "HANG"),
      PdfRequest("good-2", Pdf("A_RES_78_100.pdf")),
      PdfRequest("encrypted", Pdf("bad_encrypted.pdf")),
      PdfRequest("truncated", Pdf("bad_truncated.pdf")),
      PdfRequest("scan", Pdf("bad_image_only.pdf")),
      PdfRequest("garbage", "GARBAGE"),
      PdfRequest("bomb", Pdf("bad_bomb.pdf")),
      PdfRequest("good-3", Pdf("A_RES_79_103.pdf")),
  };
  const testing::CallResult result = testing::StreamDocuments(stub_.get(), requests);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  std::map<std::string, int> codes;
  for (const v1::ParseResolutionResponse& r : result.responses) {
    codes[r.document_id()] = r.status().code();
  }
  const std::map<std::string, int> want = {
      {"good-1", 0},     {"crash", 3},      {"text", 0},      {"hang", 4},   {"good-2", 0},
      {"encrypted", 9},  {"truncated", 3},  {"scan", 9},      {"garbage", 13}, {"bomb", 4},
      {"good-3", 0},
  };
  EXPECT_EQ(codes, want);
}

TEST_F(PdfServiceTest, ArchivesCarryPdfs) {
  Start("pdf/resolute_pdf_extractor", absl::Seconds(30));
  const std::string archive = testing::BuildArchive(
      testing::ArchiveFormat::kTarGz,
      {{"a/A_RES_79_3.pdf", Pdf("A_RES_79_3.pdf")},
       {"a/broken.pdf", Pdf("bad_truncated.pdf")},
       {"a/A_RES_78_100.txt",
        ReadFile(RunfilePath("tests/testdata/corpus/A_RES_78_100.pymupdf.txt"))}});
  const testing::CallResult result = testing::SendArchive(stub_.get(), archive, 1 << 16);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  std::map<std::string, int> codes;
  std::map<std::string, int> pages;
  for (const v1::ParseResolutionResponse& r : result.responses) {
    codes[r.document_id()] = r.status().code();
    pages[r.document_id()] = r.resolution().page_count();
  }
  const std::map<std::string, int> want = {
      {"a/A_RES_79_3.pdf", 0}, {"a/broken.pdf", 3}, {"a/A_RES_78_100.txt", 0}};
  EXPECT_EQ(codes, want);
  EXPECT_EQ(pages["a/A_RES_79_3.pdf"], 2);
  EXPECT_EQ(pages["a/A_RES_78_100.txt"], 0);
}

}  // namespace
}  // namespace resolute
