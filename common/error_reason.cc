#include "common/error_reason.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace resolute {
namespace {

// Payload keys. absl::Status payloads are keyed by URL-like strings; these
// never leave the process (status_mapping turns them into proto details).
constexpr absl::string_view kReasonKey = "resolute.v1/reason";
constexpr absl::string_view kFieldKey = "resolute.v1/field";
constexpr absl::string_view kMetadataPrefix = "resolute.v1/metadata/";

}  // namespace

absl::Status WithErrorReason(absl::Status status, absl::string_view reason,
                             absl::string_view field,
                             std::vector<std::pair<std::string, std::string>> metadata) {
  if (status.ok()) return status;
  status.SetPayload(kReasonKey, absl::Cord(reason));
  if (!field.empty()) status.SetPayload(kFieldKey, absl::Cord(field));
  for (auto& [key, value] : metadata) {
    status.SetPayload(absl::StrCat(kMetadataPrefix, key), absl::Cord(std::move(value)));
  }
  return status;
}

ErrorReason GetErrorReason(const absl::Status& status) {
  ErrorReason out;
  status.ForEachPayload([&out](absl::string_view key, const absl::Cord& value) {
    if (key == kReasonKey) {
      out.reason = std::string(value);
    } else if (key == kFieldKey) {
      out.field = std::string(value);
    } else if (absl::StartsWith(key, kMetadataPrefix)) {
      out.metadata.emplace_back(std::string(key.substr(kMetadataPrefix.size())),
                                std::string(value));
    }
  });
  // absl::Status keeps its payloads in no particular order.
  std::sort(out.metadata.begin(), out.metadata.end());
  return out;
}

}  // namespace resolute
