#include "parser/layout.h"

#include <algorithm>
#include <cstring>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "parser/byte_scan.h"
#include "parser/lead_phrase.h"
#include "parser/substring_index.h"
#include "parser/text_patterns.h"
#include "parser/vote.h"

namespace resolute {
namespace {

// True if `s` with its spaces removed equals `compact` (which has none).
bool EqualsWithoutSpaces(absl::string_view s, absl::string_view compact) {
  size_t k = 0;
  for (char c : s) {
    if (c == ' ') continue;
    if (k == compact.size() || compact[k] != c) return false;
    ++k;
  }
  return k == compact.size();
}

bool EndsWithClausePunctuation(absl::string_view c) {
  return EndsWithPunctuation(c, ",;:.", Closers::kNone);
}

// Lines that may repeat in page headers without being text: not paragraph
// starts, not labels, not sentence pieces. The test is in two parts: the
// shape, cheap, asked of every line; and the lead phrase, asked only of
// lines that repeat.
bool HasRunningHeaderShape(absl::string_view c) {
  if (c.size() < 4 || c.size() > 160) return false;
  if (!IsUpper(c[0])) return false;  // (so not "12. ..." or "(a) ..." either)
  if (EndsWithClausePunctuation(c)) return false;
  return true;
}
bool OpensParagraph(absl::string_view c) {
  return StartsWithPreambularLead(c) || StartsWithOperativeLead(c);
}

// Lines of the same shape are counted with the hash of their whole content
// (absl::Hash): lines that differ only in their middle must not collide.
// Titles longer than this are looked up through a SubstringIndex rather than
// searched line by line.
constexpr size_t kSearchedTitleBytes = 256;
// No page header prints a title longer than this (titles run to a few
// hundred bytes): lines are not compared with such a title at all.
constexpr size_t kMaxRunningTitleBytes = 16 << 10;

class FurnitureFinder {
 public:
  FurnitureFinder(absl::string_view text, const std::vector<Line>& lines, const FrontMatter& front,
                  absl::string_view title, Interrupt* interrupt)
      : interrupt_(interrupt),
        text_(text),
        lines_(lines),
        symbol_(front.symbol.value),
        title_(CollapseWhitespace(title)),
        begin_(front.body_begin) {
    if (title_.size() > kSearchedTitleBytes && title_.size() <= kMaxRunningTitleBytes) {
      title_index_ = SubstringIndex(absl::StrCat(" ", title_, " "));
    }
  }

  absl::string_view Content(int i) const { return lines_[i].Content(text_); }

  bool IsSymbolLine(absl::string_view c) const {
    if (c.empty() || c.size() > 40 || std::memchr(c.data(), '/', c.size()) == nullptr) return false;
    if (!symbol_.empty()) return EqualsWithoutSpaces(c, symbol_);
    // A line without spaces is its own compact form.
    return c.find(' ') == c.npos && IsUpper(c[0]) && absl::StrContains(c, "/RES/");
  }

  bool IsStrongContent(absl::string_view c) const {
    if (c.empty()) return false;
    // Page and job numbers start with a digit, barcodes with "*": the first
    // byte spares most lines the calls.
    if (IsDigit(c[0]) && (IsPageNumberLine(c) || IsJobNumberLine(c))) return true;
    if (c[0] == '*' && IsBarcodeLine(c)) return true;
    return IsSymbolLine(c) || IsSymbolWithTitlePiece(c);
  }

  // True if `c` is the symbol and a piece of the title on one line, in
  // either order: a page header as `pdftotext -raw` prints it
  // ("A/RES/78/244 Programme planning", "... and prosperity A/RES/78/147").
  bool IsSymbolWithTitlePiece(absl::string_view c) const {
    const size_t n = symbol_.size();
    if (n == 0 || c.size() <= n + 1) return false;
    if (absl::StartsWith(c, symbol_) && c[n] == ' ') return IsTitlePiece(c.substr(n + 1));
    if (absl::EndsWith(c, symbol_) && c[c.size() - n - 1] == ' ') {
      return IsTitlePiece(c.substr(0, c.size() - n - 1));
    }
    return false;
  }
  // Whether line i (from begin_ on) is strong, as computed once by Mark.
  bool IsStrong(int i) const { return strong_[i] != 0; }

  // Strong lines that only occur where a page starts or ends.
  bool IsPageMarker(int i) const {
    absl::string_view c = Content(i);
    return IsPageNumberLine(c) || IsSymbolLine(c) || IsTitlePiece(c) || IsSymbolWithTitlePiece(c);
  }

  // True if `c` is a piece of the title at word boundaries: a running title,
  // or one line of a running title that wraps. A short piece (under 15
  // bytes) must be where a wrapped title starts or ends ("of Korea").
  bool IsTitlePiece(absl::string_view c) const {
    if (title_.empty() || c.size() < 2) return false;
    // Lines rarely have runs of spaces: collapse (and allocate) only then.
    absl::string_view piece = c;
    std::string collapsed;
    if (byte_scan::IsJoinWhite(c[0]) ||
        byte_scan::FindWhitespaceToCollapse(c.data(), c.data() + c.size()) != c.data() + c.size()) {
      collapsed = CollapseWhitespace(c);
      piece = collapsed;
    }
    const bool short_piece = piece.size() < std::min<size_t>(15, title_.size());
    if (short_piece) {
      const size_t n = piece.size();
      return (absl::StartsWith(title_, piece) && (n == title_.size() || title_[n] == ' ')) ||
             (absl::EndsWith(title_, piece) &&
              (n == title_.size() || title_[title_.size() - n - 1] == ' '));
    }
    if (title_.size() > kMaxRunningTitleBytes) return false;
    if (title_.size() > kSearchedTitleBytes) {
      // At word boundaries: " piece " in " title ".
      return title_index_.Contains(absl::StrCat(" ", piece, " "));
    }
    size_t at = title_.find(piece.data(), 0, piece.size());
    while (at != std::string::npos) {
      const size_t end = at + piece.size();
      const bool starts = at == 0 || title_[at - 1] == ' ';
      const bool ends = end == title_.size() || title_[end] == ' ';
      if (starts && ends) return true;
      at = title_.find(piece.data(), at + 1, piece.size());
    }
    return false;
  }

  bool IsWeak(int i) const {
    absl::string_view c = Content(i);
    if (IsDateCodeLine(c) || IsTitlePiece(c)) return true;
    auto it = repeated_.find(c);
    return it != repeated_.end() && it->second >= 2 && !OpensParagraph(c);
  }

  // Marks furniture clusters in `roles` (lines from begin_ on).
  void Mark(std::vector<LineRole>* roles, std::vector<bool>* page_start) {
    const int n = static_cast<int>(lines_.size());
    strong_.assign(n, 0);
    for (int i = begin_; i < n; ++i) {
      if (Stopped(interrupt_)) return;
      if (lines_[i].blank()) continue;
      const absl::string_view c = Content(i);
      strong_[i] = IsStrongContent(c);
      // Counts lines of that shape; IsWeak leaves out those that open a
      // paragraph (whether one does depends on its content alone).
      if (!strong_[i] && HasRunningHeaderShape(c)) ++repeated_[c];
    }
    page_start->assign(n, false);
    for (int i = begin_; i < n; ++i) {
      if (Stopped(interrupt_)) return;
      if (lines_[i].StartsPage(text_)) (*page_start)[i] = true;
      // A cluster grows from an unmistakable line, or from a running title
      // that opens a page (pdftotext may print it apart from the symbol).
      const bool seed = IsStrong(i) || (lines_[i].StartsPage(text_) && IsWeak(i));
      if ((*roles)[i] == LineRole::kFurniture || lines_[i].blank() || !seed) continue;
      int first = i, last = i;
      // A page header prints the running title once: title lines beyond
      // the title's length are text that happens to repeat its words.
      size_t title_bytes = 0;
      auto absorbable = [&](int j) {
        if ((*roles)[j] == LineRole::kFront) return false;
        if (lines_[j].blank() || IsStrong(j)) return true;
        if (!IsWeak(j)) return false;
        if (IsTitlePiece(Content(j))) {
          const size_t size = Content(j).size() + 1;
          if (title_bytes + size > title_.size() + 2) return false;
          title_bytes += size;
        }
        return true;
      };
      while (first - 1 >= begin_ && absorbable(first - 1) && !lines_[first].StartsPage(text_)) --first;
      while (last + 1 < n && absorbable(last + 1) && !lines_[last + 1].StartsPage(text_)) ++last;
      bool opens_page = false;
      for (int j = first; j <= last; ++j) {
        (*roles)[j] = LineRole::kFurniture;
        if (!lines_[j].blank() && IsPageMarker(j)) opens_page = true;
      }
      // The first non-blank line of a page-opening cluster starts a page.
      if (opens_page) {
        int j = first;
        while (j < last && lines_[j].blank()) ++j;
        (*page_start)[j] = true;
      }
      i = last;
    }
  }

 private:
  Interrupt* interrupt_;
  absl::string_view text_;
  const std::vector<Line>& lines_;
  std::string symbol_;
  std::string title_;
  // For a long title, its substrings: lines are looked up in time linear in
  // their own size, not the title's.
  SubstringIndex title_index_;
  int begin_;
  // Lines of running-header shape (not strong) by content, with their count.
  absl::flat_hash_map<absl::string_view, int> repeated_;
  std::vector<uint8_t> strong_;  // by line: IsStrongContent of its content
};

// Printed volumes (older Security Council texts) put the footnotes after the
// closing lines without a rule: "Adopted unanimously at the 891st meeting." /
// "31 Ibid., document S/4455.". Such a block runs to the end of the text.
void AddTrailingFootnotes(absl::string_view text, const std::vector<Line>& lines, int begin,
                          Layout* layout) {
  const int n = static_cast<int>(lines.size());
  int closing = -1;
  for (int i = n - 1; i >= begin; --i) {
    if (layout->roles[i] != LineRole::kText || lines[i].blank()) continue;
    absl::string_view c = lines[i].Content(text);
    if (IsMeetingLine(c) || StartsVoteSentence(c)) {
      closing = i;
      break;
    }
  }
  if (closing < 0) return;
  int previous = closing;
  for (int j = closing + 1; j < n; ++j) {
    if (layout->roles[j] != LineRole::kText || lines[j].blank()) continue;
    absl::string_view c = lines[j].Content(text);
    std::string marker;
    size_t offset = 0;
    absl::string_view before = lines[previous].Content(text);
    const bool after_sentence = EndsSentence(before) || (!before.empty() && IsDigit(before.back()));
    if (after_sentence && ParseFootnoteItemStart(c, &marker, &offset) && offset < c.size() &&
        IsUpper(c[offset])) {
      FootnoteBlock block;
      block.rule_line = j;
      block.begin = j;
      block.end = n;
      for (int k = j; k < n; ++k) {
        if (layout->roles[k] == LineRole::kText && !lines[k].blank()) {
          layout->roles[k] = LineRole::kFootnote;
        }
      }
      layout->footnote_blocks.push_back(block);
      return;
    }
    previous = j;
  }
}

}  // namespace

bool ParseFootnoteItemStart(absl::string_view line, std::string* marker, size_t* text_offset) {
  size_t d = 0;
  while (d < line.size() && IsDigit(line[d])) ++d;
  if (d == 0 || d > 3 || line[0] == '0') return false;
  if (d < line.size() && line[d] != ' ') return false;
  size_t t = d;
  while (t < line.size() && line[t] == ' ') ++t;
  *marker = std::string(line.substr(0, d));
  *text_offset = t;
  return true;
}

bool EndsSentence(absl::string_view line) {
  return EndsWithPunctuation(line, ".", Closers::kQuotesAndBrackets);
}

Layout AnalyzeLayout(absl::string_view text, const std::vector<Line>& lines,
                     const FrontMatter& front, absl::string_view title, Interrupt* interrupt) {
  const int n = static_cast<int>(lines.size());
  Layout layout;
  layout.roles.assign(n, LineRole::kText);
  const int begin = std::min(front.body_begin, n);
  for (int i = 0; i < begin; ++i) layout.roles[i] = LineRole::kFront;

  FurnitureFinder finder(text, lines, front, title, interrupt);
  std::vector<bool> page_start;
  finder.Mark(&layout.roles, &page_start);
  if (interrupt != nullptr && interrupt->CheckNow()) return layout;
  // Where the text has page breaks ("\f", pdftotext), they alone say where
  // pages start: such tools may print a page number above the footnotes.
  bool has_breaks = false;
  for (int i = begin; i < n && !has_breaks; ++i) has_breaks = lines[i].StartsPage(text);
  if (has_breaks) {
    for (int i = 0; i < n; ++i) page_start[i] = lines[i].StartsPage(text);
  }
  for (int i = begin; i < n; ++i) {
    if (layout.roles[i] == LineRole::kFurniture || lines[i].StartsPage(text)) {
      layout.has_page_furniture = true;
      break;
    }
  }

  for (int r = begin; r < n; ++r) {
    if (Stopped(interrupt)) return layout;
    // (A rule starts with "_": most lines are turned away by their first byte.)
    if (layout.roles[r] != LineRole::kText || lines[r].blank() ||
        text[lines[r].content_begin] != '_' || !IsFootnoteRule(lines[r].Content(text))) {
      continue;
    }
    FootnoteBlock block;
    block.rule_line = r;
    block.begin = r + 1;
    int end = r + 1;
    if (layout.has_page_furniture) {
      while (end < n && !page_start[end] &&
             !(layout.roles[end] == LineRole::kText && IsFootnoteRule(lines[end].Content(text)))) {
        ++end;
      }
    } else {
      // Without page furniture: items and their continuation lines.
      bool in_item = false;
      bool item_ended = false;
      while (end < n) {
        if (lines[end].blank()) {
          ++end;
          continue;
        }
        absl::string_view c = lines[end].Content(text);
        std::string marker;
        size_t offset;
        if (ParseFootnoteItemStart(c, &marker, &offset) && (!in_item || item_ended)) {
          in_item = true;
        } else if (!in_item || item_ended) {
          break;
        }
        item_ended = EndsSentence(c);
        ++end;
      }
      // Give back trailing blank lines.
      while (end > r + 1 && lines[end - 1].blank()) --end;
    }
    block.end = end;
    layout.roles[r] = LineRole::kFootnoteRule;
    for (int i = block.begin; i < block.end; ++i) {
      if (layout.roles[i] == LineRole::kText) layout.roles[i] = LineRole::kFootnote;
    }
    layout.footnote_blocks.push_back(block);
    r = std::max(r, end - 1);
  }
  AddTrailingFootnotes(text, lines, begin, &layout);
  for (int i = begin; i < n; ++i) {
    if (layout.roles[i] == LineRole::kText && lines[i].blank()) layout.roles[i] = LineRole::kBlank;
  }
  return layout;
}

}  // namespace resolute
