// The RPCs' request and response types that share the unary call's code
// path have exactly its fields (proto/README.md, "One code path"): same
// names, numbers, types, cardinality and JSON names, in both directions. A
// field added to one message and not the others fails here.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/same_fields.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.grpc.pb.h"
#include "resolute/v1/resolute_service.pb.h"

namespace resolute {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// One line per field, everything that decides its wire and JSON form.
std::vector<std::string> FieldsOf(const Descriptor* message) {
  std::vector<std::string> fields;
  for (int i = 0; i < message->field_count(); ++i) {
    const FieldDescriptor* f = message->field(i);
    std::string type = f->type_name();
    if (f->message_type() != nullptr) type = f->message_type()->full_name();
    if (f->enum_type() != nullptr) type = f->enum_type()->full_name();
    fields.push_back(absl::StrCat(f->number(), " ", f->name(), " ", f->json_name(), " ", type,
                                  f->is_repeated() ? " repeated" : "",
                                  f->has_presence() ? " presence" : "",
                                  f->containing_oneof() != nullptr ? " oneof" : ""));
  }
  return fields;
}

TEST(SameFields, StreamRequestHasTheFieldsOfTheUnaryRequest) {
  const auto expected = FieldsOf(v1::ParseResolutionRequest::descriptor());
  ASSERT_FALSE(expected.empty());
  EXPECT_THAT(FieldsOf(v1::StreamParseResolutionsRequest::descriptor()),
              ::testing::ElementsAreArray(expected));
}

TEST(SameFields, StreamAndArchiveResponsesHaveTheFieldsOfTheUnaryResponse) {
  const auto expected = FieldsOf(v1::ParseResolutionResponse::descriptor());
  ASSERT_FALSE(expected.empty());
  EXPECT_THAT(FieldsOf(v1::StreamParseResolutionsResponse::descriptor()),
              ::testing::ElementsAreArray(expected));
  EXPECT_THAT(FieldsOf(v1::ParseArchiveResponse::descriptor()),
              ::testing::ElementsAreArray(expected));
}

TEST(SameFields, EachRpcHasTypesOfItsOwn) {
  const auto* service = v1::ParseResolutionRequest::descriptor()->file()->FindServiceByName(
      "ResolutionParserService");
  ASSERT_NE(service, nullptr);
  for (int i = 0; i < service->method_count(); ++i) {
    const auto* method = service->method(i);
    EXPECT_EQ(method->input_type()->name(), method->name() + "Request");
    EXPECT_EQ(method->output_type()->name(), method->name() + "Response");
  }
}

TEST(SameFields, ConvertsEveryFieldBothWays) {
  v1::ParseResolutionResponse response;
  response.set_document_id("A/RES/78/100");
  response.mutable_status()->set_code(3);
  response.mutable_status()->set_message("bad");
  response.mutable_resolution()->set_symbol("A/RES/78/100");
  response.set_akoma_ntoso_xml("<akomaNtoso/>");
  response.set_request_index(7);
  const auto streamed = client::SameFields<v1::StreamParseResolutionsResponse>(response);
  EXPECT_EQ(streamed.document_id(), "A/RES/78/100");
  EXPECT_EQ(streamed.status().code(), 3);
  EXPECT_EQ(streamed.resolution().symbol(), "A/RES/78/100");
  EXPECT_EQ(streamed.akoma_ntoso_xml(), "<akomaNtoso/>");
  EXPECT_EQ(streamed.request_index(), 7);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      client::SameFields<v1::ParseResolutionResponse>(
          client::SameFields<v1::ParseArchiveResponse>(streamed)),
      response));
}

}  // namespace
}  // namespace resolute
