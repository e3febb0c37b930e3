// TEMPORARY stub while the real stages are written: validates input only.
#include "parser/parser.h"

#include "absl/strings/str_cat.h"

namespace resolute {

absl::Status ParseResolution(absl::string_view text, const ParseOptions& options,
                             v1::Resolution* out) {
  out->Clear();
  if (text.size() > options.max_input_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "content is ", text.size(), " bytes; the limit is ", options.max_input_bytes));
  }
  if (text.empty()) return absl::InvalidArgumentError("content is empty");
  if (options.include_text) out->set_text(std::string(text));
  return absl::OkStatus();
}

absl::StatusOr<v1::Resolution> ParseResolution(absl::string_view text,
                                               const ParseOptions& options) {
  v1::Resolution r;
  absl::Status s = ParseResolution(text, options, &r);
  if (!s.ok()) return s;
  return r;
}

}  // namespace resolute
