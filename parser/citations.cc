#include "parser/citations.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\f'; }

// A whitespace-separated word of the text with its position.
struct Token {
  absl::string_view text;
  int begin = 0;  // absolute offset
};

std::vector<Token> Tokenize(absl::string_view text, Span span) {
  std::vector<Token> tokens;
  int i = span.begin;
  while (i < span.end) {
    while (i < span.end && IsSpace(text[i])) ++i;
    const int b = i;
    while (i < span.end && !IsSpace(text[i])) ++i;
    if (i > b) tokens.push_back(Token{text.substr(b, i - b), b});
  }
  return tokens;
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
  while (e > b) {
    const char c = t[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '"' || c == ']' || c == '\'') {
      --e;
    } else if (c == ')') {
      // Keep a closing bracket that closes one inside the token: "1514(XV)".
      absl::string_view inner = t.substr(b, e - b);
      size_t opens = 0, closes = 0;
      for (char x : inner) opens += x == '(', closes += x == ')';
      if (opens >= closes) break;
      --e;
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

bool IsSymbolSegment(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '(' && c != ')') return false;
  }
  return true;
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

Issuer IssuerBefore(const std::vector<Token>& tokens, size_t at) {
  // Look at up to five words before "resolution(s)".
  std::string before;
  for (size_t k = at >= 5 ? at - 5 : 0; k < at; ++k) absl::StrAppend(&before, tokens[k].text, " ");
  auto ends_with = [&](absl::string_view name) {
    return absl::EndsWith(before, absl::StrCat(name, " "));
  };
  if (ends_with("General Assembly") || ends_with("Assembly")) return Issuer::kGeneralAssembly;
  if (ends_with("Security Council")) return Issuer::kSecurityCouncil;
  if (ends_with("Economic and Social Council")) return Issuer::kEcosoc;
  if (ends_with("Human Rights Council")) return Issuer::kHumanRights;
  if (ends_with("Council") || ends_with("Board") || ends_with("Commission") ||
      ends_with("Conference") || ends_with("Organization") || ends_with("Committee") ||
      ends_with("Assembly,")) {
    return Issuer::kOther;
  }
  return Issuer::kDefault;
}

class Scanner {
 public:
  Scanner(absl::string_view text, Span span) : text_(text), tokens_(Tokenize(text, span)) {}

  std::vector<CitationMention> Run() {
    for (size_t k = 0; k < tokens_.size(); ++k) {
      absl::string_view t = tokens_[k].text;
      if (t == "resolution" || t == "resolutions" || t == "Resolution" || t == "Resolutions") {
        k = ResolutionList(k);
        continue;
      }
      if (t.find('/') != absl::string_view::npos) Explicit(k);
    }
    return std::move(out_);
  }

 private:
  void Explicit(size_t k) {
    size_t off = 0;
    absl::string_view s = StripToken(tokens_[k].text, &off);
    if (!IsDocumentSymbol(s)) return;
    CitationMention m;
    m.symbol = std::string(s);
    m.span = Span{tokens_[k].begin + static_cast<int>(off),
                  tokens_[k].begin + static_cast<int>(off + s.size())};
    m.date = DateAfter(k + 1);
    out_.push_back(std::move(m));
  }

  // "of 14 December 1960" starting at token k.
  std::string DateAfter(size_t k) const {
    if (k + 3 >= tokens_.size() || tokens_[k].text != "of") return "";
    std::string joined;
    for (size_t j = k + 1; j < std::min(tokens_.size(), k + 4); ++j) {
      absl::StrAppend(&joined, tokens_[j].text, " ");
    }
    absl::string_view found;
    auto d = FindDate(joined, &found);
    if (d.has_value() && found.data() == joined.data()) return *d;
    return "";
  }

  // Parses the list after "resolution(s)" at k; returns the last token used.
  size_t ResolutionList(size_t k) {
    const Issuer issuer = IssuerBefore(tokens_, k);
    size_t j = k + 1;
    size_t last = k;
    while (j < tokens_.size()) {
      size_t off = 0;
      absl::string_view raw = tokens_[j].text;
      absl::string_view num = StripToken(raw, &off);
      std::optional<std::string> symbol;
      size_t used = 1;
      const size_t slash = num.find('/');
      if (slash != absl::string_view::npos && slash > 0) {
        absl::string_view a = num.substr(0, slash), b = num.substr(slash + 1);
        const bool ga_session = AllDigits(a) || absl::StartsWith(a, "ES-") || absl::StartsWith(a, "S-");
        if (ga_session && AllDigits(b)) {
          const bool year = a.size() == 4 && AllDigits(a) && a >= "1946";
          std::string prefix = "A/RES/";
          if (issuer == Issuer::kEcosoc || (issuer == Issuer::kDefault && year)) prefix = "E/RES/";
          if (issuer == Issuer::kHumanRights) prefix = "A/HRC/RES/";
          if (issuer == Issuer::kSecurityCouncil || issuer == Issuer::kOther) {
            prefix.clear();
          }
          if (!prefix.empty()) {
            std::string part;
            // "75/253 A" or "75/253 A,": a part letter.
            if (j + 1 < tokens_.size() && raw.size() == num.size() + off) {
              size_t poff = 0;
              absl::string_view p = StripToken(tokens_[j + 1].text, &poff);
              if (p.size() == 1 && IsUpper(p[0]) && p != "I") {
                part = std::string(p);
                used = 2;
              }
            }
            symbol = absl::StrCat(prefix, num, part);
          }
        }
      } else if (AllDigits(num) && j + 1 < tokens_.size()) {
        size_t poff = 0;
        absl::string_view paren = StripToken(tokens_[j + 1].text, &poff);
        absl::string_view raw_paren = tokens_[j + 1].text;
        if (!IsParenthesizedSession(paren)) {
          // StripToken keeps "(XV)" whole only if balanced; retry raw.
          paren = raw_paren;
          while (!paren.empty() && (paren.back() == ',' || paren.back() == ';' || paren.back() == '.')) {
            paren.remove_suffix(1);
          }
        }
        if (IsParenthesizedSession(paren)) {
          const bool year = IsDigit(paren[1]);
          if (year && (issuer == Issuer::kSecurityCouncil || issuer == Issuer::kDefault)) {
            symbol = absl::StrCat("S/RES/", num, paren);
          } else if (!year && issuer != Issuer::kOther && issuer != Issuer::kSecurityCouncil) {
            symbol = absl::StrCat("A/RES/", num, paren);
          }
          used = 2;
        }
      }
      if (!symbol.has_value()) break;
      CitationMention m;
      m.symbol = *symbol;
      const Token& end_tok = tokens_[j + used - 1];
      m.span = Span{tokens_[j].begin + static_cast<int>(off),
                    end_tok.begin + static_cast<int>(end_tok.text.size())};
      m.date = DateAfter(j + used);
      last = j + used - 1;
      j += used;
      if (!m.date.empty()) {
        j += 4;  // "of 14 December 1960"
        last = j - 1;
      }
      out_.push_back(std::move(m));
      // Separators: "," (already stripped), "and", ", and".
      const absl::string_view prev = tokens_[last].text;
      if (j < tokens_.size() && tokens_[j].text == "and") {
        ++j;
        continue;
      }
      if (!prev.empty() && prev.back() == ',') continue;
      break;
    }
    return last;
  }

  absl::string_view text_;
  std::vector<Token> tokens_;
  std::vector<CitationMention> out_;
};

}  // namespace

bool IsDocumentSymbol(absl::string_view token) {
  const size_t slash = token.find('/');
  if (slash == absl::string_view::npos || slash == 0 || slash + 1 >= token.size()) return false;
  absl::string_view first = token.substr(0, slash);
  // "A", "E", "ST", "A/C.2" ("C.2" is a later segment), "E/CN.15".
  size_t i = 0;
  while (i < first.size() && IsUpper(first[i])) ++i;
  if (i == 0 || i > 10) return false;
  if (i < first.size()) {
    if (first[i] != '.') return false;
    for (size_t k = i + 1; k < first.size(); ++k) {
      if (!absl::ascii_isalnum(first[k]) && first[k] != '.') return false;
    }
  }
  bool digit = false;
  size_t start = slash + 1;
  while (start <= token.size()) {
    size_t next = token.find('/', start);
    if (next == absl::string_view::npos) next = token.size();
    absl::string_view seg = token.substr(start, next - start);
    if (!IsSymbolSegment(seg)) return false;
    for (char c : seg) digit |= IsDigit(c);
    start = next + 1;
  }
  return digit;
}

std::vector<CitationMention> FindCitations(absl::string_view text, Span span) {
  return Scanner(text, span).Run();
}

}  // namespace resolute
