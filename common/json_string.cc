#include "common/json_string.h"

#include "common/utf8.h"

namespace resolute {

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  while (!text.empty()) {
    // Valid UTF-8 up to `valid`; within it only ASCII needs escaping.
    const size_t valid = FirstInvalidUtf8Offset(text);
    for (size_t i = 0; i < valid; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789abcdef";
            out->append("\\u00");
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 0xF]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
    }
    if (valid == text.size()) break;
    out->append("\xEF\xBF\xBD");  // U+FFFD for one invalid byte.
    text.remove_prefix(valid + 1);
  }
  out->push_back('"');
}

}  // namespace resolute
