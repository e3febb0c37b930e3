#include "parser/builder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "parser/citations.h"
#include "parser/lead_phrase.h"
#include "parser/vote.h"

namespace resolute {
namespace {

void SetSpans(const std::vector<Span>& spans, google::protobuf::RepeatedPtrField<v1::Span>* out) {
  for (const Span& s : spans) {
    v1::Span* o = out->Add();
    o->set_start(s.begin);
    o->set_end(s.end);
  }
}

// Removes the byte ranges `cuts` (sorted) from `spans`.
std::vector<Span> Subtract(const std::vector<Span>& spans, const std::vector<Span>& cuts) {
  std::vector<Span> out;
  for (Span s : spans) {
    int pos = s.begin;
    for (const Span& c : cuts) {
      if (c.end <= pos || c.begin >= s.end) continue;
      if (c.begin > pos) out.push_back(Span{pos, c.begin});
      pos = std::max(pos, c.end);
    }
    if (pos < s.end) out.push_back(Span{pos, s.end});
  }
  return out;
}

// Builds the Resolution message from the stages' results.
class Builder {
 public:
  Builder(absl::string_view text, const std::vector<Span>& title_line_spans,
          const FrontMatter& front, const Footnotes& footnotes, const Structure& structure,
          Findings* findings, v1::Resolution* out, Interrupt* interrupt)
      : text_(text),
        title_line_spans_(title_line_spans),
        front_(front),
        footnotes_(footnotes),
        structure_(structure),
        findings_(findings), out_(out), interrupt_(interrupt) {}

  void Build() {
    Metadata();
    Title();
    Paragraphs();
    if (Stopped(interrupt_)) return;
    Headings();
    Parts();
    Tables();
    FootnoteList();
    Annexes();
    Citations();
    if (Stopped(interrupt_)) return;
    Checks();
  }

 private:
  // A node that footnote markers can be anchored in. Eids here and in
  // `cited_` and `paragraph_eids_` view the strings of the message's nodes,
  // which stay where they are while the message grows (repeated message
  // fields hold their elements by pointer) and are never set again.
  struct AnchorNode {
    int pos;
    absl::string_view eid;
    int op;
    int pre;
  };

  // A node whose text may cite documents.
  struct CitingNode {
    const std::vector<Span>* spans;
    absl::string_view eid;
  };


  void Metadata() {
    out_->set_symbol(front_.symbol.value);
    out_->set_body(front_.body);
    out_->set_session(front_.session);
    out_->set_kind(front_.kind);
    out_->set_number(front_.number.value);
    out_->set_distribution_date(front_.distribution_date.value);
    v1::Adoption* adoption = out_->mutable_adoption();
    adoption->set_date(!front_.adoption_date.value.empty() ? front_.adoption_date.value
                                                           : structure_.date.value);
    adoption->set_meeting(!structure_.meeting.value.empty() ? structure_.meeting.value
                                                            : front_.adoption_meeting.value);
    SetSpans(structure_.meeting.spans, adoption->mutable_spans());
    SetSpans(structure_.date.spans, adoption->mutable_spans());
    if (structure_.meeting.spans.empty()) SetSpans(front_.adoption_date.spans, adoption->mutable_spans());
    if (!structure_.vote.value.empty()) Vote();
    if (!front_.agenda_number.value.empty()) {
      v1::AgendaItem* item = out_->mutable_agenda_item();
      item->set_number(front_.agenda_number.value);
      item->set_title(front_.agenda_title.value);
      SetSpans(front_.agenda_number.spans, item->mutable_spans());
      SetSpans(front_.agenda_title.spans, item->mutable_spans());
    }
    if (!front_.committee_note.value.empty()) CommitteeNote();
    if (front_.symbol.value.empty()) {
      findings_->Warning("SYMBOL_NOT_FOUND", "the text has no document symbol");
    }
  }

  void Vote() {
    v1::Vote* vote = out_->mutable_vote();
    vote->set_text(structure_.vote.value);
    SetSpans(structure_.vote.spans, vote->mutable_spans());
    std::optional<VoteRecord> record = ParseVoteSentence(structure_.vote.value);
    if (!record.has_value()) {
      findings_->Warning("VOTE_UNREADABLE", "the adoption sentence names no vote or meeting",
                         structure_.vote.spans.front());
      return;
    }
    vote->set_method(record->method);
    vote->set_yes_count(record->yes);
    vote->set_no_count(record->no);
    vote->set_abstention_count(record->abstentions);
    for (const std::string& s : record->yes_states) vote->add_yes_states(s);
    for (const std::string& s : record->no_states) vote->add_no_states(s);
    for (const std::string& s : record->abstaining_states) vote->add_abstention_states(s);
    if (out_->adoption().meeting().empty() && !record->meeting.empty()) {
      out_->mutable_adoption()->set_meeting(record->meeting);
    }
  }

  void CommitteeNote() {
    v1::CommitteeReport* report = out_->mutable_committee_report();
    const std::string& note = front_.committee_note.value;
    report->set_text(note);
    SetSpans(front_.committee_note.spans, report->mutable_spans());
    for (const CitationMention& m : FindCitations(note, Span{0, static_cast<int>(note.size())})) {
      report->set_document_symbol(m.symbol);
      // The committee is named between "report of the " and "(symbol".
      const size_t sym = note.find(m.symbol);
      const size_t of = note.find("report of the ");
      if (of != std::string::npos && sym != std::string::npos && sym > of) {
        size_t end = note.rfind(" (", sym);
        if (end != std::string::npos && end > of) {
          report->set_committee(note.substr(of + 14, end - (of + 14)));
        }
      }
      const size_t para = note.find("para. ", sym == std::string::npos ? 0 : sym);
      if (para != std::string::npos) {
        size_t e = para + 6;
        while (e < note.size() && note[e] != ')' && note[e] != ']') ++e;
        report->set_paragraph(note.substr(para + 6, e - para - 6));
      }
      break;
    }
  }

  void Title() {
    title_spans_ = Subtract(title_line_spans_, footnotes_.cuts);
    JoinSpansTo(text_, title_spans_, out_->mutable_title());
    SetSpans(title_spans_, out_->mutable_title_spans());
    if (!title_spans_.empty()) AddAnchor(title_spans_.front().begin, "title", -1);
  }

  // Registers that the node `eid` starts at `pos`; markers after it (and
  // before the next node) belong to it. `op` is the operative paragraph index
  // that owns the node, or -1.
  void AddAnchor(int pos, absl::string_view eid, int op, int pre = -1) {
    anchors_.push_back(AnchorNode{pos, eid, op, pre});
  }

  void Subparagraphs(const std::vector<SubNode>& subs, absl::string_view parent_eid, int op,
                     google::protobuf::RepeatedPtrField<v1::Subparagraph>* out) {
    for (const SubNode& s : subs) {
      v1::Subparagraph* m = out->Add();
      m->set_eid(absl::StrCat(parent_eid, "__subpara_", s.number));
      m->set_number(s.number);
      JoinSpansTo(text_, s.spans, m->mutable_text());
      SetSpans(s.spans, m->mutable_spans());
      if (!s.spans.empty()) AddAnchor(s.spans.front().begin, m->eid(), op);
      cited_.push_back({&s.spans, m->eid()});
      Subparagraphs(s.children, m->eid(), op, m->mutable_subparagraphs());
    }
  }

  void Paragraphs() {
    // Operative eids: "para_N" while numbers are unique, else per section.
    absl::flat_hash_set<std::string> numbers;
    bool unique = true;
    for (const ParaNode& p : structure_.paragraphs) {
      if (p.kind == ParagraphKind::kOperative && !p.number.empty()) {
        unique &= numbers.insert(p.number).second;
      }
    }
    absl::flat_hash_set<absl::string_view> used;  // views of the eids set so far
    absl::flat_hash_map<std::string, int> next_suffix;  // by eid shared by namesakes
    static const std::string* const kNoPart = new std::string();
    int pre_count = 0, unnumbered = 0;
    for (size_t i = 0; i < structure_.paragraphs.size(); ++i) {
      if (Stopped(interrupt_)) return;
      const ParaNode& p = structure_.paragraphs[i];
      // The text is joined straight into the message's field (a reused
      // message keeps its strings' capacity).
      v1::PreambularParagraph* const preambular =
          p.kind == ParagraphKind::kPreambular ? out_->add_preambular_paragraphs() : nullptr;
      v1::OperativeParagraph* const operative =
          preambular == nullptr ? out_->add_operative_paragraphs() : nullptr;
      std::string* const text =
          preambular != nullptr ? preambular->mutable_text() : operative->mutable_text();
      JoinSpansTo(text_, p.spans, text);
      const size_t lead = LeadPhraseLength(*text, p.kind);
      const std::string& part = p.part >= 0 ? structure_.parts[p.part].label : *kNoPart;
      const std::string prefix = part.empty() ? "" : absl::StrCat("part_", part, "__");
      if (preambular != nullptr) {
        v1::PreambularParagraph* m = preambular;
        m->set_eid(absl::StrCat(prefix, "preamble__para_", ++pre_count));
        m->set_part(part);
        m->set_lead_phrase(text->data(), lead);
        SetSpans(p.spans, m->mutable_spans());
        if (!p.spans.empty()) AddAnchor(p.spans.front().begin, m->eid(), -1, out_->preambular_paragraphs_size() - 1);
        paragraph_eids_.push_back(m->eid());
        cited_.push_back({&p.spans, m->eid()});
        continue;
      }
      v1::OperativeParagraph* m = operative;
      std::string eid;
      if (p.number.empty()) {
        eid = absl::StrCat(prefix, "para_u", ++unnumbered);
      } else if (unique || (!part.empty() && p.section < 0)) {
        eid = absl::StrCat(prefix, "para_", p.number);
      } else {
        eid = absl::StrCat(prefix, "sec_", p.section + 1, "__para_", p.number);
      }
      if (used.contains(eid)) {
        // Namesakes get "_2", "_3" ... after the eid they share; each base
        // remembers its next suffix, so the search never starts over.
        int& next = next_suffix[eid];
        if (next == 0) next = 2;
        std::string candidate;
        do {
          candidate = absl::StrCat(eid, "_", next++);
        } while (used.contains(candidate));
        eid = std::move(candidate);
      }
      m->set_eid(std::move(eid));
      used.insert(m->eid());
      m->set_part(part);
      paragraph_eids_.push_back(m->eid());
      m->set_number(p.number);
      m->set_lead_phrase(text->data(), lead);
      SetSpans(p.spans, m->mutable_spans());
      const int op = out_->operative_paragraphs_size() - 1;
      if (!p.spans.empty()) AddAnchor(p.spans.front().begin, m->eid(), op);
      cited_.push_back({&p.spans, m->eid()});
      Subparagraphs(p.subs, m->eid(), op, m->mutable_subparagraphs());
      if (p.spans.empty() && p.subs.empty()) {
        findings_->Warning("EMPTY_PARAGRAPH", absl::StrCat("paragraph ", p.number, " has no text"));
      }
    }
    // Operative paragraphs whose own text is empty (text only in the list)
    // start at their first sub-paragraph; anchors must be in text order.
    std::stable_sort(anchors_.begin(), anchors_.end(),
                     [](const AnchorNode& a, const AnchorNode& b) { return a.pos < b.pos; });
  }

  void Parts() {
    for (const PartNode& p : structure_.parts) {
      v1::Part* m = out_->add_parts();
      m->set_eid(absl::StrCat("part_", p.label));
      m->set_label(p.label);
      m->set_title(JoinSpans(text_, p.title_spans));
      SetSpans(p.label_spans, m->mutable_spans());
      SetSpans(p.title_spans, m->mutable_spans());
    }
  }

  void Tables() {
    for (size_t i = 0; i < structure_.tables.size(); ++i) {
      const TableNode& t = structure_.tables[i];
      v1::Table* m = out_->add_tables();
      m->set_eid(absl::StrCat("table_", i + 1));
      if (t.paragraph >= 0 && t.paragraph < static_cast<int>(paragraph_eids_.size())) {
        m->set_paragraph_eid(std::string(paragraph_eids_[t.paragraph]));
      }
      for (const Span& cell : t.cells) m->add_cells(JoinSpans(text_, {cell}));
      SetSpans(t.cells, m->mutable_spans());
    }
  }

  void Headings() {
    if (structure_.headings.empty()) return;
    // next_operative[k]: the first operative paragraph from k on, or -1.
    std::vector<int> next_operative(structure_.paragraphs.size() + 1, -1);
    for (size_t k = structure_.paragraphs.size(); k-- > 0;) {
      next_operative[k] = structure_.paragraphs[k].kind == ParagraphKind::kOperative
                              ? static_cast<int>(k)
                              : next_operative[k + 1];
    }
    for (size_t i = 0; i < structure_.headings.size(); ++i) {
      const HeadingNode& h = structure_.headings[i];
      v1::Heading* m = out_->add_headings();
      m->set_eid(absl::StrCat("heading_", i + 1));
      const std::string title = JoinSpans(text_, h.title_spans);
      if (h.label.empty()) {
        m->set_text(title);
      } else if (title.empty()) {
        m->set_text(h.label);
      } else {
        m->set_text(absl::StrCat(h.label, ". ", title));
      }
      m->set_label(h.label);
      m->set_title(title);
      if (h.next_paragraph >= 0) {
        const ParaNode& next = structure_.paragraphs[h.next_paragraph];
        if (next.kind == ParagraphKind::kOperative) m->set_next_paragraph_number(next.number);
        else if (const int k = next_operative[h.next_paragraph]; k >= 0) {
          m->set_next_paragraph_number(structure_.paragraphs[k].number);
        }
      }
      SetSpans(h.label_spans, m->mutable_spans());
      SetSpans(h.title_spans, m->mutable_spans());
    }
  }

  // The last node (in text order) that starts at or before `pos`, or null.
  const AnchorNode* NodeAt(int pos) const {
    auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                               [](int p, const AnchorNode& a) { return p < a.pos; });
    return it == anchors_.begin() ? nullptr : &*(it - 1);
  }

  void FootnoteList() {
    // Which footnote entries belong to the resolution proper.
    std::vector<int> index(footnotes_.entries.size(), -1);
    for (size_t e = 0; e < footnotes_.entries.size(); ++e) {
      const FootnoteEntry& entry = footnotes_.entries[e];
      if (entry.position >= structure_.resolution_end) continue;
      v1::Footnote* f = out_->add_footnotes();
      index[e] = out_->footnotes_size() - 1;
      f->set_eid(absl::StrCat("fn_", out_->footnotes_size()));
      f->set_marker(entry.marker);
      JoinSpansTo(text_, entry.spans, f->mutable_text());
      SetSpans(entry.spans, f->mutable_spans());
      cited_.push_back({&entry.spans, f->eid()});
    }
    for (const MarkerRef& ref : footnotes_.refs) {
      if (ref.entry < 0 || index[ref.entry] < 0) continue;
      v1::Footnote* f = out_->mutable_footnotes(index[ref.entry]);
      f->mutable_anchor_span()->set_start(ref.span.begin);
      f->mutable_anchor_span()->set_end(ref.span.end);
      const AnchorNode* node = NodeAt(ref.span.begin);
      if (node == nullptr) continue;
      f->set_anchor_eid(std::string(node->eid));
      if (node->op >= 0) {
        out_->mutable_operative_paragraphs(node->op)->add_footnote_markers(ref.marker);
      } else if (node->pre >= 0) {
        out_->mutable_preambular_paragraphs(node->pre)->add_footnote_markers(ref.marker);
      }
    }
  }

  void Annexes() {
    for (size_t i = 0; i < structure_.annexes.size(); ++i) {
      const AnnexNode& a = structure_.annexes[i];
      v1::Annex* m = out_->add_annexes();
      m->set_eid(absl::StrCat("annex_", i + 1));
      JoinSpansTo(text_, a.heading_spans, m->mutable_heading());
      JoinSpansTo(text_, a.title_spans, m->mutable_title());
      std::string body;
      for (const std::vector<Span>& p : a.paragraphs) {
        if (!body.empty()) body.push_back('\n');
        absl::StrAppend(&body, JoinSpans(text_, p));
      }
      m->set_text(body);
      SetSpans(a.heading_spans, m->mutable_spans());
      SetSpans(a.title_spans, m->mutable_spans());
      for (const std::vector<Span>& p : a.paragraphs) SetSpans(p, m->mutable_spans());
    }
  }

  void Citations() {
    absl::flat_hash_map<std::string, int> index;
    for (const auto& [spans, eid] : cited_) {
      if (Stopped(interrupt_)) return;
      {
        for (CitationMention& mention : FindCitations(text_, *spans)) {
          auto [it, inserted] = index.emplace(mention.symbol, out_->citations_size());
          v1::Citation* c = inserted ? out_->add_citations() : out_->mutable_citations(it->second);
          if (inserted) c->set_symbol(mention.symbol);
          if (!mention.part.empty() && c->part_range().empty()) c->set_part_range(mention.part);
          if (c->date().empty()) c->set_date(mention.date);
          if (c->cited_by_eids().empty() ||
              c->cited_by_eids(c->cited_by_eids_size() - 1) != eid) {
            c->add_cited_by_eids(std::string(eid));
          }
          v1::Span* sp = c->add_spans();
          sp->set_start(mention.span.begin);
          sp->set_end(mention.span.end);
        }
      }
    }
  }

  void Checks() {
    if (out_->preambular_paragraphs_size() == 0 && out_->operative_paragraphs_size() == 0) {
      findings_->Error("NO_PARAGRAPHS", "no preambular or operative paragraph was found");
    }
    for (const v1::Footnote& f : out_->footnotes()) {
      if (f.anchor_eid().empty() && f.has_anchor_span()) {
        findings_->Warning("FOOTNOTE_OUTSIDE_PARAGRAPH",
                           absl::StrCat("marker of footnote ", f.marker(), " is outside any paragraph"),
                           Span{static_cast<int>(f.anchor_span().start()),
                                static_cast<int>(f.anchor_span().end())});
      }
    }
  }

  absl::string_view text_;
  const std::vector<Span>& title_line_spans_;  // TitleSpans: footnote markers not cut yet
  const FrontMatter& front_;
  const Footnotes& footnotes_;
  const Structure& structure_;
  Findings* findings_;
  v1::Resolution* out_;
  Interrupt* interrupt_;
  std::vector<Span> title_spans_;
  std::vector<absl::string_view> paragraph_eids_;  // by Structure::paragraphs index
  std::vector<AnchorNode> anchors_;
  std::vector<CitingNode> cited_;
};

}  // namespace

void BuildResolution(absl::string_view text, const std::vector<Span>& title_spans,
                     const FrontMatter& front, const Footnotes& footnotes,
                     const Structure& structure, Findings* findings, v1::Resolution* out,
                     Interrupt* interrupt) {
  Builder(text, title_spans, front, footnotes, structure, findings, out, interrupt).Build();
}

}  // namespace resolute
