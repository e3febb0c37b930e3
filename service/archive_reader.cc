#include "service/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/error_reason.h"
#include "common/utf8.h"

namespace resolute {
namespace service {
namespace {

constexpr size_t kReadBlockBytes = 64 << 10;

std::string EntryPath(struct archive_entry* e) {
  const char* utf8 = archive_entry_pathname_utf8(e);
  if (utf8 != nullptr) return SanitizeUtf8(utf8);
  const char* raw = archive_entry_pathname(e);
  return SanitizeUtf8(raw != nullptr ? raw : "");
}

// The name of an entry's type, for the response that says it is not read;
// empty for a regular file.
absl::string_view UnsupportedType(struct archive_entry* e) {
  if (archive_entry_hardlink(e) != nullptr) return "hardlink";
  switch (archive_entry_filetype(e)) {
    case AE_IFREG:
      return "";
    case AE_IFLNK:
      return "symlink";
    case AE_IFDIR:
      return "directory";
    case AE_IFIFO:
      return "fifo";
    case AE_IFCHR:
      return "character device";
    case AE_IFBLK:
      return "block device";
    case AE_IFSOCK:
      return "socket";
    default:
      return "unknown type";
  }
}

// The status of an entry of type `type` (not a regular file or directory).
absl::Status UnsupportedEntry(struct archive_entry* e, absl::string_view type) {
  std::vector<std::pair<std::string, std::string>> metadata = {{"entry_type", std::string(type)}};
  std::string message =
      absl::StrCat("entry is a ", type, ", not a regular file: only regular files are parsed");
  const char* target = archive_entry_hardlink_utf8(e);
  if (target == nullptr) target = archive_entry_hardlink(e);
  if (target == nullptr) target = archive_entry_symlink_utf8(e);
  if (target == nullptr) target = archive_entry_symlink(e);
  if (target != nullptr) {
    const std::string name = SanitizeUtf8(target);
    absl::StrAppend(&message, " (it links to \"", name, "\"",
                    type == "hardlink" ? ", whose own entry is answered" : "", ")");
    metadata.emplace_back("target", name);
  }
  return WithErrorReason(absl::InvalidArgumentError(message), "ARCHIVE_ENTRY_UNSUPPORTED", "",
                         std::move(metadata));
}

}  // namespace

ArchiveReader::ArchiveReader(ChunkSource source, ArchiveLimits limits)
    : source_(std::move(source)), limits_(limits) {
  archive_ = archive_read_new();
  archive_read_support_format_tar(archive_);
  archive_read_support_format_zip_streamable(archive_);
  // Named filters only (not archive_read_support_filter_all, which includes
  // filters that run external programs); Debian's libarchive has these four
  // built in.
  archive_read_support_filter_gzip(archive_);
  archive_read_support_filter_bzip2(archive_);
  archive_read_support_filter_xz(archive_);
  archive_read_support_filter_zstd(archive_);
}

ArchiveReader::~ArchiveReader() { archive_read_free(archive_); }

static_assert(std::is_same<la_ssize_t, long>::value, "ReadCallback must match libarchive");

long ArchiveReader::ReadCallback(struct archive* a, void* client_data, const void** buffer) {
  auto* self = static_cast<ArchiveReader*>(client_data);
  absl::StatusOr<absl::string_view> chunk = self->source_();
  if (!chunk.ok()) {
    self->source_status_ = chunk.status();
    archive_set_error(a, EIO, "%s", std::string(chunk.status().message()).c_str());
    return -1;
  }
  *buffer = chunk->data();
  self->archive_bytes_ += static_cast<int64_t>(chunk->size());
  return static_cast<long>(chunk->size());
}

absl::Status ArchiveReader::ArchiveError(absl::string_view what) const {
  if (!source_status_.ok()) return source_status_;
  const char* detail = archive_error_string(archive_);
  return absl::InvalidArgumentError(
      absl::StrCat(what, detail != nullptr ? absl::StrCat(": ", detail) : "", " (after ",
                   archive_bytes_, " archive bytes)"));
}

absl::Status ArchiveReader::Open() {
  if (archive_read_open(archive_, this, nullptr, &ArchiveReader::ReadCallback, nullptr) !=
      ARCHIVE_OK) {
    if (source_status_.ok() && archive_bytes_ == 0) {
      return absl::InvalidArgumentError("the archive is empty");
    }
    return ArchiveError("not a tar, tar.gz or zip archive");
  }
  return absl::OkStatus();
}

absl::Status ArchiveReader::CheckRatio() const {
  if (decompressed_bytes_ <= limits_.ratio_grace_bytes || archive_bytes_ == 0) {
    return absl::OkStatus();
  }
  const double ratio =
      static_cast<double>(decompressed_bytes_) / static_cast<double>(archive_bytes_);
  if (ratio > limits_.max_ratio) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "archive expands %.0f times (%d bytes from %d archive bytes); the limit is %.0f", ratio,
        decompressed_bytes_, archive_bytes_, limits_.max_ratio));
  }
  return absl::OkStatus();
}

absl::Status ArchiveReader::ReadData(ArchiveEntry* entry, int64_t declared_size) {
  if (declared_size > limits_.max_entry_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat("entry \"", entry->path, "\" is ",
                                                     declared_size, " bytes; the limit is ",
                                                     limits_.max_entry_bytes));
  }
  if (declared_size > 0) entry->content.reserve(static_cast<size_t>(declared_size));
  char block[kReadBlockBytes];
  while (true) {
    const la_ssize_t n = archive_read_data(archive_, block, sizeof(block));
    if (n == 0) break;
    if (n < 0) {
      if (n == ARCHIVE_FATAL || !source_status_.ok()) {
        return ArchiveError(
            absl::StrCat("corrupt or truncated archive at entry \"", entry->path, "\""));
      }
      // This entry only (encrypted, unsupported method): report it, go on.
      const char* detail = archive_error_string(archive_);
      entry->content.clear();
      entry->status = absl::InvalidArgumentError(
          absl::StrCat("entry cannot be read: ", detail != nullptr ? detail : "unknown error"));
      return absl::OkStatus();
    }
    decompressed_bytes_ += n;
    if (static_cast<int64_t>(entry->content.size()) + n > limits_.max_entry_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat("entry \"", entry->path,
                                                       "\" is larger than the limit of ",
                                                       limits_.max_entry_bytes, " bytes"));
    }
    if (decompressed_bytes_ > limits_.max_total_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat("archive expands to more than the limit of ",
                                                       limits_.max_total_bytes, " bytes"));
    }
    absl::Status ratio = CheckRatio();
    if (!ratio.ok()) return ratio;
    entry->content.append(block, static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ArchiveReader::Next(ArchiveEntry* entry) {
  entry->path.clear();
  entry->content.clear();
  entry->status = absl::OkStatus();
  entry->index = -1;
  if (ended_) {
    if (final_status_.ok()) return false;
    return final_status_;
  }
  const auto end = [this](absl::Status status) -> absl::StatusOr<bool> {
    ended_ = true;
    final_status_ = std::move(status);
    if (final_status_.ok()) return false;
    return final_status_;
  };
  if (!opened_) {
    opened_ = true;
    absl::Status open = Open();
    if (!open.ok()) return end(std::move(open));
  }
  while (true) {
    struct archive_entry* header = nullptr;
    const int r = archive_read_next_header(archive_, &header);
    if (r == ARCHIVE_EOF) return end(absl::OkStatus());
    if (r == ARCHIVE_RETRY) continue;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      if (source_status_.ok() && archive_bytes_ == 0) {
        return end(absl::InvalidArgumentError("the archive is empty"));
      }
      // A format or a compression was recognised: the archive is damaged.
      const bool recognised =
          entries_ > 0 || archive_format(archive_) != 0 || archive_filter_count(archive_) > 1;
      return end(ArchiveError(recognised ? "corrupt or truncated archive"
                                         : "not a tar, tar.gz or zip archive"));
    }
    const int64_t index = headers_++;
    const absl::string_view type = UnsupportedType(header);
    if (type == "directory") continue;  // Its files are entries of their own.
    if (entries_ >= limits_.max_entries) {
      return end(absl::ResourceExhaustedError(
          absl::StrCat("archive has more than the limit of ", limits_.max_entries, " entries")));
    }
    ++entries_;
    entry->path = EntryPath(header);
    entry->index = index;
    if (!type.empty()) {
      entry->status = UnsupportedEntry(header, type);
      return true;
    }
    const int64_t declared =
        archive_entry_size_is_set(header) ? archive_entry_size(header) : int64_t{-1};
    absl::Status data = ReadData(entry, declared);
    if (!data.ok()) return end(std::move(data));
    return true;
  }
}

}  // namespace service
}  // namespace resolute
