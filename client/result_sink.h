// Result sinks: where the reference client puts each document's result.
//
//   JsonLinesSink lines(&std::cout);   // one response per line, every document
//   DirectorySink dir("out");          // out/<stem>.json, the Resolution only
//   dir.Write(response, "A_RES_78_100.pymupdf");   // -> out/A_RES_78_100.pymupdf.json
//   DirectorySink both("out", {.json = true, .akoma_ntoso = true});
//                                      // also out/<stem>.akn.xml
//
// Both write sorted-key JSON (see sorted_json.h) and are thread-safe.

#ifndef RESOLUTE_CLIENT_RESULT_SINK_H_
#define RESOLUTE_CLIENT_RESULT_SINK_H_

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace client {

// Receives the result of each document.
class ResultSink {
 public:
  virtual ~ResultSink() = default;

  // Records `response` (document_id, status, and the resolution if OK);
  // `output_stem` names the document's output (see DocumentInput).
  virtual absl::Status Write(const v1::ParseResolutionResponse& response,
                             absl::string_view output_stem) = 0;
};

// Writes every response, failed or not, as one line of compact JSON:
// {"documentId":"...","resolution":{...},"status":{...}}.
class JsonLinesSink : public ResultSink {
 public:
  // `out` must outlive the sink.
  explicit JsonLinesSink(std::ostream* out) : out_(out) {}

  absl::Status Write(const v1::ParseResolutionResponse& response,
                     absl::string_view output_stem) override;

 private:
  absl::Mutex mu_;
  std::ostream* const out_ ABSL_PT_GUARDED_BY(mu_);
};

// The files a DirectorySink writes for each document.
struct OutputFormats {
  // `<stem>.json`: the Resolution as sorted-key JSON.
  bool json = true;
  // `<stem>.akn.xml`: the response's Akoma Ntoso XML (ask the server for it).
  bool akoma_ntoso = false;
};

// Parses the --format list: "json", "akn" or both, comma-separated.
absl::StatusOr<OutputFormats> ParseOutputFormats(absl::string_view text);


// One document's output name, for DirectorySink::CheckDistinctOutputs.
struct OutputName {
  // The document's name as the user knows it (file path, archive entry).
  std::string id;
  // Its output stem (see DocumentInput).
  std::string stem;
};

// Writes the Resolution of each successful document, pretty-printed, to
// `<dir>/<stem>.json`, and/or its Akoma Ntoso XML to `<dir>/<stem>.akn.xml`,
// creating folders as needed. Files appear atomically (written aside, then
// renamed), so an interrupted run leaves no partial file. Failed documents
// write nothing; a document asked for in Akoma Ntoso whose response has no
// XML is an error (DATA_LOSS).
class DirectorySink : public ResultSink {
 public:
  explicit DirectorySink(std::string dir, OutputFormats formats = {})
      : dir_(std::move(dir)), formats_(formats) {}

  absl::Status Write(const v1::ParseResolutionResponse& response,
                     absl::string_view output_stem) override;

  // The file for `output_stem` with `extension`: below the folder whatever
  // the stem holds ("/", ".." and "." components are dropped).
  std::string PathFor(absl::string_view output_stem,
                      absl::string_view extension = ".json") const;

  // Whether every file for `output_stem` exists (for --skip-existing).
  bool Exists(absl::string_view output_stem) const;

  // Returns OK if no two of `names` would be written to one file (such as
  // "doc.txt" and "doc.md", both "doc.json"); otherwise INVALID_ARGUMENT
  // "<id> and <id> would both be written to <file>" for the first clash.
  // Run before anything is sent, so that no output overwrites another.
  absl::Status CheckDistinctOutputs(const std::vector<OutputName>& names) const;

 private:
  // Writes `content` to `path` atomically.
  absl::Status WriteFile(const std::string& path, absl::string_view content);

  const std::string dir_;
  const OutputFormats formats_;
  std::atomic<int64_t> temp_counter_{0};
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_RESULT_SINK_H_
