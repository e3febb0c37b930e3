#include "service/document_parser.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "service/status_mapping.h"

namespace resolute {
namespace service {

absl::Status CheckLanguage(absl::string_view language) {
  if (language.empty() || absl::EqualsIgnoreCase(language, "en") ||
      (language.size() > 3 && absl::StartsWithIgnoreCase(language, "en-"))) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("language \"", absl::CEscape(language),
                                                 "\" is not supported; only English (\"en\") is"));
}

DocumentParser::DocumentParser(DocumentParserOptions options) : options_(std::move(options)) {
  if (!options_.parse) {
    options_.parse = [](absl::string_view text, const ParseOptions& parse_options,
                        v1::Resolution* out) { return ParseResolution(text, parse_options, out); };
  }
}

absl::Status DocumentParser::Parse(const v1::ParseResolutionRequest& request,
                                   v1::Resolution* out) const {
  out->Clear();
  absl::Status language = CheckLanguage(request.language());
  if (!language.ok()) {
    if (options_.metrics != nullptr) {
      options_.metrics->DocumentParsed(language, request.content().size(), absl::ZeroDuration(),
                                       nullptr);
    }
    return language;
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
  return status;
}

void DocumentParser::ParseToResponse(const v1::ParseResolutionRequest& request,
                                     v1::ParseResolutionResponse* response) const {
  response->Clear();
  response->set_document_id(request.document_id());
  absl::Status status = Parse(request, response->mutable_resolution());
  *response->mutable_status() = ToDocumentStatus(status);
  if (!status.ok()) response->clear_resolution();
}

}  // namespace service
}  // namespace resolute
