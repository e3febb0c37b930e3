// parser/findings.h: diagnostics collected in the order they are made.

#include "parser/findings.h"

#include "gtest/gtest.h"

namespace resolute {
namespace {

TEST(Findings, KeepsOrderSeverityAndSpan) {
  Findings findings;
  findings.Info("A_REPAIR", "repaired", Span{1, 2});
  findings.Warning("A_GUESS", "guessed");
  findings.Error("A_GAP", "missing", Span{5, 9});
  const auto& all = findings.all();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].severity, v1::Diagnostic::SEVERITY_INFO);
  EXPECT_EQ(all[0].code, "A_REPAIR");
  EXPECT_EQ(all[0].span.begin, 1);
  EXPECT_EQ(all[1].severity, v1::Diagnostic::SEVERITY_WARNING);
  EXPECT_TRUE(all[1].span.empty());  // the whole document
  EXPECT_EQ(all[2].severity, v1::Diagnostic::SEVERITY_ERROR);
  EXPECT_EQ(all[2].message, "missing");
  EXPECT_EQ(all[2].span.end, 9);
}

TEST(Findings, TakeAllHandsOverAndEmpties) {
  Findings findings;
  findings.Warning("ONE", "one");
  const std::vector<Finding> taken = findings.TakeAll();
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].code, "ONE");
  EXPECT_TRUE(findings.all().empty());
  findings.Info("TWO", "two");
  EXPECT_EQ(findings.all().size(), 1u);
}

}  // namespace
}  // namespace resolute
