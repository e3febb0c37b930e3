#include "client/command_line.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Options {
  std::string server = "localhost:50051";
  int concurrency = 8;
  bool skip = false;
  absl::Duration timeout = absl::InfiniteDuration();
};

FlagSet MakeFlags(Options* o) {
  FlagSet flags("tool parse [options] FILE...", "Parses files.");
  flags.AddString("server", &o->server, "TARGET", "Where the server is.");
  flags.AddInt("concurrency", &o->concurrency, "Documents in flight.");
  flags.AddBool("skip-existing", &o->skip, "Skip done ones.");
  flags.AddDuration("timeout", &o->timeout, "Give up after.");
  return flags;
}

TEST(FlagSet, ParsesAllForms) {
  Options o;
  FlagSet flags = MakeFlags(&o);
  auto args = flags.Parse({"a.txt", "--server=h:1", "--concurrency", "3", "--skip_existing",
                           "--timeout=90s", "-", "--", "--not-a-flag"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(*args, ElementsAre("a.txt", "-", "--not-a-flag"));
  EXPECT_EQ(o.server, "h:1");
  EXPECT_EQ(o.concurrency, 3);
  EXPECT_TRUE(o.skip);
  EXPECT_EQ(o.timeout, absl::Seconds(90));
  EXPECT_FALSE(flags.help_requested());
}

TEST(FlagSet, BooleanForms) {
  Options o;
  FlagSet flags = MakeFlags(&o);
  ASSERT_TRUE(flags.Parse({"--skip-existing=true"}).ok());
  EXPECT_TRUE(o.skip);
  ASSERT_TRUE(flags.Parse({"--no-skip-existing"}).ok());
  EXPECT_FALSE(o.skip);
}

TEST(FlagSet, Errors) {
  Options o;
  FlagSet flags = MakeFlags(&o);
  EXPECT_THAT(std::string(flags.Parse({"--bogus"}).status().message()), HasSubstr("--bogus"));
  EXPECT_THAT(std::string(flags.Parse({"-x"}).status().message()), HasSubstr("-x"));
  EXPECT_THAT(std::string(flags.Parse({"--concurrency=many"}).status().message()),
              HasSubstr("integer"));
  EXPECT_THAT(std::string(flags.Parse({"--server"}).status().message()), HasSubstr("value"));
  EXPECT_THAT(std::string(flags.Parse({"--timeout=soon"}).status().message()),
              HasSubstr("duration"));
  EXPECT_FALSE(flags.Parse({"--skip-existing=maybe"}).ok());
}

TEST(FlagSet, HelpListsOptionsWithDefaults) {
  Options o;
  FlagSet flags = MakeFlags(&o);
  ASSERT_TRUE(flags.Parse({"--help"}).ok());
  EXPECT_TRUE(flags.help_requested());
  const std::string help = flags.Help();
  EXPECT_THAT(help, HasSubstr("Usage: tool parse [options] FILE..."));
  EXPECT_THAT(help, HasSubstr("--server=TARGET"));
  EXPECT_THAT(help, HasSubstr("(default: localhost:50051)"));
  EXPECT_THAT(help, HasSubstr("--concurrency=N"));
  EXPECT_THAT(help, HasSubstr("(default: 8)"));
  EXPECT_THAT(help, HasSubstr("--timeout=DURATION"));
  EXPECT_THAT(help, HasSubstr("(default: none)"));
  EXPECT_THAT(help, HasSubstr("--help"));
}

}  // namespace
}  // namespace client
}  // namespace resolute
