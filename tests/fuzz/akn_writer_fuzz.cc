// Fuzz target for the Akoma Ntoso writer: any bytes the parser accepts give a
// model whose XML is well-formed and reads as an akomaNtoso document; never
// a crash or a writer error.
//
// Run in `bazel test` as akn_writer_fuzz_test with the deterministic driver
// (fuzz_driver.cc: every bundled document and mutations of them).
#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "akn/akn_writer.h"
#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  resolute::ParseOptions options;
  options.max_input_bytes = 1 << 20;
  resolute::v1::Resolution r;
  const absl::Status status = resolute::ParseResolution(
      absl::string_view(reinterpret_cast<const char*>(data), size), options, &r);
  if (!status.ok()) return 0;
  absl::StatusOr<std::string> xml = resolute::akn::WriteAkomaNtoso(r);
  if (!xml.ok()) abort();
  xmlDocPtr doc = xmlReadMemory(xml->data(), static_cast<int>(xml->size()), "fuzz.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) abort();
  xmlNodePtr root = xmlDocGetRootElement(doc);
  const bool ok = root != nullptr && std::string(reinterpret_cast<const char*>(root->name)) ==
                                         "akomaNtoso";
  xmlFreeDoc(doc);
  if (!ok) abort();
  return 0;
}
