#include "parser/extraction_repairs.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <vector>

#include "parser/lexicon.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {

// Where a run of spread words ends `last` (see RestoreSpreadWords): the
// position of the blank line before its first word, or `last.begin` if
// all of `last` is two or more such groups (page furniture cut out before
// them); -1 if there is none. Each word group is at most three words and 30 bytes,
// alone on its line after a blank line.
int SpreadWordsStart(absl::string_view text, const Span& last) {
  int pos = last.end;
  int run = -1;
  int groups = 0;
  while (pos > last.begin) {
    // A group starts right after a newline at or after the node's start
    // (or just before it): the search looks no further back.
    const int from = std::max(last.begin - 1, 0);
    const void* found = memrchr(text.data() + from, '\n', static_cast<size_t>(pos - from));
    if (found == nullptr) break;
    const size_t nl = static_cast<size_t>(static_cast<const char*>(found) - text.data());
    if (nl < 1) break;
    const int start = std::max(static_cast<int>(nl) + 1, last.begin);
    const absl::string_view words = text.substr(start, pos - start);
    if (words.empty() || words.size() > 30 || std::count(words.begin(), words.end(), ' ') > 2 ||
        start != static_cast<int>(nl) + 1 || text[nl - 1] != '\n') {
      break;
    }
    ++groups;
    // A whole span of one line is more likely the paragraph's last line,
    // carried over a page break.
    if (start == last.begin) return groups >= 2 ? last.begin : run;
    pos = static_cast<int>(nl) - 1;
    while (pos > last.begin && text[pos - 1] == '\n') --pos;
    run = pos;
  }
  return run;
}

// The work of RestoreSpreadWords on one node's spans.
void RestoreSpreadWordsIn(const BodyLines& body, std::vector<Span>* node_spans,
                          Findings* findings) {
  const absl::string_view text = body.text();
  std::vector<Span>& spans = *node_spans;
  if (spans.empty()) return;
  const Span last = spans.back();
  const int run = SpreadWordsStart(text, last);
  if (run < 0) return;
  const int width = body.TypicalWidth();
  // The first line that ends short, before the node's last line (which
  // ends where the run starts).
  int target = -1;
  for (const Span& s : spans) {
    const int end = std::min(s.end, run);
    for (int q = s.begin; q < end && target < 0; ++q) {
      if (text[q] != '\n') continue;
      const size_t start = text.rfind('\n', q - 1);
      const int line_width =
          q - (start == absl::string_view::npos ? 0 : static_cast<int>(start) + 1);
      if (line_width > 0 && line_width * 5 < width * 4) target = q;
    }
    if (target >= 0) break;
  }
  if (target < 0) return;
  findings->Info("SPREAD_WORDS_RESTORED",
                 "words printed after their paragraph were put back in their line",
                 Span{run, last.end});
  std::vector<Span> out;
  for (size_t k = 0; k < spans.size(); ++k) {
    Span cur = spans[k];
    if (cur.begin < target && target < cur.end) {
      out.push_back(Span{cur.begin, target});
      out.push_back(Span{run, last.end});
      cur.begin = target;
    }
    if (k + 1 == spans.size()) cur.end = std::min(cur.end, run);
    if (cur.end > cur.begin) out.push_back(cur);
  }
  spans = std::move(out);
}

void RestoreSpreadWordsInSub(const BodyLines& body, SubNode* sub, Findings* findings) {
  RestoreSpreadWordsIn(body, &sub->spans, findings);
  for (SubNode& child : sub->children) RestoreSpreadWordsInSub(body, &child, findings);
}

}  // namespace

bool EndsWithDanglingWord(absl::string_view line) {
  const size_t space = line.rfind(' ');
  if (space == absl::string_view::npos) return false;
  const absl::string_view word = line.substr(space + 1);
  if (word.empty() || word.size() > 5) return false;
  for (absl::string_view w : lexicon::DanglingWords()) {
    if (word == w) return true;
  }
  return false;
}

bool IsDisplacedEnd(const BodyLines& body, size_t k) {
  if (k + 1 >= body.size() || body[k].blank_before || body[k].page_before ||
      !body[k + 1].blank_before || body.Pieces(k).size() != 1) {
    return false;
  }
  absl::string_view h = body.Head(k);
  // The opening line starts with a capital, or a figure in budget lists
  // ("(a)" / "period;" / "" / "65,459,100 dollars, being ...").
  const char open = body.Head(k + 1)[0];
  return h.size() <= 30 && EndsWithPunctuation(h, ";:.") && h.find(' ') == absl::string_view::npos &&
         (IsUpper(open) || IsDigit(open)) && !ParseSubparagraphLabel(h);
}

// pdftotext prints the words of a widely spaced (justified) line that it
// could not fit in the line on lines of their own, each after a blank
// line, once the rest of the paragraph is out:
//   "Decides that the organizational arrangements" /
//   "multi-stakeholder thematic panel discussions will be as follows:" /
//   "" / "for" / "" / "the" / "" / "four"
// Such trailing words go back after the first line of the paragraph that
// ends well short of the text width (the line they were taken from);
// with no such line they stay at the end (the last line is short anyway).
void RestoreSpreadWords(const BodyLines& body, Structure* out, Findings* findings) {
  for (ParaNode& p : out->paragraphs) {
    RestoreSpreadWordsIn(body, &p.spans, findings);
    for (SubNode& sub : p.subs) RestoreSpreadWordsInSub(body, &sub, findings);
  }
}

}  // namespace resolute
