#include "parser/numbering.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "parser/lead_phrase.h"
#include "parser/text_patterns.h"

namespace resolute {

std::string NextLetterLabel(const std::string& label) {
  if (label.empty()) return "a";
  if (label.size() == 1) return label == "z" ? "aa" : std::string(1, label[0] + 1);
  // "aa" -> "bb"
  if (label[0] == 'z') return "";
  return std::string(label.size(), label[0] + 1);
}

std::string ToLowerRoman(int v) {
  static constexpr struct {
    int v;
    const char* r;
  } kTable[] = {{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"},
                {9, "ix"},  {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& t : kTable) {
    while (v >= t.v) {
      out += t.r;
      v -= t.v;
    }
  }
  return out;
}


// (The tests below look at the first byte before calling the recognisers:
// numbers start with a digit, labels with "(", lead phrases with a capital.)
bool LooksLikeNumberedStart(const BodyLines& body, size_t k, int last_number) {
  absl::string_view h = body.Head(k);
  if (!IsDigit(h[0])) return false;
  auto num = ParseParagraphNumber(h);
  if (!num.has_value()) return false;
  const int v = NumberValue(num->number);
  return v == 1 || v == last_number + 1;
}

bool LooksLikeParagraphStart(const BodyLines& body, size_t k, int last_number) {
  absl::string_view h = body.Head(k);
  if (IsDigit(h[0])) {
    auto num = ParseParagraphNumber(h);
    if (num.has_value()) {
      const int v = NumberValue(num->number);
      return v == 1 || v == last_number + 1;
    }
    return IsMeetingLine(h);
  }
  return IsUpper(h[0]) && (StartsWithPreambularLead(h) || StartsWithOperativeLead(h));
}

size_t MissingDotNumber(const BodyLines& body, size_t k, int last_number) {
  absl::string_view h = body.Head(k);
  size_t d = 0;
  while (d < h.size() && IsDigit(h[d])) ++d;
  if (d == 0 || d > 3 || NumberValue(h.substr(0, d)) != last_number + 1 ||
      (last_number > 0 && !body.PrevEnds(k, ";.:")) ||
      (last_number == 0 && (d == h.size() || h[d] != ','))) {
    return 0;
  }
  if (d == h.size()) {  // "26" alone, the text on the next line
    return body.Pieces(k).size() == 1 && k + 1 < body.size() &&
                   StartsWithOperativeLead(body.Head(k + 1))
               ? d
               : 0;
  }
  // "26 Condemns ..." or, in OCR, "1, Requests ...".
  size_t after = d;
  if (h[after] == ',') ++after;
  return after < h.size() && h[after] == ' ' &&
                 StartsWithOperativeLead(absl::StripLeadingAsciiWhitespace(h.substr(after)))
             ? d
             : 0;
}

}  // namespace resolute
