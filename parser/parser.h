// resolute's parser: turns the text of a United Nations resolution into the
// resolute.v1.Resolution model.
//
//   absl::StatusOr<resolute::v1::Resolution> r =
//       resolute::ParseResolution(text, resolute::ParseOptions());
//   if (!r.ok()) { /* r.status(): INVALID_ARGUMENT or RESOURCE_EXHAUSTED */ }
//
// The parser never fails on odd structure: whatever it has to guess or skip is
// reported in `Resolution.diagnostics`. It only rejects input that is not
// text (empty, not UTF-8) or larger than `ParseOptions::max_input_bytes`.
// It is thread-safe and keeps no state between calls.
//
// Stages (each its own library in this folder): normalize -> lines -> layout
// (page furniture and footnote blocks) -> structure (front matter,
// paragraphs, headings, annexes) with lead_phrase and citations -> build.

#ifndef RESOLUTE_PARSER_PARSER_H_
#define RESOLUTE_PARSER_PARSER_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parser/typed_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// Options for ParseResolution.
struct ParseOptions {
  // The extraction tool that produced the text, if known (a hint only).
  v1::SourceVariant source_variant = v1::SOURCE_VARIANT_UNSPECIFIED;
  // Inputs larger than this are rejected with RESOURCE_EXHAUSTED.
  size_t max_input_bytes = 64 << 20;
  // If false, `Resolution.text` is left empty (spans still refer to it).
  bool include_text = true;
};

// Parses `text` into `*out` (cleared first).
//
// Returns INVALID_ARGUMENT if `text` is empty or blank, or is not valid UTF-8
// (the message gives the byte offset of the first bad sequence), and
// RESOURCE_EXHAUSTED if it is larger than `options.max_input_bytes`. On error
// `*out` is left cleared.
absl::Status ParseResolution(absl::string_view text, const ParseOptions& options,
                             v1::Resolution* out);

// Parses lines that may carry typography (a PDF's text layer, see
// typed_text.h) into `*out` (cleared first). `Resolution.text` is the lines
// joined ("\n", and "\n\f" between pages), normalised; where the lines
// carry italics they decide the lead phrases, where they carry word boxes
// every span gets its page regions, and `page_count` is copied. Errors as
// for text.
absl::Status ParseResolution(const TypedText& input, const ParseOptions& options,
                             v1::Resolution* out);

// Convenience form of the first overload that returns the message.
absl::StatusOr<v1::Resolution> ParseResolution(absl::string_view text,
                                               const ParseOptions& options = {});

}  // namespace resolute

#endif  // RESOLUTE_PARSER_PARSER_H_
