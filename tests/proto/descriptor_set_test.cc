// The FileDescriptorSet built from proto/ is self-contained (a tool can load
// it into an empty pool) and describes the whole API with its comments.

#include <fstream>
#include <sstream>
#include <string>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"

namespace resolute {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptorSet;

FileDescriptorSet LoadSet() {
  std::ifstream in("proto/resolute_v1.binpb", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  FileDescriptorSet set;
  EXPECT_TRUE(set.ParseFromString(bytes.str()));
  return set;
}

TEST(DescriptorSet, LoadsIntoAnEmptyPoolAndDescribesTheApi) {
  const FileDescriptorSet set = LoadSet();
  DescriptorPool pool;
  for (const auto& file : set.file()) {
    ASSERT_NE(pool.BuildFile(file), nullptr) << file.name() << " (imports missing?)";
  }
  const auto* service = pool.FindServiceByName("resolute.v1.ResolutionParserService");
  ASSERT_NE(service, nullptr);
  EXPECT_NE(service->FindMethodByName("ParseResolution"), nullptr);
  EXPECT_NE(service->FindMethodByName("StreamParseResolutions"), nullptr);
  EXPECT_NE(service->FindMethodByName("ParseArchive"), nullptr);
  // The rich error details a caller unpacks.
  for (const char* type : {"resolute.v1.Resolution", "google.rpc.Status", "google.rpc.ErrorInfo",
                           "google.rpc.BadRequest", "google.rpc.RetryInfo"}) {
    EXPECT_NE(pool.FindMessageTypeByName(type), nullptr) << type;
  }
}

TEST(DescriptorSet, KeepsComments) {
  const FileDescriptorSet set = LoadSet();
  DescriptorPool pool;
  for (const auto& file : set.file()) pool.BuildFile(file);
  const auto* method =
      pool.FindMethodByName("resolute.v1.ResolutionParserService.ParseResolution");
  ASSERT_NE(method, nullptr);
  google::protobuf::SourceLocation location;
  ASSERT_TRUE(method->GetSourceLocation(&location));
  EXPECT_FALSE(location.leading_comments.empty());
}

}  // namespace
}  // namespace resolute
