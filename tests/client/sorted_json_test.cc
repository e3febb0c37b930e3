#include "client/sorted_json.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "resolute/v1/resolute_service.pb.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {
namespace client {
namespace {

v1::Resolution SampleResolution() {
  v1::Resolution r;
  r.set_symbol("A/RES/78/100");
  r.set_body(v1::BODY_GENERAL_ASSEMBLY);
  r.set_title("Quote \" backslash \\ tab \t newline \n control \x01 é");
  auto* p = r.add_operative_paragraphs();
  p->set_number("1");
  p->set_lead_phrase("Decides");
  auto* span = p->add_spans();
  span->set_start(10);
  span->set_end(20);
  p->add_subparagraphs()->set_number("a");
  r.mutable_vote()->set_yes_count(120);
  return r;
}

TEST(ToSortedJson, CompactWithSortedKeysAtEveryLevel) {
  absl::StatusOr<std::string> json = ToSortedJson(SampleResolution());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(
      *json,
      R"({"body":"BODY_GENERAL_ASSEMBLY","operativeParagraphs":[{"leadPhrase":"Decides",)"
      R"("number":"1","spans":[{"end":"20","start":"10"}],"subparagraphs":[{"number":"a"}]}],)"
      R"("symbol":"A/RES/78/100","title":"Quote \" backslash \\ tab \t newline \n control )"
      R"(\u0001 é","vote":{"yesCount":120}})");
}

TEST(ToSortedJson, PrettyPrintsWithIndent) {
  v1::ParseResolutionResponse response;
  response.set_document_id("x");
  response.mutable_status();
  response.mutable_resolution()->set_symbol("S/RES/242(1967)");
  response.mutable_resolution()->add_preambular_paragraphs();
  absl::StatusOr<std::string> json = ToSortedJson(response, 2);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json,
            "{\n"
            "  \"documentId\": \"x\",\n"
            "  \"resolution\": {\n"
            "    \"preambularParagraphs\": [\n"
            "      {}\n"
            "    ],\n"
            "    \"symbol\": \"S/RES/242(1967)\"\n"
            "  },\n"
            "  \"status\": {}\n"
            "}");
}

TEST(ToSortedJson, ReadsBackToTheSameMessage) {
  const v1::Resolution original = SampleResolution();
  for (int indent : {0, 2}) {
    absl::StatusOr<std::string> json = ToSortedJson(original, indent);
    ASSERT_TRUE(json.ok());
    v1::Resolution parsed;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(parsed, original));
  }
}

TEST(ToSortedJson, MapKeysAreSortedToo) {
  google::protobuf::Struct s;
  for (const char* key : {"zeta", "alpha", "mid", "Beta", "_x"}) {
    (*s.mutable_fields())[key].set_number_value(1.5);
  }
  absl::StatusOr<std::string> json = ToSortedJson(s);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json, R"({"Beta":1.5,"_x":1.5,"alpha":1.5,"mid":1.5,"zeta":1.5})");
}

TEST(ToSortedJson, EmptyMessageIsEmptyObject) {
  EXPECT_EQ(ToSortedJson(v1::Resolution()).value(), "{}");
  EXPECT_EQ(ToSortedJson(v1::Resolution(), 2).value(), "{}");
}

}  // namespace
}  // namespace client
}  // namespace resolute
