#include "tests/service/archive_builder.h"

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

}  // namespace testing
}  // namespace resolute
