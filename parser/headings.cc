#include "parser/headings.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "parser/closing.h"
#include "parser/front_matter.h"
#include "parser/lead_phrase.h"
#include "parser/lexicon.h"
#include "parser/numbering.h"
#include "parser/text_patterns.h"

namespace resolute {

std::optional<LabelMatch> MatchHeadingLabel(absl::string_view s) {
  // Every label starts with a capital (most lines do not).
  if (s.empty() || !IsUpper(s[0])) return std::nullopt;
  LabelMatch m;
  size_t i = 0;
  for (absl::string_view word : lexicon::HeadingLabelWords()) {
    if (absl::StartsWith(s, word)) {
      i = word.size();
      const size_t start = i;
      while (i < s.size() && (absl::ascii_isalnum(s[i]))) ++i;
      if (i == start) return std::nullopt;
      absl::string_view num = s.substr(start, i - start);
      if (!IsDigit(num[0]) && !IsUpperRoman(num) && !(num.size() == 1 && IsUpper(num[0]))) {
        return std::nullopt;
      }
      m.label = std::string(s.substr(0, i));
      break;
    }
  }
  if (m.label.empty()) {
    while (i < s.size() && IsUpper(s[i])) ++i;
    if (i == 0) return std::nullopt;
    absl::string_view lab = s.substr(0, i);
    if (!(IsUpperRoman(lab) || lab.size() == 1)) return std::nullopt;
    m.label = std::string(lab);
  }
  m.label_len = i;
  if (i < s.size() && s[i] == '.') m.label_len = ++i;
  if (i == s.size()) {
    m.title_at = s.size();
    return m;
  }
  if (s[i] != ' ') return std::nullopt;
  // A one-letter or roman label needs its dot before a title: "I. Title".
  if (m.label_len == m.label.size() && m.label.find(' ') == std::string::npos) {
    return std::nullopt;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() ||
      !(IsUpper(s[i]) || IsDigit(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) {
    return std::nullopt;
  }
  m.title_at = i;
  return m;
}

size_t MatchHeading(const BodyLines& body, size_t k, const HeadingContext& context,
                    HeadingNode* heading) {
  const absl::string_view text = body.text();
  absl::string_view s = body.Head(k);
  if (body.Pieces(k).size() > 1 && !MatchHeadingLabel(s)) return 0;
  std::optional<LabelMatch> label = MatchHeadingLabel(s);
  if (label.has_value()) {
    const bool bare = label->title_at >= s.size();
    const bool action_like = label->label.find(' ') != std::string::npos;
    if (!bare && !action_like && EndsWithPunctuation(body.Last(k), ",;")) return 0;
    if (!bare && !action_like && EndsWithPunctuation(body.Last(k), ":")) return 0;
    heading->label = label->label;
    const int b = body.Pieces(k).front().begin;
    heading->label_spans = {Span{b, b + static_cast<int>(label->label.size())}};
    if (!bare) {
      heading->title_spans = {
          Span{b + static_cast<int>(label->title_at), body.Pieces(k).front().end}};
      for (size_t p = 1; p < body.Pieces(k).size(); ++p) {
        heading->title_spans.push_back(body.Pieces(k)[p]);
      }
    }
    size_t used = 1;
    if (bare && k + 1 < body.size() && !LooksLikeNumberedStart(body, k + 1, context.last_number) &&
        !MatchHeadingLabel(body.Head(k + 1))) {
      // The title line after a bare label is taken whatever its first word
      // ("Addressing the deteriorating conditions ...").
      AppendSpans(text, body.Pieces(k + 1), &heading->title_spans);
      ++used;
    }
    // Further title lines: a title wraps until a blank line, a line that
    // ends a clause, or the start of a paragraph.
    while (k + used < body.size() && used <= 5) {
      const size_t j = k + used;
      if (EndsWithPunctuation(body.Last(j - 1), action_like ? "." : bare ? ";:." : ",;:.")) break;
      if (body[j].blank_before || body[j].page_before ||
          LooksLikeParagraphStart(body, j, context.last_number) ||
          MatchHeadingLabel(body.Head(j)) || ParseSubparagraphLabel(body.Head(j))) {
        break;
      }
      // A wrapped title line ending a clause is text, unless the heading
      // is a sentence itself ("Action 39. We will reform ..., recognizing");
      // a title begun on the label's line ends at no punctuation at all.
      if (!action_like && EndsWithPunctuation(body.Last(j), bare ? ",;" : ",;:.")) break;
      AppendSpans(text, body.Pieces(j), &heading->title_spans);
      ++used;
    }
    return used;
  }
  // An unlabelled heading: short lines that end no clause, between a
  // finished paragraph and the start of the next one. Where the source
  // prints the line in bold, a lead word does not make it a paragraph.
  const size_t line = static_cast<size_t>(body[k].line);
  const std::vector<uint8_t>* bold_lines = context.bold_lines;
  const bool bold = bold_lines != nullptr && line < bold_lines->size() && (*bold_lines)[line];
  if (!IsUpper(s[0]) || EndsWithPunctuation(body.Last(k), ",;:.") ||
      (!bold && (StartsWithPreambularLead(s) || StartsWithOperativeLead(s))) || IsMeetingLine(s) ||
      IsAnnexHeading(s)) {
    return 0;
  }
  // Only after a finished sentence or list item (a preambular paragraph
  // ending with "," goes on into the next one, not into a heading).
  const bool after_comma = k > 0 && context.text_before && !body.PrevEnds(k, ";.:");
  if (after_comma && !body.PrevEnds(k, ",")) return 0;
  size_t used = 1;
  while (k + used < body.size() && used < 3 &&
         !LooksLikeParagraphStart(body, k + used, context.last_number) &&
         !EndsWithPunctuation(body.Last(k + used), ",;:.")) {
    ++used;
  }
  if (k + used >= body.size() || !LooksLikeParagraphStart(body, k + used, context.last_number)) {
    return 0;
  }
  // After a preambular paragraph only a heading that opens the numbered
  // part: "Governance of ... (UN-Habitat)" before "1. Welcomes".
  if (after_comma && !LooksLikeNumberedStart(body, k + used, context.last_number)) return 0;
  for (size_t j = 0; j < used; ++j) AppendSpans(text, body.Pieces(k + j), &heading->title_spans);
  return used;
}

size_t MatchPartStart(const BodyLines& body, size_t k, const std::vector<PartNode>& parts,
                      PartNode* part) {
  absl::string_view h = body.Head(k);
  if (!IsPartLabel(h)) return 0;
  const char expected = parts.empty() ? 'A' : parts.back().label[0] + 1;
  if (h[0] != expected && !(parts.empty() && h[0] == 'B')) return 0;
  size_t j = k + 1;
  while (j < body.size() && j < k + 5 && !IsIntroLine(body.Head(j))) ++j;
  if (j >= body.size() || !IsIntroLine(body.Head(j))) return 0;
  part->label = std::string(h);
  part->label_spans = ToVector(body.Pieces(k));
  for (size_t t = k + 1; t < j; ++t) AppendSpans(body.text(), body.Pieces(t), &part->title_spans);
  return j - k + 1;
}

}  // namespace resolute
