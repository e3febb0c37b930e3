#include "client/result_sink.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "client/sorted_json.h"

namespace resolute {
namespace client {

namespace fs = std::filesystem;

absl::Status JsonLinesSink::Write(const v1::ParseResolutionResponse& response,
                                  absl::string_view /*output_stem*/) {
  absl::StatusOr<std::string> json = ToSortedJson(response);
  if (!json.ok()) return json.status();
  absl::MutexLock lock(&mu_);
  *out_ << *json << "\n";
  out_->flush();
  if (!*out_) return absl::DataLossError("cannot write to standard output");
  return absl::OkStatus();
}

absl::StatusOr<OutputFormats> ParseOutputFormats(absl::string_view text) {
  OutputFormats formats;
  formats.json = false;
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    part = absl::StripAsciiWhitespace(part);
    if (part == "json") {
      formats.json = true;
    } else if (part == "akn") {
      formats.akoma_ntoso = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--format is json, akn or json,akn; not \"", text, "\""));
    }
  }
  if (!formats.json && !formats.akoma_ntoso) {
    return absl::InvalidArgumentError("--format is empty");
  }
  return formats;
}

std::string DirectorySink::PathFor(absl::string_view output_stem,
                                   absl::string_view extension) const {
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(output_stem, '/')) {
    if (part.empty() || part == "." || part == "..") continue;
    parts.push_back(part);
  }
  const std::string relative = parts.empty() ? "_" : absl::StrJoin(parts, "/");
  return (fs::path(dir_) / absl::StrCat(relative, extension)).string();
}

absl::Status DirectorySink::CheckDistinctOutputs(const std::vector<OutputName>& names) const {
  std::map<std::string, const std::string*> owner;  // Output file -> id.
  for (const OutputName& name : names) {
    const std::string path = PathFor(name.stem);
    auto [it, fresh] = owner.emplace(path, &name.id);
    if (!fresh) {
      return absl::InvalidArgumentError(
          absl::StrCat(*it->second, " and ", name.id, " would both be written to ", path));
    }
  }
  return absl::OkStatus();
}

bool DirectorySink::Exists(absl::string_view output_stem) const {
  std::error_code ec;
  return (!formats_.json || fs::exists(PathFor(output_stem, ".json"), ec)) &&
         (!formats_.akoma_ntoso || fs::exists(PathFor(output_stem, ".akn.xml"), ec));
}

absl::Status DirectorySink::Write(const v1::ParseResolutionResponse& response,
                                  absl::string_view output_stem) {
  if (response.status().code() != 0) return absl::OkStatus();
  if (formats_.akoma_ntoso && response.akoma_ntoso_xml().empty()) {
    return absl::DataLossError("the response has no Akoma Ntoso XML (server too old?)");
  }
  if (formats_.json) {
    absl::StatusOr<std::string> json = ToSortedJson(response.resolution(), /*indent=*/2);
    if (!json.ok()) return json.status();
    absl::Status written = WriteFile(PathFor(output_stem, ".json"), absl::StrCat(*json, "\n"));
    if (!written.ok()) return written;
  }
  if (formats_.akoma_ntoso) {
    return WriteFile(PathFor(output_stem, ".akn.xml"), response.akoma_ntoso_xml());
  }
  return absl::OkStatus();
}

absl::Status DirectorySink::WriteFile(const std::string& file, absl::string_view content) {
  const fs::path path = file;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create ", path.parent_path().string(), ": ", ec.message()));
  }
  const fs::path temp =
      path.string() + absl::StrCat(".tmp.", getpid(), ".", temp_counter_.fetch_add(1));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return absl::DataLossError(absl::StrCat("cannot write ", temp.string()));
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return absl::DataLossError(absl::StrCat("cannot write ", path.string(), ": ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace client
}  // namespace resolute
