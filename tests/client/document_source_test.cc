#include "client/document_source.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class DocumentSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) / "document_source_test";
    fs::remove_all(root_);
    Write("corpus/A_RES_78_1.pymupdf.txt", "one");
    Write("corpus/sub/S_RES_1_1946.txt", "two two");
    Write("corpus/.hidden.txt", "no");
    Write("corpus/.git/config", "no");
    Write("corpus/noext", "three");
    Write("single.txt", "four");
  }
  void Write(const std::string& relative, const std::string& content) {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
  }
  std::string P(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

TEST_F(DocumentSourceTest, ExpandsFilesFoldersAndStdin) {
  std::istringstream in("from stdin");
  absl::StatusOr<std::vector<DocumentInput>> inputs =
      ExpandInputs({P("single.txt"), P("corpus"), "-"}, StdinOptions{&in, "piped"});
  ASSERT_TRUE(inputs.ok()) << inputs.status();
  std::vector<std::string> ids, stems;
  for (const auto& i : *inputs) {
    ids.push_back(i.id);
    stems.push_back(i.output_stem);
  }
  EXPECT_THAT(ids, ElementsAre(P("single.txt"), P("corpus/A_RES_78_1.pymupdf.txt"),
                               P("corpus/noext"), P("corpus/sub/S_RES_1_1946.txt"), "piped"));
  EXPECT_THAT(stems,
              ElementsAre("single", "A_RES_78_1.pymupdf", "noext", "sub/S_RES_1_1946", "piped"));
  EXPECT_EQ((*inputs)[3].size_bytes, 7);
  EXPECT_EQ(ReadDocument((*inputs)[3]).value(), "two two");
  EXPECT_EQ(ReadDocument((*inputs)[4]).value(), "from stdin");
  EXPECT_EQ((*inputs)[4].path, "");
}

TEST_F(DocumentSourceTest, SameFileTwiceIsOneDocument) {
  absl::StatusOr<std::vector<DocumentInput>> inputs = ExpandInputs(
      {P("single.txt"), P("corpus/../single.txt"), P("corpus"), P("corpus/noext")}, {});
  ASSERT_TRUE(inputs.ok());
  EXPECT_EQ(inputs->size(), 4u);  // single + three in corpus.
}

TEST_F(DocumentSourceTest, Errors) {
  EXPECT_EQ(ExpandInputs({P("missing.txt")}, {}).status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(ExpandInputs({P("missing.txt")}, {}).status().message()),
              HasSubstr("missing.txt"));
  std::istringstream in("x");
  EXPECT_EQ(ExpandInputs({"-", "-"}, StdinOptions{&in, "s"}).status().code(),
            absl::StatusCode::kInvalidArgument);
  DocumentInput gone;
  gone.path = P("gone.txt");
  EXPECT_EQ(ReadDocument(gone).status().code(), absl::StatusCode::kNotFound);
}

TEST(StripLastExtension, Table) {
  EXPECT_EQ(StripLastExtension("A_RES_78_100.txt"), "A_RES_78_100");
  EXPECT_EQ(StripLastExtension("A_RES_78_100.pymupdf.txt"), "A_RES_78_100.pymupdf");
  EXPECT_EQ(StripLastExtension("noext"), "noext");
  EXPECT_EQ(StripLastExtension(".profile"), ".profile");
  EXPECT_EQ(StripLastExtension("dir.d/file"), "dir.d/file");
  EXPECT_EQ(StripLastExtension("dir.d/file.txt"), "dir.d/file");
}

}  // namespace
}  // namespace client
}  // namespace resolute
