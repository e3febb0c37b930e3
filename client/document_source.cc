#include "client/document_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/utf8.h"

namespace resolute {
namespace client {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

int64_t FileSize(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

}  // namespace

std::string StripLastExtension(absl::string_view name) {
  const size_t slash = name.find_last_of('/');
  const size_t base = slash == absl::string_view::npos ? 0 : slash + 1;
  const size_t dot = name.find_last_of('.');
  if (dot == absl::string_view::npos || dot <= base) return std::string(name);
  return std::string(name.substr(0, dot));
}

absl::StatusOr<std::vector<DocumentInput>> ExpandInputs(const std::vector<std::string>& args,
                                                        const StdinOptions& stdin_options) {
  std::vector<DocumentInput> inputs;
  std::set<std::string> seen;  // Canonical paths already added.
  bool stdin_used = false;
  const auto add_file = [&](const fs::path& path, std::string output_stem) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (!seen.insert(ec ? path.string() : canonical.string()).second) return;
    DocumentInput input;
    input.id = SanitizeUtf8(path.string());
    input.path = path.string();
    input.output_stem = SanitizeUtf8(output_stem);
    input.size_bytes = FileSize(path);
    inputs.push_back(std::move(input));
  };
  for (const std::string& arg : args) {
    if (arg == "-") {
      if (stdin_used) return absl::InvalidArgumentError("\"-\" (standard input) given twice");
      stdin_used = true;
      DocumentInput input;
      input.id = stdin_options.name;
      input.output_stem = stdin_options.name;
      if (stdin_options.stream != nullptr) {
        input.stdin_content.assign(std::istreambuf_iterator<char>(*stdin_options.stream),
                                   std::istreambuf_iterator<char>());
      }
      input.size_bytes = static_cast<int64_t>(input.stdin_content.size());
      inputs.push_back(std::move(input));
      continue;
    }
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      return absl::NotFoundError(absl::StrCat(arg, ": no such file or folder"));
    if (fs::is_regular_file(status)) {
      add_file(path, StripLastExtension(path.filename().string()));
      continue;
    }
    if (!fs::is_directory(status)) {
      return absl::InvalidArgumentError(absl::StrCat(arg, ": not a file or folder"));
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) return absl::PermissionDeniedError(absl::StrCat(arg, ": ", ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return absl::UnavailableError(absl::StrCat(arg, ": ", ec.message()));
      if (IsHidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& file : found) {
      add_file(file, StripLastExtension(file.lexically_relative(path).generic_string()));
    }
  }
  return inputs;
}

absl::StatusOr<std::string> ReadDocument(const DocumentInput& input) {
  if (input.path.empty()) return input.stdin_content;
  std::ifstream file(input.path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot open ", input.path));
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) return absl::DataLossError(absl::StrCat("cannot read ", input.path));
  return std::move(content).str();
}

}  // namespace client
}  // namespace resolute
