// The JSON logger: line layout, escaping (table), levels, the flag type.

#include "service/json_log.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace resolute {
namespace service {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;

absl::Time FixedTime() {
  return absl::FromCivil(absl::CivilSecond(2024, 5, 1, 12, 0, 3), absl::UTCTimeZone()) +
         absl::Milliseconds(45);
}

struct Captured {
  std::vector<std::string> lines;
  Logger Make(LogLevel level) {
    return Logger([this](absl::string_view line) { lines.emplace_back(line); }, level, FixedTime);
  }
};

TEST(JsonLog, LineHasTimeLevelMessageThenFieldsInOrder) {
  Captured out;
  Logger logger = out.Make(LogLevel::kDebug);
  logger.Info("call finished", {{"method", "resolute.v1.ResolutionParserService/ParseResolution"},
                                {"status", "OK"},
                                {"duration_ms", 12.5},
                                {"requests", 1},
                                {"bytes", int64_t{1} << 40},
                                {"tls", true}});
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_EQ(out.lines[0],
            "{\"time\":\"2024-05-01T12:00:03.045Z\",\"level\":\"info\",\"message\":\"call "
            "finished\",\"method\":\"resolute.v1.ResolutionParserService/ParseResolution\",\"status\":"
            "\"OK\",\"duration_ms\":12.5,\"requests\":1,\"bytes\":1099511627776,\"tls\":true}\n");
}

TEST(JsonLog, TimeIsRfc3339UtcWithMilliseconds) {
  EXPECT_EQ(FormatLogTime(FixedTime()), "2024-05-01T12:00:03.045Z");
  EXPECT_EQ(FormatLogTime(absl::UnixEpoch()), "1970-01-01T00:00:00.000Z");
  // Whatever the local time zone, the time is UTC.
  EXPECT_EQ(FormatLogTime(absl::FromUnixSeconds(1700000000) + absl::Microseconds(999999)),
            "2023-11-14T22:13:20.999Z");
}

TEST(JsonLog, KeysAndMessagesAreEscapedToo) {
  Captured out;
  Logger logger = out.Make(LogLevel::kInfo);
  logger.Warning("bad \"value\"\n", {{"we\"ird", "v"}});
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_THAT(out.lines[0], ::testing::HasSubstr(
                                "\"message\":\"bad \\\"value\\\"\\n\",\"we\\\"ird\":\"v\"}\n"));
  // One line: the only newline is the last character.
  EXPECT_EQ(out.lines[0].find('\n'), out.lines[0].size() - 1);
}

TEST(JsonLog, NonFiniteNumbersAreNull) {
  Captured out;
  Logger logger = out.Make(LogLevel::kInfo);
  logger.Info("m", {{"a", std::numeric_limits<double>::infinity()},
                    {"b", std::numeric_limits<double>::quiet_NaN()},
                    {"c", 0.001},
                    {"d", -3}});
  EXPECT_THAT(out.lines[0], ::testing::HasSubstr("\"a\":null,\"b\":null,\"c\":0.001,\"d\":-3}"));
}

TEST(JsonLog, LevelFiltersLines) {
  Captured out;
  Logger logger = out.Make(LogLevel::kWarning);
  EXPECT_FALSE(logger.Enabled(LogLevel::kInfo));
  EXPECT_TRUE(logger.Enabled(LogLevel::kError));
  logger.Debug("d");
  logger.Info("i");
  logger.Warning("w");
  logger.Error("e");
  ASSERT_EQ(out.lines.size(), 2u);
  EXPECT_THAT(out.lines[0], ::testing::HasSubstr("\"level\":\"warning\",\"message\":\"w\""));
  EXPECT_THAT(out.lines[1], ::testing::HasSubstr("\"level\":\"error\",\"message\":\"e\""));
  logger.set_level(LogLevel::kDebug);
  logger.Debug("d");
  ASSERT_EQ(out.lines.size(), 3u);
  EXPECT_THAT(out.lines[2], ::testing::HasSubstr("\"level\":\"debug\""));
}

TEST(JsonLog, ConcurrentLinesNeverInterleave) {
  std::string all;
  Logger logger([&all](absl::string_view line) { all.append(line.data(), line.size()); }, LogLevel::kInfo);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&logger, t] {
      for (int i = 0; i < 500; ++i) logger.Info("tick", {{"thread", t}, {"i", i}});
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<std::string> lines = absl::StrSplit(all, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2000u);
  for (const std::string& line : lines) {
    EXPECT_THAT(line, StartsWith("{\"time\":\""));
    EXPECT_EQ(line.back(), '}');
  }
}

TEST(JsonLog, LevelFlagParsing) {
  const std::pair<const char*, LogLevel> good[] = {
      {"debug", LogLevel::kDebug}, {"INFO", LogLevel::kInfo},    {"warning", LogLevel::kWarning},
      {"warn", LogLevel::kWarning}, {" error ", LogLevel::kError},
  };
  for (const auto& [text, level] : good) {
    LogLevel parsed = LogLevel::kInfo;
    std::string error;
    EXPECT_TRUE(AbslParseFlag(text, &parsed, &error)) << text;
    EXPECT_EQ(parsed, level) << text;
  }
  for (const char* bad : {"", "verbose", "trace", "2"}) {
    LogLevel parsed;
    std::string error;
    EXPECT_FALSE(AbslParseFlag(bad, &parsed, &error)) << bad;
    EXPECT_EQ(error, "must be one of debug, info, warning, error");
  }
  EXPECT_EQ(AbslUnparseFlag(LogLevel::kWarning), "warning");
}

}  // namespace
}  // namespace service
}  // namespace resolute
