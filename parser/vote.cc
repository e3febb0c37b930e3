#include "parser/vote.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "re2/re2.h"

namespace resolute {
namespace {

// A count as printed: digits, a number word, "none", or an OCR "I"/"l".
int CountValue(absl::string_view word) {
  static constexpr struct { absl::string_view word; int value; } kWords[] = {
      {"none", 0}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
      {"six", 6},  {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}};
  int v = 0;
  std::string digits(word);
  for (char& c : digits) {
    if (c == 'I' || c == 'l') c = '1';
  }
  if (absl::SimpleAtoi(digits, &v)) return v;
  for (const auto& w : kWords) {
    if (word == w.word) return w.value;
  }
  return 0;
}

// "Cuba and Yemen", "France, United Kingdom ... and United States of America".
std::vector<std::string> States(absl::string_view list) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(list, ", ")) {
    for (absl::string_view state : absl::StrSplit(part, " and ")) {
      state = absl::StripAsciiWhitespace(state);
      if (!state.empty()) out.emplace_back(state);
    }
  }
  // "United Kingdom of Great Britain and Northern Ireland" contains " and ".
  std::vector<std::string> merged;
  for (std::string& s : out) {
    if (!merged.empty() && s == "Northern Ireland" &&
        absl::EndsWith(merged.back(), "Great Britain")) {
      merged.back() += " and Northern Ireland";
      continue;
    }
    merged.push_back(std::move(s));
  }
  return merged;
}

// Digits (with OCR's "I" or "l" for 1: "I1" is 11), a number word or "none".
constexpr char kCount[] = R"(([0-9Il]+|none|one|two|three|four|five|six|seven|eight|nine|ten))";

}  // namespace

bool StartsVoteSentence(absl::string_view line) {
  return absl::StartsWith(line, "Adopted ") && !absl::StartsWith(line, "Adopted by the ");
}

std::optional<VoteRecord> ParseVoteSentence(absl::string_view sentence_view) {
  VoteRecord v;
  const re2::StringPiece sentence(sentence_view.data(), sentence_view.size());
  static const RE2 kMeeting(R"(at (?:the|its) (\d+(?:st|nd|rd|th)) (?:\((?:closed|resumed)\) )?(?:plenary )?meeting)");
  static const RE2 kVotes(std::string(R"(by )") + kCount + R"( votes? to )" + kCount +
                          R"((?: \(([^)]*)\))?)");
  static const RE2 kRecorded(std::string(R"(recorded vote of )") + kCount + R"( to )" + kCount +
                             R"((?: \(([^)]*)\))?)");
  static const RE2 kAbstentions(std::string(R"(with )") + kCount +
                                R"( abstentions?(?: \(([^)]*)\))?)");
  // Each pattern has a word that must be there for it to match: looking for
  // the word first spares most sentences the regular expression.
  std::string meeting;
  if (absl::StrContains(sentence_view, "meeting") && RE2::PartialMatch(sentence, kMeeting, &meeting)) {
    v.meeting = meeting + " meeting";
    const size_t at = sentence_view.find(meeting);
    if (at != absl::string_view::npos &&
        absl::StartsWith(sentence_view.substr(at + meeting.size()), " plenary meeting")) {
      v.meeting = meeting + " plenary meeting";
    }
  }
  std::string yes, no, no_list;
  if ((absl::StrContains(sentence_view, " vote") &&
       RE2::PartialMatch(sentence, kVotes, &yes, &no, &no_list)) ||
      (absl::StrContains(sentence_view, "recorded vote of ") &&
       RE2::PartialMatch(sentence, kRecorded, &yes, &no, &no_list))) {
    v.method = v1::Vote::METHOD_VOTE;
    v.yes = CountValue(yes);
    v.no = CountValue(no);
    v.no_states = States(no_list);
    std::string abst, abst_list;
    if (absl::StrContains(sentence_view, " abstention") &&
        RE2::PartialMatch(sentence, kAbstentions, &abst, &abst_list)) {
      v.abstentions = CountValue(abst);
      v.abstaining_states = States(abst_list);
    }
  } else if (absl::StrContains(sentence_view, "unanimously")) {
    v.method = v1::Vote::METHOD_UNANIMOUS;
  } else if (absl::StrContains(sentence_view, "without a vote") ||
             absl::StrContains(sentence_view, "without vote") ||
             absl::StrContains(sentence_view, "by consensus")) {
    v.method = v1::Vote::METHOD_WITHOUT_VOTE;
  }
  if (v.method == v1::Vote::METHOD_UNSPECIFIED && v.meeting.empty()) return std::nullopt;
  return v;
}

}  // namespace resolute
