#include "service/document_parser.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "akn/akn_writer.h"
#include "common/error_reason.h"
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

DocumentParser::DocumentParser(DocumentParserOptions options) : options_(std::move(options)) {
  if (!options_.parse) {
    options_.parse = [](absl::string_view text, const ParseOptions& parse_options,
                        v1::Resolution* out) { return ParseResolution(text, parse_options, out); };
  }
}

absl::Status DocumentParser::Parse(const v1::ParseResolutionRequest& request,
                                   v1::Resolution* out, std::string* akoma_ntoso_xml) const {
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
    absl::StatusOr<MemoryBudget::Lease> lease = options_.memory_budget->Acquire(
        size * options_.memory_per_content_byte, options_.memory_wait);
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
  parse_options.source_variant = request.source_variant();
  parse_options.max_input_bytes = options_.max_document_bytes;
  parse_options.include_text = !request.omit_text();
  const absl::Time start = absl::Now();
  absl::Status status = options_.parse(request.content(), parse_options, out);
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
  return status;
}

void DocumentParser::ParseToResponse(const v1::ParseResolutionRequest& request,
                                     v1::ParseResolutionResponse* response) const {
  response->Clear();
  response->set_document_id(request.document_id());
  absl::Status status =
      Parse(request, response->mutable_resolution(), response->mutable_akoma_ntoso_xml());
  *response->mutable_status() = ToDocumentStatus(status);
  if (!status.ok()) {
    response->clear_resolution();
    response->clear_akoma_ntoso_xml();
  }
}

}  // namespace service
}  // namespace resolute
