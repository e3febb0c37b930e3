// Text that any XML 1.0 document can carry.
//
// XML 1.0 forbids most C0 control characters, lone surrogates and U+FFFE/FFFF
// even as character references, and a document is UTF-8 here. Text from the
// model may hold anything a caller sent, so every string goes through
// XmlSafeText before it reaches the XML writer:
//
//   XmlSafeText("a\x01b\xffc");  // "ab\uFFFDc"

#ifndef RESOLUTE_AKN_XML_TEXT_H_
#define RESOLUTE_AKN_XML_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace resolute::akn {

// Returns `text` with every character that XML 1.0 does not allow removed
// (C0 controls other than tab, line feed and carriage return; U+FFFE,
// U+FFFF) and every byte that is not part of valid UTF-8 (including encoded
// surrogates and overlong forms) replaced by U+FFFD. Markup characters are
// left to the writer, which escapes them.
std::string XmlSafeText(absl::string_view text);

}  // namespace resolute::akn

#endif  // RESOLUTE_AKN_XML_TEXT_H_
