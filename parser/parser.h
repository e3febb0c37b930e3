// resolute's parser: turns the text of a United Nations resolution into the
// resolute.v1.Resolution model.
//
//   absl::StatusOr<resolute::v1::Resolution> r =
//       resolute::ParseResolution(text, resolute::ParseOptions());
//   if (!r.ok()) { /* r.status(): INVALID_ARGUMENT or RESOURCE_EXHAUSTED */ }
//
// A caller that must not wait past a deadline, or may give up, says so:
//
//   ParseOptions options;
//   options.deadline = absl::Now() + absl::Milliseconds(500);
//   options.cancelled = [&context] { return context.IsCancelled(); };
//   // DEADLINE_EXCEEDED or CANCELLED once either happens, within a few
//   // hundred lines' work
//
// The parser never fails on odd structure: whatever it has to guess or skip is
// reported in `Resolution.diagnostics`. It only rejects input that is not
// text (empty, not UTF-8) or larger than `ParseOptions::max_input_bytes`,
// and stops when its deadline passes or its caller cancels it. Its cost is
// linear in the size of the text, whatever the text's shape. It is
// thread-safe and keeps no state between calls.
//
// Stages (each its own library in this folder): normalize -> lines -> layout
// (page furniture and footnote blocks) -> structure (front matter,
// paragraphs, headings, annexes) with lead_phrase and citations -> build.

#ifndef RESOLUTE_PARSER_PARSER_H_
#define RESOLUTE_PARSER_PARSER_H_

#include <cstddef>
#include <functional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "parser/typed_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

struct TypographyStats;  // parser/typography.h

// Options for ParseResolution.
struct ParseOptions {
  // Inputs larger than this are rejected with RESOURCE_EXHAUSTED.
  size_t max_input_bytes = 64 << 20;
  // If false, `Resolution.text` is left empty (spans still refer to it).
  bool include_text = true;
  // The parse stops with DEADLINE_EXCEEDED once this time has passed. The
  // parser checks it between stages and every few hundred lines within them,
  // so it may run a little past it, never much.
  absl::Time deadline = absl::InfiniteFuture();
  // If set, the parse stops with CANCELLED once this returns true. Called on
  // the parsing thread, as often as the deadline is checked; it must be
  // cheap and thread-safe with whoever cancels (an atomic flag, a
  // grpc::ServerContext's IsCancelled).
  std::function<bool()> cancelled;
  // If set, a parse of typed input with a page layout (a PDF) adds to it
  // what the layout decided and what the text rules decided where it did
  // not (a debugging and measuring aid: tools:resolute_pdf_typography).
  TypographyStats* typography_stats = nullptr;
};

// Parses `text` into `*out` (cleared first).
//
// Returns INVALID_ARGUMENT, with its reason, if `text` is empty
// (CONTENT_EMPTY), holds a NUL byte (CONTENT_BINARY, with its offset), is not
// valid UTF-8 (CONTENT_NOT_UTF8, with the byte offset of the first bad
// sequence), or has no text once normalised: nothing but whitespace and the
// characters normalisation removes or turns into spaces (CONTENT_NO_TEXT);
// RESOURCE_EXHAUSTED if it is larger than `options.max_input_bytes`
// (CONTENT_TOO_LARGE); DEADLINE_EXCEEDED if `options.deadline` passes, and
// CANCELLED if `options.cancelled` returns true, before the parse ends (both
// are checked before the parse starts too). On error `*out` is left cleared.
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
