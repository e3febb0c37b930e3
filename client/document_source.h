// Document sources: the inputs of `resolute parse`, enumerated up front.
//
//   absl::StatusOr<std::vector<DocumentInput>> inputs =
//       ExpandInputs({"A_RES_78_100.txt", "corpus/", "-"}, stdin_options);
//
// A FILE is one document; a DIR is every regular file below it, recursively,
// in sorted path order, hidden files and folders (".name") excluded; "-" is
// standard input, read once as one document. The same file named twice is
// parsed once.

#ifndef RESOLUTE_CLIENT_DOCUMENT_SOURCE_H_
#define RESOLUTE_CLIENT_DOCUMENT_SOURCE_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace resolute {
namespace client {

// One input document.
struct DocumentInput {
  // The document_id sent: the path as given or found ("corpus/x.txt"), or the
  // stdin name; valid UTF-8.
  std::string id;
  // The file to read; empty for standard input.
  std::string path;
  // Where its result goes under --out, without extension: the file name
  // without its last extension for a FILE, the path below DIR without it for
  // a file found in DIR ("sub/A_RES_78_100.pymupdf").
  std::string output_stem;
  // Size in bytes (for progress), or 0 if unknown.
  int64_t size_bytes = 0;
  // The content of standard input (read once); empty for files.
  std::string stdin_content;
};

// How to read standard input.
struct StdinOptions {
  // Stream to read for "-".
  std::istream* stream = nullptr;
  // document_id and output stem of standard input.
  std::string name = "stdin";
};

// Expands FILE, DIR and "-" arguments into documents, in argument order.
// Returns NOT_FOUND for a path that does not exist, INVALID_ARGUMENT for "-"
// given twice or a path that is neither a file nor a folder.
absl::StatusOr<std::vector<DocumentInput>> ExpandInputs(const std::vector<std::string>& args,
                                                        const StdinOptions& stdin_options);

// Returns the content of `input`: the file's bytes or the stdin content.
absl::StatusOr<std::string> ReadDocument(const DocumentInput& input);

// Returns `name` without its last extension ("a.b.txt" -> "a.b"; "a" -> "a";
// ".a" -> ".a"). Only the last path component is considered.
std::string StripLastExtension(absl::string_view name);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_DOCUMENT_SOURCE_H_
