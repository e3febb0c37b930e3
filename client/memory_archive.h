// Builds a tar, tar.gz or zip archive in memory (libarchive), for the
// benchmark's archive mode.
//
//   absl::StatusOr<std::string> tgz = BuildMemoryArchive(
//       MemoryArchiveFormat::kTarGz, {{"a.txt", "text"}, {"b.txt", "more"}});

#ifndef RESOLUTE_CLIENT_MEMORY_ARCHIVE_H_
#define RESOLUTE_CLIENT_MEMORY_ARCHIVE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace resolute {
namespace client {

// Archive formats resolute's ParseArchive reads.
enum class MemoryArchiveFormat { kTar, kTarGz, kZip };

// Parses "tar", "tar.gz" (or "tgz") and "zip"; false for anything else.
bool ParseMemoryArchiveFormat(absl::string_view name, MemoryArchiveFormat* format);

// One entry of an archive: a regular file, or a folder.
struct MemoryArchiveFile {
  std::string path;
  // The file's bytes; empty for a folder.
  std::string content;
  // A folder entry (mode 0755) rather than a file.
  bool directory = false;
};

// Returns the bytes of an archive holding `files` in order (files mode 0644,
// folders 0755, a fixed mtime so that the bytes are reproducible).
// INTERNAL if libarchive fails.
absl::StatusOr<std::string> BuildMemoryArchive(MemoryArchiveFormat format,
                                               const std::vector<MemoryArchiveFile>& files);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_CLIENT_MEMORY_ARCHIVE_H_
