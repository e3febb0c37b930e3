// Front matter: what the first page says about the document before its
// preamble, and where the preamble begins.
//
// Reads the symbol ("A/RES/78/100"), the adopting body, the distribution
// date, the session, the agenda item, the adoption line ("Resolution adopted
// by the General Assembly on 7 December 2023"; for the Security Council
// "Adopted by the Security Council at its 7853rd meeting, on 23 December
// 2016"), the committee report note, the resolution number and title, and
// finds the opening line "The General Assembly,". Texts without a header
// (Word exports) yield what they have; missing parts stay empty.
//
// Input: the normalised text split into lines (source_text.h). Output:
// FrontMatter, each field with the lines it was read from. Guarantees: never
// fails; reads at most the first 250 lines; a field it cannot read stays
// empty (the builder reports a missing symbol); dates are ISO 8601.

#ifndef RESOLUTE_PARSER_FRONT_MATTER_H_
#define RESOLUTE_PARSER_FRONT_MATTER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parser/source_text.h"
#include "resolute/v1/resolution.pb.h"

namespace resolute {

// A piece of front matter: its value and the lines it was read from.
struct FrontField {
  std::string value;
  std::vector<Span> spans;
};

// What ExtractFrontMatter found.
struct FrontMatter {
  FrontField symbol;       // spaces removed: "A/RES/78/100", "S/RES/1454(2002)"
  v1::Body body = v1::BODY_UNSPECIFIED;
  v1::DocumentKind kind = v1::DOCUMENT_KIND_UNSPECIFIED;
  FrontField number;       // "78/100", "1454 (2002)"
  std::string session;     // "78", "ES-11", "2020"; "" for the Security Council
  FrontField distribution_date;  // ISO 8601
  FrontField agenda_number;      // "58"
  FrontField agenda_title;
  FrontField committee_note;     // the bracketed note, brackets removed
  FrontField adoption_date;      // ISO 8601, from the adoption line
  FrontField adoption_meeting;   // Security Council: "4683rd meeting"
  // Lines of the title (after the number on the number line); the title's
  // text is made from these lines once footnote markers are known.
  std::vector<int> title_lines;
  // Offset in the first title line where the title starts (after "78/100.").
  int title_begin = -1;
  // A resolution adopted in parts: the label line of its first part ("A")
  // and that part's title lines, which come between the title and the
  // intro line; -1 / empty otherwise.
  int part_label_line = -1;
  std::vector<int> part_title_lines;
  // Index of the "The General Assembly," line, or -1.
  int intro_line = -1;
  // Index of the first line after the front matter (the preamble starts
  // here, after the intro line if there is one).
  int body_begin = 0;
};

// Reads the front matter of `text` split into `lines`.
FrontMatter ExtractFrontMatter(absl::string_view text, const std::vector<Line>& lines);

// The spans of the title: its lines, the first from `title_begin` on (after
// the number "78/100."); empty if the front matter has no title.
std::vector<Span> TitleSpans(const FrontMatter& front, const std::vector<Line>& lines);

// True if `line` is the opening of a resolution's preamble: "The General
// Assembly,", "The Security Council,", "The Economic and Social Council,".
bool IsIntroLine(absl::string_view line);

// Body named by an intro line or adoption line ("General Assembly").
v1::Body BodyFromName(absl::string_view text);

// True if `line` is the label of a part of a resolution adopted in parts: a
// single capital letter ("A", "B").
bool IsPartLabel(absl::string_view line);

}  // namespace resolute

#endif  // RESOLUTE_PARSER_FRONT_MATTER_H_
