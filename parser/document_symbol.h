// The shape of a UN document symbol ("A/78/23", "ST/SGB/2018/1",
// "E/CN.15/2/Add.1"), and symbols of documents issued under two ("A/50/60-S/1995/1").
// Used by the citations stage on the words it reads; pure functions of their
// arguments.

#ifndef RESOLUTE_PARSER_DOCUMENT_SYMBOL_H_
#define RESOLUTE_PARSER_DOCUMENT_SYMBOL_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace resolute {

// True if `token` has the shape of a UN document symbol ("A/78/23").
bool IsDocumentSymbol(absl::string_view token);

// The offset of the "-" that joins two document symbols in `s`, a document
// issued under both ("A/50/60-S/1995/1"): the first "-" with a symbol before
// it and a symbol that starts with a capital after it; npos if none does.
// Linear in the size of `s`, however many dashes it has.
size_t JointSymbolDash(absl::string_view s);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_DOCUMENT_SYMBOL_H_
