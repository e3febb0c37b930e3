#include "parser/citations.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <cstring>
#include <optional>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "parser/byte_scan.h"
#include "parser/document_symbol.h"
#include "parser/lexicon.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\f'; }

// A whitespace-separated word of the text with its position.
struct Token {
  absl::string_view text;
  int begin = 0;  // absolute offset
  int span = 0;   // index of the span it is in
};

// The last occurrence of `needle` (not empty) in `haystack`, or npos.
// (std::string::rfind compares at every position; this jumps between
// occurrences of the first byte, a capital letter in most names looked for.)
size_t RFind(absl::string_view haystack, absl::string_view needle) {
  if (needle.size() > haystack.size()) return absl::string_view::npos;
  size_t candidates = haystack.size() - needle.size() + 1;  // positions [0, candidates)
  while (candidates > 0) {
    const void* found = memrchr(haystack.data(), needle[0], candidates);
    if (found == nullptr) break;
    const size_t pos = static_cast<size_t>(static_cast<const char*>(found) - haystack.data());
    if (std::memcmp(haystack.data() + pos, needle.data(), needle.size()) == 0) return pos;
    candidates = pos;
  }
  return absl::string_view::npos;
}

// Strips quotes, brackets and punctuation around a token; returns the
// offset of what is left within the token through `offset`.
absl::string_view StripToken(absl::string_view t, size_t* offset) {
  size_t b = 0, e = t.size();
  auto is_open = [&](size_t k) {
    return t[k] == '(' || t[k] == '"' || t[k] == '[' || t[k] == '\'' ||
           (k + 3 <= t.size() && (t.substr(k, 3) == "\xE2\x80\x9C" || t.substr(k, 3) == "\xE2\x80\x98"));
  };
  while (b < e && is_open(b)) b += static_cast<unsigned char>(t[b]) >= 0x80 ? 3 : 1;
  // Brackets in what is left, counted once: stripping a ")" drops one.
  size_t opens = 0, closes = 0;
  for (size_t k = b; k < e; ++k) opens += t[k] == '(', closes += t[k] == ')';
  while (e > b) {
    const char c = t[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '"' || c == ']' || c == '\'') {
      --e;
    } else if (c == ')') {
      // Keep a closing bracket that closes one inside the token: "1514(XV)".
      if (opens >= closes) break;
      --e;
      --closes;
    } else if (e - b >= 3 && static_cast<unsigned char>(c) >= 0x80 &&
               (t.substr(e - 3, 3) == "\xE2\x80\x9D" || t.substr(e - 3, 3) == "\xE2\x80\x99")) {
      e -= 3;
    } else {
      break;
    }
  }
  *offset = b;
  return t.substr(b, e - b);
}

// "(XV)" or "(2016)" following a resolution number.
bool IsParenthesizedSession(absl::string_view t) {
  if (t.size() < 3 || t.front() != '(' || t.back() != ')') return false;
  absl::string_view in = t.substr(1, t.size() - 2);
  if (in.size() == 4 && IsDigit(in[0]) && IsDigit(in[1]) && IsDigit(in[2]) && IsDigit(in[3])) {
    return true;
  }
  absl::string_view r = in;
  if (absl::StartsWith(r, "S-") || absl::StartsWith(r, "ES-")) r = r.substr(r.find('-') + 1);
  return IsUpperRoman(r);
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// The body a resolution number belongs to, from the words before it.
enum class Issuer { kDefault, kGeneralAssembly, kSecurityCouncil, kEcosoc, kHumanRights, kOther };

Issuer IssuerOf(lexicon::IssuerKind kind) {
  switch (kind) {
    case lexicon::IssuerKind::kGeneralAssembly: return Issuer::kGeneralAssembly;
    case lexicon::IssuerKind::kSecurityCouncil: return Issuer::kSecurityCouncil;
    case lexicon::IssuerKind::kEcosoc: return Issuer::kEcosoc;
    case lexicon::IssuerKind::kHumanRights: return Issuer::kHumanRights;
    case lexicon::IssuerKind::kOther: return Issuer::kOther;
  }
  return Issuer::kOther;
}

Issuer IssuerBefore(const std::vector<Token>& tokens, size_t at) {
  // The nearest body named in the ten words before "resolution(s)":
  // "Human Rights Council resolutions, in particular resolutions 7/34".
  const size_t first = at >= 10 ? at - 10 : 0;
  size_t size = 0;
  for (size_t k = first; k < at; ++k) size += tokens[k].text.size() + 1;
  std::string before;
  before.reserve(size);
  for (size_t k = first; k < at; ++k) before.append(tokens[k].text.data(), tokens[k].text.size()).push_back(' ');
  // Only names right before the word, or before "resolution(s), in
  // particular"; a name further back that a sentence end separates is not.
  size_t best_at = std::string::npos;
  Issuer best = Issuer::kDefault;
  for (const lexicon::IssuerName& n : lexicon::IssuerNames()) {
    size_t pos = RFind(before, n.text);
    if (pos == std::string::npos) continue;
    // Prefer the longest name ending at the same place ("General Assembly"
    // over "Assembly").
    if (best_at == std::string::npos || pos + n.text.size() > best_at) {
      best_at = pos + n.text.size();
      best = IssuerOf(n.issuer);
    }
  }
  if (best_at == std::string::npos) return Issuer::kDefault;
  // "World Health Assembly", "Environment Assembly": a capitalised word
  // before "Assembly" names another assembly (but not "General").
  if (best == Issuer::kGeneralAssembly && best_at >= 9 &&
      absl::string_view(before).substr(best_at - 8, 8) == "Assembly") {
    absl::string_view head = absl::string_view(before).substr(0, best_at - 8);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    size_t b = head.rfind(' ');
    absl::string_view prev = b == absl::string_view::npos ? head : head.substr(b + 1);
    if (!prev.empty() && IsUpper(prev[0]) && prev != "General") best = Issuer::kOther;
  }
  absl::string_view rest = absl::string_view(before).substr(best_at);
  // The name must be followed only by "resolution(s)" words, "its", commas,
  // "in particular", "and", "including", "of" ... not a full stop or ";".
  if (rest.find(';') != absl::string_view::npos || rest.find(". ") != absl::string_view::npos) {
    return Issuer::kDefault;
  }
  // Names followed by other nouns ("Council decision 2019/201 and
  // resolutions") still apply; keep the window short for "Other" bodies.
  if (best == Issuer::kOther && rest.size() > 2) return Issuer::kDefault;
  return best;
}

// "A", "I", "AA": the part of a resolution adopted in parts.
bool IsPartLetter(absl::string_view p) {
  return (p.size() == 1 && IsUpper(p[0])) || (p.size() == 2 && IsUpper(p[0]) && p[1] == p[0]);
}

// "77/300": a General Assembly style resolution number.
bool IsResolutionNumber(absl::string_view t) {
  const size_t slash = t.find('/');
  return slash != absl::string_view::npos && slash > 0 && AllDigits(t.substr(0, slash)) &&
         AllDigits(t.substr(slash + 1));
}

// Qualifiers printed after a symbol that belong to it: "(Sect. 2)",
// "(Part I)", "(Vol. I)", "(Parts I and II)", "(Introduction)".
bool IsQualifierStart(absl::string_view t) {
  for (absl::string_view q : {"(Sect.", "(Part", "(Parts", "(Vol.", "(Introduction)", "(Chap."}) {
    if (absl::StartsWith(t, q)) return true;
  }
  return false;
}

// Reads the words of the spans, in order, for citations. Only a word with a
// "/" (a symbol) or the word "resolution(s)" (a list of numbers) starts one;
// the rest of the text only matters around those. So rather than splitting
// all of it into words, the scanner looks for the bytes that can start one
// ("/", or "esolution": "e" with "n" eight bytes on, 16 bytes at a time) and
// splits the words of a window there: ten words back (the names of the body,
// "General Assembly resolution ...") and forward as far as the list goes.
// Window indices are relative to its first word; nothing looks further back
// than ten words, so the result is the same as with all words numbered from
// the start.
class Scanner {
 public:
  Scanner(absl::string_view text, const std::vector<Span>& spans) : text_(text), spans_(spans) {}

  std::vector<CitationMention> Run() {
    size_t span = 0;
    const char* from = spans_.empty() ? nullptr : text_.data() + spans_[0].begin;
    while (true) {
      const char* cue = nullptr;
      while (span < spans_.size()) {
        cue = FindCue(from, text_.data() + spans_[span].end);
        if (cue != nullptr) break;
        if (++span < spans_.size()) from = text_.data() + spans_[span].begin;
      }
      if (cue == nullptr) break;
      // The word that holds it; the words between are neither.
      const char* word = cue;
      const char* const span_begin = text_.data() + spans_[span].begin;
      while (word > span_begin && !IsSpace(word[-1])) --word;
      const size_t k = WindowAt(span, word);
      const absl::string_view t = tokens_[k].text;
      size_t last = k;
      if (t == "resolution" || t == "resolutions" || t == "Resolution" || t == "Resolutions") {
        last = ResolutionList(k);
      } else if (std::memchr(t.data(), '/', t.size()) != nullptr) {
        last = Explicit(k);
      }
      // Go on after the last word used.
      span = static_cast<size_t>(tokens_[last].span);
      from = tokens_[last].text.data() + tokens_[last].text.size();
    }
    return std::move(out_);
  }

 private:
  // The first "/" or "esolution" in [p, end), or null.
  static const char* FindCue(const char* p, const char* end) {
    static constexpr absl::string_view kWord = "esolution";  // [Rr]esolutions?
    while (p < end && (p = byte_scan::FindByteOrPair(p, end, '/', kWord.front(), kWord.back(),
                                                     kWord.size() - 1)) != end) {
      if (*p == '/' || std::memcmp(p, kWord.data(), kWord.size()) == 0) return p;
      ++p;
    }
    return nullptr;
  }

  // True if the window has an i-th word (reading words up to it).
  bool Has(size_t i) {
    while (tokens_.size() <= i && ReadToken()) {
    }
    return i < tokens_.size();
  }

  // Appends the next word of the spans to the window; false at their end.
  bool ReadToken() {
    while (read_span_ < spans_.size()) {
      const char* p = read_pos_;
      const char* const end = text_.data() + spans_[read_span_].end;
      while (p < end && IsSpace(*p)) ++p;
      if (p < end) {
        const char* const token_end = byte_scan::FindTokenSpace(p, end);
        tokens_.push_back(Token{absl::string_view(p, static_cast<size_t>(token_end - p)),
                                static_cast<int>(p - text_.data()), static_cast<int>(read_span_)});
        read_pos_ = token_end;
        return true;
      }
      if (++read_span_ < spans_.size()) read_pos_ = text_.data() + spans_[read_span_].begin;
    }
    return false;
  }

  // Makes the window hold the word that starts at `word` in span `span`, and
  // returns its index: in the current window if that reaches it (or nearly
  // does), else in a new window that starts ten words before it (or at the
  // first word). (Spans may overlap: a word is known by span and position.)
  size_t WindowAt(size_t span, const char* word) {
    constexpr std::ptrdiff_t kNear = 256;  // bytes worth reading on rather than starting again
    auto is_word = [span, word](const Token& t) {
      return static_cast<size_t>(t.span) == span && t.text.data() == word;
    };
    auto is_past = [span, word](const Token& t) {
      return static_cast<size_t>(t.span) > span ||
             (static_cast<size_t>(t.span) == span && t.text.data() > word);
    };
    if (!tokens_.empty() &&
        (span < read_span_ || (span == read_span_ && word - read_pos_ <= kNear))) {
      for (size_t i = tokens_.size(); i-- > 0;) {
        if (is_word(tokens_[i])) return i;
        if (!is_past(tokens_[i])) break;  // before it: the word is not in the window
      }
      while (!is_past(tokens_.back()) && ReadToken()) {
        if (is_word(tokens_.back())) return tokens_.size() - 1;
      }
    }
    // Ten words back, across spans if need be.
    size_t start_span = span;
    const char* start = word;
    for (int back = 0; back < 10;) {
      const char* const begin = text_.data() + spans_[start_span].begin;
      const char* q = start;
      while (q > begin && IsSpace(q[-1])) --q;
      if (q > begin) {
        while (q > begin && !IsSpace(q[-1])) --q;
        start = q;
        ++back;
        continue;
      }
      // No word before `start` in this span: the previous non-empty span.
      size_t previous = start_span;
      while (previous > 0 && spans_[previous - 1].empty()) --previous;
      if (previous == 0) break;
      start_span = previous - 1;
      start = text_.data() + spans_[start_span].end;
    }
    tokens_.clear();
    tokens_.reserve(64);  // a window is some tens of words: one allocation
    read_span_ = start_span;
    read_pos_ = start;
    while (ReadToken()) {
      if (is_word(tokens_.back())) return tokens_.size() - 1;
    }
    return tokens_.size() - 1;  // not reached: `word` starts a word of the spans
  }

  // A symbol written out at token k; returns the last token used.
  size_t Explicit(size_t k) {
    size_t off = 0;
    absl::string_view s = StripToken(tokens_[k].text, &off);
    std::vector<absl::string_view> parts;
    // "A/50/60-S/1995/1": a document issued under two symbols.
    if (const size_t d = JointSymbolDash(s); d != absl::string_view::npos) {
      parts = {s.substr(0, d), s.substr(d + 1)};
    }
    if (parts.empty()) {
      if (!IsDocumentSymbol(s)) return k;
      parts.push_back(s);
    }
    size_t last = k;
    std::string qualifier;
    size_t suffix = 0;  // bytes of the qualifier after its ")"
    // "A/78/6 (Sect. 2)": the bracket may span a few words.
    if (parts.size() == 1 && Has(k + 1) && IsQualifierStart(tokens_[k + 1].text)) {
      for (size_t j = k + 1; j < k + 6 && Has(j); ++j) {
        absl::StrAppend(&qualifier, tokens_[j].text);
        const size_t close = qualifier.find(')');
        if (close != std::string::npos) {
          // "(Sect. 3)/Add.1": an addendum or corrigendum of the section.
          size_t end = close + 1;
          if (end < qualifier.size() && qualifier[end] == '/') {
            size_t e = end + 1;
            while (e < qualifier.size() &&
                   (absl::ascii_isalnum(qualifier[e]) || qualifier[e] == '.' ||
                    qualifier[e] == '/')) {
              ++e;
            }
            while (e > end + 1 && (qualifier[e - 1] == '.' || qualifier[e - 1] == '/')) --e;
            if (e > end + 1) end = e;
          }
          suffix = end - (close + 1);
          qualifier.resize(end);
          last = j;
          break;
        }
      }
      if (last == k) qualifier.clear();
    }
    for (absl::string_view symbol : parts) {
      CitationMention m;
      m.symbol = absl::StrCat(symbol, qualifier);
      const int b = tokens_[k].begin + static_cast<int>(off + (symbol.data() - s.data()));
      m.span = Span{b, b + static_cast<int>(symbol.size())};
      if (!qualifier.empty()) {
        m.span.end =
            tokens_[last].begin + static_cast<int>(tokens_[last].text.find(')') + 1 + suffix);
      }
      m.date = DateAfter(last + 1);
      out_.push_back(std::move(m));
    }
    return last;
  }

  // "of 14 December 1960" starting at token k.
  std::string DateAfter(size_t k) {
    if (!Has(k + 3) || tokens_[k].text != "of") return "";
    // The date must start right after "of" (with its day): most "of"s are
    // followed by words, and need no look at the next three tokens.
    if (!IsDigit(tokens_[k + 1].text[0])) return "";
    // The three tokens joined by spaces: usually the text has them so (a
    // date ends at the last one, so a final space would change nothing).
    absl::string_view words;
    std::string joined;
    const absl::string_view a = tokens_[k + 1].text, b = tokens_[k + 2].text,
                            c = tokens_[k + 3].text;
    if (a.data() + a.size() + 1 == b.data() && b.data() + b.size() + 1 == c.data() &&
        a.data()[a.size()] == ' ' && b.data()[b.size()] == ' ') {
      words = absl::string_view(a.data(), a.size() + b.size() + c.size() + 2);
    } else {
      for (size_t j = k + 1; j < k + 4; ++j) {
        joined.append(tokens_[j].text.data(), tokens_[j].text.size()).push_back(' ');
      }
      words = joined;
    }
    absl::string_view found;
    auto d = FindDate(words, &found);
    if (d.has_value() && found.data() == words.data()) return *d;
    return "";
  }

  // The index of the next "N/N of <date>" item within the clause that
  // starts at token j, after "," or "and"; 0 if there is none.
  size_t NextDatedItem(size_t j) {
    for (size_t i = j; i < j + 30 && Has(i); ++i) {
      absl::string_view t = tokens_[i].text;
      if (t.back() == ';' || (t.back() == '.' && t.size() > 3) || t == "resolution" ||
          t == "resolutions" || t == "decision" || t == "decisions") {
        return 0;
      }
      if (i == 0 || !(tokens_[i - 1].text.back() == ',' || tokens_[i - 1].text == "and")) continue;
      size_t off = 0;
      if (IsResolutionNumber(StripToken(t, &off)) && !DateAfter(i + 1).empty()) return i;
    }
    return 0;
  }

  // Tokens from j that name parts: "A", "A to C", "A-C", "A and B".
  size_t PartsAt(size_t j, std::string* part) {
    if (!Has(j)) return 0;
    size_t off = 0;
    absl::string_view p = StripToken(tokens_[j].text, &off);
    if (p.size() == 3 && IsUpper(p[0]) && p[1] == '-' && IsUpper(p[2])) {
      *part = std::string(p);
      return 1;
    }
    if (!IsPartLetter(p)) return 0;
    *part = std::string(p);
    if (tokens_[j].text.size() == p.size() && Has(j + 2) &&
        (tokens_[j + 1].text == "to" || tokens_[j + 1].text == "and")) {
      absl::string_view q = StripToken(tokens_[j + 2].text, &off);
      if (IsPartLetter(q) && q > p) {
        absl::StrAppend(part, "-", q);
        return 3;
      }
    }
    return 1;
  }

  // Parses the list after "resolution(s)" at k; returns the last token used.
  size_t ResolutionList(size_t k) {
    const Issuer issuer = IssuerBefore(tokens_, k);
    size_t j = k + 1;
    size_t last = k;
    while (Has(j)) {
      size_t off = 0;
      absl::string_view raw = tokens_[j].text;
      absl::string_view num = StripToken(raw, &off);
      std::optional<std::string> symbol;
      std::string part;
      size_t used = 1;
      const size_t slash = num.find('/');
      if (slash != absl::string_view::npos && slash > 0) {
        absl::string_view a = num.substr(0, slash), b = num.substr(slash + 1);
        const bool ga_session = AllDigits(a) || absl::StartsWith(a, "ES-") || absl::StartsWith(a, "S-");
        if (ga_session && AllDigits(b)) {
          const bool year = a.size() == 4 && AllDigits(a) && a >= "1946";
          std::string prefix = "A/RES/";
          if (issuer == Issuer::kEcosoc || (issuer != Issuer::kHumanRights &&
                                            issuer != Issuer::kGeneralAssembly && year)) {
            prefix = "E/RES/";
          }
          if (issuer == Issuer::kHumanRights) prefix = "A/HRC/RES/";
          if (issuer == Issuer::kOther) prefix.clear();
          if (!prefix.empty()) {
            if (raw.size() == num.size() + off) used += PartsAt(j + 1, &part);
            symbol = absl::StrCat(prefix, num);
          }
        }
      } else if (AllDigits(num) && Has(j + 1)) {
        // "1514 (XV)", "2334 (2016)", "217 A (III)".
        size_t p = j + 1;
        std::string letter;
        // A part letter is bare ("217 A (III)"); "(X)" is the session.
        if (tokens_[p].text[0] != '(' && PartsAt(p, &letter) == 1 &&
            raw.size() == num.size() + off) {
          ++p;
        }
        absl::string_view paren = Has(p) ? tokens_[p].text : absl::string_view();
        while (!paren.empty() && (paren.back() == ',' || paren.back() == ';' || paren.back() == '.' ||
                                  paren.back() == ':')) {
          paren.remove_suffix(1);
        }
        if (IsParenthesizedSession(paren)) {
          const bool year = IsDigit(paren[1]);
          if (year && (issuer == Issuer::kSecurityCouncil || issuer == Issuer::kDefault)) {
            symbol = absl::StrCat("S/RES/", num, paren);
          } else if (!year && issuer != Issuer::kOther && issuer != Issuer::kSecurityCouncil) {
            symbol = absl::StrCat("A/RES/", num, paren);
          }
          part = letter;
          used = p - j + 1;
        }
      }
      if (!symbol.has_value()) {
        // "60/251 of 15 March 2006, by which it established the Council, and
        // 65/281 of 17 June 2011": after a described item the list goes on
        // at the next dated number of the clause.
        const size_t next = last > k ? NextDatedItem(j) : 0;
        if (next <= j) break;
        j = next;
        continue;
      }
      CitationMention m;
      m.symbol = *symbol;
      m.part = part;
      const Token& end_tok = tokens_[j + used - 1];
      m.span = Span{tokens_[j].begin + static_cast<int>(off),
                    end_tok.begin + static_cast<int>(end_tok.text.size())};
      while (m.span.end > m.span.begin && (text_[m.span.end - 1] == ',' || text_[m.span.end - 1] == ';' ||
                                           text_[m.span.end - 1] == '.')) {
        --m.span.end;
      }
      last = j + used - 1;
      j += used;
      m.date = DateAfter(j);
      if (!m.date.empty()) {
        j += 4;  // "of 14 December 1960"
        last = j - 1;
      }
      out_.push_back(std::move(m));
      // "59/276, section XI, of 23 December 2004": a section named after an item.
      if (Has(j + 1) && tokens_[j].text == "section" && DateAfter(j + 2).size() > 0) {
        m.date = DateAfter(j + 2);
        j += 6;
        last = j - 1;
      }
      // "para. 10," / "paras. 3 and 4," after an item.
      if (Has(j + 1) && (tokens_[j].text == "para." || tokens_[j].text == "paras.")) {
        ++j;
        while (Has(j) && (IsDigit(tokens_[j].text[0]) || tokens_[j].text == "and")) {
          last = j;
          ++j;
          if (tokens_[last].text.back() == ',') break;
        }
      }
      // Separators: "," (already stripped), "and", ", and".
      const absl::string_view prev = tokens_[last].text;
      if (Has(j) && tokens_[j].text == "and") {
        ++j;
        continue;
      }
      if (!prev.empty() && prev.back() == ',') continue;
      // An item described by a phrase ("77/172 of 14 December 2022 on
      // sustainable mountain development, 77/286 of 16 May 2023"): the list
      // goes on at the next dated number after a comma or "and" in the same
      // clause.
      const size_t next = NextDatedItem(j);
      if (next == 0) break;
      j = next;
    }
    return last;
  }

  absl::string_view text_;
  const std::vector<Span>& spans_;
  std::vector<Token> tokens_;  // the window
  size_t read_span_ = 0;       // where the window's next word is read from
  const char* read_pos_ = nullptr;
  std::vector<CitationMention> out_;
};

}  // namespace

std::vector<CitationMention> FindCitations(absl::string_view text, const std::vector<Span>& spans) {
  return Scanner(text, spans).Run();
}

std::vector<CitationMention> FindCitations(absl::string_view text, Span span) {
  return FindCitations(text, std::vector<Span>{span});
}

}  // namespace resolute
