#include "tests/akn/xml_query.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace resolute::testing {
namespace {

constexpr int kStrict = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Collects libxml2's error messages.
void CollectError(void* context, const char* format, ...) {
  auto* out = static_cast<std::string*>(context);
  if (out->size() > 2000) return;
  char buffer[512];
  va_list args;
  va_start(args, format);
  vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  out->append(buffer);
}

}  // namespace

std::unique_ptr<XmlQuery> XmlQuery::Parse(const std::string& xml, std::string* error) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "akn.xml", "UTF-8",
                                kStrict);
  if (doc == nullptr) {
    const xmlError* e = xmlGetLastError();
    *error = e != nullptr && e->message != nullptr ? e->message : "not well-formed";
    return nullptr;
  }
  return std::unique_ptr<XmlQuery>(new XmlQuery(doc));
}

XmlQuery::~XmlQuery() { xmlFreeDoc(doc_); }

std::vector<xmlNodePtr> XmlQuery::Nodes(const std::string& xpath, xmlNodePtr context) const {
  std::vector<xmlNodePtr> nodes;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc_);
  xmlXPathRegisterNs(ctx, X("a"), X("http://docs.oasis-open.org/legaldocml/ns/akn/3.0"));
  xmlXPathRegisterNs(ctx, X("un"), X("http://un.org/akn4un"));
  if (context != nullptr) ctx->node = context;
  xmlXPathObjectPtr result = xmlXPathEvalExpression(X(xpath.c_str()), ctx);
  if (result != nullptr && result->nodesetval != nullptr) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      nodes.push_back(result->nodesetval->nodeTab[i]);
    }
  }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(ctx);
  return nodes;
}

std::vector<std::string> XmlQuery::Values(const std::string& xpath) const {
  std::vector<std::string> values;
  for (xmlNodePtr node : Nodes(xpath)) {
    xmlChar* content = xmlNodeGetContent(node);
    values.emplace_back(content != nullptr ? reinterpret_cast<const char*>(content) : "");
    xmlFree(content);
  }
  return values;
}

std::string XmlQuery::Value(const std::string& xpath) const {
  std::vector<std::string> values = Values(xpath);
  return values.empty() ? "" : values.front();
}

int XmlQuery::Count(const std::string& xpath) const {
  return static_cast<int>(Nodes(xpath).size());
}

std::unique_ptr<SchemaValidator> SchemaValidator::Load(const std::string& xsd_path,
                                                       std::string* error) {
  error->clear();
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd_path.c_str());
  xmlSchemaSetParserErrors(parser, CollectError, CollectError, error);
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (schema == nullptr) return nullptr;
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(schema));
}

SchemaValidator::~SchemaValidator() { xmlSchemaFree(static_cast<xmlSchemaPtr>(schema_)); }

absl::Status SchemaValidator::Validate(const std::string& xml) const {
  xmlDocPtr doc =
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "akn.xml", "UTF-8", kStrict);
  if (doc == nullptr) return absl::InvalidArgumentError("not well-formed XML");
  std::string errors;
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(static_cast<xmlSchemaPtr>(schema_));
  xmlSchemaSetValidErrors(valid, CollectError, CollectError, &errors);
  const int rc = xmlSchemaValidateDoc(valid, doc);
  xmlSchemaFreeValidCtxt(valid);
  xmlFreeDoc(doc);
  if (rc != 0) return absl::InvalidArgumentError(absl::StrCat("not valid: ", errors));
  return absl::OkStatus();
}

}  // namespace resolute::testing
