#include "parser/lead_phrase.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "parser/lexicon.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// A fixed set of lower-case words. Nearly all lookups are of words that are
// not in it: a bit per (first byte, length) pair, 256 bytes in all, turns
// most of them away before the hash table is consulted.
class WordSet {
 public:
  explicit WordSet(lexicon::WordList words) : set_(words.begin(), words.end()) {
    for (absl::string_view w : words) lengths_[Row(w)] |= LengthBit(w);
  }
  bool contains(absl::string_view w) const {
    return !w.empty() && (lengths_[Row(w)] & LengthBit(w)) != 0 && set_.contains(w);
  }

 private:
  static size_t Row(absl::string_view w) { return static_cast<unsigned char>(w[0]) & 31; }
  static uint64_t LengthBit(absl::string_view w) { return uint64_t{1} << std::min<size_t>(w.size(), 63); }

  absl::flat_hash_set<absl::string_view> set_;
  uint64_t lengths_[32] = {};
};

// A word of the paragraph opening, lower-cased, with its extent. Words
// longer than the buffer match nothing (no lead-phrase word is that long).
struct Word {
  char buffer[24];
  uint8_t length = 0;
  size_t begin = 0;
  size_t end = 0;           // end of the word, without trailing punctuation
  bool stops_after = false;  // punctuation follows: the phrase cannot go on
  bool capitalized = false;

  absl::string_view lower() const { return absl::string_view(buffer, length); }
};

constexpr size_t kMaxWords = 16;

// The opening words of `text`, up to `max_words` of them, split as they are
// asked for: most questions are settled by the first word or two, and lines
// are asked many times. Splitting stops at a word followed by punctuation.
class Words {
 public:
  Words(absl::string_view text, size_t max_words) : text_(text), max_words_(max_words) {}

  // True if the text has an i-th word (splitting it up to there).
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Has(size_t i) const {
    return i < words_.size() || SplitUpTo(i);
  }
  // The i-th word; Has(i) must be true.
  const Word& operator[](size_t i) const { return words_[i]; }

 private:
  bool SplitUpTo(size_t i) const {
    while (words_.size() <= i && !done_) SplitNext();
    return i < words_.size();
  }

  void SplitNext() const {
    const char* const data = text_.data();
    const size_t n = text_.size();
    size_t i = pos_;
    if (i >= n || words_.size() >= max_words_) {
      done_ = true;
      return;
    }
    while (i < n && data[i] == ' ') ++i;
    if (i >= n) {
      done_ = true;
      return;
    }
    const size_t begin = i;
    while (i < n && data[i] != ' ') ++i;
    pos_ = i;
    size_t end = i;
    bool stops = false;
    while (end > begin && (data[end - 1] == ',' || data[end - 1] == ';' ||
                           data[end - 1] == ':' || data[end - 1] == '.')) {
      --end;
      stops = true;
    }
    if (end == begin) {
      done_ = true;
      return;
    }
    Word& w = words_.emplace_back();  // filled in place
    w.begin = begin;
    w.end = end;
    w.stops_after = stops;
    w.capitalized = IsUpper(data[begin]);
    const size_t length = end - begin;
    if (length <= sizeof(w.buffer)) {
      for (size_t k = 0; k < length; ++k) {
        w.buffer[k] = absl::ascii_tolower(static_cast<unsigned char>(data[begin + k]));
      }
      w.length = static_cast<uint8_t>(length);
    } else {
      w.buffer[0] = '#';  // too long: matches no word
      w.length = 1;
    }
    if (stops) done_ = true;
  }

  absl::string_view text_;
  size_t max_words_;
  // Split so far (a cache: asking does not change what the words are).
  mutable absl::InlinedVector<Word, kMaxWords> words_;
  mutable size_t pos_ = 0;
  mutable bool done_ = false;
};

bool IsAlphaWord(absl::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!IsLower(c) && c != '-') return false;
  }
  return true;
}

// lexicon::LeadAdverbs() (see lexicon.h).
const WordSet& PreAdverbs() {
  static const auto* s = new WordSet(lexicon::LeadAdverbs());
  return *s;
}

// lexicon::PreambularAdjectives() (see lexicon.h).
const WordSet& PreAdjectives() {
  static const auto* s = new WordSet(lexicon::PreambularAdjectives());
  return *s;
}

// lexicon::NotPreambularHeads() (see lexicon.h).
const WordSet& NotPreHeads() {
  static const auto* s = new WordSet(lexicon::NotPreambularHeads());
  return *s;
}

// lexicon::OperativeVerbs() (see lexicon.h).
const WordSet& OperativeVerbs() {
  static const auto* s = new WordSet(lexicon::OperativeVerbs());
  return *s;
}

// lexicon::NotVerbs() (see lexicon.h).
const WordSet& NotVerbs() {
  static const auto* s = new WordSet(lexicon::NotVerbs());
  return *s;
}

// lexicon::AttitudeNouns() (see lexicon.h).
const WordSet& AttitudeNouns() {
  static const auto* s = new WordSet(lexicon::AttitudeNouns());
  return *s;
}

// lexicon::Intensifiers() (see lexicon.h).
const WordSet& Intensifiers() {
  static const auto* s = new WordSet(lexicon::Intensifiers());
  return *s;
}

// lexicon::WithNouns() (see lexicon.h).
const WordSet& WithNouns() {
  static const auto* s = new WordSet(lexicon::WithNouns());
  return *s;
}

// lexicon::ConsiderAdjectives() (see lexicon.h).
const WordSet& ConsiderAdjectives() {
  static const auto* s = new WordSet(lexicon::ConsiderAdjectives());
  return *s;
}

// (The small helpers below are called tens of times per paragraph; they are
// inlined so that most calls cost a compare.)
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool Is(const Words& w, size_t i, absl::string_view s) {
  return w.Has(i) && w[i].lower() == s;
}

size_t MatchPhraseWords(const Words& w, size_t i, absl::string_view phrase);

// Matches the words of `phrase` (space separated) at w[i..]; returns the
// index after them, or i if they do not match (or punctuation cuts them).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t MatchPhrase(const Words& w, size_t i,
                                                       absl::string_view phrase) {
  // Most calls fail on the first word; its first byte tells (words are never
  // empty) before the phrase is split.
  if (!w.Has(i) || w[i].lower()[0] != phrase[0]) return i;
  return MatchPhraseWords(w, i, phrase);
}

size_t MatchPhraseWords(const Words& w, size_t i, absl::string_view phrase) {
  size_t k = i;
  size_t start = 0;
  while (start <= phrase.size()) {
    size_t sp = phrase.find(' ', start);
    if (sp == absl::string_view::npos) sp = phrase.size();
    if (!Is(w, k, phrase.substr(start, sp - start))) return i;
    if (sp < phrase.size() && w[k].stops_after) return i;
    ++k;
    start = sp + 1;
  }
  return k;
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool StopsBefore(const Words& w, size_t i) {
  return i > 0 && w[i - 1].stops_after;
}

// Stem-like name of the head used to pick its complements. (A template over
// the literal list, so that the compiler sees each stem.)
template <size_t N>
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool HeadIs(absl::string_view head,
                                                const absl::string_view (&stems)[N]) {
  for (absl::string_view stem : stems) {
    if (head[0] == stem[0] && absl::StartsWith(head, stem)) return true;
  }
  return false;
}

bool IsPreHead(const Word& w) {
  const absl::string_view s = w.lower();
  if (!IsAlphaWord(s)) return false;
  if (PreAdjectives().contains(s)) return true;
  if (s.size() >= 5 && absl::EndsWith(s, "ing") && !NotPreHeads().contains(s)) return true;
  return false;
}

bool IsOpHead(const Word& w, bool any_s_verb) {
  const absl::string_view s = w.lower();
  if (!IsAlphaWord(s)) return false;
  if (OperativeVerbs().contains(s)) return true;
  if (!any_s_verb || s.size() < 4 || !absl::EndsWith(s, "s")) return false;
  if (absl::EndsWith(s, "ss") || absl::EndsWith(s, "us") || absl::EndsWith(s, "is")) return false;
  return !NotVerbs().contains(s);
}

bool IsHead(const Word& w, ParagraphKind kind, bool any_s_verb) {
  return kind == ParagraphKind::kPreambular ? IsPreHead(w) : IsOpHead(w, any_s_verb);
}

// Adverbs that may come before the head ("Also", "Deeply", "Once again").
size_t SkipLeadingAdverbs(const Words& w, size_t i) {
  while (w.Has(i) && !StopsBefore(w, i + 1)) {
    if (PreAdverbs().contains(w[i].lower())) {
      ++i;
      continue;
    }
    const size_t k = MatchPhrase(w, i, "once again");
    if (k != i) {
      i = k;
      continue;
    }
    break;
  }
  return i;
}

// Modifiers that may follow the head or its complement. After an operative
// verb "further" and "in particular" belong to what follows ("Encourages
// further efforts", "Regrets further that"); after a preambular head they are
// part of the phrase ("Recalling further", "Deploring in particular").
size_t SkipTrailingModifiers(const Words& w, size_t i, ParagraphKind kind) {
  static constexpr absl::string_view kPhrases[] = {
      "in the strongest possible terms", "in the strongest terms", "without reservation",
      "once again", "once more", "also", "again", "firmly", "unequivocally", "strongly"};
  static constexpr absl::string_view kPreambularOnly[] = {"in particular", "further",
                                                          "furthermore"};
  while (w.Has(i) && !StopsBefore(w, i)) {
    size_t next = i;
    // Only phrases that start with the word's first letter can match.
    const char first = w[i].lower()[0];
    if (kind == ParagraphKind::kPreambular) {
      for (absl::string_view p : kPreambularOnly) {
        if (p[0] != first) continue;
        next = MatchPhrase(w, i, p);
        if (next != i) break;
      }
      if (next != i) {
        i = next;
        continue;
      }
    }
    for (absl::string_view p : kPhrases) {
      if (p[0] != first) continue;
      next = MatchPhrase(w, i, p);
      if (next != i) break;
    }
    if (next == i) break;
    i = next;
  }
  return i;
}

// Skips intensifiers ("deep", "very serious") that do not end the phrase.
size_t SkipIntensifiers(const Words& w, size_t i) {
  while (w.Has(i) && Intensifiers().contains(w[i].lower()) && !w[i].stops_after) ++i;
  return i;
}

// "with [deep] concern" after a verb head.
size_t MatchWithPhrase(const Words& w, size_t i) {
  if (!Is(w, i, "with") || StopsBefore(w, i) || w[i].stops_after) return i;
  const size_t k = SkipIntensifiers(w, i + 1);
  if (w.Has(k) && WithNouns().contains(w[k].lower())) return k + 1;
  return i;
}

// "its deep concern", "concern", "the hope": an attitude noun phrase.
size_t MatchAttitude(const Words& w, size_t i, bool allow_the) {
  if (StopsBefore(w, i)) return i;
  size_t k = i;
  if ((Is(w, k, "its") || Is(w, k, "our") || (allow_the && Is(w, k, "the"))) &&
      !w[k].stops_after) {
    ++k;
  }
  k = SkipIntensifiers(w, k);
  if (!w.Has(k) || !AttitudeNouns().contains(w[k].lower())) return i;
  ++k;
  // "regret and concern"
  if (!StopsBefore(w, k) && Is(w, k, "and") && !w[k].stops_after && w.Has(k + 1) &&
      AttitudeNouns().contains(w[k + 1].lower())) {
    k += 2;
  }
  // "its call for", "its call upon"
  if (w[k - 1].lower() == "call" && !StopsBefore(w, k) && (Is(w, k, "for") || Is(w, k, "upon"))) {
    ++k;
  }
  return k;
}

// Complements that belong to particular heads.
size_t MatchHeadComplement(const Words& w, size_t i, absl::string_view head) {
  if (!w.Has(i) || StopsBefore(w, i)) return i;
  size_t k;
  if (HeadIs(head, {"tak"})) {
    if ((k = MatchPhrase(w, i, "note")) != i) return k;
    if ((k = MatchPhrase(w, i, "into account")) != i) return k;
    return i;
  }
  if (HeadIs(head, {"call"})) {
    for (absl::string_view p : {"upon", "on", "for", "attention"}) {
      if ((k = MatchPhrase(w, i, p)) != i) return k;
    }
    return i;
  }
  if (HeadIs(head, {"bear"})) return MatchPhrase(w, i, "in mind");
  if (HeadIs(head, {"look"})) return MatchPhrase(w, i, "forward");
  if (HeadIs(head, {"pay"})) return MatchPhrase(w, i, "tribute");
  if (HeadIs(head, {"draw"})) return MatchPhrase(w, i, "the attention");
  if (HeadIs(head, {"bring"})) return MatchPhrase(w, i, "to the attention");
  if (HeadIs(head, {"consider"})) {
    if (Is(w, i, "it") && !w[i].stops_after && w.Has(i + 1) &&
        ConsiderAdjectives().contains(w[i + 1].lower())) {
      return i + 2;
    }
    return i;
  }
  if (HeadIs(head, {"continu"})) {
    if (Is(w, i, "to") && !w[i].stops_after && w.Has(i + 1) && IsAlphaWord(w[i + 1].lower())) {
      return i + 2;
    }
    return i;
  }
  if (HeadIs(head, {"remain"})) {
    k = i;
    while (w.Has(k) && PreAdverbs().contains(w[k].lower()) && !w[k].stops_after) ++k;
    if (w.Has(k) && PreAdjectives().contains(w[k].lower())) return k + 1;
    return i;
  }
  if (head == "having") {
    k = i;
    if ((Is(w, k, "also") || Is(w, k, "further")) && !w[k].stops_after) ++k;
    if (w.Has(k) && IsAlphaWord(w[k].lower()) && !StopsBefore(w, k)) return k + 1;
    return i;
  }
  if (HeadIs(head, {"express", "reiterat", "reaffirm", "recall", "affirm", "stress",
                    "underscor", "recommit", "renew", "shar", "reconfirm", "underlin"})) {
    return MatchAttitude(w, i, HeadIs(head, {"express"}));
  }
  return i;
}

// Matches a full lead phrase at w[i..] and returns the index after it, or i.
// With `head_only`, returns right after the head: the phrase's extent does
// not matter to callers that only ask whether there is one.
size_t MatchLead(const Words& w, size_t i, ParagraphKind kind, bool any_s_verb,
                 int depth, bool head_only = false) {
  size_t k = SkipLeadingAdverbs(w, i);
  if (!w.Has(k) || !IsHead(w[k], kind, any_s_verb)) {
    // An adverb alone ("Further to ...") is not a lead phrase.
    return i;
  }
  if (head_only) return k + 1;
  const absl::string_view head = w[k].lower();
  const bool verbal = kind == ParagraphKind::kOperative || absl::EndsWith(head, "ing");
  ++k;
  k = SkipTrailingModifiers(w, k, kind);
  size_t c = MatchHeadComplement(w, k, head);
  if (c != k) k = SkipTrailingModifiers(w, c, kind);
  if (verbal) {
    c = MatchWithPhrase(w, k);
    if (c != k) k = SkipTrailingModifiers(w, c, kind);
  }
  // "Welcomes and encourages", "Deplores and strongly condemns", and verbs
  // sharing a preposition: "Calls attention to and reaffirms".
  size_t and_at = k;
  if (depth == 0 && k > 0 && w.Has(k + 1) && !StopsBefore(w, k + 1) &&
      (Is(w, k, "to") || Is(w, k, "for") || Is(w, k, "upon") || Is(w, k, "of")) &&
      Is(w, k + 1, "and")) {
    and_at = k + 1;
  }
  if (depth == 0 && Is(w, and_at, "and") && !StopsBefore(w, and_at) && !w[and_at].stops_after) {
    const size_t next = MatchLead(w, and_at + 1, kind, /*any_s_verb=*/false, depth + 1);
    if (next != and_at + 1) k = next;
  }
  return k;
}

// The length of the lead phrase opening `text`, or 0. With `head_only` the
// result is only zero or not (see MatchLead).
size_t PhraseLength(absl::string_view text, ParagraphKind kind, bool any_s_verb,
                    size_t max_words = kMaxWords, bool head_only = false) {
  if (text.empty() || !IsUpper(text[0])) return 0;
  const Words w(text, max_words);
  if (!w.Has(0) || !w[0].capitalized) return 0;
  const size_t k = MatchLead(w, 0, kind, any_s_verb, 0, head_only);
  if (k == 0) return 0;
  return w[k - 1].end;
}

}  // namespace

size_t LeadPhraseLength(absl::string_view text, ParagraphKind kind) {
  return PhraseLength(text, kind, /*any_s_verb=*/true);
}

// A head comes within the first four words (after at most "Also",
// "Deeply", "Once again"); the rest of the phrase does not matter here.
constexpr size_t kStartWords = 4;

bool StartsWithPreambularLead(absl::string_view line) {
  return PhraseLength(line, ParagraphKind::kPreambular, false, kStartWords, /*head_only=*/true) > 0;
}

bool StartsWithOperativeLead(absl::string_view line) {
  return PhraseLength(line, ParagraphKind::kOperative, false, kStartWords, /*head_only=*/true) > 0;
}

}  // namespace resolute
