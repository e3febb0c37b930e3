#include "bench/load/loopback_target.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace resolute {
namespace bench {
namespace {

// The host of "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6
// literal; empty if malformed.
absl::string_view HostOf(absl::string_view address) {
  if (absl::ConsumePrefix(&address, "[")) {
    const size_t close = address.find(']');
    if (close == absl::string_view::npos) return "";
    return address.substr(0, close);
  }
  const size_t colon = address.find(':');
  if (colon == absl::string_view::npos) return address;
  if (address.find(':', colon + 1) != absl::string_view::npos) return address;  // Bare IPv6.
  return address.substr(0, colon);
}

}  // namespace

bool IsLoopbackHost(absl::string_view host) {
  if (host.empty()) return false;
  if (absl::EqualsIgnoreCase(host, "localhost") || absl::EqualsIgnoreCase(host, "localhost.")) {
    return true;
  }
  const std::string text(host);
  in_addr v4;
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

bool IsLoopbackTarget(absl::string_view target) {
  target = absl::StripAsciiWhitespace(target);
  if (absl::StartsWith(target, "unix:") || absl::StartsWith(target, "unix-abstract:")) {
    return true;
  }
  if (absl::ConsumePrefix(&target, "ipv4:") || absl::ConsumePrefix(&target, "ipv6:")) {
    if (target.empty()) return false;
    for (absl::string_view address : absl::StrSplit(target, ',')) {
      if (!IsLoopbackHost(HostOf(address))) return false;
    }
    return true;
  }
  if (absl::ConsumePrefix(&target, "dns:")) {
    // dns:host:port, dns:///host:port or dns://authority/host:port.
    if (absl::ConsumePrefix(&target, "//")) {
      const size_t slash = target.find('/');
      if (slash == absl::string_view::npos) return false;
      target.remove_prefix(slash + 1);
    }
  } else if (absl::StrContains(target, "://")) {
    return false;  // Another resolver scheme: unknown, so not trusted.
  }
  return IsLoopbackHost(HostOf(target));
}

}  // namespace bench
}  // namespace resolute
