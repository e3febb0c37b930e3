#include "bench/parser/memory_stats.h"

#include <cstdlib>
#include <fstream>
#include <new>
#include <string>

namespace resolute {
namespace bench {
namespace {

// Per thread, so that counting costs an add (an atomic would cost more than
// many of the allocations counted).
thread_local uint64_t alloc_count = 0;
thread_local uint64_t alloc_bytes = 0;

void* Allocate(std::size_t size) {
  ++alloc_count;
  alloc_bytes += size;
  if (size == 0) size = 1;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void* AllocateAligned(std::size_t size, std::align_val_t align) {
  ++alloc_count;
  alloc_bytes += size;
  const std::size_t a = static_cast<std::size_t>(align);
  // aligned_alloc needs a size that is a multiple of the alignment.
  const std::size_t rounded = (size + a - 1) / a * a;
  if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) return p;
  throw std::bad_alloc();
}

}  // namespace

AllocStats CurrentAllocStats() { return AllocStats{alloc_count, alloc_bytes}; }

namespace {

// A "Name:   1234 kB" field of /proc/self/status, in bytes; 0 if absent.
uint64_t StatusField(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(name, 0) == 0) return std::stoull(line.substr(name.size())) * 1024;
  }
  return 0;
}

}  // namespace

uint64_t PeakRssBytes() { return StatusField("VmHWM:"); }

uint64_t CurrentRssBytes() { return StatusField("VmRSS:"); }

bool ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

}  // namespace bench
}  // namespace resolute

// Replacements of the global allocation functions ([replacement.functions]).
void* operator new(std::size_t size) { return resolute::bench::Allocate(size); }
void* operator new[](std::size_t size) { return resolute::bench::Allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return resolute::bench::Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return resolute::bench::Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t align) {
  return resolute::bench::AllocateAligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return resolute::bench::AllocateAligned(size, align);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
