// ArchiveReader: the text files and PDFs of a tar, tar.gz or zip archive, read
// incrementally from a stream of byte chunks with libarchive, within limits.
//
//   ArchiveReader reader(
//       [&]() -> absl::StatusOr<absl::string_view> { return NextChunk(); },
//       ArchiveLimits());
//   ArchiveEntry entry;
//   while (true) {
//     absl::StatusOr<bool> more = reader.Next(&entry);
//     if (!more.ok()) return more.status();  // corrupt, over a limit, source error
//     if (!*more) break;                     // end of the archive
//     if (!entry.status.ok()) { /* this entry only: not a file, unreadable */ }
//     else Use(entry.path, entry.content);
//   }
//
// Every entry but a directory is returned: regular files with their
// content, and hard links, symbolic links and special files (fifos, devices,
// sockets) with an INVALID_ARGUMENT status (reason ARCHIVE_ENTRY_UNSUPPORTED,
// metadata `entry_type` and, for links, `target`), so that each gets an
// answer. Hard links are not resolved: their target's content is not kept;
// the target's own entry is answered. Directories are skipped silently (the
// files in them are entries of their own). Formats: tar (ustar, pax, gnu),
// zip (streamed, so entries are read from their local headers), each
// optionally compressed with gzip, bzip2, xz
// or zstd when libarchive supports it. Nothing runs external programs.
//
// The whole archive is never held in memory: at most the current chunk and
// the current entry.

#ifndef RESOLUTE_SERVICE_ARCHIVE_READER_H_
#define RESOLUTE_SERVICE_ARCHIVE_READER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct archive;

namespace resolute {
namespace service {

// Limits on what one archive may expand to. Exceeding one ends reading with
// RESOURCE_EXHAUSTED.
struct ArchiveLimits {
  // Largest size of one entry, decompressed.
  int64_t max_entry_bytes = 16 << 20;
  // Most entries returned (all but directories).
  int64_t max_entries = 100000;
  // Largest total size of all entries, decompressed.
  int64_t max_total_bytes = int64_t{1} << 30;
  // Largest ratio of decompressed entry bytes to archive bytes read, checked
  // once more than `ratio_grace_bytes` have been decompressed (small archives
  // of short texts may have high ratios without being a threat).
  double max_ratio = 100;
  // See max_ratio.
  int64_t ratio_grace_bytes = 1 << 20;
};

// One entry of the archive (any but a directory).
struct ArchiveEntry {
  // Path inside the archive, made valid UTF-8 (invalid bytes become U+FFFD).
  std::string path;
  // The decompressed bytes; empty if `status` is not OK. Not checked for
  // text: the parser does that, as for any request.
  std::string content;
  // OK, or why this entry alone could not be read: INVALID_ARGUMENT for an
  // entry that is not a regular file (reason ARCHIVE_ENTRY_UNSUPPORTED) or
  // one libarchive cannot decode (encrypted, unsupported compression method).
  absl::Status status;
  // Zero-based position of the entry among all the archive's entries,
  // directories included.
  int64_t index = -1;
};

class ArchiveReader {
 public:
  // Returns the next chunk of the archive: non-empty bytes, valid until the
  // next call; an empty view at the end of the archive; or an error (such as
  // CANCELLED), which ends reading with that error.
  using ChunkSource = std::function<absl::StatusOr<absl::string_view>()>;

  ArchiveReader(ChunkSource source, ArchiveLimits limits);
  ~ArchiveReader();

  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // Reads the next entry that is not a directory into `*entry`. Returns true if there was one,
  // false at the end of the archive, or an error that ends reading:
  // INVALID_ARGUMENT if the input is empty, not an archive or corrupt,
  // RESOURCE_EXHAUSTED if it exceeds a limit, or the source's error. Once an
  // error or the end was returned, further calls return the same.
  absl::StatusOr<bool> Next(ArchiveEntry* entry);

  // Archive bytes received from the source so far.
  int64_t archive_bytes() const { return archive_bytes_; }
  // Entry bytes decompressed so far.
  int64_t decompressed_bytes() const { return decompressed_bytes_; }
  // Entries returned so far.
  int64_t entries() const { return entries_; }

 private:
  static long ReadCallback(struct archive* a, void* self, const void** buffer);
  absl::Status Open();
  absl::Status ReadData(ArchiveEntry* entry, int64_t declared_size);
  absl::Status CheckRatio() const;
  absl::Status ArchiveError(absl::string_view what) const;

  ChunkSource source_;
  const ArchiveLimits limits_;
  struct archive* archive_ = nullptr;
  bool opened_ = false;
  absl::Status final_status_;  // Set once reading has ended.
  bool ended_ = false;
  absl::Status source_status_;  // The source's error, if it returned one.
  int64_t archive_bytes_ = 0;
  int64_t decompressed_bytes_ = 0;
  int64_t entries_ = 0;
  int64_t headers_ = 0;  // Entries seen, directories included.
};

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_ARCHIVE_READER_H_
