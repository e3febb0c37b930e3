#include "parser/footnotes.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "parser/lexicon.h"
#include "parser/marker_class.h"
#include "parser/raised_footnotes.h"
#include "parser/text_patterns.h"

namespace resolute {
namespace {


bool IsBareMarker(absl::string_view c) {
  if (c.empty() || c.size() > 3 || c[0] == '0') return false;
  for (char ch : c) {
    if (!IsDigit(ch)) return false;
  }
  return true;
}

// text.find(needle, from): memchr for the first byte, then the rest
// compared in place (the marker search runs it many times over the text).
size_t FindIn(absl::string_view text, absl::string_view needle, size_t from) {
  if (from > text.size() || needle.empty()) return text.find(needle, from);
  if (text.size() - from < needle.size()) return absl::string_view::npos;
  const char* p = text.data() + from;
  const char* const last = text.data() + text.size() - needle.size();  // last possible start
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, needle[0], static_cast<size_t>(last - p) + 1));
    if (p == nullptr) break;
    if (std::memcmp(p + 1, needle.data() + 1, needle.size() - 1) == 0) {
      return static_cast<size_t>(p - text.data());
    }
    ++p;
  }
  return absl::string_view::npos;
}

// Abbreviations whose full stop does not end a footnote.
bool EndsWithAbbreviation(absl::string_view c) {
  for (absl::string_view a : lexicon::FootnoteAbbreviations()) {
    if (absl::EndsWith(c, a)) return true;
  }
  return false;
}

bool EndsFootnoteText(absl::string_view c) { return EndsSentence(c) && !EndsWithAbbreviation(c); }

// A group of footnote text lines, with the marker printed before it if any.
struct Group {
  std::string marker;
  std::vector<Span> spans;
  bool ended = false;
};


// Pairs each "[" of `line` with the "]" that closes it (brackets nest), or
// with npos if none does, in the order of the "["s.
void MatchBrackets(absl::string_view line, std::vector<std::pair<size_t, size_t>>* out) {
  std::vector<size_t> open;  // indices into `out` of the brackets still open
  for (size_t k = 0; k < line.size(); ++k) {
    if (line[k] == '[') {
      open.push_back(out->size());
      out->emplace_back(k, absl::string_view::npos);
    } else if (line[k] == ']' && !open.empty()) {
      (*out)[open.back()].second = k;
      open.pop_back();
    }
  }
}

class FootnoteReader {
 public:
  FootnoteReader(absl::string_view text, const std::vector<Line>& lines, const Layout& layout,
                 const FrontMatter& front, Findings* findings, Interrupt* interrupt,
                 const std::vector<Span>* raised)
      : text_(text), lines_(lines), layout_(layout), front_(front), findings_(findings),
        interrupt_(interrupt), raised_(raised) {}

  Footnotes Read() {
    for (const FootnoteBlock& block : layout_.footnote_blocks) {
      if (Stopped(interrupt_)) return std::move(out_);
      ReadBlock(block);
    }
    ReadInline();
    Anchor();
    std::sort(out_.refs.begin(), out_.refs.end(),
              [](const MarkerRef& a, const MarkerRef& b) { return a.span.begin < b.span.begin; });
    std::sort(out_.cuts.begin(), out_.cuts.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
  absl::string_view Content(int i) const { return lines_[i].Content(text_); }

  void ReadBlock(const FootnoteBlock& block) {
    if (raised_ != nullptr && ReadAtRaisedMarkers(block)) return;
    std::vector<Group> groups;
    std::vector<std::string> orphans;
    std::optional<std::string> pending;
    const int expected = next_marker_;
    for (int i = block.begin; i < block.end; ++i) {
      if (layout_.roles[i] != LineRole::kFootnote || lines_[i].blank()) continue;
      absl::string_view c = Content(i);
      if (IsBareMarker(c) || c == "*") {
        if (pending.has_value()) orphans.push_back(*pending);
        pending = std::string(c);
        continue;
      }
      Span span = lines_[i].content();
      std::string marker;
      size_t offset = 0;
      const bool previous_open = !groups.empty() && !groups.back().ended && !pending.has_value();
      // A footnote whose text lacks its final full stop stays open, but a
      // line after a blank line that starts with the next number in
      // sequence opens the next one ("... No. 30822" / "" / "4 Adopted ...").
      const bool next_in_sequence_after_blank =
          previous_open && i > block.begin && lines_[i - 1].blank() &&
          !groups.back().marker.empty();
      if ((!previous_open || next_in_sequence_after_blank) &&
          ParseFootnoteItemStart(c, &marker, &offset) && offset < c.size() &&
          (!previous_open || NumberValue(marker) == NumberValue(groups.back().marker) + 1)) {
        const int v = NumberValue(marker);
        // The first footnote of a text may have any number (printed volumes
        // number them across the volume); later ones follow in sequence.
        const bool first = out_.entries.empty() && groups.empty() && !pending.has_value();
        if ((v >= expected && v < expected + 20) || first) {
          if (pending.has_value()) orphans.push_back(*pending);
          pending = marker;
          span.begin += static_cast<int>(offset);
        }
      }
      const bool starts = pending.has_value() || groups.empty() || groups.back().ended;
      if (starts) {
        Group g;
        if (pending.has_value()) g.marker = *pending;
        pending.reset();
        groups.push_back(std::move(g));
      }
      groups.back().spans.push_back(span);
      groups.back().ended = EndsFootnoteText(span.Of(text_));
    }
    if (pending.has_value()) orphans.push_back(*pending);
    if (groups.empty()) {
      for (const std::string& m : orphans) {
        findings_->Warning("FOOTNOTE_TEXT_MISSING",
                           absl::StrCat("footnote marker ", m, " has no text in its block"),
                           lines_[block.rule_line].content());
      }
      return;
    }

    size_t unmarked = 0;
    for (const Group& g : groups) unmarked += g.marker.empty();
    // Text at the top of a block without a marker continues the previous
    // page's last footnote, when there are more such texts than markers.
    if (groups.front().marker.empty() && unmarked > orphans.size() && !out_.entries.empty()) {
      for (const Span& s : groups.front().spans) out_.entries.back().spans.push_back(s);
      groups.erase(groups.begin());
      --unmarked;
    }
    if (unmarked > 0 && unmarked == orphans.size()) {
      // pdftotext: texts in order, markers elsewhere. Pair them in order.
      std::vector<std::string> markers = orphans;
      for (const Group& g : groups) {
        if (!g.marker.empty()) markers.push_back(g.marker);
      }
      std::sort(markers.begin(), markers.end(), [](const std::string& a, const std::string& b) {
        return NumberValue(a) < NumberValue(b);
      });
      for (size_t k = 0; k < groups.size(); ++k) groups[k].marker = markers[k];
      orphans.clear();
    } else {
      // Unmarked texts beyond the markers available continue the text
      // before them (a full stop inside a footnote).
      std::vector<Group> merged;
      size_t free_markers = orphans.size();
      for (Group& g : groups) {
        if (g.marker.empty() && !merged.empty() && unmarked > free_markers) {
          for (const Span& s : g.spans) merged.back().spans.push_back(s);
          --unmarked;
          continue;
        }
        merged.push_back(std::move(g));
      }
      groups = std::move(merged);
      std::sort(orphans.begin(), orphans.end(), [](const std::string& a, const std::string& b) {
        return NumberValue(a) < NumberValue(b);
      });
      size_t o = 0;
      for (Group& g : groups) {
        if (g.marker.empty() && o < orphans.size()) g.marker = orphans[o++];
      }
      for (; o < orphans.size(); ++o) {
        findings_->Warning("FOOTNOTE_TEXT_MISSING",
                           absl::StrCat("footnote marker ", orphans[o], " has no text in its block"),
                           lines_[block.rule_line].content());
      }
    }
    for (Group& g : groups) {
      if (g.marker.empty()) {
        findings_->Warning("FOOTNOTE_MARKER_MISSING", "footnote text without a marker",
                           g.spans.front());
      }
      AddBlockEntry(g.marker, std::move(g.spans), block.rule_line);
    }
  }

  // Adds the footnote `marker` of a block; the next one is expected after it.
  void AddBlockEntry(std::string marker, std::vector<Span> spans, int rule_line) {
    FootnoteEntry e;
    e.marker = std::move(marker);
    e.spans = std::move(spans);
    e.rule_line = rule_line;
    e.position = e.spans.front().begin;
    const int v = NumberValue(e.marker);
    if (v >= next_marker_) next_marker_ = v + 1;
    out_.entries.push_back(std::move(e));
  }

  // The block split at its raised markers (raised_footnotes.h); false if
  // it has none.
  bool ReadAtRaisedMarkers(const FootnoteBlock& block) {
    std::vector<RaisedFootnote> items;
    if (!SplitAtRaisedMarkers(text_, lines_, layout_, block, *raised_, &items)) return false;
    for (RaisedFootnote& item : items) {
      if (item.marker.empty()) {
        if (!out_.entries.empty()) {
          for (const Span& s : item.spans) out_.entries.back().spans.push_back(s);
          continue;
        }
        findings_->Warning("FOOTNOTE_MARKER_MISSING", "footnote text without a marker",
                           item.spans.front());
      }
      AddBlockEntry(std::move(item.marker), std::move(item.spans), block.rule_line);
      ++out_.entries_at_raised_markers;
    }
    return true;
  }

  // Word exports: "[footnoteRef:1]" markers and "[1: Text.]" bodies.
  void ReadInline() {
    // Few lines have a "[": one search of the text finds the next one.
    size_t next_bracket = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (Stopped(interrupt_)) return;
      if (layout_.roles[i] != LineRole::kText) continue;
      const Line& line = lines_[i];
      if (next_bracket < static_cast<size_t>(line.content_begin)) {
        next_bracket = text_.find('[', line.content_begin);
      }
      if (next_bracket == absl::string_view::npos) break;
      if (next_bracket >= static_cast<size_t>(line.content_end)) continue;
      absl::string_view c = Content(static_cast<int>(i));
      const int base = lines_[i].content_begin;
      // The bracket that closes each "[" of the line, found on first need
      // in one pass (a "[" that is never closed must not cost a scan of
      // the rest of the line each).
      std::vector<std::pair<size_t, size_t>> closes;  // (open, close or npos)
      size_t next_close = 0;
      auto close_of = [&](size_t open) {
        if (closes.empty()) MatchBrackets(c, &closes);
        while (closes[next_close].first < open) ++next_close;
        return closes[next_close].second;
      };
      size_t at = 0;
      while ((at = c.find('[', at)) != absl::string_view::npos) {
        absl::string_view rest = c.substr(at);
        if (absl::StartsWith(rest, "[footnoteRef:")) {
          size_t d = 13;
          while (d < rest.size() && IsDigit(rest[d])) ++d;
          if (d > 13 && d < rest.size() && rest[d] == ']') {
            MarkerRef ref;
            ref.marker = std::string(rest.substr(13, d - 13));
            ref.span = Span{base + static_cast<int>(at), base + static_cast<int>(at + d + 1)};
            inline_refs_.push_back(ref);
            out_.cuts.push_back(ref.span);
            at += d + 1;
            continue;
          }
        }
        size_t d = 1;
        while (d < rest.size() && IsDigit(rest[d])) ++d;
        if (d > 1 && d < rest.size() && rest[d] == ':') {
          const size_t close_at = close_of(at);
          const size_t close =
              close_at == absl::string_view::npos ? close_at : close_at - at;
          if (close != absl::string_view::npos) {
            size_t tb = d + 1;
            while (tb < close && rest[tb] == ' ') ++tb;
            size_t te = close;
            while (te > tb && rest[te - 1] == ' ') --te;
            FootnoteEntry e;
            e.marker = std::string(rest.substr(1, d - 1));
            e.spans.push_back(Span{base + static_cast<int>(at + tb), base + static_cast<int>(at + te)});
            e.position = base + static_cast<int>(at);
            out_.entries.push_back(std::move(e));
            out_.cuts.push_back(Span{base + static_cast<int>(at), base + static_cast<int>(at + close + 1)});
            at += close + 1;
            continue;
          }
        }
        ++at;
      }
    }
  }

  bool Searchable(int i) const {
    if (layout_.roles[i] == LineRole::kText) return true;
    return std::find(front_.title_lines.begin(), front_.title_lines.end(), i) !=
           front_.title_lines.end();
  }

  void Anchor() {
    inline_cuts_ = out_.cuts.size();
    // Explicit inline markers pair with inline bodies of the same marker,
    // each with the first one not taken yet.
    absl::flat_hash_map<absl::string_view, std::pair<std::vector<int>, size_t>> inline_bodies;
    for (size_t e = 0; e < out_.entries.size(); ++e) {
      if (out_.entries[e].rule_line < 0) {
        inline_bodies[out_.entries[e].marker].first.push_back(static_cast<int>(e));
      }
    }
    for (MarkerRef& ref : inline_refs_) {
      auto it = inline_bodies.find(ref.marker);
      if (it != inline_bodies.end() && it->second.second < it->second.first.size()) {
        ref.entry = it->second.first[it->second.second++];
      }
      out_.refs.push_back(ref);
    }
    // Block footnotes: search the text before the block.
    int from_line = front_.title_lines.empty() ? front_.body_begin : front_.title_lines.front();
    int from_pos = 0;
    for (size_t e = 0; e < out_.entries.size(); ++e) {
      if (Stopped(interrupt_)) return;
      const FootnoteEntry& entry = out_.entries[e];
      if (entry.rule_line < 0 || entry.marker.empty()) continue;
      int best_class = 0, best_line = -1;
      size_t best_pos = 0;
      if (raised_ != nullptr) {
        const int at = FirstRaisedMarker(entry.marker, from_pos, lines_[entry.rule_line].begin);
        if (at >= 0) {
          best_line = LineAt(at);
          best_pos = static_cast<size_t>(at - lines_[best_line].content_begin);
          ++out_.refs_at_raised_markers;
        }
      }
      // Occurrences of the marker in lines [from_line, rule_line), in order:
      // one search of that stretch of text, not one per line (a marker,
      // digits or "*", lies within one line's content).
      if (best_line < 0 && from_line < entry.rule_line) {
        const absl::string_view marker = entry.marker;
        const size_t end = static_cast<size_t>(lines_[entry.rule_line].begin);
        int i = from_line;
        size_t found = static_cast<size_t>(lines_[from_line].begin);
        while ((found = FindIn(text_, marker, found)) != absl::string_view::npos &&
               found < end) {
          while (static_cast<size_t>(lines_[i].end) <= found) ++i;
          const int pos = static_cast<int>(found);
          if (Searchable(i) && pos >= from_pos && !InCut(pos)) {
            const size_t at = found - static_cast<size_t>(lines_[i].content_begin);
            const int cls = MarkerClass(Content(i), at, marker);
            if (cls > best_class) {
              best_class = cls, best_line = i, best_pos = at;
            }
          }
          found += marker.size();
        }
      }
      if (best_line < 0) {
        findings_->Warning("FOOTNOTE_UNANCHORED",
                           absl::StrCat("marker of footnote ", entry.marker,
                                        " not found in the text before it"),
                           entry.spans.front());
        continue;
      }
      MarkerRef ref;
      ref.marker = entry.marker;
      const int pos = lines_[best_line].content_begin + static_cast<int>(best_pos);
      ref.span = Span{pos, pos + static_cast<int>(entry.marker.size())};
      ref.entry = static_cast<int>(e);
      Span cut = ref.span;
      // "conflict,10,11": the comma between two markers goes with them.
      if (!out_.refs.empty() && out_.refs.back().span.end + 1 == cut.begin &&
          text_[static_cast<size_t>(cut.begin) - 1] == ',') {
        cut.begin -= 1;
      }
      out_.refs.push_back(ref);
      out_.cuts.push_back(cut);
      from_line = best_line;
      from_pos = ref.span.end;
    }
  }

  // The index of the line that holds byte `pos`.
  int LineAt(int pos) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                               [](int p, const Line& l) { return p < l.begin; });
    return static_cast<int>(it - lines_.begin()) - 1;
  }

  // The start of the first raised marker `marker` in [from, end) on a line
  // of text (or the title), not cut yet; -1 if none.
  int FirstRaisedMarker(absl::string_view marker, int from, int end) const {
    auto it = std::lower_bound(raised_->begin(), raised_->end(), from,
                               [](const Span& s, int p) { return s.begin < p; });
    for (; it != raised_->end() && it->begin < end; ++it) {
      if (it->Of(text_) != marker || InCut(it->begin)) continue;
      const int line = LineAt(it->begin);
      if (line >= 0 && Searchable(line)) return it->begin;
    }
    return -1;
  }

  // True if `pos` is inside one of the cuts made so far. The cuts are two
  // sorted runs of disjoint spans: inline footnotes, in text order, then the
  // markers anchored, each after the one before. A binary search in each
  // keeps long texts with many footnotes linear.
  bool InCut(int pos) const {
    auto in = [pos](std::vector<Span>::const_iterator begin, std::vector<Span>::const_iterator end) {
      auto it = std::upper_bound(begin, end, pos, [](int p, const Span& s) { return p < s.begin; });
      return it != begin && pos < (it - 1)->end;
    };
    const auto split = out_.cuts.begin() + static_cast<std::ptrdiff_t>(inline_cuts_);
    return in(out_.cuts.begin(), split) || in(split, out_.cuts.end());
  }

  absl::string_view text_;
  const std::vector<Line>& lines_;
  const Layout& layout_;
  const FrontMatter& front_;
  Findings* findings_;
  Interrupt* interrupt_;
  Footnotes out_;
  std::vector<MarkerRef> inline_refs_;
  size_t inline_cuts_ = 0;  // cuts of inline footnotes, before the anchored markers
  int next_marker_ = 1;
  const std::vector<Span>* raised_;  // may be null
};

}  // namespace

Footnotes ExtractFootnotes(absl::string_view text, const std::vector<Line>& lines,
                           const Layout& layout, const FrontMatter& front, Findings* findings,
                           Interrupt* interrupt, const std::vector<Span>* raised_markers) {
  return FootnoteReader(text, lines, layout, front, findings, interrupt, raised_markers).Read();
}

}  // namespace resolute
