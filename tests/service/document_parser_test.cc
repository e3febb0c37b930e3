#include "service/document_parser.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/error_reason.h"
#include "gmock/gmock.h"
#include "pdf/pdf_document.h"
#include "service/memory_budget.h"
#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(CheckLanguage, AcceptsEnglish) {
  for (const char* language : {"", "en", "EN", "en-GB", "en-US", "En-gb"}) {
    EXPECT_TRUE(CheckLanguage(language).ok()) << language;
  }
}

TEST(CheckLanguage, RejectsOthersNamingThem) {
  for (const char* language : {"fr", "es", "eng", "en-", "english", "de-en", "en_GB"}) {
    absl::Status s = CheckLanguage(language);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << language;
    EXPECT_THAT(std::string(s.message()), HasSubstr(absl::StrCat("\"", language, "\"")));
  }
}

// The parser sees the request as ParseOptions.
TEST(DocumentParser, PassesRequestAsOptions) {
  ParseOptions seen;
  std::string seen_text;
  DocumentParserOptions options;
  options.max_document_bytes = 1234;
  options.parse = [&](absl::string_view text, const ParseOptions& o, v1::Resolution* out) {
    seen = o;
    seen_text = std::string(text);
    out->set_symbol("A/RES/1/1");
    return absl::OkStatus();
  };
  DocumentParser parser(options);
  v1::ParseResolutionRequest request;
  request.set_document_id("doc");
  request.set_content("the text");
  request.set_source_variant(v1::SOURCE_VARIANT_PDFTOTEXT);
  request.set_omit_text(true);
  v1::Resolution resolution;
  ASSERT_TRUE(parser.Parse(request, &resolution).ok());
  EXPECT_EQ(seen_text, "the text");
  EXPECT_EQ(seen.max_input_bytes, 1234u);
  EXPECT_FALSE(seen.include_text);
  EXPECT_EQ(resolution.symbol(), "A/RES/1/1");

  request.set_omit_text(false);
  ASSERT_TRUE(parser.Parse(request, &resolution).ok());
  EXPECT_TRUE(seen.include_text);
  EXPECT_EQ(seen.deadline, absl::InfiniteFuture());
  EXPECT_FALSE(seen.cancelled);

  // The call's deadline and cancellation reach the parser.
  CallControl call;
  call.deadline = absl::FromUnixSeconds(2000000000);
  bool cancelled = false;
  call.cancelled = [&cancelled] { return cancelled; };
  ASSERT_TRUE(parser.Parse(request, &resolution, nullptr, call).ok());
  EXPECT_EQ(seen.deadline, call.deadline);
  ASSERT_TRUE(seen.cancelled);
  EXPECT_FALSE(seen.cancelled());
  cancelled = true;
  EXPECT_TRUE(seen.cancelled());
}

// With the real parser, a call whose deadline has passed or that was
// cancelled gets no resolution.
TEST(DocumentParser, StopsAtTheCallsDeadlineOrCancellation) {
  DocumentParser parser(DocumentParserOptions{});
  v1::ParseResolutionRequest request;
  request.set_document_id("doc");
  request.set_content("The General Assembly,\n\n1. Decides to remain seized of the matter.\n");
  v1::ParseResolutionResponse response;
  CallControl late;
  late.deadline = absl::Now() - absl::Seconds(1);
  parser.ParseToResponse(request, &response, late);
  EXPECT_EQ(response.status().code(), static_cast<int>(absl::StatusCode::kDeadlineExceeded));
  EXPECT_FALSE(response.has_resolution());
  CallControl gone;
  gone.cancelled = [] { return true; };
  parser.ParseToResponse(request, &response, gone);
  EXPECT_EQ(response.status().code(), static_cast<int>(absl::StatusCode::kCancelled));
  parser.ParseToResponse(request, &response);
  EXPECT_EQ(response.status().code(), 0);
  EXPECT_TRUE(response.has_resolution());
}

// A PDF is charged for its bytes before extraction; once its text is known,
// for its bytes plus the parse of that text, however small the PDF.
TEST(DocumentParser, ChargesAPdfForTheParseOfItsExtractedText) {
  constexpr int kLines = 200;
  const auto extract = [](absl::string_view) -> absl::StatusOr<PdfDocument> {
    PdfDocument doc;
    PdfPage& page = doc.pages.emplace_back();
    page.number = 1;
    page.width = 600;
    page.height = 800;
    for (int i = 0; i <= kLines; ++i) {
      PdfLine& line = page.lines.emplace_back();
      line.text = i == 0 ? "The General Assembly," : absl::StrCat(i, ". Decides to act;");
      line.page = 1;
      line.box = PdfBox{50, 100.0f + 3 * i, 500, 110.0f + 3 * i};
      line.font_size = 10;
    }
    return doc;
  };
  v1::ParseResolutionRequest request;
  request.set_content("%PDF-1.4 small");
  const int64_t per_line = 100;

  MemoryBudget budget(int64_t{1} << 30);
  DocumentParserOptions options;
  options.extract_pdf = extract;
  options.memory_budget = &budget;
  options.memory_per_content_byte = 1;
  options.memory_per_line_break = per_line;
  MemoryBudget::Lease kept;
  CallControl call;
  call.keep_memory = &kept;
  v1::ParseResolutionResponse response;
  DocumentParser(options).ParseToResponse(request, &response, call);
  ASSERT_EQ(response.status().code(), 0) << response.status().message();
  EXPECT_EQ(response.resolution().operative_paragraphs_size(), kLines);
  // The PDF's 14 bytes alone would be charged 14.
  const int64_t charged = budget.in_use();
  EXPECT_GE(charged, kLines * per_line);
  EXPECT_LT(charged, (kLines + 10) * (per_line + 40));

  // A budget the PDF's bytes fit in but its text's parse does not.
  MemoryBudget small(charged - 1);
  options.memory_budget = &small;
  DocumentParser(options).ParseToResponse(request, &response);
  EXPECT_EQ(response.status().code(), static_cast<int>(absl::StatusCode::kResourceExhausted));
  EXPECT_FALSE(response.has_resolution());
  EXPECT_EQ(small.in_use(), 0);
}

TEST(CheckSourceVariant, RejectsValuesOutsideTheEnum) {
  EXPECT_TRUE(CheckSourceVariant(v1::SOURCE_VARIANT_UNSPECIFIED).ok());
  EXPECT_TRUE(CheckSourceVariant(v1::SOURCE_VARIANT_PDFTOTEXT).ok());
  for (int value : {999, -1}) {
    const absl::Status s = CheckSourceVariant(value);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << value;
    EXPECT_EQ(GetErrorReason(s).reason, "SOURCE_VARIANT_UNKNOWN") << value;
    EXPECT_EQ(GetErrorReason(s).field, "source_variant") << value;
  }
}

// Akoma Ntoso XML is written only when the request asks for it, and only
// where the caller has room for it.
TEST(DocumentParser, WritesAkomaNtosoWhenAsked) {
  DocumentParserOptions options;
  options.parse = [](absl::string_view, const ParseOptions&, v1::Resolution* out) {
    out->set_symbol("A/RES/1/1<&>");
    return absl::OkStatus();
  };
  DocumentParser parser(options);
  v1::ParseResolutionRequest request;
  request.set_content("the text");
  v1::Resolution resolution;
  std::string xml = "stale";
  ASSERT_TRUE(parser.Parse(request, &resolution, &xml).ok());
  EXPECT_EQ(xml, "");

  request.add_output_formats(v1::OUTPUT_FORMAT_UNSPECIFIED);
  request.add_output_formats(v1::OUTPUT_FORMAT_AKOMA_NTOSO);
  ASSERT_TRUE(parser.Parse(request, &resolution, &xml).ok());
  EXPECT_THAT(xml, HasSubstr("<statement name=\"resolution\">"));
  EXPECT_THAT(xml, HasSubstr("A/RES/1/1&lt;&amp;&gt;"));
  ASSERT_TRUE(parser.Parse(request, &resolution).ok());  // no room: nothing written

  v1::ParseResolutionResponse response;
  request.set_document_id("doc");
  parser.ParseToResponse(request, &response);
  EXPECT_EQ(response.status().code(), 0);
  EXPECT_EQ(response.akoma_ntoso_xml(), xml);

  // A document that fails gets no XML.
  request.set_language("fr");
  parser.ParseToResponse(request, &response);
  EXPECT_NE(response.status().code(), 0);
  EXPECT_EQ(response.akoma_ntoso_xml(), "");
}

TEST(DocumentParser, LanguageIsCheckedBeforeParsing) {
  int calls = 0;
  DocumentParserOptions options;
  options.parse = [&](absl::string_view, const ParseOptions&, v1::Resolution*) {
    ++calls;
    return absl::OkStatus();
  };
  DocumentParser parser(options);
  v1::ParseResolutionRequest request;
  request.set_content("text");
  request.set_language("fr");
  v1::Resolution resolution;
  EXPECT_EQ(parser.Parse(request, &resolution).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 0);
}

TEST(DocumentParser, ResponseEchoesIdAndCarriesStatus) {
  DocumentParser parser(DocumentParserOptions{});
  v1::ParseResolutionRequest request;
  request.set_document_id("bad one");
  request.set_content("");
  v1::ParseResolutionResponse response;
  parser.ParseToResponse(request, &response);
  EXPECT_EQ(response.document_id(), "bad one");
  EXPECT_EQ(response.status().code(), 3);
  EXPECT_THAT(response.status().message(), HasSubstr("empty"));
  EXPECT_FALSE(response.has_resolution());
}

// Inputs the real parser must reject, through the service's one path.
struct Rejection {
  const char* name;
  std::string content;
  std::string language;
  absl::StatusCode code;
  const char* message;
  // The stable reason, the field at fault and one metadata entry ("" for none).
  const char* reason;
  const char* field;
  const char* metadata_key;
  const char* metadata_value;
};

TEST(DocumentParser, RejectsBadInputWithMessage) {
  DocumentParserOptions options;
  options.max_document_bytes = 4096;
  DocumentParser parser(options);
  const Rejection rejections[] = {
      {"empty", "", "", absl::StatusCode::kInvalidArgument, "empty", "CONTENT_EMPTY", "content",
       "", ""},
      {"whitespace only", " \n\t\r\n  ", "", absl::StatusCode::kInvalidArgument, "whitespace",
       "CONTENT_NO_TEXT", "content", "", ""},
      {"invalid byte", "Recalling\xff its resolution", "", absl::StatusCode::kInvalidArgument,
       "offset 9", "CONTENT_NOT_UTF8", "content", "offset", "9"},
      {"truncated sequence", std::string("Decides \xe2\x82", 10), "",
       absl::StatusCode::kInvalidArgument, "offset 8", "CONTENT_NOT_UTF8", "content", "offset",
       "8"},
      {"oversize", std::string(5000, 'a'), "", absl::StatusCode::kResourceExhausted, "5000",
       "CONTENT_TOO_LARGE", "content", "size", "5000"},
      {"oversize names limit", std::string(5000, 'a'), "", absl::StatusCode::kResourceExhausted,
       "4096", "CONTENT_TOO_LARGE", "content", "limit", "4096"},
      {"language", "Recalling", "fr", absl::StatusCode::kInvalidArgument, "\"fr\"",
       "LANGUAGE_UNSUPPORTED", "language", "", ""},
      {"long language is cut", "Recalling", std::string(8192, 'x'),
       absl::StatusCode::kInvalidArgument, "xxx...", "LANGUAGE_UNSUPPORTED", "language", "", ""},
  };
  for (const Rejection& r : rejections) {
    v1::ParseResolutionRequest request;
    request.set_content(r.content);
    request.set_language(r.language);
    v1::Resolution resolution;
    absl::Status s = parser.Parse(request, &resolution);
    EXPECT_EQ(s.code(), r.code) << r.name << ": " << s;
    EXPECT_THAT(std::string(s.message()), HasSubstr(r.message)) << r.name;
    EXPECT_LT(s.message().size(), 300u) << r.name;
    const ErrorReason reason = GetErrorReason(s);
    EXPECT_EQ(reason.reason, r.reason) << r.name;
    EXPECT_EQ(reason.field, r.field) << r.name;
    if (*r.metadata_key != '\0') {
      EXPECT_THAT(reason.metadata, Contains(Pair(r.metadata_key, r.metadata_value))) << r.name;
    }
  }
}

}  // namespace
}  // namespace service
}  // namespace resolute
