// Progress: a one-line progress bar for a terminal.
//
//   Progress progress(&std::cerr, /*enabled=*/isatty(STDERR_FILENO), 222, 6'000'000);
//   progress.Add(1, 27'000);      // one document of 27 kB done
//   progress.Message("x.txt: INVALID_ARGUMENT: content is empty");
//   progress.Finish();            // clears the bar
//
// Renders "[#####.....] 120/222 docs  3.1/6.0 MB  85.3 docs/s  ETA 0:02" at
// most ten times a second, in place with "\r". Disabled, it prints nothing but
// messages. Thread-safe.

#ifndef RESOLUTE_CLIENT_PROGRESS_H_
#define RESOLUTE_CLIENT_PROGRESS_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace resolute {
namespace client {

class Progress {
 public:
  // `total_docs` or `total_bytes` may be 0 when unknown (no bar, no ETA);
  // `out` must outlive the Progress.
  Progress(std::ostream* out, bool enabled, int64_t total_docs, int64_t total_bytes);

  // Records `docs` more documents and `bytes` more bytes done.
  void Add(int64_t docs, int64_t bytes);

  // Prints `line` on its own line (above the bar, if shown).
  void Message(absl::string_view line);

  // Clears the bar; later calls print nothing but messages.
  void Finish();

  // The bar for the given state (exposed for tests).
  static std::string Render(int64_t docs, int64_t total_docs, int64_t bytes, int64_t total_bytes,
                            absl::Duration elapsed);

 private:
  void DrawLocked(bool force) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ClearLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  std::ostream* const out_;
  bool enabled_ ABSL_GUARDED_BY(mu_);
  const int64_t total_docs_;
  const int64_t total_bytes_;
  const absl::Time start_;
  int64_t docs_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time last_draw_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  size_t drawn_width_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_PROGRESS_H_
