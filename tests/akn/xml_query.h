// Test support: an XML document parsed with libxml2 and queried with XPath.
//
//   std::unique_ptr<XmlQuery> doc = XmlQuery::Parse(xml, &error);
//   doc->Values("//a:paragraph/@eId");  // {"para_1", "para_2"}
//
// The prefix "a" is bound to the Akoma Ntoso 3.0 namespace and "un" to the
// AKN4UN one. Parsing is strict: no recovery, no network, no entity
// expansion, so a document that is not well-formed fails.

#ifndef RESOLUTE_TESTS_AKN_XML_QUERY_H_
#define RESOLUTE_TESTS_AKN_XML_QUERY_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace resolute::testing {

// A parsed document.
class XmlQuery {
 public:
  // Parses `xml`; returns null and sets `error` if it is not well-formed.
  static std::unique_ptr<XmlQuery> Parse(const std::string& xml, std::string* error);
  ~XmlQuery();
  XmlQuery(const XmlQuery&) = delete;
  XmlQuery& operator=(const XmlQuery&) = delete;

  // The string value of every node `xpath` selects, in document order.
  std::vector<std::string> Values(const std::string& xpath) const;

  // The string value of the first node `xpath` selects; "" if none.
  std::string Value(const std::string& xpath) const;

  // The number of nodes `xpath` selects.
  int Count(const std::string& xpath) const;

  // The nodes `xpath` selects, relative to `context` (the root if null).
  std::vector<xmlNodePtr> Nodes(const std::string& xpath, xmlNodePtr context = nullptr) const;

  // The parsed tree.
  xmlDocPtr doc() const { return doc_; }

 private:
  explicit XmlQuery(xmlDocPtr doc) : doc_(doc) {}
  xmlDocPtr doc_;
};

// An XML Schema loaded once, to validate many documents with libxml2's
// schema API.
class SchemaValidator {
 public:
  // Loads the schema at `xsd_path` (imports are resolved beside it); null
  // with `error` set if it cannot be loaded.
  static std::unique_ptr<SchemaValidator> Load(const std::string& xsd_path, std::string* error);
  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  // OK if `xml` is well-formed and valid; else the first errors.
  absl::Status Validate(const std::string& xml) const;

 private:
  explicit SchemaValidator(void* schema) : schema_(schema) {}
  void* schema_;  // xmlSchemaPtr
};

}  // namespace resolute::testing

#endif  // RESOLUTE_TESTS_AKN_XML_QUERY_H_
