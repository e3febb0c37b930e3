#include "parser/typography.h"

#include <algorithm>
#include <utility>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "parser/source_text.h"

namespace resolute {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\f'; }

// Maps every byte offset of `from` (and its end) to an offset of `to`, where
// `to` is `from` with some bytes removed. Returns false if `to` is not such a
// subsequence.
bool AlignByDeletion(absl::string_view from, absl::string_view to, std::vector<int>* map) {
  map->assign(from.size() + 1, 0);
  size_t j = 0;
  for (size_t i = 0; i < from.size(); ++i) {
    (*map)[i] = static_cast<int>(j);
    if (j < to.size() && from[i] == to[j]) ++j;
  }
  (*map)[from.size()] = static_cast<int>(j);
  return j == to.size();
}

}  // namespace

std::string AssembleTypedText(const TypedText& typed, std::vector<int>* line_starts) {
  std::string text;
  line_starts->clear();
  line_starts->reserve(typed.lines.size());
  int page = 0;
  for (size_t i = 0; i < typed.lines.size(); ++i) {
    const TypedLine& line = typed.lines[i];
    if (i > 0) text += '\n';
    if (line.page > page) {
      if (page > 0) text += '\f';
      page = line.page;
    }
    line_starts->push_back(static_cast<int>(text.size()));
    text += line.text;
  }
  text += '\n';
  return text;
}

Typography Typography::Map(absl::string_view assembled, const std::vector<int>& line_starts,
                           const TypedText& typed, absl::string_view normalized) {
  Typography t;
  t.page_count_ = typed.page_count;
  std::vector<int> map;
  if (!AlignByDeletion(assembled, normalized, &map)) return t;
  t.has_italics_ = typed.has_italics;
  t.has_layout_ = typed.has_layout;
  if (t.has_italics_) {
    t.italic_.assign(normalized.size(), 0);
    t.bold_.assign(normalized.size(), 0);
  }
  for (size_t i = 0; i < typed.lines.size() && i < line_starts.size(); ++i) {
    const TypedLine& line = typed.lines[i];
    const int start = line_starts[i];
    auto to_normalized = [&](int offset) {
      const int clamped = std::clamp(offset, 0, static_cast<int>(line.text.size()));
      return map[start + clamped];
    };
    if (t.has_italics_) {
      for (const TypedRange& r : line.italic_ranges) {
        const int b = to_normalized(r.begin), e = to_normalized(r.end);
        std::fill(t.italic_.begin() + b, t.italic_.begin() + e, 1);
      }
      for (const TypedRange& r : line.bold_ranges) {
        const int b = to_normalized(r.begin), e = to_normalized(r.end);
        std::fill(t.bold_.begin() + b, t.bold_.begin() + e, 1);
      }
    }
    if (t.has_layout_) {
      if (line.role != TypedRole::kUnknown) t.roles_.push_back({map[start], line.role});
      for (const TypedRange& r : line.marker_ranges) {
        const int b = to_normalized(r.begin), e = to_normalized(r.end);
        if (b < e) t.raised_.push_back({b, e});
      }
    }
    for (const TypedWord& w : line.words) {
      const int b = to_normalized(w.range.begin), e = to_normalized(w.range.end);
      if (b < e) t.words_.push_back({b, e, line.page, w.box});
    }
  }
  std::sort(t.raised_.begin(), t.raised_.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::stable_sort(t.words_.begin(), t.words_.end(),
                   [](const WordBox& a, const WordBox& b) { return a.begin < b.begin; });
  return t;
}

void TypographyStats::Add(const TypographyStats& o) {
  furniture_lines_layout += o.furniture_lines_layout;
  furniture_lines_text += o.furniture_lines_text;
  furniture_lines_undone += o.furniture_lines_undone;
  footnote_lines_layout += o.footnote_lines_layout;
  footnote_lines_text += o.footnote_lines_text;
  footnotes_layout += o.footnotes_layout;
  footnotes_text += o.footnotes_text;
  anchors_layout += o.anchors_layout;
  anchors_text += o.anchors_text;
  raised_markers += o.raised_markers;
}

void Typography::ApplyLayout(absl::string_view normalized, const std::vector<Line>& lines,
                             Layout* layout, TypographyStats* stats) const {
  if (!has_layout_) return;
  TypographyStats counts;
  counts.raised_markers = static_cast<int>(raised_.size());
  const int n = static_cast<int>(lines.size());
  std::vector<TypedRole> role(n, TypedRole::kUnknown);
  for (const LineRoleAt& r : roles_) {
    // The line that holds offset r.begin (lines are ordered by begin).
    auto it = std::upper_bound(lines.begin(), lines.end(), r.begin,
                               [](int offset, const Line& l) { return offset < l.begin; });
    if (it == lines.begin()) continue;
    role[static_cast<size_t>(it - lines.begin()) - 1] = r.role;
  }
  std::vector<LineRole>& roles = layout->roles;
  for (int i = 0; i < n && i < static_cast<int>(roles.size()); ++i) {
    if (roles[i] == LineRole::kFront) continue;
    const bool blank = lines[i].blank();
    switch (role[i]) {
      case TypedRole::kFurniture:
        roles[i] = LineRole::kFurniture;
        if (!blank) ++counts.furniture_lines_layout;
        break;
      case TypedRole::kFootnote:
        roles[i] = LineRole::kFootnote;
        break;
      case TypedRole::kBody:
        if (roles[i] == LineRole::kFurniture) {
          roles[i] = blank ? LineRole::kBlank : LineRole::kText;
          if (!blank) ++counts.furniture_lines_undone;
        }
        break;
      case TypedRole::kUnknown:
        if (roles[i] == LineRole::kFurniture && !blank) ++counts.furniture_lines_text;
        break;
    }
  }
  // Footnote lines outside every block: a block for each run on a page.
  std::vector<bool> in_block(n, false);
  for (const FootnoteBlock& b : layout->footnote_blocks) {
    for (int i = b.begin; i < b.end && i < n; ++i) in_block[i] = true;
  }
  bool added = false;
  for (int i = 0; i < n; ++i) {
    if (role[i] != TypedRole::kFootnote || in_block[i] || roles[i] != LineRole::kFootnote) {
      continue;
    }
    FootnoteBlock block;
    block.begin = i;
    block.rule_line = i;
    for (int j = i - 1; j >= 0 && !lines[j + 1].StartsPage(normalized); --j) {
      if (roles[j] == LineRole::kFootnoteRule) {
        block.rule_line = j;
        break;
      }
    }
    int end = i + 1;
    while (end < n && !lines[end].StartsPage(normalized) && !in_block[end] &&
           (roles[end] == LineRole::kFootnote || roles[end] == LineRole::kFurniture ||
            lines[end].blank())) {
      ++end;
    }
    while (end > i + 1 && roles[end - 1] != LineRole::kFootnote) --end;
    block.end = end;
    for (int j = i; j < end; ++j) in_block[j] = true;
    layout->footnote_blocks.push_back(block);
    added = true;
    i = end - 1;
  }
  if (added) {
    std::sort(layout->footnote_blocks.begin(), layout->footnote_blocks.end(),
              [](const FootnoteBlock& a, const FootnoteBlock& b) { return a.begin < b.begin; });
  }
  for (int i = 0; i < n && i < static_cast<int>(roles.size()); ++i) {
    if (roles[i] != LineRole::kFootnote || lines[i].blank()) continue;
    if (role[i] == TypedRole::kFootnote) {
      ++counts.footnote_lines_layout;
    } else {
      ++counts.footnote_lines_text;
    }
  }
  if (stats != nullptr) stats->Add(counts);
}

std::vector<uint8_t> Typography::BoldLines(absl::string_view normalized,
                                           const std::vector<Line>& lines) const {
  std::vector<uint8_t> out;
  if (bold_.empty()) return out;
  out.assign(lines.size(), 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank() || line.content_end > static_cast<int>(bold_.size())) continue;
    bool all = true;
    for (int b = line.content_begin; b < line.content_end && all; ++b) {
      all = bold_[b] || normalized[b] == ' ';
    }
    out[i] = all ? 1 : 0;
  }
  return out;
}

std::string Typography::ItalicLead(absl::string_view normalized, int begin, int end) const {
  end = std::min(end, static_cast<int>(italic_.size()));
  int p = begin;
  while (p < end && IsSpace(normalized[p])) ++p;
  if (p >= end || !italic_[p]) return "";
  int q = p, last = p;
  while (q < end) {
    if (italic_[q]) {
      last = ++q;
    } else if (IsSpace(normalized[q])) {
      ++q;
    } else {
      break;
    }
  }
  std::string lead = CollapseWhitespace(normalized.substr(p, last - p));
  while (!lead.empty() && absl::string_view(",;:. ").find(lead.back()) != absl::string_view::npos) {
    lead.pop_back();
  }
  return lead;
}

void Typography::AddRegions(v1::Span* span) const {
  const int begin = static_cast<int>(span->start()), end = static_cast<int>(span->end());
  // Words are ordered by begin and do not overlap, so their ends are ordered too.
  auto it = std::lower_bound(words_.begin(), words_.end(), begin,
                             [](const WordBox& w, int offset) { return w.end <= offset; });
  v1::PageRegion* region = nullptr;
  for (; it != words_.end() && it->begin < end; ++it) {
    if (region == nullptr || region->page() != it->page) {
      region = span->add_page_regions();
      region->set_page(it->page);
      v1::BoundingBox* b = region->mutable_bounding_box();
      b->set_left(it->box.left);
      b->set_top(it->box.top);
      b->set_right(it->box.right);
      b->set_bottom(it->box.bottom);
      continue;
    }
    v1::BoundingBox* b = region->mutable_bounding_box();
    b->set_left(std::min(b->left(), it->box.left));
    b->set_top(std::min(b->top(), it->box.top));
    b->set_right(std::max(b->right(), it->box.right));
    b->set_bottom(std::max(b->bottom(), it->box.bottom));
  }
}

void Typography::Apply(absl::string_view normalized, v1::Resolution* out) const {
  if (page_count_ > 0) out->set_page_count(page_count_);
  if (has_italics_) {
    for (v1::PreambularParagraph& p : *out->mutable_preambular_paragraphs()) {
      if (p.spans_size() == 0) continue;
      p.set_lead_phrase(ItalicLead(normalized, p.spans(0).start(), p.spans(0).end()));
    }
    for (v1::OperativeParagraph& p : *out->mutable_operative_paragraphs()) {
      if (p.spans_size() == 0) continue;
      p.set_lead_phrase(ItalicLead(normalized, p.spans(0).start(), p.spans(0).end()));
    }
  }
  if (words_.empty()) return;
  // Every Span anywhere in the message, walked with an explicit stack.
  const google::protobuf::Descriptor* const span_type = v1::Span::descriptor();
  std::vector<google::protobuf::Message*> stack = {out};
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  while (!stack.empty()) {
    google::protobuf::Message* m = stack.back();
    stack.pop_back();
    if (m->GetDescriptor() == span_type) {
      AddRegions(static_cast<v1::Span*>(m));
      continue;
    }
    const google::protobuf::Reflection* r = m->GetReflection();
    fields.clear();
    r->ListFields(*m, &fields);
    for (const google::protobuf::FieldDescriptor* f : fields) {
      if (f->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
      if (f->is_repeated()) {
        for (int i = 0, n = r->FieldSize(*m, f); i < n; ++i) {
          stack.push_back(r->MutableRepeatedMessage(m, f, i));
        }
      } else {
        stack.push_back(r->MutableMessage(m, f));
      }
    }
  }
}

}  // namespace resolute
