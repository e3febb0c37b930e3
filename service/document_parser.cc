#include "service/document_parser.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "akn/akn_writer.h"
#include "common/error_reason.h"
#include "pdf/pdf_extractor.h"
#include "pdf/pdf_typed_text.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

absl::Status CheckLanguage(absl::string_view language) {
  if (language.empty() || absl::EqualsIgnoreCase(language, "en") ||
      (language.size() > 3 && absl::StartsWithIgnoreCase(language, "en-"))) {
    return absl::OkStatus();
  }
  return WithErrorReason(
      absl::InvalidArgumentError(
          absl::StrCat("language \"", TruncateForMessage(absl::CEscape(language), 32),
                       "\" is not supported; only English (\"en\") is")),
      "LANGUAGE_UNSUPPORTED", "language");
}

absl::Status CheckSourceVariant(int source_variant) {
  if (v1::SourceVariant_IsValid(source_variant)) return absl::OkStatus();
  return WithErrorReason(
      absl::InvalidArgumentError(absl::StrCat("source_variant ", source_variant,
                                              " is not a SourceVariant value")),
      "SOURCE_VARIANT_UNKNOWN", "source_variant");
}

absl::StatusOr<MediaKind> ResolveMediaKind(const v1::ParseResolutionRequest& request) {
  absl::string_view type = request.media_type();
  type = absl::StripAsciiWhitespace(type.substr(0, type.find(';')));
  if (type.empty()) return LooksLikePdf(request.content()) ? MediaKind::kPdf : MediaKind::kText;
  if (absl::EqualsIgnoreCase(type, "application/pdf")) return MediaKind::kPdf;
  if (absl::EqualsIgnoreCase(type, "text/plain")) return MediaKind::kText;
  return WithErrorReason(
      absl::InvalidArgumentError(absl::StrCat(
          "media_type \"", TruncateForMessage(absl::CEscape(request.media_type()), 64),
          "\" is not supported; use \"text/plain\" or \"application/pdf\"")),
      "MEDIA_TYPE_UNSUPPORTED", "media_type");
}

DocumentParser::DocumentParser(DocumentParserOptions options) : options_(std::move(options)) {
  if (!options_.parse) {
    options_.parse = [](absl::string_view text, const ParseOptions& parse_options,
                        v1::Resolution* out) { return ParseResolution(text, parse_options, out); };
  }
  if (!options_.extract_pdf && !options_.pdf.program.empty()) {
    auto extractor = std::make_shared<IsolatedPdfExtractor>(options_.pdf);
    options_.extract_pdf = [extractor](absl::string_view pdf) { return extractor->Extract(pdf); };
  }
}

absl::Status DocumentParser::ParsePdf(const v1::ParseResolutionRequest& request,
                                      ParseOptions parse_options, v1::Resolution* out,
                                      MemoryBudget::Lease* memory) const {
  const size_t size = request.content().size();
  if (size > options_.max_document_bytes) {
    return WithErrorReason(
        absl::ResourceExhaustedError(absl::StrCat("content is ", size, " bytes; the limit is ",
                                                  options_.max_document_bytes, " bytes")),
        "CONTENT_TOO_LARGE", "content",
        {{"size", absl::StrCat(size)}, {"limit", absl::StrCat(options_.max_document_bytes)}});
  }
  if (!options_.extract_pdf) {
    return WithErrorReason(
        absl::FailedPreconditionError("PDF input is not enabled on this server"),
        "PDF_DISABLED", "media_type");
  }
  TypedText typed;
  {
    absl::StatusOr<PdfDocument> doc = options_.extract_pdf(request.content());
    if (!doc.ok()) return doc.status();
    typed = PdfToTypedText(*doc);
  }  // The words, boxes and fonts are freed before the parse.
  if (options_.memory_budget != nullptr) {
    // The text's size is known only now; it may well exceed the PDF's.
    int64_t text_bytes = 0;
    for (const TypedLine& line : typed.lines) text_bytes += line.text.size() + 1;
    const int64_t text_charge =
        MemoryCharge(text_bytes, static_cast<int64_t>(typed.lines.size()),
                     options_.memory_per_content_byte, options_.memory_per_line_break);
    if (absl::Status grown = options_.memory_budget->Grow(
            memory, static_cast<int64_t>(size) + text_charge, options_.memory_wait);
        !grown.ok()) {
      return grown;
    }
  }
  // The extracted text may be larger than the PDF; the limit is on the PDF.
  parse_options.max_input_bytes = std::max<size_t>(parse_options.max_input_bytes, size) * 4;
  return ParseResolution(std::move(typed), parse_options, out);
}

absl::Status DocumentParser::Parse(const v1::ParseResolutionRequest& request,
                                   v1::Resolution* out, std::string* akoma_ntoso_xml,
                                   const CallControl& call) const {
  out->Clear();
  if (akoma_ntoso_xml != nullptr) akoma_ntoso_xml->clear();
  absl::Status hints = CheckLanguage(request.language());
  if (hints.ok()) hints = CheckSourceVariant(request.source_variant());
  if (!hints.ok()) {
    if (options_.metrics != nullptr) {
      options_.metrics->DocumentParsed(hints, request.content().size(), absl::ZeroDuration(),
                                       nullptr);
    }
    return hints;
  }
  MemoryBudget::Lease memory;
  const int64_t size = static_cast<int64_t>(request.content().size());
  // Content over the size limit is the parser's CONTENT_TOO_LARGE.
  if (options_.memory_budget != nullptr &&
      request.content().size() <= options_.max_document_bytes) {
    // PDF content is charged by its size alone (its text is not known yet).
    const bool pdf = LooksLikePdf(request.content());
    absl::StatusOr<MemoryBudget::Lease> lease = options_.memory_budget->Acquire(
        pdf ? size * options_.memory_per_content_byte
            : ParseMemoryCharge(request.content(), options_.memory_per_content_byte,
                                options_.memory_per_line_break),
        options_.memory_wait);
    if (!lease.ok()) {
      if (options_.metrics != nullptr) {
        options_.metrics->DocumentParsed(lease.status(), request.content().size(),
                                         absl::ZeroDuration(), nullptr);
      }
      return lease.status();
    }
    memory = *std::move(lease);
  }
  ParseOptions parse_options;
  parse_options.max_input_bytes = options_.max_document_bytes;
  parse_options.include_text = !request.omit_text();
  parse_options.deadline = call.deadline;
  parse_options.cancelled = call.cancelled;
  const absl::Time start = absl::Now();
  absl::StatusOr<MediaKind> kind = ResolveMediaKind(request);
  absl::Status status = !kind.ok()                ? kind.status()
                        : *kind == MediaKind::kPdf ? ParsePdf(request, parse_options, out, &memory)
                                                   : options_.parse(request.content(),
                                                                    parse_options, out);
  if (options_.metrics != nullptr) {
    options_.metrics->DocumentParsed(status, request.content().size(), absl::Now() - start,
                                     status.ok() ? out : nullptr);
  }
  const auto& formats = request.output_formats();
  if (status.ok() && akoma_ntoso_xml != nullptr &&
      std::find(formats.begin(), formats.end(), v1::OUTPUT_FORMAT_AKOMA_NTOSO) != formats.end()) {
    absl::StatusOr<std::string> xml = akn::WriteAkomaNtoso(*out);
    if (!xml.ok()) {
      return WithErrorReason(
          absl::InternalError(absl::StrCat("cannot write Akoma Ntoso: ", xml.status().message())),
          "AKOMA_NTOSO_WRITE_FAILED");
    }
    *akoma_ntoso_xml = *std::move(xml);
  }
  if (call.keep_memory != nullptr) *call.keep_memory = std::move(memory);
  return status;
}

void DocumentParser::ParseToResponse(const v1::ParseResolutionRequest& request,
                                     v1::ParseResolutionResponse* response,
                                     const CallControl& call) const {
  response->Clear();
  response->set_document_id(request.document_id());
  absl::Status status =
      Parse(request, response->mutable_resolution(), response->mutable_akoma_ntoso_xml(), call);
  *response->mutable_status() = ToDocumentStatus(status);
  if (!status.ok()) {
    response->clear_resolution();
    response->clear_akoma_ntoso_xml();
  }
}

}  // namespace service
}  // namespace resolute
