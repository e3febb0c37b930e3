#include "akn/akn_writer.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "akn/frbr.h"
#include "akn/xml_text.h"

namespace resolute::akn {
namespace {

using ::resolute::v1::Annex;
using ::resolute::v1::Citation;
using ::resolute::v1::Footnote;
using ::resolute::v1::Heading;
using ::resolute::v1::OperativeParagraph;
using ::resolute::v1::PreambularParagraph;
using ::resolute::v1::Resolution;
using ::resolute::v1::Span;
using ::resolute::v1::Subparagraph;
using ::resolute::v1::Table;
using ::resolute::v1::Vote;
using SpanList = google::protobuf::RepeatedPtrField<Span>;

constexpr char kAknNamespace[] = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
constexpr char kAkn4UnNamespace[] = "http://un.org/akn4un";

// "2023-12-07" -> "7 December 2023"; the input unchanged if it is not an ISO
// date.
std::string HumanDate(const std::string& iso) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December"};
  std::vector<absl::string_view> parts = absl::StrSplit(iso, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day) || month < 1 ||
      month > 12) {
    return iso;
  }
  return absl::StrCat(day, " ", kMonths[month - 1], " ", year);
}

// True if `date` has the xsd:date form YYYY-MM-DD.
bool IsIsoDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && date.substr(0, 4) != "0000";
}

// The position in a node's text of byte `pos` of Resolution.text, given the
// node's spans: pieces are joined by one character, so each earlier piece
// counts its length plus one. A position between two pieces (where a marker
// was cut out) maps to the end of the earlier piece.
size_t OffsetInNode(const SpanList& spans, int64_t pos, size_t text_size) {
  size_t offset = 0;
  for (const Span& span : spans) {
    if (pos < span.start()) return offset == 0 ? 0 : std::min(offset - 1, text_size);
    if (pos <= span.end()) {
      return std::min(offset + static_cast<size_t>(pos - span.start()), text_size);
    }
    offset += static_cast<size_t>(span.end() - span.start()) + 1;
  }
  return text_size;
}

// Start of the first span, or -1 if there is none.
int64_t FirstStart(const SpanList& spans) { return spans.empty() ? -1 : spans[0].start(); }

// An element placed inside a node's text.
struct Inline {
  // Byte offset into the node's text where the element starts.
  size_t begin = 0;
  // For a link, the end of the linked words; equal to `begin` for a note and
  // for a link whose words were not found.
  size_t end = 0;
  // Index of the footnote (for a note), or -1 for a link.
  int footnote = -1;
  // Marker of a note whose footnote is missing from the model.
  std::string marker;
  // The link's target.
  std::string href;
};

// What goes inside one node of the model (a paragraph, sub-paragraph,
// footnote, heading or the title).
struct NodeInlines {
  std::vector<Inline> items;
};

// Writes one resolution. All libxml2 calls go through the helpers, which
// remember the first failure.
class DocumentWriter {
 public:
  explicit DocumentWriter(const Resolution& resolution)
      : r_(resolution), frbr_(FrbrNamesFor(resolution)) {}

  absl::StatusOr<std::string> Write() {
    xmlBufferPtr buffer = xmlBufferCreate();
    if (buffer == nullptr) return absl::InternalError("libxml2: cannot create a buffer");
    w_ = xmlNewTextWriterMemory(buffer, 0);
    if (w_ == nullptr) {
      xmlBufferFree(buffer);
      return absl::InternalError("libxml2: cannot create a text writer");
    }
    PlanFootnotes();
    PlanCitations();
    Check(xmlTextWriterStartDocument(w_, nullptr, "UTF-8", nullptr));
    Start("akomaNtoso");
    Attr("xmlns", kAknNamespace);
    Attr("xmlns:akn4un", kAkn4UnNamespace);
    Start("statement");
    Attr("name", r_.kind() == resolute::v1::DOCUMENT_KIND_DECISION ? "decision" : "resolution");
    WriteMeta();
    WriteCoverPage();
    WritePreface();
    WritePreamble();
    WriteMainBody();
    WriteConclusions();
    WriteAttachments();
    End();  // statement
    End();  // akomaNtoso
    Check(xmlTextWriterEndDocument(w_));
    xmlFreeTextWriter(w_);
    w_ = nullptr;
    std::string out(reinterpret_cast<const char*>(buffer->content), buffer->use);
    xmlBufferFree(buffer);
    if (failed_) return absl::InternalError("libxml2 failed to write the Akoma Ntoso document");
    return out;
  }

 private:
  // ---- libxml2 helpers ----------------------------------------------------
  void Check(int rc) {
    if (rc < 0) failed_ = true;
  }
  // Elements are indented two spaces a level, except inside mixed content
  // (a paragraph's text), where whitespace would change the text.
  void Start(const char* name) {
    if (mixed_depth_ == 0 && !open_.empty()) Indent(open_.size());
    if (!open_.empty()) open_.back().has_children = true;
    open_.push_back({mixed_depth_ > 0, false});
    Check(xmlTextWriterStartElement(w_, reinterpret_cast<const xmlChar*>(name)));
  }
  void End() {
    const OpenElement e = open_.back();
    open_.pop_back();
    if (!e.in_mixed && e.has_children && mixed_depth_ == 0) Indent(open_.size());
    Check(xmlTextWriterEndElement(w_));
  }
  void Indent(size_t depth) {
    const std::string space = "\n" + std::string(2 * depth, ' ');
    Check(xmlTextWriterWriteRaw(w_, reinterpret_cast<const xmlChar*>(space.c_str())));
  }
  // Starts an element of mixed content: nothing is indented inside it.
  void StartMixed(const char* name) {
    Start(name);
    open_.back().in_mixed = true;
    ++mixed_depth_;
  }
  // Ends the element opened by StartMixed.
  void EndMixed() {
    --mixed_depth_;
    End();
  }
  void Attr(const char* name, absl::string_view value) {
    std::string safe = XmlSafeText(value);
    if (absl::string_view(name) == "eId") {
      // The schema's eIds hold no whitespace; the model's never do, but a
      // caller's model might.
      for (char& c : safe) {
        if (absl::ascii_isspace(static_cast<unsigned char>(c))) c = '_';
      }
      if (safe.empty()) safe = "_";
      // The schema wants eIds unique in the document.
      if (!used_eids_.insert(safe).second) {
        int n = 2;
        while (!used_eids_.insert(absl::StrCat(safe, "__", n)).second) ++n;
        absl::StrAppend(&safe, "__", n);
      }
    }
    Check(xmlTextWriterWriteAttribute(w_, reinterpret_cast<const xmlChar*>(name),
                                      reinterpret_cast<const xmlChar*>(safe.c_str())));
  }
  void Text(absl::string_view text) {
    if (text.empty()) return;
    const std::string safe = XmlSafeText(text);
    Check(xmlTextWriterWriteString(w_, reinterpret_cast<const xmlChar*>(safe.c_str())));
  }
  // <name attr=value...>text</name>
  void Element(const char* name, absl::string_view text,
               std::vector<std::pair<const char*, std::string>> attrs = {}) {
    StartMixed(name);
    for (const auto& [key, value] : attrs) Attr(key, value);
    Text(text);
    EndMixed();
  }
  void Frbr(const char* name, const std::string& attr, const std::string& value) {
    Start(name);
    Attr(attr.c_str(), value);
    End();
  }
  void FrbrDate(const std::string& date, const char* name) {
    Start("FRBRdate");
    Attr("date", date);
    Attr("name", name);
    End();
  }
  void FrbrAuthor(const std::string& href, const char* as) {
    Start("FRBRauthor");
    Attr("href", href);
    Attr("as", as);
    End();
  }

  // ---- planning: what goes inside which node ------------------------------

  // Assigns every footnote marker of a paragraph to a footnote of the model
  // and a place in the paragraph; footnotes no marker claims go to the
  // preface.
  void PlanFootnotes() {
    std::vector<bool> used(r_.footnotes_size(), false);
    const auto pick = [&](const std::string& marker, const std::set<std::string>& eids) {
      int best = -1;
      for (int pass = 0; pass < 3 && best < 0; ++pass) {
        for (int i = 0; i < r_.footnotes_size(); ++i) {
          const Footnote& f = r_.footnotes(i);
          if (f.marker() != marker) continue;
          if (pass == 0 && (used[i] || eids.count(f.anchor_eid()) == 0)) continue;
          if (pass == 1 && used[i]) continue;
          best = i;
          break;
        }
      }
      if (best >= 0) used[best] = true;
      return best;
    };
    for (const PreambularParagraph& p : r_.preambular_paragraphs()) {
      for (const std::string& marker : p.footnote_markers()) {
        const int f = pick(marker, {p.eid()});
        AddNote(p.eid(), p.text(), p.spans(), f, marker);
      }
    }
    for (const OperativeParagraph& op : r_.operative_paragraphs()) {
      std::set<std::string> eids = {op.eid()};
      std::map<std::string, const Subparagraph*> subs;
      std::vector<const Subparagraph*> stack;
      for (const Subparagraph& s : op.subparagraphs()) stack.push_back(&s);
      while (!stack.empty()) {
        const Subparagraph* s = stack.back();
        stack.pop_back();
        eids.insert(s->eid());
        subs[s->eid()] = s;
        for (const Subparagraph& child : s->subparagraphs()) stack.push_back(&child);
      }
      std::vector<std::pair<std::string, Inline>> placed;
      for (const std::string& marker : op.footnote_markers()) {
        const int f = pick(marker, eids);
        std::string node = op.eid();
        if (f >= 0 && subs.count(r_.footnotes(f).anchor_eid()) > 0) {
          node = r_.footnotes(f).anchor_eid();
        }
        placed.emplace_back(node, Inline{});
        Inline& note = placed.back().second;
        note.footnote = f;
        note.marker = marker;
        if (node == op.eid()) {
          note.begin = NotePosition(op.text(), op.lead_phrase(), op.spans(), f);
        } else {
          const Subparagraph* s = subs[node];
          note.begin = NotePosition(s->text(), "", s->spans(), f);
        }
      }
      // The converter and readers list an operative paragraph's markers in
      // document order; if placing the notes at their anchors would change
      // the model's order, they all go to the end of the paragraph's text.
      if (!InDocumentOrder(op, placed)) {
        for (auto& [node, note] : placed) {
          node = op.eid();
          note.begin = op.text().size();
        }
      }
      for (auto& [node, note] : placed) {
        note.end = note.begin;
        inlines_[node].items.push_back(note);
      }
    }
    for (int i = 0; i < r_.footnotes_size(); ++i) {
      if (!used[i]) unanchored_notes_.push_back(i);
    }
  }

  // Adds a note for footnote `f` (or a bare `marker` if f < 0) to node `eid`.
  void AddNote(const std::string& eid, const std::string& text, const SpanList& spans, int f,
               const std::string& marker) {
    Inline note;
    note.footnote = f;
    note.marker = marker;
    note.begin = NotePosition(text, "", spans, f);
    note.end = note.begin;
    inlines_[eid].items.push_back(note);
  }

  // Where footnote `f` is anchored in a node's text: the end of the word its
  // marker follows, never inside the lead phrase; the end if unknown.
  size_t NotePosition(const std::string& text, const std::string& lead, const SpanList& spans,
                      int f) {
    size_t pos = text.size();
    if (f >= 0 && r_.footnotes(f).has_anchor_span() && !spans.empty()) {
      pos = OffsetInNode(spans, r_.footnotes(f).anchor_span().start(), text.size());
    }
    const auto word = [&](size_t i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      return absl::ascii_isalnum(c) || c >= 0x80;
    };
    while (pos > 0 && pos < text.size() && word(pos - 1) && word(pos)) ++pos;
    if (absl::StartsWith(text, lead)) pos = std::max(pos, lead.size());
    return pos;
  }

  // True if the notes `placed` in `op` and its sub-paragraphs appear in the
  // order of op.footnote_markers() when written.
  bool InDocumentOrder(const OperativeParagraph& op,
                       const std::vector<std::pair<std::string, Inline>>& placed) {
    std::vector<std::string> order;
    std::vector<std::pair<size_t, std::string>> own;
    for (const auto& [node, note] : placed) {
      if (node == op.eid()) own.emplace_back(note.begin, note.marker);
    }
    std::stable_sort(own.begin(), own.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [pos, marker] : own) order.push_back(marker);
    std::vector<const Subparagraph*> stack;
    for (int i = op.subparagraphs_size() - 1; i >= 0; --i) stack.push_back(&op.subparagraphs(i));
    while (!stack.empty()) {
      const Subparagraph* s = stack.back();
      stack.pop_back();
      std::vector<std::pair<size_t, std::string>> mine;
      for (const auto& [node, note] : placed) {
        if (node == s->eid()) mine.emplace_back(note.begin, note.marker);
      }
      std::stable_sort(mine.begin(), mine.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [pos, marker] : mine) order.push_back(marker);
      for (int i = s->subparagraphs_size() - 1; i >= 0; --i) {
        stack.push_back(&s->subparagraphs(i));
      }
    }
    return std::equal(order.begin(), order.end(), op.footnote_markers().begin(),
                      op.footnote_markers().end());
  }

  // Registers the texts of the nodes that may carry links.
  void IndexNodeTexts() {
    for (const PreambularParagraph& p : r_.preambular_paragraphs()) {
      node_text_[p.eid()] = {&p.text(), &p.spans(), p.lead_phrase()};
    }
    for (const OperativeParagraph& op : r_.operative_paragraphs()) {
      node_text_[op.eid()] = {&op.text(), &op.spans(), op.lead_phrase()};
      std::vector<const Subparagraph*> stack;
      for (const Subparagraph& s : op.subparagraphs()) stack.push_back(&s);
      while (!stack.empty()) {
        const Subparagraph* s = stack.back();
        stack.pop_back();
        node_text_[s->eid()] = {&s->text(), &s->spans(), ""};
        for (const Subparagraph& child : s->subparagraphs()) stack.push_back(&child);
      }
    }
    for (const Footnote& f : r_.footnotes()) node_text_[f.eid()] = {&f.text(), &f.spans(), ""};
    for (const Heading& h : r_.headings()) {
      const bool split = !h.label().empty() && !h.title().empty();
      node_text_[h.eid()] = {split ? &h.title() : &h.text(), &h.spans(), ""};
    }
  }

  // Places a link for every citation in the first node that cites it and
  // whose text shows the cited words; a citation whose words are not found
  // becomes an empty link at the end of its first citing node (or of the
  // last paragraph), so that no citation is lost.
  void PlanCitations() {
    IndexNodeTexts();
    for (const Citation& c : r_.citations()) {
      const std::string href = UndocsHref(c.symbol());
      std::string fallback;
      bool placed = false;
      for (const std::string& eid : c.cited_by_eids()) {
        auto it = node_text_.find(eid);
        if (it == node_text_.end()) continue;
        if (fallback.empty()) fallback = eid;
        if (PlaceLink(eid, it->second, c, href)) {
          placed = true;
          break;
        }
      }
      if (placed) continue;
      if (fallback.empty()) fallback = LastParagraphEid();
      if (fallback.empty()) continue;
      Inline link;
      link.href = href;
      link.begin = link.end = node_text_[fallback].text->size();
      inlines_[fallback].items.push_back(link);
    }
  }

  // The eid of the last operative (else preambular) paragraph; "" if none.
  std::string LastParagraphEid() const {
    if (r_.operative_paragraphs_size() > 0) return r_.operative_paragraphs().rbegin()->eid();
    if (r_.preambular_paragraphs_size() > 0) return r_.preambular_paragraphs().rbegin()->eid();
    return "";
  }

  struct NodeText {
    const std::string* text = nullptr;
    const SpanList* spans = nullptr;
    std::string lead;
  };

  // The words that may show citation `c` in a text: its mentions in
  // Resolution.text when the model carries the text, else forms of its
  // symbol ("A/RES/77/148" is cited as "77/148", "A/RES/217(III)" with its
  // part as "217 A (III)", "A/HRC/RES/7/34" as "7/34"). Matched ignoring
  // whitespace (see FindLoose).
  std::vector<std::string> Needles(const Citation& c) const {
    std::vector<std::string> needles;
    for (const Span& s : c.spans()) {
      if (s.start() >= 0 && s.end() > s.start() &&
          static_cast<size_t>(s.end()) <= r_.text().size()) {
        needles.push_back(r_.text().substr(s.start(), s.end() - s.start()));
      }
    }
    needles.push_back(c.symbol());
    for (absl::string_view prefix : {"A/RES/", "S/RES/", "E/RES/", "A/HRC/RES/"}) {
      if (!absl::StartsWith(c.symbol(), prefix)) continue;
      const std::string bare = c.symbol().substr(prefix.size());
      const size_t paren = bare.find('(');
      if (!c.part_range().empty() && paren != std::string::npos && paren > 0) {
        needles.push_back(absl::StrCat(bare.substr(0, paren), c.part_range(), bare.substr(paren)));
      }
      if (!c.part_range().empty()) needles.push_back(absl::StrCat(bare, c.part_range()));
      needles.push_back(bare);
    }
    return needles;
  }

  // Finds `needle` in `text` at or after `from`, whitespace ignored on both
  // sides, as a whole word (no letter or digit just before, no digit just
  // after). Returns the match as [begin, end) of `text`, or begin = npos.
  static std::pair<size_t, size_t> FindLoose(const std::string& text,
                                             const std::string& needle, size_t from) {
    std::string squeezed;
    for (char c : needle) {
      if (!absl::ascii_isspace(static_cast<unsigned char>(c))) squeezed.push_back(c);
    }
    const auto is = [&](size_t i, auto pred) {
      return i < text.size() && pred(static_cast<unsigned char>(text[i]));
    };
    if (squeezed.empty()) return {std::string::npos, 0};
    for (size_t begin = text.find(squeezed[0], from); begin != std::string::npos;
         begin = text.find(squeezed[0], begin + 1)) {
      if (begin > 0 && is(begin - 1, absl::ascii_isalnum)) continue;
      size_t i = begin, k = 0;
      while (k < squeezed.size() && i < text.size()) {
        if (absl::ascii_isspace(static_cast<unsigned char>(text[i])) && k > 0) {
          ++i;
        } else if (text[i] == squeezed[k]) {
          ++i, ++k;
        } else {
          break;
        }
      }
      if (k == squeezed.size() && !is(i, absl::ascii_isdigit)) return {begin, i};
    }
    return {std::string::npos, 0};
  }

  // Links the first free mention of `c` in node `eid`; false if none.
  bool PlaceLink(const std::string& eid, const NodeText& node, const Citation& c,
                 const std::string& href) {
    const std::string& text = *node.text;
    const size_t lead = absl::StartsWith(text, node.lead) ? node.lead.size() : 0;
    std::vector<Inline>& items = inlines_[eid].items;
    for (const std::string& needle : Needles(c)) {
      for (auto [at, end] = FindLoose(text, needle, lead); at != std::string::npos;
           std::tie(at, end) = FindLoose(text, needle, at + 1)) {
        const size_t begin = at, stop = end;
        const bool free = std::none_of(items.begin(), items.end(), [&](const Inline& i) {
          return i.footnote < 0 && i.marker.empty() && i.begin < stop && begin < i.end;
        });
        if (!free) continue;
        Inline link;
        link.href = href;
        link.begin = begin;
        link.end = stop;
        items.push_back(link);
        return true;
      }
    }
    return false;
  }

  // ---- inline content ------------------------------------------------------

  // Writes a node's text inside the current element: the lead phrase in an
  // italic span, links around their words, notes at their anchors.
  void RichText(const std::string& eid, const std::string& text, const std::string& lead) {
    const size_t lead_size = !lead.empty() && absl::StartsWith(text, lead) ? lead.size() : 0;
    std::vector<Inline> items;
    auto it = inlines_.find(eid);
    if (it != inlines_.end()) items = it->second.items;
    // Links: the ones that overlap the lead phrase or an earlier link become
    // empty links at their start.
    for (Inline& i : items) {
      i.begin = std::min(i.begin, text.size());
      i.end = std::min(std::max(i.end, i.begin), text.size());
      if (i.begin < lead_size) {
        i.begin = lead_size;
        i.end = std::max(i.end, i.begin);
      }
    }
    std::stable_sort(items.begin(), items.end(), [](const Inline& a, const Inline& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.end > b.end;  // a link before a note at the same place
    });
    size_t pos = 0;
    if (lead_size > 0) {
      Start("span");
      Attr("class", "italic");
      Text(absl::string_view(text).substr(0, lead_size));
      End();
      pos = lead_size;
    }
    size_t link_end = 0;  // end of the link being written, 0 if none open
    for (size_t k = 0; k < items.size(); ++k) {
      Inline& i = items[k];
      i.begin = std::max(i.begin, pos);
      if (link_end > 0 && i.begin >= link_end) {
        Text(absl::string_view(text).substr(pos, link_end - pos));
        pos = link_end;
        End();
        link_end = 0;
      }
      Text(absl::string_view(text).substr(pos, i.begin - pos));
      pos = i.begin;
      if (i.footnote >= 0 || !i.marker.empty()) {
        WriteNote(i.footnote, i.marker);
        continue;
      }
      // A link inside an open link, or overlapping, loses its words.
      const bool nested = link_end > 0;
      Start("a");
      Attr("href", i.href);
      if (nested || i.end <= i.begin) {
        End();
      } else {
        link_end = i.end;
      }
    }
    if (link_end > 0) {
      Text(absl::string_view(text).substr(pos, link_end - pos));
      pos = link_end;
      End();
    }
    Text(absl::string_view(text).substr(pos));
  }

  // <authorialNote marker placement eId><p>text</p></authorialNote>
  void WriteNote(int f, const std::string& marker) {
    Start("authorialNote");
    Attr("marker", f >= 0 ? r_.footnotes(f).marker() : marker);
    Attr("placement", "bottom");
    if (f >= 0) {
      std::string eid = r_.footnotes(f).eid();
      const int n = ++note_uses_[eid];
      if (n > 1) absl::StrAppend(&eid, "__", n);
      Attr("eId", eid);
    }
    Start("p");
    if (f >= 0) RichText(r_.footnotes(f).eid(), r_.footnotes(f).text(), "");
    End();
    End();
  }

  // <p>rich text</p>
  void Paragraph(const std::string& eid, const std::string& text, const std::string& lead) {
    StartMixed("p");
    RichText(eid, text, lead);
    EndMixed();
  }

  // ---- document parts ----------------------------------------------------

  void WriteMeta() {
    const std::string& work = frbr_.work_uri;
    const std::string publication =
        IsIsoDate(r_.distribution_date()) ? r_.distribution_date() : frbr_.work_date;
    const std::string work_date = IsIsoDate(frbr_.work_date) ? frbr_.work_date : "0001-01-01";
    Start("meta");
    Start("identification");
    Attr("source", "#resolute");
    Start("FRBRWork");
    Frbr("FRBRthis", "value", absl::StrCat(work, "!main/"));
    Frbr("FRBRuri", "value", work);
    // An unknown adoption date keeps the UN's placeholder date under a name
    // that does not claim an adoption.
    FrbrDate(work_date, IsIsoDate(r_.adoption().date()) ? "adoption" : "unknown");
    FrbrAuthor(frbr_.body.author, "author");
    Frbr("FRBRcountry", "value", "un");
    End();
    Start("FRBRExpression");
    Frbr("FRBRthis", "value", absl::StrCat(work, "eng@!main/"));
    Frbr("FRBRuri", "value", frbr_.expression_uri);
    FrbrDate(IsIsoDate(publication) ? publication : work_date, "publication");
    FrbrAuthor(frbr_.body.author, "issuer");
    Start("FRBRlanguage");
    Attr("language", "eng");
    End();
    End();
    Start("FRBRManifestation");
    Frbr("FRBRthis", "value", absl::StrCat(work, "eng@/!main.xml"));
    Frbr("FRBRuri", "value", frbr_.manifestation_uri);
    FrbrDate(IsIsoDate(publication) ? publication : work_date, "markup");
    FrbrAuthor("resolute", "editor");
    End();
    End();  // identification
    WriteVote();
    End();  // meta
  }

  void WriteVote() {
    if (!r_.has_vote() || r_.vote().method() == Vote::METHOD_UNSPECIFIED) return;
    const Vote& v = r_.vote();
    const char* outcome = v.method() == Vote::METHOD_VOTE        ? "adoptedRecordedVote"
                          : v.method() == Vote::METHOD_UNANIMOUS ? "adoptedUnanimously"
                                                                 : "adoptedWithoutVote";
    Start("analysis");
    Attr("source", "#resolute");
    Start("parliamentary");
    Start("voting");
    Attr("eId", "vote_1");
    Attr("outcome", outcome);
    if (v.method() == Vote::METHOD_VOTE) {
      const auto count = [&](const char* who, int value,
                             const google::protobuf::RepeatedPtrField<std::string>& states) {
        Start("count");
        Attr("eId", absl::StrCat("vote_1__", who));
        Attr("value", absl::StrCat(value));
        Attr("refersTo", absl::StrCat("#", who));
        if (!states.empty()) {
          Start("akn4un:voters");
          for (const std::string& state : states) {
            Element("organization", state, {{"refersTo", "#memberState"}});
          }
          End();
        }
        End();
      };
      count("inFavour", v.yes_count(), v.yes_states());
      count("against", v.no_count(), v.no_states());
      count("abstentions", v.abstention_count(), v.abstention_states());
    } else {
      // As the UN marks a decision taken without a vote.
      Start("quorum");
      Attr("eId", "vote_1__quorum");
      Attr("value", "");
      End();
    }
    End();  // voting
    End();  // parliamentary
    End();  // analysis
  }

  // <p><name attrs>text</name></p>
  void InlineParagraph(const char* name, absl::string_view text,
                       std::vector<std::pair<const char*, std::string>> attrs) {
    StartMixed("p");
    Element(name, text, std::move(attrs));
    EndMixed();
  }

  void WriteCoverPage() {
    const bool council = r_.body() == resolute::v1::BODY_SECURITY_COUNCIL;
    Start("coverPage");
    Attr("eId", "coverPage_1");
    InlineParagraph("docNumber", r_.symbol(), {{"refersTo", "#symbol"}});
    if (!frbr_.body.display_name.empty()) {
      InlineParagraph("docAuthority", frbr_.body.display_name, {{"refersTo", "#issuingBody"}});
    }
    if (IsIsoDate(r_.distribution_date())) {
      InlineParagraph("docDate", HumanDate(r_.distribution_date()),
                      {{"date", r_.distribution_date()}, {"refersTo", "#dateOfIssuance"}});
    }
    if (!r_.session().empty() && !council) {
      InlineParagraph(
          "session", absl::StrCat("Session ", r_.session()),
          {{"refersTo", "#session"}, {"value", r_.session()}, {"eId", "coverPage_1__session_1"}});
    }
    if (r_.has_agenda_item() && !r_.agenda_item().number().empty()) {
      InlineParagraph("inline", absl::StrCat("Agenda item ", r_.agenda_item().number()),
                      {{"name", "agendaItem"}, {"title", r_.agenda_item().number()}});
      if (!r_.agenda_item().title().empty()) {
        InlineParagraph("inline", r_.agenda_item().title(), {{"name", "agendaItemName"}});
      }
    }
    if (r_.has_committee_report() && !r_.committee_report().text().empty()) {
      InlineParagraph("docProponent", absl::StrCat("[", r_.committee_report().text(), "]"),
                      {{"refersTo", "#committee"}});
    }
    if (council && (!r_.adoption().meeting().empty() || IsIsoDate(r_.adoption().date()))) {
      // The Security Council prints its adoption under the number, not at
      // the end; the UN marks it up there.
      StartMixed("p");
      Start("docTitle");
      Attr("refersTo", "#adoption");
      Text("Adopted by the Security Council");
      if (!r_.adoption().meeting().empty()) {
        Text(" at its ");
        Element("inline", r_.adoption().meeting(), {{"name", "adoptionMeeting"}});
      }
      if (IsIsoDate(r_.adoption().date())) {
        Text(", on ");
        Element("docDate", HumanDate(r_.adoption().date()),
                {{"date", r_.adoption().date()}, {"refersTo", "#adoptionDate"}});
      }
      End();
      EndMixed();
    }
    End();
  }

  void WritePreface() {
    const bool has_title = !r_.title().empty();
    if (!has_title && unanchored_notes_.empty()) return;
    Start("preface");
    if (has_title) {
      StartMixed("p");
      if (!r_.number().empty()) {
        Element("docNumber", absl::StrCat(r_.number(), "."));
        Text(" ");
      }
      Element("docTitle", r_.title(), {{"refersTo", "#resolutionTitle"}});
      EndMixed();
    }
    if (!unanchored_notes_.empty()) {
      // Footnotes whose anchor the parser did not find.
      StartMixed("p");
      Attr("class", "unanchoredFootnotes");
      for (int f : unanchored_notes_) WriteNote(f, "");
      EndMixed();
    }
    End();
  }

  // Preambular paragraphs printed after the start of the operative part
  // (omnibus resolutions, parts) are written in the mainBody, where they
  // are.
  bool InBody(const PreambularParagraph& p) const {
    return body_start_ >= 0 && FirstStart(p.spans()) > body_start_;
  }

  void WritePreamble() {
    body_start_ = -1;
    for (const OperativeParagraph& op : r_.operative_paragraphs()) {
      const int64_t s = FirstStart(op.spans());
      if (s >= 0 && (body_start_ < 0 || s < body_start_)) body_start_ = s;
    }
    for (const Heading& h : r_.headings()) {
      const int64_t s = FirstStart(h.spans());
      if (s >= 0 && (body_start_ < 0 || s < body_start_)) body_start_ = s;
    }
    const bool any = std::any_of(r_.preambular_paragraphs().begin(),
                                 r_.preambular_paragraphs().end(),
                                 [&](const PreambularParagraph& p) { return !InBody(p); });
    if (!any && frbr_.body.enacting_subject.empty()) return;
    Start("preamble");
    if (!frbr_.body.enacting_subject.empty()) {
      Start("formula");
      Attr("name", "enactingFormula");
      Attr("eId", "formula_1");
      StartMixed("p");
      Element("span", frbr_.body.enacting_subject, {{"class", "italic"}});
      Text(",");
      EndMixed();
      End();
    }
    for (const PreambularParagraph& p : r_.preambular_paragraphs()) {
      if (InBody(p)) continue;
      Start("container");
      Attr("name", p.lead_phrase().empty() ? "preambularParagraph" : p.lead_phrase());
      Attr("eId", p.eid());
      Paragraph(p.eid(), p.text(), p.lead_phrase());
      End();
    }
    End();
  }

  void WriteMainBody() {
    // Everything of the body in text order: operative paragraphs, headings,
    // preambular paragraphs of later sections, tables.
    struct Item {
      int64_t start;
      int order;
      int kind;  // 0 heading, 1 preambular, 2 operative, 3 table
      int index;
    };
    std::vector<Item> items;
    int order = 0;
    for (int i = 0; i < r_.headings_size(); ++i) {
      items.push_back({FirstStart(r_.headings(i).spans()), order++, 0, i});
    }
    for (int i = 0; i < r_.preambular_paragraphs_size(); ++i) {
      if (InBody(r_.preambular_paragraphs(i))) {
        items.push_back({FirstStart(r_.preambular_paragraphs(i).spans()), order++, 1, i});
      }
    }
    for (int i = 0; i < r_.operative_paragraphs_size(); ++i) {
      items.push_back({FirstStart(r_.operative_paragraphs(i).spans()), order++, 2, i});
    }
    for (int i = 0; i < r_.tables_size(); ++i) {
      items.push_back({FirstStart(r_.tables(i).spans()), order++, 3, i});
    }
    const bool positioned = std::all_of(items.begin(), items.end(),
                                        [](const Item& i) { return i.start >= 0; });
    if (positioned) {
      std::stable_sort(items.begin(), items.end(),
                       [](const Item& a, const Item& b) { return a.start < b.start; });
    } else {
      // Without spans: headings before the paragraph they precede, tables
      // after theirs.
      std::vector<Item> sorted;
      for (const Item& i : items) {
        if (i.kind == 1) sorted.push_back(i);
      }
      for (int p = 0; p < r_.operative_paragraphs_size(); ++p) {
        const OperativeParagraph& op = r_.operative_paragraphs(p);
        for (const Item& i : items) {
          if (i.kind == 0 && !op.number().empty() &&
              r_.headings(i.index).next_paragraph_number() == op.number() &&
              placed_headings_.insert(i.index).second) {
            sorted.push_back(i);
          }
        }
        sorted.push_back({0, 0, 2, p});
        for (const Item& i : items) {
          if (i.kind == 3 && r_.tables(i.index).paragraph_eid() == op.eid()) sorted.push_back(i);
        }
      }
      for (const Item& i : items) {
        if ((i.kind == 0 && placed_headings_.count(i.index) == 0) ||
            (i.kind == 3 && std::none_of(sorted.begin(), sorted.end(), [&](const Item& s) {
               return s.kind == 3 && s.index == i.index;
             }))) {
          sorted.push_back(i);
        }
      }
      items = std::move(sorted);
    }
    Start("mainBody");
    if (items.empty()) {
      // The schema wants content; an empty resolution gets an empty paragraph.
      Start("p");
      End();
    }
    // A heading opens a section that holds what follows it, up to the next
    // heading; a section with nothing in it gets empty content.
    bool section_open = false;
    int section_children = 0;
    const auto close_section = [&] {
      if (!section_open) return;
      if (section_children == 0) {
        Start("content");
        Element("p", "");
        End();
      }
      End();
      section_open = false;
    };
    for (const Item& i : items) {
      switch (i.kind) {
        case 0:
          close_section();
          OpenSection(r_.headings(i.index));
          section_open = true;
          section_children = 0;
          continue;
        case 1: {
          const PreambularParagraph& p = r_.preambular_paragraphs(i.index);
          // crossHeading may not stand directly in the mainBody.
          if (!section_open) {
            Start("hcontainer");
            Attr("name", "preamble");
            Attr("eId", absl::StrCat(p.eid(), "__hcontainer"));
          }
          StartMixed("crossHeading");
          Attr("refersTo", "#preamble");
          Attr("eId", p.eid());
          RichText(p.eid(), p.text(), p.lead_phrase());
          EndMixed();
          if (!section_open) End();
          break;
        }
        case 2:
          WriteOperative(r_.operative_paragraphs(i.index));
          break;
        case 3:
          WriteTable(r_.tables(i.index));
          break;
      }
      ++section_children;
    }
    close_section();
    End();
  }

  // <section eId><num>label</num><heading>title</heading>, left open.
  void OpenSection(const Heading& h) {
    Start("section");
    Attr("eId", h.eid());
    const bool split = !h.label().empty() && !h.title().empty();
    if (split) Element("num", h.label());
    StartMixed("heading");
    RichText(h.eid(), split ? h.title() : h.text(), "");
    EndMixed();
  }

  void WriteOperative(const OperativeParagraph& op) {
    Start("paragraph");
    Attr("eId", op.eid());
    if (!op.number().empty()) Element("num", absl::StrCat(op.number(), "."));
    if (op.subparagraphs_size() == 0) {
      Start("content");
      Attr("eId", absl::StrCat(op.eid(), "__content"));
      Paragraph(op.eid(), op.text(), op.lead_phrase());
      End();
    } else {
      WriteList(op.eid(), op.text(), op.lead_phrase(), op.subparagraphs());
    }
    End();
  }

  // <list><intro><p>text</p></intro><point>...</point>...</list>; nested
  // sub-paragraphs are written level by level with an explicit stack.
  void WriteList(const std::string& eid, const std::string& text, const std::string& lead,
                 const google::protobuf::RepeatedPtrField<Subparagraph>& subs) {
    struct Frame {
      const google::protobuf::RepeatedPtrField<Subparagraph>* subs;
      int next;
    };
    OpenList(eid, text, lead);
    std::vector<Frame> stack = {{&subs, 0}};
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.subs->size()) {
        stack.pop_back();
        End();  // list
        if (!stack.empty()) End();  // the point that holds the list
        continue;
      }
      const Subparagraph& s = top.subs->Get(top.next++);
      Start("point");
      Attr("eId", s.eid());
      if (!s.number().empty()) Element("num", absl::StrCat("(", s.number(), ")"));
      if (s.subparagraphs_size() == 0) {
        Start("content");
        Attr("eId", absl::StrCat(s.eid(), "__content"));
        Paragraph(s.eid(), s.text(), "");
        End();
        End();  // point
      } else {
        OpenList(s.eid(), s.text(), "");
        stack.push_back({&s.subparagraphs(), 0});
      }
    }
  }

  void OpenList(const std::string& eid, const std::string& text, const std::string& lead) {
    Start("list");
    Attr("eId", absl::StrCat(eid, "__list_1"));
    Start("intro");
    Attr("eId", absl::StrCat(eid, "__list_1__intro"));
    Paragraph(eid, text, lead);
    End();
  }

  // A table in an hcontainer of its own, one row per cell (extraction loses
  // the grid).
  void WriteTable(const Table& t) {
    Start("hcontainer");
    Attr("name", "table");
    Attr("eId", t.eid());
    Start("content");
    Attr("eId", absl::StrCat(t.eid(), "__content"));
    Start("table");
    Attr("eId", absl::StrCat(t.eid(), "__table"));
    for (const std::string& cell : t.cells()) {
      Start("tr");
      Start("td");
      Element("p", cell);
      End();
      End();
    }
    if (t.cells_size() == 0) {
      Start("tr");
      Start("td");
      Element("p", "");
      End();
      End();
    }
    End();
    End();
    End();
  }

  void WriteConclusions() {
    if (r_.body() == resolute::v1::BODY_SECURITY_COUNCIL) return;
    const bool date = IsIsoDate(r_.adoption().date());
    if (r_.adoption().meeting().empty() && !date) return;
    Start("conclusions");
    Attr("eId", "conclusions");
    StartMixed("p");
    Start("event");
    Attr("refersTo", "#adoption");
    if (!r_.adoption().meeting().empty()) {
      Element("location", r_.adoption().meeting(), {{"refersTo", "#adoptionMeeting"}});
    }
    if (date) {
      if (!r_.adoption().meeting().empty()) {
        Start("eol");
        End();
      }
      Element("docDate", HumanDate(r_.adoption().date()),
              {{"date", r_.adoption().date()}, {"refersTo", "#adoptionDate"}});
    }
    End();
    EndMixed();
    End();
  }

  void WriteAttachments() {
    if (r_.annexes_size() == 0) return;
    Start("attachments");
    for (const Annex& a : r_.annexes()) {
      Start("attachment");
      Attr("eId", a.eid());
      Start("doc");
      Attr("name", "annex");
      Start("meta");
      Start("identification");
      Attr("source", "#resolute");
      const std::string& work = frbr_.work_uri;
      const std::string date = IsIsoDate(frbr_.work_date) ? frbr_.work_date : "0001-01-01";
      Start("FRBRWork");
      Frbr("FRBRthis", "value", absl::StrCat(work, "!main/", a.eid()));
      Frbr("FRBRuri", "value", work);
      FrbrDate(date, IsIsoDate(r_.adoption().date()) ? "adoption" : "unknown");
      FrbrAuthor(frbr_.body.author, "author");
      Frbr("FRBRcountry", "value", "un");
      End();
      Start("FRBRExpression");
      Frbr("FRBRthis", "value", absl::StrCat(work, "eng@!main/", a.eid()));
      Frbr("FRBRuri", "value", frbr_.expression_uri);
      FrbrDate(date, "publication");
      FrbrAuthor(frbr_.body.author, "issuer");
      Start("FRBRlanguage");
      Attr("language", "eng");
      End();
      End();
      Start("FRBRManifestation");
      Frbr("FRBRthis", "value", absl::StrCat(work, "eng@/!main/", a.eid(), ".xml"));
      Frbr("FRBRuri", "value", frbr_.manifestation_uri);
      FrbrDate(date, "markup");
      FrbrAuthor("resolute", "editor");
      End();
      End();  // identification
      End();  // meta
      Start("mainBody");
      Start("hcontainer");
      Attr("name", "annex");
      Attr("eId", absl::StrCat(a.eid(), "__hcontainer_1"));
      Element("heading", a.heading());
      if (!a.title().empty()) Element("subheading", a.title());
      Start("content");
      Attr("eId", absl::StrCat(a.eid(), "__content"));
      bool any = false;
      for (absl::string_view line : absl::StrSplit(a.text(), '\n')) {
        if (absl::StripAsciiWhitespace(line).empty()) continue;
        Element("p", line);
        any = true;
      }
      if (!any) Element("p", "");
      End();  // content
      End();  // hcontainer
      End();  // mainBody
      End();  // doc
      End();  // attachment
    }
    End();
  }

  const Resolution& r_;
  const FrbrNames frbr_;
  xmlTextWriterPtr w_ = nullptr;
  bool failed_ = false;
  int mixed_depth_ = 0;
  // An element being written: whether it is mixed content or inside some,
  // and whether it has child elements yet.
  struct OpenElement {
    bool in_mixed;
    bool has_children;
  };
  std::vector<OpenElement> open_;
  int64_t body_start_ = -1;
  std::map<std::string, NodeInlines> inlines_;
  std::map<std::string, NodeText> node_text_;
  std::map<std::string, int> note_uses_;
  std::vector<int> unanchored_notes_;
  std::set<int> placed_headings_;
  std::set<std::string> used_eids_;
};

}  // namespace

absl::StatusOr<std::string> WriteAkomaNtoso(const Resolution& resolution) {
  return DocumentWriter(resolution).Write();
}

}  // namespace resolute::akn
