// SubstringIndex: answers "does this string occur in the text?" in time
// linear in the string, whatever the text's size, after a build linear in the
// text (a suffix automaton).
//
//   SubstringIndex index(" Rights of the child ");
//   index.Contains(" of the ");  // true
//   index.Contains(" of child ");  // false
//
// Memory: up to two states and three transitions per byte of the text, some
// tens of bytes per byte; meant for texts of a few KiB (a title), not documents.

#ifndef RESOLUTE_PARSER_SUBSTRING_INDEX_H_
#define RESOLUTE_PARSER_SUBSTRING_INDEX_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace resolute {

// The substrings of one text, for membership queries.
class SubstringIndex {
 public:
  // An index of no text: only the empty string occurs in it.
  SubstringIndex() : SubstringIndex(absl::string_view()) {}

  // Indexes `text` (which need not outlive the index).
  explicit SubstringIndex(absl::string_view text);

  // True if `needle` occurs in the text (the empty string always does).
  bool Contains(absl::string_view needle) const;

 private:
  struct State {
    int32_t len;         // length of the longest string of the state
    int32_t link;        // suffix link; -1 for the initial state
    int32_t first_edge;  // head of the state's list of transitions, or -1
  };
  struct Edge {
    int32_t to;
    int32_t next;  // next transition of the same state, or -1
    unsigned char byte;
  };

  // The state reached from `state` by `byte`, or -1.
  int32_t Next(int32_t state, unsigned char byte) const;
  // Sets the transition of `state` by `byte` (adding it if need be).
  void SetNext(int32_t state, unsigned char byte, int32_t to);
  // Appends one byte to the indexed text.
  void Extend(unsigned char byte);

  std::vector<State> states_;
  std::vector<Edge> edges_;
  int32_t last_ = 0;
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_SUBSTRING_INDEX_H_
