#include "tests/service/archive_builder.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <iostream>
#include <set>

#include "absl/status/statusor.h"
#include "client/memory_archive.h"

namespace resolute {
namespace testing {

std::string BuildArchive(ArchiveFormat format, const std::vector<TestFile>& files) {
  std::vector<client::MemoryArchiveFile> entries;
  std::set<std::string> folders;
  for (const TestFile& file : files) {
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      std::string folder = file.path.substr(0, slash + 1);
      if (folders.insert(folder).second) {
        entries.push_back({std::move(folder), "", /*directory=*/true});
      }
    }
    entries.push_back({file.path, file.content});
  }
  const client::MemoryArchiveFormat memory_format =
      format == ArchiveFormat::kZip     ? client::MemoryArchiveFormat::kZip
      : format == ArchiveFormat::kTarGz ? client::MemoryArchiveFormat::kTarGz
                                        : client::MemoryArchiveFormat::kTar;
  absl::StatusOr<std::string> archive = client::BuildMemoryArchive(memory_format, entries);
  if (!archive.ok()) {
    std::cerr << archive.status() << std::endl;
    std::abort();
  }
  return *std::move(archive);
}

namespace {

la_ssize_t AppendTo(struct archive*, void* out, const void* data, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
  return static_cast<la_ssize_t>(size);
}

}  // namespace

std::string BuildTarGzWithSpecialEntries(const std::string& text) {
  std::string out;
  struct archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(a, &out, nullptr, &AppendTo, nullptr);
  const auto add = [a](const char* path, unsigned type, const std::string& content,
                       const char* hardlink, const char* symlink) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, path);
    archive_entry_set_filetype(e, type);
    archive_entry_set_perm(e, type == AE_IFDIR ? 0755 : 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    if (hardlink != nullptr) archive_entry_set_hardlink(e, hardlink);
    if (symlink != nullptr) archive_entry_set_symlink(e, symlink);
    if (type == AE_IFCHR) archive_entry_set_rdev(e, 0x0501);
    archive_write_header(a, e);
    if (!content.empty()) archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  };
  add("a.txt", AE_IFREG, text, nullptr, nullptr);
  add("dir/", AE_IFDIR, "", nullptr, nullptr);
  add("dir/hard.txt", AE_IFREG, "", "a.txt", nullptr);
  add("dir/soft.txt", AE_IFLNK, "", nullptr, "../a.txt");
  add("fifo", AE_IFIFO, "", nullptr, nullptr);
  add("tty", AE_IFCHR, "", nullptr, nullptr);
  add("b.txt", AE_IFREG, text, nullptr, nullptr);
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

}  // namespace testing
}  // namespace resolute
