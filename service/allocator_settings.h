// Allocator settings for a long-running server process (glibc malloc).
//
// glibc adapts two thresholds as a program runs: blocks above the mmap
// threshold (128 KB at start) get pages of their own, which are unmapped when
// freed, and free memory above the trim threshold at the top of a heap is
// handed back to the kernel. Under a steady stream of documents both keep
// returning pages that the next document faults in again; fixed thresholds
// stop that (measured in bench/HISTORY.md). The price: up to
// `trim_threshold` of free memory may stay with each malloc arena after a
// peak.
//
//   int main() {
//     ConfigureAllocatorForServing();  // first thing, before threads start
//     ...
//   }

#ifndef RESOLUTE_SERVICE_ALLOCATOR_SETTINGS_H_
#define RESOLUTE_SERVICE_ALLOCATOR_SETTINGS_H_

#include <cstddef>
#include <string>

namespace resolute {
namespace service {

// The thresholds the server sets.
struct AllocatorSettings {
  // Blocks at least this large are mapped on their own, and unmapped when
  // freed: a large document's buffers (its content, normalised text and
  // serialized response, several MiB each) go back to the kernel when its
  // call ends instead of staying in the heap (issue 15 item 12: RSS stayed
  // 25-70 MB above the baseline after 16 MB documents). Typical documents
  // (10-100 KB) allocate nothing this large, and gRPC's socket reads (up to
  // 4 MiB a buffer) stay in the heap: at 4 MiB they were mapped and unmapped
  // on every read of a bulk stream, slowing it.
  size_t mmap_threshold = size_t{8} << 20;
  // Free memory kept at the top of a heap before it is returned to the
  // kernel. Also what a worker thread's malloc arena keeps after a large
  // document: malloc_trim cannot return the top of a thread's heap, only
  // this threshold does (at 64 MiB, two workers kept 31 and 32 MB after a
  // 16 MB document each). Typical documents free far less than this.
  size_t trim_threshold = size_t{8} << 20;
};

// What ConfigureAllocatorForServing did.
enum class AllocatorConfiguration {
  // The thresholds were set.
  kApplied,
  // Left to the operator: GLIBC_TUNABLES names a glibc.malloc tunable.
  kLeftToEnvironment,
  // mallopt refused a value (not glibc, or a value out of its range).
  kRefused,
};

// Sets glibc's mmap and trim thresholds to `settings`, unless
// `glibc_tunables` (the GLIBC_TUNABLES variable's value; empty if unset)
// sets any glibc.malloc tunable, in which case the operator's choice stands.
// Call before other threads start.
AllocatorConfiguration ConfigureAllocatorForServing(const std::string& glibc_tunables,
                                                    const AllocatorSettings& settings = {});

// Documents at least this large hand their memory back to the kernel once
// their call has freed it (ReturnMemoryAfterDocument).
inline constexpr size_t kReturnMemoryAfterDocumentBytes = size_t{4} << 20;

// Called once a document's call has freed its request and response: for a
// document of at least kReturnMemoryAfterDocumentBytes, returns the free
// memory of every malloc arena to the kernel (malloc_trim), which the trim
// threshold above would otherwise keep (a 16 MiB document left the server
// at its peak RSS, 90 MB above its baseline). Returns whether it trimmed.
// A few milliseconds, after parses that took hundreds.
bool ReturnMemoryAfterDocument(size_t document_bytes);

}  // namespace service
}  // namespace resolute

#endif  // RESOLUTE_SERVICE_ALLOCATOR_SETTINGS_H_
