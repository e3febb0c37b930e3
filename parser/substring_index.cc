#include "parser/substring_index.h"

namespace resolute {

SubstringIndex::SubstringIndex(absl::string_view text) {
  states_.reserve(2 * text.size() + 1);
  edges_.reserve(3 * text.size());
  states_.push_back(State{0, -1, -1});
  for (char c : text) Extend(static_cast<unsigned char>(c));
}

bool SubstringIndex::Contains(absl::string_view needle) const {
  int32_t state = 0;
  for (char c : needle) {
    state = Next(state, static_cast<unsigned char>(c));
    if (state < 0) return false;
  }
  return true;
}

int32_t SubstringIndex::Next(int32_t state, unsigned char byte) const {
  for (int32_t e = states_[state].first_edge; e >= 0; e = edges_[e].next) {
    if (edges_[e].byte == byte) return edges_[e].to;
  }
  return -1;
}

void SubstringIndex::SetNext(int32_t state, unsigned char byte, int32_t to) {
  for (int32_t e = states_[state].first_edge; e >= 0; e = edges_[e].next) {
    if (edges_[e].byte == byte) {
      edges_[e].to = to;
      return;
    }
  }
  edges_.push_back(Edge{to, states_[state].first_edge, byte});
  states_[state].first_edge = static_cast<int32_t>(edges_.size() - 1);
}

// The standard online construction (Blumer et al.): one new state per byte,
// and a clone where a state would otherwise stand for strings that end in
// different places.
void SubstringIndex::Extend(unsigned char byte) {
  const int32_t cur = static_cast<int32_t>(states_.size());
  states_.push_back(State{states_[last_].len + 1, -1, -1});
  int32_t p = last_;
  while (p >= 0 && Next(p, byte) < 0) {
    SetNext(p, byte, cur);
    p = states_[p].link;
  }
  if (p < 0) {
    states_[cur].link = 0;
  } else {
    const int32_t q = Next(p, byte);
    if (states_[p].len + 1 == states_[q].len) {
      states_[cur].link = q;
    } else {
      const int32_t clone = static_cast<int32_t>(states_.size());
      states_.push_back(State{states_[p].len + 1, states_[q].link, -1});
      for (int32_t e = states_[q].first_edge; e >= 0; e = edges_[e].next) {
        edges_.push_back(Edge{edges_[e].to, states_[clone].first_edge, edges_[e].byte});
        states_[clone].first_edge = static_cast<int32_t>(edges_.size() - 1);
      }
      while (p >= 0 && Next(p, byte) == q) {
        SetNext(p, byte, clone);
        p = states_[p].link;
      }
      states_[q].link = clone;
      states_[cur].link = clone;
    }
  }
  last_ = cur;
}

}  // namespace resolute
