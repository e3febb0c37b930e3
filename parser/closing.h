// Closing lines and annexes: what follows the last operative paragraph.
//
// The closing lines record the adoption: a meeting line ("45th plenary
// meeting", "4683rd meeting") with the date under it, a date alone, or the
// Security Council's vote sentence ("Adopted unanimously at the 1382nd
// meeting."). The first of each gives the adoption; later ones (parts
// adopted at other meetings) are read past. Annexes start at an annex
// heading ("Annex", "Annex II") and hold a title and blocks of text.
//
//   size_t last = ReadVoteSentence(body, k, &structure.vote);
//   AnnexReader annexes;  annexes.Start(body, k, &structure);  ...Step(...)
//
// Input: body lines (body_lines.h). Output: fields of Structure. (Internal
// to the structure stage.)

#ifndef RESOLUTE_PARSER_CLOSING_H_
#define RESOLUTE_PARSER_CLOSING_H_

#include "absl/strings/string_view.h"
#include "parser/body_lines.h"
#include "parser/front_matter.h"
#include "parser/structure_nodes.h"

namespace resolute {

// True if `line` is an annex heading: "Annex", "Annexes", "Annex II", "Annex A".
bool IsAnnexHeading(absl::string_view line);

// Reads the vote sentence that starts at body line k (up to six lines, to
// its full stop) into `*vote` if `*vote` is still empty; returns the index of
// its last line.
size_t ReadVoteSentence(const BodyLines& body, size_t k, FrontField* vote);

// Reads the meeting line at body line k, and the date line after it if there
// is one, into `out->meeting` and `out->date` if no meeting was read before;
// returns the index of the last line read.
size_t ReadMeetingLines(const BodyLines& body, size_t k, Structure* out);

// Reads annexes into `out->annexes`: a title of up to three lines after the
// heading, then blocks (a blank line, a paragraph number, a sub-paragraph
// label or a preambular lead phrase opens one).
class AnnexReader {
 public:
  // Starts an annex at body line k (an annex heading); the first annex ends
  // the resolution proper (`out->resolution_end`).
  void Start(const BodyLines& body, size_t k, Structure* out);
  // Handles body line k inside an annex; returns the index of the last line
  // it consumed.
  size_t Step(const BodyLines& body, size_t k, Structure* out);

 private:
  bool title_open_ = false;
};

}  // namespace resolute

#endif  // RESOLUTE_PARSER_CLOSING_H_
