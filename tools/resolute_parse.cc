// Parses resolution text files (and PDFs, by their signature) in-process and writes their JSON, for parser
// development and scoring without a server:
//
//   resolute_parse --out_dir=DIR FILE...   # DIR/<file name without .txt>.json
//   resolute_parse FILE                    # JSON on stdout
//   resolute_parse --akn --out_dir=DIR FILE...  # also DIR/<name>.akn.xml
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "akn/akn_writer.h"
#include "google/protobuf/util/json_util.h"
#include "parser/parser.h"
#include "pdf/pdf_extractor.h"
#include "pdf/pdf_typed_text.h"

ABSL_FLAG(std::string, out_dir, "", "write one JSON file per input into this folder");
ABSL_FLAG(bool, include_text, false, "include the normalised text in the JSON");
ABSL_FLAG(bool, akn, false, "with --out_dir, also write <name>.akn.xml (Akoma Ntoso)");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("resolute_parse [--out_dir=DIR] FILE...");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  int failures = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string path = args[i];
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    resolute::ParseOptions options;
    options.include_text = absl::GetFlag(FLAGS_include_text);
    const std::string content = buffer.str();
    absl::StatusOr<resolute::v1::Resolution> result;
    if (resolute::LooksLikePdf(content)) {
      absl::StatusOr<resolute::PdfDocument> doc =
          resolute::ExtractPdf(content, resolute::PdfLimits());
      if (doc.ok()) {
        result.emplace();
        const absl::Status s =
            resolute::ParseResolution(resolute::PdfToTypedText(*doc), options, &*result);
        if (!s.ok()) result = s;
      } else {
        result = doc.status();
      }
    } else {
      result = resolute::ParseResolution(content, options);
    }
    if (!result.ok()) {
      std::cerr << path << ": " << result.status() << "\n";
      ++failures;
      continue;
    }
    std::string json;
    google::protobuf::util::JsonPrintOptions print;
    print.add_whitespace = true;
    print.always_print_primitive_fields = true;
    (void)google::protobuf::util::MessageToJsonString(*result, &json, print);
    const std::string out_dir = absl::GetFlag(FLAGS_out_dir);
    if (out_dir.empty()) {
      std::cout << json;
      continue;
    }
    std::string name = path.substr(path.find_last_of('/') + 1);
    const size_t dot = name.rfind('.');
    if (dot != std::string::npos) name = name.substr(0, dot);
    std::ofstream(out_dir + "/" + name + ".json") << json;
    if (absl::GetFlag(FLAGS_akn)) {
      auto xml = resolute::akn::WriteAkomaNtoso(*result);
      if (!xml.ok()) {
        std::cerr << path << ": " << xml.status() << "\n";
        ++failures;
        continue;
      }
      std::ofstream(out_dir + "/" + name + ".akn.xml") << *xml;
    }
  }
  return failures == 0 ? 0 : 1;
}
