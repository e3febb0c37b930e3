// Test support: reads the Akoma Ntoso XML that //akn:akn_writer writes back
// into a v1::Resolution, for round-trip tests.
//
//   absl::StatusOr<v1::Resolution> back = ReadAkomaNtoso(xml);
//
// It reads what the XML carries: symbol, body, session, number, title,
// dates, meeting, preambular and operative paragraphs (eId, number, lead
// phrase, text, footnote markers, sub-paragraphs), headings, footnotes with
// their anchor, citations, tables, annexes and the vote. Spans, diagnostics,
// the normalised text and other fields that the XML does not carry stay
// empty; RoundTripView() reduces a model to the same fields.

#ifndef RESOLUTE_TESTS_AKN_AKN_READER_H_
#define RESOLUTE_TESTS_AKN_AKN_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute::testing {

// Reads our Akoma Ntoso XML; INVALID_ARGUMENT if it is not well-formed or
// not an akomaNtoso/statement document.
absl::StatusOr<v1::Resolution> ReadAkomaNtoso(const std::string& xml);

// The fields of `model` that survive the round trip, in the order the XML
// gives them (footnotes by eId, citations by symbol, annex text without
// blank lines).
v1::Resolution RoundTripView(const v1::Resolution& model);

}  // namespace resolute::testing

#endif  // RESOLUTE_TESTS_AKN_AKN_READER_H_
