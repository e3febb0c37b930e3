#include "service/utf8.h"

#include "parser/normalize.h"

namespace resolute {
namespace service {

std::string SanitizeUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t valid = FirstInvalidUtf8Offset(text);
    out.append(text.data(), valid);
    if (valid == text.size()) break;
    // One replacement character per byte that starts no valid sequence.
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(valid + 1);
  }
  return out;
}

}  // namespace service
}  // namespace resolute
