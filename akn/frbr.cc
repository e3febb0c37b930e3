#include "akn/frbr.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace resolute::akn {
namespace {

// Replaces every run of characters other than ASCII letters and digits by
// one "-", without one at either end: "78/100" -> "78-100",
// "2722 (2024)" -> "2722-2024".
std::string NumberSegment(const std::string& raw) {
  std::string out;
  bool gap = false;
  for (char c : raw) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (gap && !out.empty()) out.push_back('-');
      out.push_back(c);
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

// The number part of a symbol: "A/RES/78/100" -> "78/100".
std::string NumberFromSymbol(const std::string& symbol) {
  const size_t res = symbol.find("/RES/");
  return res == std::string::npos ? symbol : symbol.substr(res + 5);
}

}  // namespace

BodyNames BodyNamesFor(resolute::v1::Body body) {
  switch (body) {
    case resolute::v1::BODY_GENERAL_ASSEMBLY:
      return {"unga", "ga", "General Assembly", "The General Assembly"};
    case resolute::v1::BODY_SECURITY_COUNCIL:
      return {"unsc", "sc", "Security Council", "The Security Council"};
    case resolute::v1::BODY_ECONOMIC_AND_SOCIAL_COUNCIL:
      return {"ecosoc", "ecosoc", "Economic and Social Council",
              "The Economic and Social Council"};
    case resolute::v1::BODY_HUMAN_RIGHTS_COUNCIL:
      return {"unhrc", "hrc", "Human Rights Council", "The Human Rights Council"};
    default:
      return {"un", "un", "United Nations", ""};
  }
}

FrbrNames FrbrNamesFor(const resolute::v1::Resolution& resolution) {
  FrbrNames names;
  names.body = BodyNamesFor(resolution.body());
  names.work_date =
      resolution.adoption().date().empty() ? "0001-01-01" : resolution.adoption().date();
  names.number = NumberSegment(resolution.number().empty()
                                   ? NumberFromSymbol(resolution.symbol())
                                   : resolution.number());
  if (names.number.empty()) names.number = "unknown";
  names.work_uri = absl::StrCat("/akn/un/statement/deliberation/", names.body.frbr_segment,
                                "/", names.work_date, "/", names.number, "/");
  names.expression_uri = absl::StrCat(names.work_uri, "eng@/");
  names.manifestation_uri = absl::StrCat(names.work_uri, "eng@.xml");
  return names;
}

std::string UndocsHref(const std::string& symbol) {
  std::string out = "https://undocs.org/en/";
  for (unsigned char c : symbol) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' ||
        c == '(' || c == ')') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

}  // namespace resolute::akn
