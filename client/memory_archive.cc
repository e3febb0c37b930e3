#include "client/memory_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace resolute {
namespace client {
namespace {

la_ssize_t Append(struct archive*, void* out, const void* buffer, size_t length) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

absl::Status Check(struct archive* a, int r, absl::string_view what) {
  if (r >= ARCHIVE_WARN) return absl::OkStatus();
  const char* error = archive_error_string(a);
  return absl::InternalError(absl::StrCat("libarchive: ", what, ": ", error ? error : "failed"));
}

}  // namespace

bool ParseMemoryArchiveFormat(absl::string_view name, MemoryArchiveFormat* format) {
  if (name == "tar") {
    *format = MemoryArchiveFormat::kTar;
  } else if (name == "tar.gz" || name == "tgz") {
    *format = MemoryArchiveFormat::kTarGz;
  } else if (name == "zip") {
    *format = MemoryArchiveFormat::kZip;
  } else {
    return false;
  }
  return true;
}

absl::StatusOr<std::string> BuildMemoryArchive(MemoryArchiveFormat format,
                                               const std::vector<MemoryArchiveFile>& files) {
  std::string out;
  std::unique_ptr<struct archive, ArchiveDeleter> owner(archive_write_new());
  struct archive* a = owner.get();
  absl::Status s;
  if (format == MemoryArchiveFormat::kZip) {
    s = Check(a, archive_write_set_format_zip(a), "zip format");
  } else {
    s = Check(a, archive_write_set_format_pax_restricted(a), "tar format");
    if (s.ok() && format == MemoryArchiveFormat::kTarGz) {
      s = Check(a, archive_write_add_filter_gzip(a), "gzip");
      // Leaves the gzip header's MTIME zero: by default it is the time of the
      // build, and the bytes would change every second.
      if (s.ok()) {
        s = Check(a, archive_write_set_filter_option(a, "gzip", "timestamp", nullptr),
                  "gzip timestamp");
      }
    }
  }
  if (s.ok()) s = Check(a, archive_write_set_bytes_in_last_block(a, 1), "block size");
  if (s.ok()) s = Check(a, archive_write_open(a, &out, nullptr, &Append, nullptr), "open");
  for (const MemoryArchiveFile& file : files) {
    if (!s.ok()) break;
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, file.path.c_str());
    archive_entry_set_mtime(e, 1700000000, 0);
    archive_entry_set_filetype(e, file.directory ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, file.directory ? 0755 : 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(file.content.size()));
    s = Check(a, archive_write_header(a, e), file.path);
    if (s.ok() && !file.content.empty() &&
        archive_write_data(a, file.content.data(), file.content.size()) < 0) {
      s = Check(a, ARCHIVE_FATAL, file.path);
    }
    archive_entry_free(e);
  }
  if (s.ok()) s = Check(a, archive_write_close(a), "close");
  if (!s.ok()) return s;
  return out;
}

}  // namespace client
}  // namespace resolute
