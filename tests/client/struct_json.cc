#include "tests/client/struct_json.h"

#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace resolute {
namespace client {

google::protobuf::Struct ParseJson(const std::string& json) {
  google::protobuf::Struct s;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &s);
  EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json;
  return s;
}

double Number(const google::protobuf::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  EXPECT_TRUE(it != s.fields().end()) << key;
  if (it == s.fields().end()) return -1;
  EXPECT_EQ(it->second.kind_case(), google::protobuf::Value::kNumberValue) << key;
  return it->second.number_value();
}

}  // namespace client
}  // namespace resolute
