#include "service/allocator_settings.h"

#include <malloc.h>

#include <climits>

#include "absl/strings/match.h"

namespace resolute {
namespace service {

AllocatorConfiguration ConfigureAllocatorForServing(const std::string& glibc_tunables,
                                                    const AllocatorSettings& settings) {
  if (absl::StrContains(glibc_tunables, "glibc.malloc.")) {
    return AllocatorConfiguration::kLeftToEnvironment;
  }
  if (settings.mmap_threshold > INT_MAX || settings.trim_threshold > INT_MAX) {
    return AllocatorConfiguration::kRefused;
  }
  // Setting either threshold also stops glibc from adapting them.
  const bool mmap_set = mallopt(M_MMAP_THRESHOLD, static_cast<int>(settings.mmap_threshold)) == 1;
  const bool trim_set = mallopt(M_TRIM_THRESHOLD, static_cast<int>(settings.trim_threshold)) == 1;
  return mmap_set && trim_set ? AllocatorConfiguration::kApplied
                              : AllocatorConfiguration::kRefused;
}

bool ReturnMemoryAfterDocument(size_t document_bytes) {
  if (document_bytes < kReturnMemoryAfterDocumentBytes) return false;
  malloc_trim(0);
  return true;
}

}  // namespace service
}  // namespace resolute
