// Votes: how a resolution was adopted, read from the sentence that records
// it ("Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with
// 1 abstention (China).", "Adopted unanimously at the 1382nd meeting.",
// "adopted by a recorded vote of 120 to 14, with 25 abstentions").

#ifndef RESOLUTE_PARSER_VOTE_H_
#define RESOLUTE_PARSER_VOTE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// What ParseVoteSentence read.
struct VoteRecord {
  v1::Vote::Method method = v1::Vote::METHOD_UNSPECIFIED;
  int yes = 0;
  int no = 0;
  int abstentions = 0;
  std::vector<std::string> yes_states;
  std::vector<std::string> no_states;
  std::vector<std::string> abstaining_states;
  std::string meeting;  // "2963rd meeting", if the sentence names it
};

// True if `line` starts a sentence that records the adoption ("Adopted ...",
// "Adopted unanimously ...").
bool StartsVoteSentence(absl::string_view line);

// Reads a vote sentence (lines joined). Returns nullopt if it records
// neither a method nor a meeting. OCR slips common in older texts are
// accepted: "I" or "l" for 1 ("with I abstention").
std::optional<VoteRecord> ParseVoteSentence(absl::string_view sentence);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_VOTE_H_
