#include "client/sorted_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/error_details.pb.h"
#include "common/json_string.h"

namespace resolute {
namespace client {
namespace {

using google::protobuf::Value;

void AppendNumber(double d, std::string* out) {
  // Integers (every number of this API) print without a fraction.
  if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9007199254740992.0) {
    absl::StrAppend(out, static_cast<int64_t>(d));
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", d);
  out->append(buf);
}

void NewLine(int indent, int depth, std::string* out) {
  if (indent <= 0) return;
  out->push_back('\n');
  out->append(static_cast<size_t>(indent * depth), ' ');
}

// Recursion depth is bounded by the message's nesting, which protobuf's own
// JSON parser caps at 100 levels.
void AppendValue(const Value& value, int indent, int depth, std::string* out) {
  switch (value.kind_case()) {
    case Value::kNullValue:
    case Value::KIND_NOT_SET:
      out->append("null");
      break;
    case Value::kBoolValue:
      out->append(value.bool_value() ? "true" : "false");
      break;
    case Value::kNumberValue:
      AppendNumber(value.number_value(), out);
      break;
    case Value::kStringValue:
      AppendJsonString(value.string_value(), out);
      break;
    case Value::kListValue: {
      const auto& items = value.list_value().values();
      if (items.empty()) {
        out->append("[]");
        break;
      }
      out->push_back('[');
      for (int i = 0; i < items.size(); ++i) {
        if (i > 0) out->push_back(',');
        NewLine(indent, depth + 1, out);
        AppendValue(items[i], indent, depth + 1, out);
      }
      NewLine(indent, depth, out);
      out->push_back(']');
      break;
    }
    case Value::kStructValue: {
      const auto& fields = value.struct_value().fields();
      if (fields.empty()) {
        out->append("{}");
        break;
      }
      std::vector<const std::string*> keys;
      keys.reserve(fields.size());
      for (const auto& field : fields) keys.push_back(&field.first);
      std::sort(keys.begin(), keys.end(),
                [](const std::string* a, const std::string* b) { return *a < *b; });
      out->push_back('{');
      for (size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) out->push_back(',');
        NewLine(indent, depth + 1, out);
        AppendJsonString(*keys[i], out);
        out->append(indent > 0 ? ": " : ":");
        AppendValue(fields.at(*keys[i]), indent, depth + 1, out);
      }
      NewLine(indent, depth, out);
      out->push_back('}');
      break;
    }
  }
}

// Registers the error detail types the server puts in a google.rpc.Status
// (ErrorInfo, BadRequest, RetryInfo) in the generated pool: the JSON printer
// looks an Any's type up there, and a type no code refers to is not linked
// into the binary, so a failed document's status could not be printed.
void LinkErrorDetailTypes() {
  static const bool linked = [] {
    (void)google::rpc::ErrorInfo::descriptor();
    (void)google::rpc::BadRequest::descriptor();
    (void)google::rpc::RetryInfo::descriptor();
    return true;
  }();
  (void)linked;
}

}  // namespace

absl::StatusOr<std::string> ToSortedJson(const google::protobuf::Message& message, int indent) {
  LinkErrorDetailTypes();
  std::string json;
  google::protobuf::util::JsonPrintOptions print_options;
  print_options.preserve_proto_field_names = false;
  auto printed = google::protobuf::util::MessageToJsonString(message, &json, print_options);
  if (!printed.ok()) {
    return absl::InternalError(absl::StrCat("cannot print JSON: ", printed.ToString()));
  }
  Value value;
  auto parsed = google::protobuf::util::JsonStringToMessage(json, &value);
  if (!parsed.ok()) {
    return absl::InternalError(absl::StrCat("cannot re-read JSON: ", parsed.ToString()));
  }
  std::string out;
  out.reserve(json.size() + json.size() / 4);
  AppendValue(value, indent, 0, &out);
  return out;
}

}  // namespace client
}  // namespace resolute
