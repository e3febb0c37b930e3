// Akoma Ntoso output: a resolution of the model written as AKN4UN XML.
//
// The XML follows the UN's own markup of its resolutions (Akoma Ntoso 3.0,
// AKN4UN guidelines): `akomaNtoso/statement name="resolution"` with FRBR
// identification, a coverPage and preface, a preamble with one container
// per preambular paragraph (lead phrase in `span class="italic"`), a
// mainBody of numbered paragraphs with list/intro/point for sub-paragraphs,
// footnotes as authorialNote at their anchor, citations as undocs.org links,
// conclusions with the adoption meeting and date, and annexes as
// attachments. Every eId is the id of the node in the model, so a caller can
// move between the two representations.
//
//   absl::StatusOr<std::string> xml = resolute::akn::WriteAkomaNtoso(resolution);
//
// This is an output stage on the model, not a second parser: it never looks
// at the source text except to place footnote markers and links.

#ifndef RESOLUTE_AKN_AKN_WRITER_H_
#define RESOLUTE_AKN_AKN_WRITER_H_

#include <string>

#include "absl/status/statusor.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute::akn {

// Writes `resolution` as an Akoma Ntoso 3.0 document, UTF-8, with an XML
// declaration. Any text is accepted: characters XML cannot carry are dropped
// and invalid UTF-8 is replaced (see xml_text.h). The output is the same for
// the same input. Returns an INTERNAL error only if libxml2 fails to write.
absl::StatusOr<std::string> WriteAkomaNtoso(const resolute::v1::Resolution& resolution);

}  // namespace resolute::akn

#endif  // RESOLUTE_AKN_AKN_WRITER_H_
