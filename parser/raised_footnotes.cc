#include "parser/raised_footnotes.h"

#include <algorithm>

namespace resolute {
namespace {

// `span` without leading and trailing spaces.
Span Trimmed(absl::string_view text, Span span) {
  while (span.begin < span.end && text[span.begin] == ' ') ++span.begin;
  while (span.end > span.begin && text[span.end - 1] == ' ') --span.end;
  return span;
}

}  // namespace

bool SplitAtRaisedMarkers(absl::string_view text, const std::vector<Line>& lines,
                          const Layout& layout, const FootnoteBlock& block,
                          const std::vector<Span>& raised, std::vector<RaisedFootnote>* out) {
  out->clear();
  bool any = false;
  for (int i = block.begin; i < block.end; ++i) {
    if (layout.roles[i] != LineRole::kFootnote || lines[i].blank()) continue;
    const Span content = lines[i].content();
    auto it = std::lower_bound(raised.begin(), raised.end(), content.begin,
                               [](const Span& s, int p) { return s.begin < p; });
    int from = content.begin;
    for (; it != raised.end() && it->end <= content.end; ++it) {
      const Span before = Trimmed(text, Span{from, it->begin});
      if (!before.empty()) {
        if (out->empty()) out->emplace_back();  // continues the previous footnote
        out->back().spans.push_back(before);
      }
      RaisedFootnote& f = out->emplace_back();
      f.marker = std::string(it->Of(text));
      from = it->end;
      any = true;
    }
    const Span rest = Trimmed(text, Span{from, content.end});
    if (!rest.empty()) {
      if (out->empty()) out->emplace_back();
      out->back().spans.push_back(rest);
    }
  }
  if (!any) out->clear();
  // A marker with no text after it (a raised digit that ends a footnote)
  // gives its marker back to the text before it: not a footnote of its own.
  std::vector<RaisedFootnote> kept;
  for (RaisedFootnote& f : *out) {
    if (f.spans.empty()) continue;
    kept.push_back(std::move(f));
  }
  *out = std::move(kept);
  return any && !out->empty();
}

}  // namespace resolute
