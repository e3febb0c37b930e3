// Findings: what a parser stage had to guess, repair or skip. They become
// `Resolution.diagnostics`.

#ifndef RESOLUTE_PARSER_FINDINGS_H_
#define RESOLUTE_PARSER_FINDINGS_H_

#include <string>
#include <vector>

#include "parser/source_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// One diagnostic, before it is written into the model.
struct Finding {
  v1::Diagnostic::Severity severity = v1::Diagnostic::SEVERITY_WARNING;
  std::string code;     // UPPER_SNAKE_CASE, stable
  std::string message;  // for a person
  Span span;            // empty if it concerns the whole document
};

// Collects findings in the order they are made.
class Findings {
 public:
  // Records an informational repair.
  void Info(std::string code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_INFO, std::move(code), std::move(message), span);
  }
  // Records a guess that may be wrong.
  void Warning(std::string code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_WARNING, std::move(code), std::move(message), span);
  }
  // Records structure that is probably wrong or missing.
  void Error(std::string code, std::string message, Span span = {}) {
    Add(v1::Diagnostic::SEVERITY_ERROR, std::move(code), std::move(message), span);
  }
  // All findings so far.
  const std::vector<Finding>& all() const { return findings_; }
  // All findings so far, handed over (this collector is left empty): their
  // strings can then be moved rather than copied.
  std::vector<Finding> TakeAll() {
    std::vector<Finding> all;
    all.swap(findings_);
    return all;
  }

 private:
  void Add(v1::Diagnostic::Severity severity, std::string code, std::string message, Span span) {
    findings_.push_back(Finding{severity, std::move(code), std::move(message), span});
  }
  std::vector<Finding> findings_;
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_FINDINGS_H_
