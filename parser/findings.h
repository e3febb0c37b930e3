// Findings: what a parser stage had to guess, repair or skip. They become
// `Resolution.diagnostics`.
//
// Each finding is written as a v1::Diagnostic the moment it is made, on the
// arena of the message it will end up in, and handed over to that message
// at the end (MoveTo) without a copy: a document with a finding on every line
// holds its diagnostics once, not once as findings and again in the message.

#ifndef RESOLUTE_PARSER_FINDINGS_H_
#define RESOLUTE_PARSER_FINDINGS_H_

#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "parser/source_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// Collects findings in the order they are made.
class Findings {
 public:
  // Diagnostics on `arena` (null: on the heap); give the arena of the
  // message they will be moved to, so that MoveTo copies nothing.
  explicit Findings(google::protobuf::Arena* arena = nullptr) : diagnostics_(arena) {}

  // Records an informational repair. `code` is UPPER_SNAKE_CASE and stable;
  // `message` is for a person; `span` is empty if the finding concerns the
  // whole document.
  void Info(const char* code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_INFO, code, std::move(message), span);
  }
  // Records a guess that may be wrong.
  void Warning(const char* code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_WARNING, code, std::move(message), span);
  }
  // Records structure that is probably wrong or missing.
  void Error(const char* code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_ERROR, code, std::move(message), span);
  }

  // If the last finding has `code`, widens its span to end at `end`, gives
  // it `message`, and returns true; otherwise returns false and changes
  // nothing. For one finding over a run of lines rather than one per line.
  bool ExtendLast(absl::string_view code, int end, std::string message) {
    if (diagnostics_.empty()) return false;
    v1::Diagnostic& last = diagnostics_[diagnostics_.size() - 1];
    if (last.code() != code || !last.has_span()) return false;
    last.mutable_span()->set_end(end);
    last.set_message(std::move(message));
    return true;
  }

  // All findings so far, in order.
  const google::protobuf::RepeatedPtrField<v1::Diagnostic>& all() const { return diagnostics_; }

  // Appends all findings to `out` and leaves this collector empty. If `out`
  // is empty and on this collector's arena, nothing is copied.
  void MoveTo(google::protobuf::RepeatedPtrField<v1::Diagnostic>* out) {
    if (out->empty()) {
      out->Swap(&diagnostics_);  // a swap of pointers on the same arena
      return;
    }
    for (v1::Diagnostic& d : diagnostics_) *out->Add() = std::move(d);
    diagnostics_.Clear();
  }

 private:
  void Add(v1::Diagnostic::Severity severity, const char* code, std::string message, Span span) {
    v1::Diagnostic* d = diagnostics_.Add();
    d->set_severity(severity);
    d->set_code(code);
    d->set_message(std::move(message));
    if (!span.empty()) {
      d->mutable_span()->set_start(span.begin);
      d->mutable_span()->set_end(span.end);
    }
  }

  google::protobuf::RepeatedPtrField<v1::Diagnostic> diagnostics_;
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_FINDINGS_H_
