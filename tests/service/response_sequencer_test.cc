#include "service/response_sequencer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

ArenaResponse Response(const std::string& id) {
  ArenaResponse r = ArenaResponse::New();
  r->set_document_id(id);
  return r;
}

std::vector<std::string> PopAll(ResponseSequencer* s) {
  std::vector<std::string> ids;
  ArenaResponse r;
  while (s->PopReady(&r)) ids.push_back(r->document_id());
  return ids;
}

TEST(ResponseSequencer, CompletionOrderReleasesAsCompleted) {
  ResponseSequencer s(ResponseSequencer::Order::kCompletion);
  const uint64_t a = s.Reserve(), b = s.Reserve(), c = s.Reserve();
  EXPECT_EQ(s.outstanding(), 3u);
  s.Complete(c, Response("c"));
  s.Complete(a, Response("a"));
  EXPECT_EQ(PopAll(&s), (std::vector<std::string>{"c", "a"}));
  EXPECT_EQ(s.outstanding(), 1u);
  s.Complete(b, Response("b"));
  EXPECT_EQ(PopAll(&s), (std::vector<std::string>{"b"}));
  EXPECT_EQ(s.outstanding(), 0u);
}

TEST(ResponseSequencer, ReservationOrderHoldsBackLaterOnes) {
  ResponseSequencer s(ResponseSequencer::Order::kReservation);
  const uint64_t a = s.Reserve(), b = s.Reserve(), c = s.Reserve();
  s.Complete(c, Response("c"));
  s.Complete(b, Response("b"));
  EXPECT_TRUE(PopAll(&s).empty());
  EXPECT_EQ(s.outstanding(), 3u);
  s.Complete(a, Response("a"));
  EXPECT_EQ(PopAll(&s), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(s.outstanding(), 0u);
}

TEST(ResponseSequencer, DiscardReadyDropsOnlyWhatIsReleasable) {
  ResponseSequencer s(ResponseSequencer::Order::kReservation);
  const uint64_t a = s.Reserve(), b = s.Reserve(), c = s.Reserve();
  s.Complete(a, Response("a"));
  s.Complete(c, Response("c"));
  s.DiscardReady();  // "a" only: "c" waits for "b".
  EXPECT_EQ(s.outstanding(), 2u);
  s.Complete(b, Response("b"));
  s.DiscardReady();
  EXPECT_EQ(s.outstanding(), 0u);
  EXPECT_TRUE(PopAll(&s).empty());
}

TEST(ResponseSequencer, ReservationOrderInterleaved) {
  ResponseSequencer s(ResponseSequencer::Order::kReservation);
  const uint64_t a = s.Reserve();
  s.Complete(a, Response("a"));
  EXPECT_EQ(PopAll(&s), (std::vector<std::string>{"a"}));
  const uint64_t b = s.Reserve(), c = s.Reserve();
  s.Complete(c, Response("c"));
  EXPECT_TRUE(PopAll(&s).empty());
  s.Complete(b, Response("b"));
  EXPECT_EQ(PopAll(&s), (std::vector<std::string>{"b", "c"}));
}

}  // namespace
}  // namespace service
}  // namespace resolute
