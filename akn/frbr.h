// FRBR identifiers of a resolution in the AKN4UN naming convention.
//
// The UN names a General Assembly resolution adopted on 7 December 2023 as
//
//   /akn/un/statement/deliberation/unga/2023-12-07/78-100/
//
// (the work), with "eng@/" appended for the English expression and ".xml"
// for the manifestation. Security Council resolutions use "unsc" and the
// number with its year ("2722-2024"); this library builds those paths from
// the model:
//
//   FrbrNames names = FrbrNamesFor(resolution);
//   names.work_uri;  // "/akn/un/statement/deliberation/unga/2023-12-07/78-100/"

#ifndef RESOLUTE_AKN_FRBR_H_
#define RESOLUTE_AKN_FRBR_H_

#include <string>

#include "resolute/v1/resolution.pb.h"

namespace resolute::akn {

// The names AKN4UN gives an adopting body.
struct BodyNames {
  // Path segment of the FRBR URIs ("unga", "unsc", "ecosoc").
  std::string frbr_segment;
  // Value of FRBRauthor/@href as the UN writes it ("ga", "sc").
  std::string author;
  // The body as printed ("General Assembly").
  std::string display_name;
  // The enacting formula's subject ("The General Assembly").
  std::string enacting_subject;
};

// Returns the AKN4UN names of `body`; a generic "un" entry for a body not
// determined.
BodyNames BodyNamesFor(resolute::v1::Body body);

// The FRBR identification of one resolution.
struct FrbrNames {
  // The body's names.
  BodyNames body;
  // The work date (adoption date, ISO 8601); "0001-01-01" when unknown, as
  // the UN writes an unknown date.
  std::string work_date;
  // The number segment ("78-100", "2722-2024").
  std::string number;
  // FRBRWork/FRBRuri ("/akn/un/statement/deliberation/unga/D/78-100/").
  std::string work_uri;
  // FRBRExpression/FRBRuri (work_uri + "eng@/").
  std::string expression_uri;
  // FRBRManifestation/FRBRuri (work_uri + "eng@.xml").
  std::string manifestation_uri;
};

// Builds the FRBR names of `resolution` from its body, adoption date and
// number (the symbol when the number is empty).
FrbrNames FrbrNamesFor(const resolute::v1::Resolution& resolution);

// Returns the UN's link to a document symbol: "https://undocs.org/en/" plus
// the symbol, with characters outside RFC 3986's unreserved set and "/()"
// percent-encoded.
std::string UndocsHref(const std::string& symbol);

}  // namespace resolute::akn

#endif  // RESOLUTE_AKN_FRBR_H_
