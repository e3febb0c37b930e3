#include "tests/akn/akn_reader.h"

#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/akn/xml_query.h"

namespace resolute::testing {
namespace {

using ::resolute::v1::OperativeParagraph;
using ::resolute::v1::Resolution;
using ::resolute::v1::Subparagraph;

std::string Name(xmlNodePtr n) {
  return n != nullptr && n->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(n->name) : "";
}

std::string Attr(xmlNodePtr n, const char* name) {
  if (n == nullptr) return "";
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v != nullptr ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::vector<xmlNodePtr> Children(xmlNodePtr n, const std::string& name = "") {
  std::vector<xmlNodePtr> out;
  if (n == nullptr) return out;
  for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && (name.empty() || Name(c) == name)) out.push_back(c);
  }
  return out;
}

xmlNodePtr Child(xmlNodePtr n, const std::string& name) {
  std::vector<xmlNodePtr> c = Children(n, name);
  return c.empty() ? nullptr : c.front();
}

// The text of `n`, authorialNote content left out (iterative walk).
std::string TextOf(xmlNodePtr n) {
  std::string out;
  if (n == nullptr) return out;
  std::vector<xmlNodePtr> stack;
  for (xmlNodePtr c = n->last; c != nullptr; c = c->prev) stack.push_back(c);
  while (!stack.empty()) {
    xmlNodePtr c = stack.back();
    stack.pop_back();
    if (c->type == XML_TEXT_NODE) {
      out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE && Name(c) != "authorialNote") {
      for (xmlNodePtr k = c->last; k != nullptr; k = k->prev) stack.push_back(k);
    }
  }
  return out;
}

// The italic span that opens `p`, if any.
std::string LeadOf(xmlNodePtr p) {
  if (p == nullptr) return "";
  xmlNodePtr first = p->children;
  if (first != nullptr && Name(first) == "span" && Attr(first, "class") == "italic") {
    return TextOf(first);
  }
  return "";
}

// Every authorialNote below `n`, in document order.
std::vector<xmlNodePtr> NotesIn(xmlNodePtr n) {
  std::vector<xmlNodePtr> out, stack;
  for (xmlNodePtr c = n->last; c != nullptr; c = c->prev) stack.push_back(c);
  while (!stack.empty()) {
    xmlNodePtr c = stack.back();
    stack.pop_back();
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == "authorialNote") {
      out.push_back(c);
      continue;
    }
    for (xmlNodePtr k = c->last; k != nullptr; k = k->prev) stack.push_back(k);
  }
  return out;
}

class Reader {
 public:
  explicit Reader(Resolution* out) : r_(out) {}

  void ReadStatement(xmlNodePtr st) {
    for (xmlNodePtr part : Children(st)) {
      const std::string name = Name(part);
      if (name == "meta") ReadMeta(part);
      if (name == "coverPage") ReadCover(part);
      if (name == "preface") ReadPreface(part);
      if (name == "preamble") ReadPreamble(part);
      if (name == "mainBody") ReadBody(part);
      if (name == "conclusions") ReadConclusions(part);
      if (name == "attachments") ReadAttachments(part);
      CollectNotesAndLinks(part, name == "preface" ? "" : "?");
    }
  }

 private:
  void ReadMeta(xmlNodePtr meta) {
    xmlNodePtr work = Child(Child(meta, "identification"), "FRBRWork");
    const std::string author = Attr(Child(work, "FRBRauthor"), "href");
    if (author == "ga") r_->set_body(v1::BODY_GENERAL_ASSEMBLY);
    if (author == "sc") r_->set_body(v1::BODY_SECURITY_COUNCIL);
    if (author == "ecosoc") r_->set_body(v1::BODY_ECONOMIC_AND_SOCIAL_COUNCIL);
    if (author == "hrc") r_->set_body(v1::BODY_HUMAN_RIGHTS_COUNCIL);
    xmlNodePtr analysis = Child(meta, "analysis");
    if (analysis == nullptr) return;
    xmlNodePtr voting = Child(Child(analysis, "parliamentary"), "voting");
    const std::string outcome = Attr(voting, "outcome");
    v1::Vote* vote = r_->mutable_vote();
    vote->set_method(outcome == "adoptedRecordedVote"  ? v1::Vote::METHOD_VOTE
                     : outcome == "adoptedUnanimously" ? v1::Vote::METHOD_UNANIMOUS
                                                       : v1::Vote::METHOD_WITHOUT_VOTE);
    for (xmlNodePtr count : Children(voting, "count")) {
      int value = 0;
      (void)absl::SimpleAtoi(Attr(count, "value"), &value);
      const std::string who = Attr(count, "refersTo");
      std::vector<std::string> states;
      if (xmlNodePtr voters = Child(count, "voters")) {
        for (xmlNodePtr o : Children(voters, "organization")) states.push_back(TextOf(o));
      }
      auto* list = who == "#inFavour" ? vote->mutable_yes_states()
                   : who == "#against" ? vote->mutable_no_states()
                                       : vote->mutable_abstention_states();
      for (const std::string& s : states) list->Add()->assign(s);
      if (who == "#inFavour") vote->set_yes_count(value);
      if (who == "#against") vote->set_no_count(value);
      if (who == "#abstentions") vote->set_abstention_count(value);
    }
  }

  void ReadCover(xmlNodePtr cover) {
    for (xmlNodePtr p : Children(cover, "p")) {
      for (xmlNodePtr e : Children(p)) {
        const std::string name = Name(e);
        if (name == "docNumber") r_->set_symbol(TextOf(e));
        if (name == "docDate") r_->set_distribution_date(Attr(e, "date"));
        if (name == "session") r_->set_session(Attr(e, "value"));
        if (name == "docTitle") ReadAdoption(e);
      }
    }
  }

  void ReadPreface(xmlNodePtr preface) {
    for (xmlNodePtr p : Children(preface, "p")) {
      if (xmlNodePtr number = Child(p, "docNumber")) {
        r_->set_number(std::string(absl::StripSuffix(TextOf(number), ".")));
      }
      if (xmlNodePtr title = Child(p, "docTitle")) r_->set_title(TextOf(title));
    }
  }

  void ReadPreamble(xmlNodePtr preamble) {
    for (xmlNodePtr c : Children(preamble, "container")) {
      AddPreambular(c, Child(c, "p"));
    }
  }

  void AddPreambular(xmlNodePtr node, xmlNodePtr p) {
    v1::PreambularParagraph* para = r_->add_preambular_paragraphs();
    para->set_eid(Attr(node, "eId"));
    para->set_text(TextOf(p));
    para->set_lead_phrase(LeadOf(p));
    for (xmlNodePtr n : NotesIn(node)) para->add_footnote_markers(Attr(n, "marker"));
  }

  void ReadBody(xmlNodePtr body) {
    std::vector<xmlNodePtr> stack;
    const std::vector<xmlNodePtr> top = Children(body);
    for (auto it = top.rbegin(); it != top.rend(); ++it) stack.push_back(*it);
    while (!stack.empty()) {
      xmlNodePtr n = stack.back();
      stack.pop_back();
      const std::string name = Name(n);
      if (name == "paragraph") {
        ReadParagraph(n);
      } else if (name == "crossHeading" && Attr(n, "refersTo") == "#preamble") {
        AddPreambular(n, n);
      } else if (name == "section") {
        v1::Heading* h = r_->add_headings();
        h->set_eid(Attr(n, "eId"));
        if (xmlNodePtr num = Child(n, "num")) h->set_label(TextOf(num));
        h->set_title(TextOf(Child(n, "heading")));
        const std::vector<xmlNodePtr> kids = Children(n);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
      } else if (name == "hcontainer" && Attr(n, "name") == "preamble") {
        for (xmlNodePtr c : Children(n, "crossHeading")) AddPreambular(c, c);
      } else if (name == "hcontainer" && Attr(n, "name") == "table") {
        v1::Table* t = r_->add_tables();
        t->set_eid(Attr(n, "eId"));
        xmlNodePtr table = Child(Child(n, "content"), "table");
        for (xmlNodePtr tr : Children(table, "tr")) {
          t->add_cells(TextOf(Child(Child(tr, "td"), "p")));
        }
      }
    }
  }

  void ReadParagraph(xmlNodePtr par) {
    OperativeParagraph* op = r_->add_operative_paragraphs();
    op->set_eid(Attr(par, "eId"));
    if (xmlNodePtr num = Child(par, "num")) {
      op->set_number(std::string(absl::StripSuffix(TextOf(num), ".")));
    }
    xmlNodePtr p = Child(Child(par, "content"), "p");
    xmlNodePtr list = Child(par, "list");
    if (list != nullptr) p = Child(Child(list, "intro"), "p");
    op->set_text(TextOf(p));
    op->set_lead_phrase(LeadOf(p));
    for (xmlNodePtr n : NotesIn(par)) op->add_footnote_markers(Attr(n, "marker"));
    if (list != nullptr) ReadPoints(list, op->mutable_subparagraphs());
  }

  // Points of `list`, nested lists level by level (explicit stack).
  void ReadPoints(xmlNodePtr list, google::protobuf::RepeatedPtrField<Subparagraph>* out) {
    struct Frame {
      xmlNodePtr list;
      google::protobuf::RepeatedPtrField<Subparagraph>* out;
    };
    std::vector<Frame> stack = {{list, out}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      for (xmlNodePtr point : Children(f.list, "point")) {
        Subparagraph* s = f.out->Add();
        s->set_eid(Attr(point, "eId"));
        if (xmlNodePtr num = Child(point, "num")) {
          s->set_number(std::string(
              absl::StripSuffix(absl::StripPrefix(TextOf(num), "("), ")")));
        }
        xmlNodePtr inner = Child(point, "list");
        xmlNodePtr p = inner != nullptr ? Child(Child(inner, "intro"), "p")
                                        : Child(Child(point, "content"), "p");
        s->set_text(TextOf(p));
        if (inner != nullptr) stack.push_back({inner, s->mutable_subparagraphs()});
      }
    }
  }

  void ReadAdoption(xmlNodePtr scope) {
    std::vector<xmlNodePtr> stack = {scope};
    while (!stack.empty()) {
      xmlNodePtr n = stack.back();
      stack.pop_back();
      if (Name(n) == "docDate" && Attr(n, "refersTo") == "#adoptionDate") {
        r_->mutable_adoption()->set_date(Attr(n, "date"));
      }
      if ((Name(n) == "location" && Attr(n, "refersTo") == "#adoptionMeeting") ||
          (Name(n) == "inline" && Attr(n, "name") == "adoptionMeeting")) {
        r_->mutable_adoption()->set_meeting(TextOf(n));
      }
      for (xmlNodePtr c : Children(n)) stack.push_back(c);
    }
  }

  void ReadConclusions(xmlNodePtr conclusions) { ReadAdoption(conclusions); }

  void ReadAttachments(xmlNodePtr attachments) {
    for (xmlNodePtr att : Children(attachments, "attachment")) {
      v1::Annex* a = r_->add_annexes();
      a->set_eid(Attr(att, "eId"));
      xmlNodePtr h = Child(Child(Child(att, "doc"), "mainBody"), "hcontainer");
      a->set_heading(TextOf(Child(h, "heading")));
      a->set_title(TextOf(Child(h, "subheading")));
      std::vector<std::string> lines;
      for (xmlNodePtr p : Children(Child(h, "content"), "p")) lines.push_back(TextOf(p));
      a->set_text(absl::StrJoin(lines, "\n"));
    }
  }

  // Footnotes (first use of each eId) with the eId of the node they sit in,
  // and the citations of undocs.org links, in document order.
  void CollectNotesAndLinks(xmlNodePtr part, const std::string& anchor) {
    if (anchor.empty()) {
      for (xmlNodePtr n : NotesIn(part)) AddFootnote(n, "");
    }
    struct Item {
      xmlNodePtr node;
      std::string anchor;
    };
    std::vector<Item> stack = {{part, ""}};
    while (!stack.empty()) {
      Item it = stack.back();
      stack.pop_back();
      xmlNodePtr n = it.node;
      std::string here = it.anchor;
      const std::string name = Name(n);
      if (name == "container" || name == "paragraph" || name == "point" ||
          name == "crossHeading" || name == "section") {
        here = Attr(n, "eId");
      }
      if (name == "authorialNote" && !anchor.empty()) AddFootnote(n, here);
      if (name == "a") {
        const std::string href = Attr(n, "href");
        absl::string_view rest = href;
        if (absl::ConsumePrefix(&rest, "https://undocs.org/en/")) {
          citations_.insert(Decode(std::string(rest)));
        }
      }
      const std::vector<xmlNodePtr> kids = Children(n);
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back({*k, here});
    }
  }

  void AddFootnote(xmlNodePtr note, const std::string& anchor) {
    const std::string eid = Attr(note, "eId");
    if (eid.empty() || absl::StrContains(eid, "__")) return;
    if (!footnote_eids_.insert(eid).second) return;
    v1::Footnote* f = r_->add_footnotes();
    f->set_eid(eid);
    f->set_marker(Attr(note, "marker"));
    f->set_text(TextOf(Child(note, "p")));
    f->set_anchor_eid(anchor);
  }

  static std::string Decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      int value = 0;
      if (s[i] == '%' && i + 2 < s.size() &&
          absl::SimpleHexAtoi(s.substr(i + 1, 2), &value)) {
        out.push_back(static_cast<char>(value));
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  }

 public:
  void Finish() {
    for (const std::string& symbol : citations_) r_->add_citations()->set_symbol(symbol);
    std::sort(r_->mutable_footnotes()->begin(), r_->mutable_footnotes()->end(),
              [](const v1::Footnote& a, const v1::Footnote& b) { return a.eid() < b.eid(); });
  }

 private:
  Resolution* r_;
  std::set<std::string> citations_;
  std::set<std::string> footnote_eids_;
};

// Copies the sub-paragraph fields that survive, recursively with a stack.
void ViewSubparagraphs(const google::protobuf::RepeatedPtrField<Subparagraph>& in,
                       google::protobuf::RepeatedPtrField<Subparagraph>* out) {
  struct Frame {
    const google::protobuf::RepeatedPtrField<Subparagraph>* in;
    google::protobuf::RepeatedPtrField<Subparagraph>* out;
  };
  std::vector<Frame> stack = {{&in, out}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    for (const Subparagraph& s : *f.in) {
      Subparagraph* c = f.out->Add();
      c->set_eid(s.eid());
      c->set_number(s.number());
      c->set_text(s.text());
      stack.push_back({&s.subparagraphs(), c->mutable_subparagraphs()});
    }
  }
}

}  // namespace

absl::StatusOr<v1::Resolution> ReadAkomaNtoso(const std::string& xml) {
  std::string error;
  std::unique_ptr<XmlQuery> doc = XmlQuery::Parse(xml, &error);
  if (doc == nullptr) return absl::InvalidArgumentError(error);
  std::vector<xmlNodePtr> st = doc->Nodes("/a:akomaNtoso/a:statement");
  if (st.size() != 1) return absl::InvalidArgumentError("no akomaNtoso/statement");
  Resolution out;
  Reader reader(&out);
  reader.ReadStatement(st[0]);
  reader.Finish();
  return out;
}

v1::Resolution RoundTripView(const v1::Resolution& m) {
  Resolution v;
  v.set_symbol(m.symbol());
  v.set_body(m.body());
  if (m.body() != v1::BODY_SECURITY_COUNCIL) v.set_session(m.session());
  if (!m.title().empty()) {
    v.set_title(m.title());
    v.set_number(m.number());
  }
  if (m.distribution_date().size() == 10) v.set_distribution_date(m.distribution_date());
  if (m.adoption().date().size() == 10) v.mutable_adoption()->set_date(m.adoption().date());
  if (!m.adoption().meeting().empty()) {
    v.mutable_adoption()->set_meeting(m.adoption().meeting());
  }
  for (const auto& p : m.preambular_paragraphs()) {
    auto* c = v.add_preambular_paragraphs();
    c->set_eid(p.eid());
    c->set_text(p.text());
    c->set_lead_phrase(absl::StartsWith(p.text(), p.lead_phrase()) ? p.lead_phrase() : "");
    *c->mutable_footnote_markers() = p.footnote_markers();
  }
  for (const auto& op : m.operative_paragraphs()) {
    auto* c = v.add_operative_paragraphs();
    c->set_eid(op.eid());
    c->set_number(op.number());
    c->set_text(op.text());
    c->set_lead_phrase(absl::StartsWith(op.text(), op.lead_phrase()) ? op.lead_phrase() : "");
    *c->mutable_footnote_markers() = op.footnote_markers();
    ViewSubparagraphs(op.subparagraphs(), c->mutable_subparagraphs());
  }
  for (const auto& h : m.headings()) {
    auto* c = v.add_headings();
    c->set_eid(h.eid());
    const bool split = !h.label().empty() && !h.title().empty();
    if (split) c->set_label(h.label());
    c->set_title(split ? h.title() : h.text());
  }
  std::set<std::string> citations;
  for (const auto& c : m.citations()) citations.insert(c.symbol());
  for (const std::string& s : citations) v.add_citations()->set_symbol(s);
  for (const auto& t : m.tables()) {
    auto* c = v.add_tables();
    c->set_eid(t.eid());
    *c->mutable_cells() = t.cells();
    if (t.cells_size() == 0) c->add_cells("");
  }
  for (const auto& a : m.annexes()) {
    auto* c = v.add_annexes();
    c->set_eid(a.eid());
    c->set_heading(a.heading());
    c->set_title(a.title());
    std::vector<std::string> lines;
    for (absl::string_view line : absl::StrSplit(a.text(), '\n')) {
      if (!absl::StripAsciiWhitespace(line).empty()) lines.emplace_back(line);
    }
    c->set_text(lines.empty() ? "" : absl::StrJoin(lines, "\n"));
  }
  if (m.has_vote() && m.vote().method() != v1::Vote::METHOD_UNSPECIFIED) {
    v1::Vote* vote = v.mutable_vote();
    vote->set_method(m.vote().method());
    if (m.vote().method() == v1::Vote::METHOD_VOTE) {
      vote->set_yes_count(m.vote().yes_count());
      vote->set_no_count(m.vote().no_count());
      vote->set_abstention_count(m.vote().abstention_count());
      *vote->mutable_yes_states() = m.vote().yes_states();
      *vote->mutable_no_states() = m.vote().no_states();
      *vote->mutable_abstention_states() = m.vote().abstention_states();
    }
  }
  std::vector<v1::Footnote> footnotes;
  for (const auto& f : m.footnotes()) {
    v1::Footnote c;
    c.set_eid(f.eid());
    c.set_marker(f.marker());
    c.set_text(f.text());
    c.set_anchor_eid(f.anchor_eid());
    footnotes.push_back(c);
  }
  std::sort(footnotes.begin(), footnotes.end(),
            [](const v1::Footnote& a, const v1::Footnote& b) { return a.eid() < b.eid(); });
  for (auto& f : footnotes) *v.add_footnotes() = std::move(f);
  return v;
}

}  // namespace resolute::testing
