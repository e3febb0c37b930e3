#include "tests/service/archive_builder.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <iostream>
#include <set>

namespace resolute {
namespace testing {
namespace {

la_ssize_t Append(struct archive*, void* out, const void* buffer, size_t length) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

void Check(struct archive* a, int r) {
  if (r < ARCHIVE_WARN) {
    std::cerr << "libarchive: " << archive_error_string(a) << std::endl;
    std::abort();
  }
}

void AddEntry(struct archive* a, const std::string& path, const std::string* content) {
  struct archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, path.c_str());
  archive_entry_set_mtime(e, 1700000000, 0);
  if (content == nullptr) {
    archive_entry_set_filetype(e, AE_IFDIR);
    archive_entry_set_perm(e, 0755);
    archive_entry_set_size(e, 0);
  } else {
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content->size()));
  }
  Check(a, archive_write_header(a, e));
  if (content != nullptr && !content->empty()) {
    if (archive_write_data(a, content->data(), content->size()) < 0) Check(a, ARCHIVE_FATAL);
  }
  archive_entry_free(e);
}

}  // namespace

std::string BuildArchive(ArchiveFormat format, const std::vector<TestFile>& files) {
  std::string out;
  struct archive* a = archive_write_new();
  if (format == ArchiveFormat::kZip) {
    Check(a, archive_write_set_format_zip(a));
  } else {
    Check(a, archive_write_set_format_pax_restricted(a));
    if (format == ArchiveFormat::kTarGz) Check(a, archive_write_add_filter_gzip(a));
  }
  Check(a, archive_write_set_bytes_in_last_block(a, 1));
  Check(a, archive_write_open(a, &out, nullptr, &Append, nullptr));
  std::set<std::string> folders;
  for (const TestFile& file : files) {
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      const std::string folder = file.path.substr(0, slash + 1);
      if (folders.insert(folder).second) AddEntry(a, folder, nullptr);
    }
    AddEntry(a, file.path, &file.content);
  }
  Check(a, archive_write_close(a));
  archive_write_free(a);
  return out;
}

}  // namespace testing
}  // namespace resolute
