#include "tests/client/cli_fixture.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "client/cli.h"
#include "tests/service/test_corpus.h"

namespace resolute {
namespace client {

namespace fs = std::filesystem;

service::ResoluteServer* CliFixture::server_ = nullptr;

void CliFixture::SetUpTestSuite() {
  service::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.service.worker_threads = 2;
  server_ = service::ResoluteServer::Start(options).value().release();
}

void CliFixture::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
}

void CliFixture::SetUp() {
  scratch_ = fs::path(::resolute::testing::TestTempDir()) /
             ::testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::remove_all(scratch_);
  fs::create_directories(scratch_);
}

std::string CliFixture::Server() { return absl::StrCat("127.0.0.1:", server_->port()); }

CliOutput CliFixture::Run(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  Cli cli(&in, &out, &err, /*show_progress=*/false);
  CliOutput o;
  o.code = cli.Run(args);
  o.out = out.str();
  o.err = err.str();
  return o;
}

std::string CliFixture::Write(const std::string& relative, const std::string& content) const {
  const fs::path p = scratch_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

}  // namespace client
}  // namespace resolute
