// parser/findings.h: diagnostics collected in the order they are made.

#include "parser/findings.h"

#include "google/protobuf/arena.h"
#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(Findings, KeepsOrderSeverityAndSpan) {
  Findings findings;
  findings.Info("A_REPAIR", "repaired", Span{1, 2});
  findings.Warning("A_GUESS", "guessed");
  findings.Error("A_GAP", "missing", Span{5, 9});
  const auto& all = findings.all();
  ASSERT_EQ(all.size(), 3);
  EXPECT_EQ(all[0].severity(), v1::Diagnostic::SEVERITY_INFO);
  EXPECT_EQ(all[0].code(), "A_REPAIR");
  EXPECT_EQ(all[0].message(), "repaired");
  EXPECT_EQ(all[0].span().start(), 1);
  EXPECT_EQ(all[0].span().end(), 2);
  EXPECT_EQ(all[1].severity(), v1::Diagnostic::SEVERITY_WARNING);
  EXPECT_FALSE(all[1].has_span());  // the whole document
  EXPECT_EQ(all[2].severity(), v1::Diagnostic::SEVERITY_ERROR);
  EXPECT_EQ(all[2].message(), "missing");
  EXPECT_EQ(all[2].span().end(), 9);
}

TEST(Findings, ExtendLastWidensOnlyTheLastFindingOfItsCode) {
  Findings findings;
  EXPECT_FALSE(findings.ExtendLast("RUN", 9, "none yet"));
  findings.Info("RUN", "one line", Span{2, 5});
  EXPECT_TRUE(findings.ExtendLast("RUN", 9, "two lines"));
  ASSERT_EQ(findings.all().size(), 1);
  EXPECT_EQ(findings.all()[0].span().start(), 2);
  EXPECT_EQ(findings.all()[0].span().end(), 9);
  EXPECT_EQ(findings.all()[0].message(), "two lines");
  findings.Warning("OTHER", "between", Span{10, 11});
  EXPECT_FALSE(findings.ExtendLast("RUN", 20, "three lines"));
  findings.Info("WHOLE", "no span");
  EXPECT_FALSE(findings.ExtendLast("WHOLE", 20, "spanless"));
  ASSERT_EQ(findings.all().size(), 3);
  EXPECT_EQ(findings.all()[1].span().end(), 11);
  EXPECT_EQ(findings.all()[2].message(), "no span");
}

TEST(Findings, MoveToHandsOverAndEmpties) {
  Findings findings;
  findings.Warning("ONE", "one");
  v1::Resolution out;
  findings.MoveTo(out.mutable_diagnostics());
  ASSERT_EQ(out.diagnostics_size(), 1);
  EXPECT_EQ(out.diagnostics(0).code(), "ONE");
  EXPECT_TRUE(findings.all().empty());
  findings.Info("TWO", "two");
  EXPECT_EQ(findings.all().size(), 1);
}

TEST(Findings, MoveToAppendsAfterWhatIsThere) {
  Findings findings;
  findings.Warning("TWO", "two", Span{3, 4});
  findings.Info("THREE", "three");
  v1::Resolution out;
  out.add_diagnostics()->set_code("ONE");
  findings.MoveTo(out.mutable_diagnostics());
  ASSERT_EQ(out.diagnostics_size(), 3);
  EXPECT_EQ(out.diagnostics(0).code(), "ONE");
  EXPECT_EQ(out.diagnostics(1).code(), "TWO");
  EXPECT_EQ(out.diagnostics(1).span().start(), 3);
  EXPECT_EQ(out.diagnostics(2).code(), "THREE");
  EXPECT_TRUE(findings.all().empty());
}

TEST(Findings, MoveToOnTheSameArenaKeepsTheDiagnostics) {
  google::protobuf::Arena arena;
  auto* out = google::protobuf::Arena::CreateMessage<v1::Resolution>(&arena);
  Findings findings(&arena);
  findings.Error("NO_PARAGRAPHS", "no paragraph");
  const v1::Diagnostic* made = &findings.all()[0];
  findings.MoveTo(out->mutable_diagnostics());
  ASSERT_EQ(out->diagnostics_size(), 1);
  EXPECT_EQ(&out->diagnostics(0), made);  // moved, not copied
  EXPECT_EQ(out->diagnostics(0).message(), "no paragraph");
}

}  // namespace
}  // namespace resolute
