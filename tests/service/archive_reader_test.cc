#include "service/archive_reader.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "common/error_reason.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/archive_builder.h"

namespace resolute {
namespace service {
namespace {

using ::resolute::testing::ArchiveFormat;
using ::resolute::testing::BuildArchive;
using ::resolute::testing::BuildTarGzWithSpecialEntries;
using ::resolute::testing::TestFile;
using ::testing::HasSubstr;

// Serves `bytes` in chunks of `chunk` bytes and counts the calls.
class ChunkedSource {
 public:
  ChunkedSource(std::string bytes, size_t chunk) : bytes_(std::move(bytes)), chunk_(chunk) {}
  ArchiveReader::ChunkSource AsSource() {
    return [this]() -> absl::StatusOr<absl::string_view> {
      ++calls_;
      const size_t n = std::min(chunk_, bytes_.size() - offset_);
      absl::string_view out(bytes_.data() + offset_, n);
      offset_ += n;
      return out;
    };
  }
  int calls() const { return calls_; }
  size_t offset() const { return offset_; }

 private:
  const std::string bytes_;
  const size_t chunk_;
  size_t offset_ = 0;
  int calls_ = 0;
};

struct Result {
  absl::Status status;
  std::vector<ArchiveEntry> entries;
};

Result ReadAll(ArchiveReader* reader) {
  Result result;
  ArchiveEntry entry;
  while (true) {
    absl::StatusOr<bool> more = reader->Next(&entry);
    if (!more.ok()) {
      result.status = more.status();
      return result;
    }
    if (!*more) return result;
    result.entries.push_back(entry);
  }
}

Result ReadArchive(const std::string& bytes, size_t chunk = 4096,
                   ArchiveLimits limits = ArchiveLimits()) {
  ChunkedSource source(bytes, chunk);
  ArchiveReader reader(source.AsSource(), limits);
  return ReadAll(&reader);
}

const std::vector<TestFile> kFiles = {
    {"session78/A_RES_78_1.txt", "Recalling its resolution 77/1,\nDecides to adopt.\n"},
    {"session78/A_RES_78_2.txt", std::string(100000, 'x')},
    {"readme.md", "plain text"},
};

class ArchiveReaderFormatTest : public ::testing::TestWithParam<ArchiveFormat> {};

TEST_P(ArchiveReaderFormatTest, ReadsRegularFilesInOrderSkippingFolders) {
  const std::string archive = BuildArchive(GetParam(), kFiles);
  for (size_t chunk : {size_t{1}, size_t{777}, size_t{1} << 20}) {
    Result r = ReadArchive(archive, chunk);
    ASSERT_TRUE(r.status.ok()) << r.status << " chunk " << chunk;
    ASSERT_EQ(r.entries.size(), kFiles.size()) << "chunk " << chunk;
    for (size_t i = 0; i < kFiles.size(); ++i) {
      EXPECT_EQ(r.entries[i].path, kFiles[i].path);
      EXPECT_EQ(r.entries[i].content, kFiles[i].content);
      EXPECT_TRUE(r.entries[i].status.ok());
    }
  }
}

TEST_P(ArchiveReaderFormatTest, BinaryEntryIsLeftToTheParser) {
  // The parser rejects NUL bytes (CONTENT_BINARY) for every kind of call
  // alike; the reader returns the bytes as they are.
  const std::string png("\x89PNG\r\n\x1a\n\0\0", 10);
  const std::string archive =
      BuildArchive(GetParam(), {{"a.txt", "text"}, {"image.png", png}, {"b.txt", "more"}});
  Result r = ReadArchive(archive);
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[1].path, "image.png");
  EXPECT_TRUE(r.entries[1].status.ok());
  EXPECT_EQ(r.entries[1].content, png);
  EXPECT_EQ(r.entries[2].content, "more");
}

// Every entry but a directory is returned: links and special files with a
// status naming their type, so that each gets an answer.
TEST(ArchiveReader, ReturnsLinksAndSpecialFilesWithAStatus) {
  const std::string archive = BuildTarGzWithSpecialEntries("text");
  Result r = ReadArchive(archive, 100);
  ASSERT_TRUE(r.status.ok()) << r.status;
  const struct {
    const char* path;
    const char* type;  // Empty for a regular file.
    const char* target;
    int64_t index;
  } expected[] = {
      {"a.txt", "", "", 0},
      {"dir/hard.txt", "hardlink", "a.txt", 2},
      {"dir/soft.txt", "symlink", "../a.txt", 3},
      {"fifo", "fifo", "", 4},
      {"tty", "character device", "", 5},
      {"b.txt", "", "", 6},
  };
  ASSERT_EQ(r.entries.size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    const ArchiveEntry& e = r.entries[i];
    EXPECT_EQ(e.path, expected[i].path);
    EXPECT_EQ(e.index, expected[i].index) << e.path;
    if (*expected[i].type == '\0') {
      EXPECT_TRUE(e.status.ok()) << e.path << ": " << e.status;
      EXPECT_EQ(e.content, "text");
      continue;
    }
    EXPECT_EQ(e.status.code(), absl::StatusCode::kInvalidArgument) << e.path;
    EXPECT_TRUE(e.content.empty());
    EXPECT_THAT(std::string(e.status.message()), HasSubstr(expected[i].type));
    const ErrorReason reason = GetErrorReason(e.status);
    EXPECT_EQ(reason.reason, "ARCHIVE_ENTRY_UNSUPPORTED") << e.path;
    EXPECT_THAT(reason.metadata,
                ::testing::Contains(::testing::Pair("entry_type", expected[i].type)))
        << e.path;
    if (*expected[i].target != '\0') {
      EXPECT_THAT(std::string(e.status.message()), HasSubstr(expected[i].target));
    }
  }
}

TEST_P(ArchiveReaderFormatTest, EmptyEntryIsReturnedEmpty) {
  // Rejecting it is the parser's job ("content is empty").
  Result r = ReadArchive(BuildArchive(GetParam(), {{"empty.txt", ""}, {"b.txt", "b"}}));
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_TRUE(r.entries[0].status.ok());
  EXPECT_EQ(r.entries[0].content, "");
}

TEST_P(ArchiveReaderFormatTest, RefusesBombByRatio) {
  const std::string archive = BuildArchive(GetParam(), {{"bomb.txt", std::string(8 << 20, 'a')}});
  Result r = ReadArchive(archive);
  if (GetParam() == ArchiveFormat::kTar) {
    EXPECT_TRUE(r.status.ok()) << r.status;  // Uncompressed, it is no bomb.
    return;
  }
  ASSERT_LT(archive.size(), 200000u);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted) << r.status;
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("expands"));
}

TEST_P(ArchiveReaderFormatTest, EnforcesEntryCount) {
  ArchiveLimits limits;
  limits.max_entries = 2;
  Result r = ReadArchive(BuildArchive(GetParam(), kFiles), 4096, limits);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("more than the limit of 2 entries"));
  EXPECT_EQ(r.entries.size(), 2u);
}

TEST_P(ArchiveReaderFormatTest, EnforcesEntrySize) {
  ArchiveLimits limits;
  limits.max_entry_bytes = 50000;
  Result r = ReadArchive(BuildArchive(GetParam(), kFiles), 4096, limits);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("session78/A_RES_78_2.txt"));
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("50000"));
  EXPECT_EQ(r.entries.size(), 1u);
}

TEST_P(ArchiveReaderFormatTest, EnforcesTotalSize) {
  ArchiveLimits limits;
  limits.max_total_bytes = 100010;
  Result r = ReadArchive(BuildArchive(GetParam(), kFiles), 4096, limits);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("100010"));
}

TEST_P(ArchiveReaderFormatTest, TruncatedArchiveIsInvalid) {
  const std::string archive = BuildArchive(GetParam(), kFiles);
  Result r = ReadArchive(archive.substr(0, archive.size() / 2));
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument) << r.status;
}

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveReaderFormatTest,
                         ::testing::Values(ArchiveFormat::kTar, ArchiveFormat::kTarGz,
                                           ArchiveFormat::kZip));

TEST(ArchiveReader, NotAnArchiveIsInvalid) {
  Result r = ReadArchive("This is plain text, not an archive. Recalling its resolution...\n");
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("not a tar, tar.gz or zip archive"));
}

TEST(ArchiveReader, EmptyInputIsInvalid) {
  Result r = ReadArchive("");
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("empty"));
}

TEST(ArchiveReader, CorruptCompressedDataIsInvalid) {
  std::string archive = BuildArchive(ArchiveFormat::kTarGz, kFiles);
  for (size_t i = 40; i < archive.size() - 20; i += 7) archive[i] ^= 0x5a;
  Result r = ReadArchive(archive);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kInvalidArgument) << r.status;
}

TEST(ArchiveReader, SourceErrorEndsReading) {
  const std::string archive = BuildArchive(ArchiveFormat::kTar, kFiles);
  size_t served = 0;
  ArchiveReader reader(
      [&]() -> absl::StatusOr<absl::string_view> {
        if (served > 0) return absl::CancelledError("the call was cancelled");
        served = 1024;  // The first entry only.
        return absl::string_view(archive.data(), 1024);
      },
      ArchiveLimits());
  Result r = ReadAll(&reader);
  EXPECT_EQ(r.status.code(), absl::StatusCode::kCancelled) << r.status;
  // Further calls give the same error.
  ArchiveEntry entry;
  EXPECT_EQ(reader.Next(&entry).status().code(), absl::StatusCode::kCancelled);
}

TEST(ArchiveReader, ReadsIncrementally) {
  // The first entry is available before the source has been drained.
  const std::string archive = BuildArchive(ArchiveFormat::kTar, kFiles);
  ChunkedSource source(archive, 512);
  ArchiveReader reader(source.AsSource(), ArchiveLimits());
  ArchiveEntry entry;
  ASSERT_TRUE(*reader.Next(&entry));
  EXPECT_EQ(entry.path, kFiles[0].path);
  EXPECT_LT(source.offset(), archive.size() / 2);
}

TEST(ArchiveReader, NonUtf8PathIsRepaired) {
  Result r = ReadArchive(BuildArchive(ArchiveFormat::kTar, {{"bad\xff.txt", "text"}}));
  ASSERT_TRUE(r.status.ok()) << r.status;
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].path, "bad\xEF\xBF\xBD.txt");
}

}  // namespace
}  // namespace service
}  // namespace resolute
