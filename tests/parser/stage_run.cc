#include "tests/parser/stage_run.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "parser/builder.h"
#include "parser/normalize.h"

namespace resolute::testing {

StageRun RunStagesOn(absl::string_view raw, Until until) {
  StageRun r;
  r.text = NormalizeText(raw);
  r.lines = SplitLines(r.text);
  r.front = ExtractFrontMatter(r.text, r.lines);
  if (until == Until::kFrontMatter) return r;
  r.title = JoinSpans(r.text, TitleSpans(r.front, r.lines));
  r.layout = AnalyzeLayout(r.text, r.lines, r.front, r.title);
  if (until == Until::kLayout) return r;
  r.footnotes = ExtractFootnotes(r.text, r.lines, r.layout, r.front, &r.findings);
  if (until == Until::kFootnotes) return r;
  r.structure = ParseStructure(r.text, r.lines, r.layout, r.footnotes, r.front, &r.findings);
  if (until == Until::kStructure) return r;
  BuildResolution(r.text, TitleSpans(r.front, r.lines), r.front, r.footnotes, r.structure,
                  &r.findings, &r.message);
  return r;
}

BodyLines BodyOf(const StageRun& r) {
  return BodyLines(r.text, r.lines, r.layout, r.footnotes, r.front);
}

std::string Text(const StageRun& r, const std::vector<Span>& spans) {
  return JoinSpans(r.text, spans);
}

std::string DumpRoles(const StageRun& r) {
  std::string out;
  for (LineRole role : r.layout.roles) {
    switch (role) {
      case LineRole::kFront:
        out += 'f';
        break;
      case LineRole::kBlank:
        out += '.';
        break;
      case LineRole::kText:
        out += 't';
        break;
      case LineRole::kFurniture:
        out += 'p';
        break;
      case LineRole::kFootnoteRule:
        out += 'r';
        break;
      case LineRole::kFootnote:
        out += 'n';
        break;
    }
  }
  return out;
}

namespace {

// The word before byte `at` (letters, digits and punctuation up to a space).
std::string WordBefore(absl::string_view text, int at) {
  int begin = at;
  while (begin > 0 && text[begin - 1] == ' ') --begin;
  int end = begin;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  return std::string(text.substr(begin, end - begin));
}

void DumpSubs(const StageRun& r, const std::vector<SubNode>& subs, const std::string& prefix,
              std::vector<std::string>* out) {
  for (const SubNode& s : subs) {
    const std::string label = absl::StrCat(prefix, "(", s.number, ")");
    out->push_back(absl::StrCat(label, "[", Text(r, s.spans), "]"));
    DumpSubs(r, s.children, label, out);
  }
}

}  // namespace

std::string DumpFootnotes(const StageRun& r) {
  std::vector<std::string> parts;
  for (const FootnoteEntry& e : r.footnotes.entries) {
    parts.push_back(absl::StrCat(e.marker, "=", Text(r, e.spans)));
  }
  for (const MarkerRef& ref : r.footnotes.refs) {
    parts.push_back(absl::StrCat("@", ref.marker, ":", WordBefore(r.text, ref.span.begin)));
  }
  return absl::StrJoin(parts, " ");
}

std::string DumpStructure(const StageRun& r) {
  const Structure& s = r.structure;
  std::vector<std::string> out;
  size_t heading = 0, table = 0;
  int part = -1;
  for (size_t i = 0; i < s.paragraphs.size(); ++i) {
    const ParaNode& p = s.paragraphs[i];
    if (p.part != part && p.part >= 0) {
      part = p.part;
      const PartNode& pn = s.parts[part];
      out.push_back(absl::StrCat("part:", pn.label, "[", Text(r, pn.title_spans), "]"));
    }
    while (heading < s.headings.size() &&
           s.headings[heading].next_paragraph == static_cast<int>(i)) {
      const HeadingNode& h = s.headings[heading++];
      out.push_back(absl::StrCat("h:", h.label, "[", Text(r, h.title_spans), "]"));
    }
    out.push_back(absl::StrCat(p.kind == ParagraphKind::kPreambular ? "p" : "o", p.number, "[",
                               Text(r, p.spans), "]"));
    DumpSubs(r, p.subs, "", &out);
    while (table < s.tables.size() && s.tables[table].paragraph == static_cast<int>(i)) {
      std::vector<std::string> cells;
      for (const Span& c : s.tables[table++].cells) cells.push_back(std::string(c.Of(r.text)));
      out.push_back(absl::StrCat("table[", absl::StrJoin(cells, "|"), "]"));
    }
  }
  for (; heading < s.headings.size(); ++heading) {
    const HeadingNode& h = s.headings[heading];
    out.push_back(absl::StrCat("h:", h.label, "[", Text(r, h.title_spans), "]"));
  }
  for (const AnnexNode& a : s.annexes) {
    std::vector<std::string> paras;
    for (const auto& p : a.paragraphs) paras.push_back(Text(r, p));
    out.push_back(absl::StrCat("annex:", Text(r, a.heading_spans), "[", Text(r, a.title_spans),
                               "]{", absl::StrJoin(paras, "|"), "}"));
  }
  if (!s.meeting.value.empty()) out.push_back(absl::StrCat("meeting=", s.meeting.value));
  if (!s.date.value.empty()) out.push_back(absl::StrCat("date=", s.date.value));
  if (!s.vote.value.empty()) out.push_back(absl::StrCat("vote=", s.vote.value));
  return absl::StrJoin(out, " ");
}

std::string DumpFindingCodes(const StageRun& r) {
  std::vector<std::string> codes;
  for (const v1::Diagnostic& d : r.findings.all()) codes.push_back(d.code());
  return absl::StrJoin(codes, " ");
}

}  // namespace resolute::testing
