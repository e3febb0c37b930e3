// client/memory_archive.h: tar, tar.gz and zip archives built in memory and
// read back with libarchive (files and folders, order, bytes, modes), the
// format names, and reproducible bytes.

#include "client/memory_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

// What libarchive reads back from an archive.
struct ReadBack {
  bool ok = false;
  std::string error;
  // ARCHIVE_FORMAT_TAR or ARCHIVE_FORMAT_ZIP (the base format).
  int format = 0;
  // The outermost filter: ARCHIVE_FILTER_NONE or ARCHIVE_FILTER_GZIP.
  int filter = 0;
  struct Entry {
    std::string path;
    std::string content;
    int filetype = 0;
    int perm = 0;
    int64_t mtime = 0;
    int64_t size = 0;
  };
  std::vector<Entry> entries;
};

ReadBack Read(const std::string& bytes) {
  ReadBack out;
  struct archive* a = archive_read_new();
  archive_read_support_format_all(a);
  archive_read_support_filter_all(a);
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    out.error = archive_error_string(a);
    archive_read_free(a);
    return out;
  }
  struct archive_entry* e = nullptr;
  int r;
  while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
    ReadBack::Entry entry;
    entry.path = archive_entry_pathname(e);
    entry.filetype = static_cast<int>(archive_entry_filetype(e));
    entry.perm = static_cast<int>(archive_entry_perm(e));
    entry.mtime = archive_entry_mtime(e);
    entry.size = archive_entry_size(e);
    char buffer[4096];
    la_ssize_t n;
    while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0) entry.content.append(buffer, n);
    if (n < 0) {
      out.error = archive_error_string(a);
      archive_read_free(a);
      return out;
    }
    out.entries.push_back(std::move(entry));
  }
  out.format = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
  out.filter = archive_filter_code(a, 0);
  out.ok = r == ARCHIVE_EOF;
  if (!out.ok) out.error = archive_error_string(a);
  archive_read_free(a);
  return out;
}

// Files with a folder path, an empty file, UTF-8 names and text, and one
// large enough to span many blocks.
std::vector<MemoryArchiveFile> SampleFiles() {
  std::string large;
  for (int i = 0; large.size() < 300000; ++i) {
    large += "1. Decides to remain seized of the matter, paragraph " + std::to_string(i) + ";\n";
  }
  return {
      {"A_RES_78_1.txt", "The General Assembly,\n1. Decides.\n"},
      {"session/78/A_RES_78_2.txt", large},
      {"empty.txt", ""},
      {"r\xc3\xa9solution.txt", "R\xc3\xa9solution 2758 (XXVI)\n"},
      {"z_last.txt", std::string("bytes\0with\0nuls", 15)},
  };
}

class BuildMemoryArchiveTest : public ::testing::TestWithParam<MemoryArchiveFormat> {};

TEST_P(BuildMemoryArchiveTest, ReadsBackTheFilesInOrder) {
  const std::vector<MemoryArchiveFile> files = SampleFiles();
  absl::StatusOr<std::string> bytes = BuildMemoryArchive(GetParam(), files);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  const ReadBack back = Read(*bytes);
  ASSERT_TRUE(back.ok) << back.error;
  ASSERT_EQ(back.entries.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const ReadBack::Entry& e = back.entries[i];
    EXPECT_EQ(e.path, files[i].path) << i;
    EXPECT_EQ(e.content.size(), files[i].content.size()) << e.path;
    EXPECT_TRUE(e.content == files[i].content) << e.path;
    EXPECT_EQ(e.size, static_cast<int64_t>(files[i].content.size())) << e.path;
    EXPECT_EQ(e.filetype, AE_IFREG) << e.path;
    EXPECT_EQ(e.perm, 0644) << e.path;
    EXPECT_EQ(e.mtime, 1700000000) << e.path;
  }
}

TEST_P(BuildMemoryArchiveTest, FolderEntries) {
  const std::vector<MemoryArchiveFile> files = {
      {"session/", "", /*directory=*/true},
      {"session/a.txt", "alpha"},
      {"session/sub/", "", /*directory=*/true},
      {"session/sub/b.txt", "beta"},
  };
  absl::StatusOr<std::string> bytes = BuildMemoryArchive(GetParam(), files);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  const ReadBack back = Read(*bytes);
  ASSERT_TRUE(back.ok) << back.error;
  ASSERT_EQ(back.entries.size(), 4u);
  for (size_t i = 0; i < files.size(); ++i) {
    const ReadBack::Entry& e = back.entries[i];
    EXPECT_EQ(e.path, files[i].path) << i;
    EXPECT_EQ(e.content, files[i].content) << e.path;
    EXPECT_EQ(e.filetype, files[i].directory ? AE_IFDIR : AE_IFREG) << e.path;
    EXPECT_EQ(e.perm, files[i].directory ? 0755 : 0644) << e.path;
  }
}

TEST_P(BuildMemoryArchiveTest, NoFilesIsAnEmptyArchive) {
  absl::StatusOr<std::string> bytes = BuildMemoryArchive(GetParam(), {});
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_FALSE(bytes->empty());
  const ReadBack back = Read(*bytes);
  // libarchive cannot always tell the format of an archive with no entries;
  // it must still not find any.
  EXPECT_TRUE(back.entries.empty());
}

TEST_P(BuildMemoryArchiveTest, BytesAreReproducible) {
  const std::vector<MemoryArchiveFile> files = SampleFiles();
  absl::StatusOr<std::string> a = BuildMemoryArchive(GetParam(), files);
  absl::StatusOr<std::string> b = BuildMemoryArchive(GetParam(), files);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(*a == *b);
}

INSTANTIATE_TEST_SUITE_P(Formats, BuildMemoryArchiveTest,
                         ::testing::Values(MemoryArchiveFormat::kTar, MemoryArchiveFormat::kTarGz,
                                           MemoryArchiveFormat::kZip),
                         [](const ::testing::TestParamInfo<MemoryArchiveFormat>& info) {
                           switch (info.param) {
                             case MemoryArchiveFormat::kTar:
                               return "Tar";
                             case MemoryArchiveFormat::kTarGz:
                               return "TarGz";
                             case MemoryArchiveFormat::kZip:
                               return "Zip";
                           }
                           return "Unknown";
                         });

TEST(BuildMemoryArchive, EachFormatIsWhatItSays) {
  const std::vector<MemoryArchiveFile> files = {{"a.txt", "alpha"}, {"b.txt", "beta"}};

  const std::string tar = BuildMemoryArchive(MemoryArchiveFormat::kTar, files).value();
  ASSERT_GT(tar.size(), 262u);
  EXPECT_EQ(tar.substr(257, 5), "ustar");
  EXPECT_EQ(tar.size() % 512, 0u);
  ReadBack back = Read(tar);
  EXPECT_EQ(back.format, ARCHIVE_FORMAT_TAR);
  EXPECT_EQ(back.filter, ARCHIVE_FILTER_NONE);

  const std::string tgz = BuildMemoryArchive(MemoryArchiveFormat::kTarGz, files).value();
  ASSERT_GT(tgz.size(), 10u);
  EXPECT_EQ(tgz.substr(0, 2), "\x1f\x8b");
  back = Read(tgz);
  EXPECT_EQ(back.format, ARCHIVE_FORMAT_TAR);
  EXPECT_EQ(back.filter, ARCHIVE_FILTER_GZIP);
  // The gzip header's MTIME (bytes 4 to 7) is not the time of the build, or
  // the bytes would change every second.
  EXPECT_EQ(tgz.substr(4, 4), std::string(4, '\0'));
  // Smaller than the tar it compresses.
  EXPECT_LT(tgz.size(), tar.size());

  const std::string zip = BuildMemoryArchive(MemoryArchiveFormat::kZip, files).value();
  EXPECT_EQ(zip.substr(0, 4), "PK\x03\x04");
  back = Read(zip);
  EXPECT_EQ(back.format, ARCHIVE_FORMAT_ZIP);
  EXPECT_EQ(back.filter, ARCHIVE_FILTER_NONE);
}

TEST(BuildMemoryArchive, DifferentContentDifferentBytes) {
  const std::string a =
      BuildMemoryArchive(MemoryArchiveFormat::kTarGz, {{"a.txt", "alpha"}}).value();
  const std::string b =
      BuildMemoryArchive(MemoryArchiveFormat::kTarGz, {{"a.txt", "alphb"}}).value();
  EXPECT_NE(a, b);
  EXPECT_EQ(Read(a).entries.at(0).content, "alpha");
  EXPECT_EQ(Read(b).entries.at(0).content, "alphb");
}

TEST(ParseMemoryArchiveFormat, Table) {
  struct Case {
    std::string name;
    bool ok;
    MemoryArchiveFormat format;
  };
  const std::vector<Case> cases = {
      {"tar", true, MemoryArchiveFormat::kTar},
      {"tar.gz", true, MemoryArchiveFormat::kTarGz},
      {"tgz", true, MemoryArchiveFormat::kTarGz},
      {"zip", true, MemoryArchiveFormat::kZip},
      {"", false, {}},
      {"TAR", false, {}},
      {"Zip", false, {}},
      {".tar.gz", false, {}},
      {"tar.bz2", false, {}},
      {"gz", false, {}},
      {"tar ", false, {}},
      {"7z", false, {}},
  };
  for (const Case& c : cases) {
    // Starts from a value no case expects, to see that failures leave it.
    MemoryArchiveFormat format = MemoryArchiveFormat::kZip;
    if (c.format == MemoryArchiveFormat::kZip) format = MemoryArchiveFormat::kTar;
    const MemoryArchiveFormat before = format;
    EXPECT_EQ(ParseMemoryArchiveFormat(c.name, &format), c.ok) << "\"" << c.name << "\"";
    if (c.ok) {
      EXPECT_EQ(format, c.format) << c.name;
    } else {
      EXPECT_EQ(format, before) << "\"" << c.name << "\"";
    }
  }
}

}  // namespace
}  // namespace client
}  // namespace resolute
