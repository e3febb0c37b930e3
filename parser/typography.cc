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
    for (const TypedWord& w : line.words) {
      const int b = to_normalized(w.range.begin), e = to_normalized(w.range.end);
      if (b < e) t.words_.push_back({b, e, line.page, w.box});
    }
  }
  std::stable_sort(t.words_.begin(), t.words_.end(),
                   [](const WordBox& a, const WordBox& b) { return a.begin < b.begin; });
  return t;
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
