// Test helper: builds tar, tar.gz and zip archives in memory with libarchive.
//
//   std::string tgz = BuildArchive(ArchiveFormat::kTarGz,
//                                  {{"docs/a.txt", "text"}, {"docs/b.txt", "more"}});

#ifndef RESOLUTE_TESTS_SERVICE_ARCHIVE_BUILDER_H_
#define RESOLUTE_TESTS_SERVICE_ARCHIVE_BUILDER_H_

#include <string>
#include <vector>

namespace resolute {
namespace testing {

// Archive formats the service reads.
enum class ArchiveFormat { kTar, kTarGz, kZip };

// One file to put in an archive.
struct TestFile {
  std::string path;
  std::string content;
};

// Returns the bytes of an archive holding `files` in order, preceded by a
// directory entry for each folder that a path names (which readers skip).
std::string BuildArchive(ArchiveFormat format, const std::vector<TestFile>& files);

// Returns a tar.gz whose entries are, in order: "a.txt" (`text`), the
// directory "dir/", "dir/hard.txt" (a hard link to "a.txt"), "dir/soft.txt"
// (a symbolic link to "../a.txt"), "fifo" (a named pipe), "tty" (a
// character device) and "b.txt" (`text`).
std::string BuildTarGzWithSpecialEntries(const std::string& text);

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_SERVICE_ARCHIVE_BUILDER_H_
