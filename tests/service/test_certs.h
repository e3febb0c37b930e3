// Test helper: a throwaway PKI made with the openssl command-line tool.
//
//   absl::StatusOr<TestCertificates> certs = GenerateTestCertificates(dir);
//   ServerOptions options;
//   options.tls = LoadTlsOptions(certs->server_cert, certs->server_key,
//                                certs->ca_cert).value();
//
// A CA; a server certificate for localhost and 127.0.0.1 (subjectAltName,
// serverAuth) and a client certificate (clientAuth), both signed by the CA;
// and a second CA with a client certificate of its own, which a server
// trusting only the first CA must refuse. EC P-256 keys, valid two days.

#ifndef RESOLUTE_TESTS_SERVICE_TEST_CERTS_H_
#define RESOLUTE_TESTS_SERVICE_TEST_CERTS_H_

#include <string>

#include "absl/status/statusor.h"

namespace resolute {
namespace testing {

// Paths of the PEM files.
struct TestCertificates {
  std::string ca_cert;
  std::string server_cert;
  std::string server_key;
  std::string client_cert;
  std::string client_key;
  // Signed by another CA.
  std::string other_ca_cert;
  std::string other_client_cert;
  std::string other_client_key;
};

// Writes the files into `dir` (created if needed) with /usr/bin/openssl.
// Returns INTERNAL with openssl's output if a command fails.
absl::StatusOr<TestCertificates> GenerateTestCertificates(const std::string& dir);

// Returns the contents of `path` ("" if it cannot be read).
std::string ReadTextFile(const std::string& path);

}  // namespace testing
}  // namespace resolute

#endif  // RESOLUTE_TESTS_SERVICE_TEST_CERTS_H_
