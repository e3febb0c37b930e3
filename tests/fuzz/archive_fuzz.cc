// Fuzz target for the archive reader: any bytes, streamed in chunks whose
// sizes the input chooses, must end in a clean status (INVALID_ARGUMENT for
// what is not a readable archive, RESOURCE_EXHAUSTED over a limit) after
// entries that respect the limits (size, count, total); never a crash or a
// hang. Whether an entry's bytes are text is the document parser's decision
// (CONTENT_BINARY), not the reader's.
//
// Built with libFuzzer by tools/fuzz.sh; replayed on regressions/archive and
// seeds by `bazel test` (archive_regressions_test).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "service/archive_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk size, as a client's writes would.
  const size_t chunk = 1 + static_cast<size_t>(data[0]) * 37;
  absl::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  resolute::service::ArchiveLimits limits;
  limits.max_entry_bytes = 1 << 20;
  limits.max_total_bytes = 8 << 20;
  limits.max_entries = 1000;
  resolute::service::ArchiveReader reader(
      [&rest, chunk]() -> absl::StatusOr<absl::string_view> {
        const absl::string_view next = rest.substr(0, std::min(chunk, rest.size()));
        rest.remove_prefix(next.size());
        return next;
      },
      limits);
  resolute::service::ArchiveEntry entry;
  int64_t total = 0;
  for (int64_t entries = 0;; ++entries) {
    absl::StatusOr<bool> more = reader.Next(&entry);
    if (!more.ok()) {
      if (more.status().code() != absl::StatusCode::kInvalidArgument &&
          more.status().code() != absl::StatusCode::kResourceExhausted) {
        abort();
      }
      break;
    }
    if (!*more) break;
    if (entries >= limits.max_entries) abort();
    if (!entry.status.ok()) continue;
    if (static_cast<int64_t>(entry.content.size()) > limits.max_entry_bytes) abort();
    total += static_cast<int64_t>(entry.content.size());
    if (total > limits.max_total_bytes) abort();
  }
  return 0;
}
