// Whether a gRPC target names this machine only, so that a load generator
// cannot be pointed at someone else's server by mistake.
//
//   IsLoopbackTarget("127.0.0.1:50051")        // true
//   IsLoopbackTarget("dns:///localhost:50051") // true
//   IsLoopbackTarget("ipv6:[::1]:50051")       // true
//   IsLoopbackTarget("unix:/tmp/resolute.sock")// true
//   IsLoopbackTarget("resolute:50051")         // false: a name DNS resolves
//
// Judged on the text alone (no DNS lookup): loopback IP literals
// (127.0.0.0/8, ::1, ::ffff:127.x.x.x), the name "localhost", and Unix domain
// sockets. Every address of an "ipv4:"/"ipv6:" list must be loopback.

#ifndef RESOLUTE_BENCH_LOAD_LOOPBACK_TARGET_H_
#define RESOLUTE_BENCH_LOAD_LOOPBACK_TARGET_H_

#include "absl/strings/string_view.h"

namespace resolute {
namespace bench {

// Returns true if `host` (no port, no brackets) is "localhost" or a loopback
// IPv4 or IPv6 literal.
bool IsLoopbackHost(absl::string_view host);

// Returns true if every address `target` (a gRPC target string) can reach is
// on this machine; see above.
bool IsLoopbackTarget(absl::string_view target);

}  // namespace bench
}  // namespace resolute

#endif  // RESOLUTE_BENCH_LOAD_LOOPBACK_TARGET_H_
