// The benchmark's guard, bench/load/loopback_target.h: which hosts and gRPC
// target strings name this machine only (tables of both answers).

#include "bench/load/loopback_target.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace resolute {
namespace bench {
namespace {

struct Case {
  std::string text;
  bool loopback;
};

TEST(IsLoopbackHost, Table) {
  const std::vector<Case> cases = {
      // IPv4 127.0.0.0/8.
      {"127.0.0.1", true},
      {"127.0.0.2", true},
      {"127.1.2.3", true},
      {"127.255.255.255", true},
      {"126.255.255.255", false},
      {"128.0.0.1", false},
      {"10.0.0.1", false},
      {"192.168.1.10", false},
      {"0.0.0.0", false},
      {"255.255.255.255", false},
      // Shorthand inet_aton accepts but inet_pton does not: not trusted.
      {"127.1", false},
      // IPv6.
      {"::1", true},
      {"0:0:0:0:0:0:0:1", true},
      {"::ffff:127.0.0.1", true},
      {"::ffff:127.9.8.7", true},
      {"::ffff:10.0.0.1", false},
      {"::", false},
      {"::2", false},
      {"2001:db8::1", false},
      {"fe80::1", false},
      // Names.
      {"localhost", true},
      {"LocalHost", true},
      {"localhost.", true},
      {"localhost.localdomain", false},
      {"localhost.example.com", false},
      {"mylocalhost", false},
      {"resolute", false},
      {"example.com", false},
      {"127.0.0.1.nip.io", false},
      // Not bare hosts.
      {"", false},
      {"127.0.0.1:50051", false},
      {"[::1]", false},
      {" 127.0.0.1", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsLoopbackHost(c.text), c.loopback) << "\"" << c.text << "\"";
  }
}

TEST(IsLoopbackTarget, Table) {
  const std::vector<Case> cases = {
      // host:port and bare hosts.
      {"127.0.0.1:50051", true},
      {"127.0.0.1", true},
      {"127.3.2.1:8080", true},
      {"localhost:50051", true},
      {"LOCALHOST:50051", true},
      {"localhost", true},
      {"  127.0.0.1:50051\n", true},
      {"10.0.0.1:50051", false},
      {"10.1.2.3", false},
      {"192.168.0.5:50051", false},
      {"0.0.0.0:50051", false},
      {"resolute:50051", false},
      {"resolute.default.svc.cluster.local:50051", false},
      {"example.com:443", false},
      {"localhost.example.com:50051", false},
      {"", false},
      {"   ", false},
      // IPv6 literals.
      {"[::1]:50051", true},
      {"[::1]", true},
      {"::1", true},
      {"[::ffff:127.0.0.1]:50051", true},
      {"[::]:50051", false},
      {"[2001:db8::1]:50051", false},
      {"[::1:50051", false},  // No closing bracket.
      {"2001:db8::1", false},
      // ipv4: and ipv6: address lists: every address must be loopback.
      {"ipv4:127.0.0.1:50051", true},
      {"ipv4:127.0.0.1:1,127.0.0.2:2", true},
      {"ipv4:127.0.0.1", true},
      {"ipv4:10.0.0.1:50051", false},
      {"ipv4:127.0.0.1:1,10.0.0.1:2", false},
      {"ipv4:10.0.0.1:1,127.0.0.1:2", false},
      {"ipv4:127.0.0.1:1,127.0.0.2:2,192.168.1.1:3", false},
      {"ipv4:127.0.0.1:1,", false},
      {"ipv4:", false},
      {"ipv6:[::1]:50051", true},
      {"ipv6:[::1]:1,[::1]:2", true},
      {"ipv6:[::1]:1,[::ffff:127.0.0.1]:2", true},
      {"ipv6:[::1]:1,[2001:db8::1]:2", false},
      {"ipv6:[2001:db8::1]:50051", false},
      {"ipv6:", false},
      // The dns resolver.
      {"dns:///localhost:50051", true},
      {"dns:///127.0.0.1:50051", true},
      {"dns:///[::1]:50051", true},
      {"dns:localhost:50051", true},
      {"dns:127.0.0.1:50051", true},
      {"dns://127.0.0.1:53/localhost:50051", true},
      {"dns:///resolute:50051", false},
      {"dns:///10.0.0.1:50051", false},
      {"dns:///example.com:443", false},
      {"dns://127.0.0.1:53/example.com:443", false},
      {"dns://localhost:50051", false},  // An authority and no host.
      {"dns:", false},
      // Unix domain sockets are always local.
      {"unix:/tmp/resolute.sock", true},
      {"unix:///tmp/resolute.sock", true},
      {"unix:relative.sock", true},
      {"unix-abstract:resolute", true},
      // Other resolvers are not trusted, whatever they name.
      {"xds:///localhost:50051", false},
      {"http://localhost:50051", false},
      {"custom:///127.0.0.1:50051", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsLoopbackTarget(c.text), c.loopback) << "\"" << c.text << "\"";
  }
}

}  // namespace
}  // namespace bench
}  // namespace resolute
