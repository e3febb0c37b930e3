#include "tests/service/test_certs.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

extern char** environ;

namespace resolute {
namespace testing {
namespace {

// Runs /usr/bin/openssl with `args`, its output into `log`.
absl::Status OpenSsl(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> argv = {"/usr/bin/openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (const std::string& a : argv) c_argv.push_back(const_cast<char*>(a.c_str()));
  c_argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid;
  const int err = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) return absl::InternalError(absl::StrCat("cannot run /usr/bin/openssl: ", err));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat("openssl ", absl::StrJoin(args, " "),
                                            " failed:\n", ReadTextFile(log)));
  }
  return absl::OkStatus();
}

std::vector<std::string> NewKey(const std::string& key) {
  return {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key};
}

absl::Status MakeCa(const std::string& dir, const std::string& name, const std::string& log) {
  std::vector<std::string> args = {"req", "-x509"};
  for (const std::string& a : NewKey(absl::StrCat(dir, "/", name, ".key"))) args.push_back(a);
  for (const std::string& a :
       {std::string("-out"), absl::StrCat(dir, "/", name, ".pem"), std::string("-days"),
        std::string("2"), std::string("-subj"), absl::StrCat("/CN=resolute test ", name),
        std::string("-addext"), std::string("basicConstraints=critical,CA:TRUE"),
        std::string("-addext"), std::string("keyUsage=critical,keyCertSign,cRLSign")}) {
    args.push_back(a);
  }
  return OpenSsl(args, log);
}

// A leaf certificate `name` signed by `ca`, with the extensions `ext`.
absl::Status MakeLeaf(const std::string& dir, const std::string& name, const std::string& ca,
                      const std::string& common_name, const std::string& ext, int serial,
                      const std::string& log) {
  const std::string base = absl::StrCat(dir, "/", name);
  std::ofstream(base + ".ext") << ext;
  std::vector<std::string> request = {"req", "-new"};
  for (const std::string& a : NewKey(base + ".key")) request.push_back(a);
  for (const std::string& a : {std::string("-out"), base + ".csr", std::string("-subj"),
                               absl::StrCat("/CN=", common_name)}) {
    request.push_back(a);
  }
  absl::Status s = OpenSsl(request, log);
  if (!s.ok()) return s;
  return OpenSsl({"x509", "-req", "-in", base + ".csr", "-CA", absl::StrCat(dir, "/", ca, ".pem"),
                  "-CAkey", absl::StrCat(dir, "/", ca, ".key"), "-set_serial",
                  std::to_string(serial), "-days", "2", "-out", base + ".pem", "-extfile",
                  base + ".ext"},
                 log);
}

}  // namespace

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

absl::StatusOr<TestCertificates> GenerateTestCertificates(const std::string& dir) {
  std::filesystem::create_directories(dir);
  const std::string log = dir + "/openssl.log";
  for (absl::Status s : {
           MakeCa(dir, "ca", log),
           MakeLeaf(dir, "server", "ca", "localhost",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                    "basicConstraints=CA:FALSE\n",
                    1, log),
           MakeLeaf(dir, "client", "ca", "resolute test client",
                    "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n", 2, log),
           MakeCa(dir, "other_ca", log),
           MakeLeaf(dir, "other_client", "other_ca", "resolute test intruder",
                    "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n", 3, log),
       }) {
    if (!s.ok()) return s;
  }
  TestCertificates certs;
  certs.ca_cert = dir + "/ca.pem";
  certs.server_cert = dir + "/server.pem";
  certs.server_key = dir + "/server.key";
  certs.client_cert = dir + "/client.pem";
  certs.client_key = dir + "/client.key";
  certs.other_ca_cert = dir + "/other_ca.pem";
  certs.other_client_cert = dir + "/other_client.pem";
  certs.other_client_key = dir + "/other_client.key";
  return certs;
}

}  // namespace testing
}  // namespace resolute
