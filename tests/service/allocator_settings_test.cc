#include "service/allocator_settings.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

constexpr size_t kMegabyte = size_t{1} << 20;

// Bytes glibc currently holds in blocks mapped on their own.
size_t MappedBytes() { return mallinfo2().hblkhd; }

// Allocates and touches `size` bytes; the caller frees them.
char* AllocateBlock(size_t size) {
  char* block = static_cast<char*>(std::malloc(size));
  std::memset(block, 1, size);
  asm volatile("" : : "r"(block) : "memory");  // The block is used.
  return block;
}

// The thresholds are process-wide, so one test checks glibc's behaviour
// before and after. glibc raises its adaptive mmap threshold to the size of
// each mapped block freed, so every step uses a larger block than the last:
// only then does a block from the heap show the server's setting, not the
// adaptation.
TEST(ConfigureAllocatorForServingTest, KeepsMidSizeBlocksInTheHeapAndMapsLargeOnes) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer replaces malloc: glibc's thresholds cannot be observed";
#endif
  const size_t mapped_before = MappedBytes();
  char* block = AllocateBlock(4 * kMegabyte);
  EXPECT_GE(MappedBytes(), mapped_before + 4 * kMegabyte) << "glibc's default maps 4 MB blocks";
  std::free(block);

  // An operator's GLIBC_TUNABLES wins: nothing is set.
  EXPECT_EQ(ConfigureAllocatorForServing("glibc.malloc.arena_max=2"),
            AllocatorConfiguration::kLeftToEnvironment);
  block = AllocateBlock(8 * kMegabyte);
  EXPECT_GE(MappedBytes(), mapped_before + 8 * kMegabyte);
  std::free(block);

  // Other tunables do not count as the operator's malloc choice.
  ASSERT_EQ(ConfigureAllocatorForServing("glibc.pthread.rseq=0"), AllocatorConfiguration::kApplied);
  // Had glibc kept adapting, freeing a mapped 12 MB block would raise its
  // threshold to 12 MB; a 10 MB block is mapped only because of the server's
  // fixed 8 MiB threshold (returned to the kernel when freed), and a 3 MB
  // block comes from the heap and stays there when freed (the trim
  // threshold).
  block = AllocateBlock(12 * kMegabyte);
  std::free(block);
  block = AllocateBlock(10 * kMegabyte);
  EXPECT_GE(MappedBytes(), mapped_before + 10 * kMegabyte) << "large blocks are mapped";
  std::free(block);
  block = AllocateBlock(3 * kMegabyte);
  EXPECT_LT(MappedBytes(), mapped_before + 3 * kMegabyte) << "the block came from the heap";
  std::free(block);
  EXPECT_GE(mallinfo2().fordblks, 3 * kMegabyte) << "the freed block stays in the heap";
}

TEST(ConfigureAllocatorForServingTest, RefusesThresholdsGlibcCannotTake) {
  AllocatorSettings settings;
  settings.trim_threshold = size_t{1} << 40;
  EXPECT_EQ(ConfigureAllocatorForServing("", settings), AllocatorConfiguration::kRefused);
}

}  // namespace
}  // namespace service
}  // namespace resolute
