// Test helpers that read JSON output through google.protobuf.Struct.
//
//   const Struct root = ParseJson(out);
//   EXPECT_EQ(Number(root, "documents"), 3);

#ifndef RESOLUTE_TESTS_CLIENT_STRUCT_JSON_H_
#define RESOLUTE_TESTS_CLIENT_STRUCT_JSON_H_

#include <string>

#include "google/protobuf/struct.pb.h"

namespace resolute {
namespace client {

// Parses `json` into a Struct; a parse error fails the test (and gives an
// empty Struct).
google::protobuf::Struct ParseJson(const std::string& json);

// The number under `key`; a missing key or another kind of value fails the
// test (and gives -1).
double Number(const google::protobuf::Struct& s, const std::string& key);

}  // namespace client
}  // namespace resolute

#endif  // RESOLUTE_TESTS_CLIENT_STRUCT_JSON_H_
