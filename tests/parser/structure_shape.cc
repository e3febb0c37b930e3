#include "tests/parser/structure_shape.h"

#include "absl/strings/ascii.h"

namespace resolute::testing {

std::string ComparableText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c == ' ' || c == '-') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x95) {
      i += 2;  // U+2010..U+2015 dashes
      continue;
    }
    out.push_back(absl::ascii_tolower(c));
  }
  return out;
}

StructureShape ShapeOf(const v1::Resolution& resolution) {
  StructureShape s;
  for (const auto& p : resolution.preambular_paragraphs()) {
    s.structure.push_back("p:" + p.lead_phrase());
    s.texts.push_back(ComparableText(p.text()));
  }
  for (const auto& p : resolution.operative_paragraphs()) {
    s.structure.push_back("o:" + p.number() + ":" + p.lead_phrase());
    s.texts.push_back(ComparableText(p.text()));
  }
  return s;
}

}  // namespace resolute::testing
