#include "parser/closing.h"

#include <algorithm>
#include <vector>

#include "absl/strings/strip.h"
#include "parser/lead_phrase.h"
#include "parser/text_patterns.h"

namespace resolute {

bool IsAnnexHeading(absl::string_view line) {
  if (line.empty() || line[0] != 'A') return false;  // "Annex...", "ANNEX"
  absl::string_view s = line;
  absl::ConsumeSuffix(&s, "*");
  if (s == "Annex" || s == "Annexes" || s == "ANNEX") return true;
  if (!absl::ConsumePrefix(&s, "Annex ")) return false;
  if (s.empty() || s.size() > 6) return false;
  if (IsUpperRoman(s)) return true;
  if (s.size() == 1 && IsUpper(s[0])) return true;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

size_t ReadVoteSentence(const BodyLines& body, size_t k, FrontField* vote) {
  std::vector<Span> spans;
  size_t j = k;
  for (; j < body.size() && j < k + 6; ++j) {
    AppendSpans(body.text(), body.Pieces(j), &spans);
    if (EndsWithPunctuation(body.Last(j), ".")) break;
  }
  if (vote->spans.empty()) {
    vote->value = JoinSpans(body.text(), spans);
    vote->spans = std::move(spans);
  }
  return std::min(j, body.size() - 1);
}

size_t ReadMeetingLines(const BodyLines& body, size_t k, Structure* out) {
  const bool first = out->meeting.value.empty();
  if (first) {
    out->meeting.value = std::string(body.Head(k));
    out->meeting.spans = ToVector(body.Pieces(k));
  }
  if (k + 1 < body.size() && IsDateLine(body.Head(k + 1))) {
    if (first) {
      out->date.value = *FindDate(body.Head(k + 1));
      out->date.spans = ToVector(body.Pieces(k + 1));
    }
    return k + 1;
  }
  return k;
}

void AnnexReader::Start(const BodyLines& body, size_t k, Structure* out) {
  if (out->annexes.empty()) out->resolution_end = body.lines()[body[k].line].begin;
  AnnexNode a;
  a.heading_spans = ToVector(body.Pieces(k));
  out->annexes.push_back(std::move(a));
  title_open_ = true;
}

size_t AnnexReader::Step(const BodyLines& body, size_t k, Structure* out) {
  absl::string_view h = body.Head(k);
  if (IsAnnexHeading(h) && body.Pieces(k).size() == 1 &&
      (body.PrevEnds(k, ".") || body[k].page_before)) {
    Start(body, k, out);
    return k;
  }
  AnnexNode& a = out->annexes.back();
  const bool numbered = IsDigit(h[0]) && ParseParagraphNumber(h);
  const bool starts_block = body[k].blank_before || numbered ||
                            (h[0] == '(' && ParseSubparagraphLabel(h)) ||
                            (IsUpper(h[0]) && StartsWithPreambularLead(h));
  if (title_open_) {
    if (!starts_block || a.title_spans.empty()) {
      if (!EndsWithPunctuation(body.Last(k), ",;:.") && !numbered && a.title_spans.size() < 3) {
        AppendSpans(body.text(), body.Pieces(k), &a.title_spans);
        return k;
      }
    }
    title_open_ = false;
  }
  if (starts_block || a.paragraphs.empty()) a.paragraphs.emplace_back();
  AppendSpans(body.text(), body.Pieces(k), &a.paragraphs.back());
  return k;
}

}  // namespace resolute
