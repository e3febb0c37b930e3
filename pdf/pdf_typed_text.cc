#include "pdf/pdf_typed_text.h"

#include <utility>

namespace resolute {
namespace {

TypedBox ToTypedBox(const PdfBox& b) { return TypedBox{b.left, b.top, b.right, b.bottom}; }

}  // namespace

TypedText PdfToTypedText(const PdfDocument& doc) {
  TypedText out;
  out.page_count = static_cast<int>(doc.pages.size());
  out.has_italics = true;
  for (const PdfPage& page : doc.pages) {
    const PdfLine* previous = nullptr;
    for (const PdfLine& line : page.lines) {
      if (previous != nullptr) {
        const float height = previous->box.height();
        if (line.box.top > previous->box.bottom + 0.5f * height ||
            line.box.bottom < previous->box.top) {
          TypedLine& blank = out.lines.emplace_back();
          blank.page = page.number;
        }
      }
      previous = &line;
      TypedLine& t = out.lines.emplace_back();
      t.text = line.text;
      t.page = page.number;
      t.has_box = true;
      t.box = ToTypedBox(line.box);
      t.font_size = line.font_size;
      for (const PdfByteRange& r : line.italic_ranges) t.italic_ranges.push_back({r.begin, r.end});
      t.words.reserve(line.words.size());
      for (size_t i = 0; i < line.words.size() && i < line.word_ranges.size(); ++i) {
        const PdfByteRange& r = line.word_ranges[i];
        t.words.push_back({{r.begin, r.end}, ToTypedBox(line.words[i].box)});
        if (!line.words[i].bold) continue;
        if (!t.bold_ranges.empty() && i > 0 && line.words[i - 1].bold) {
          t.bold_ranges.back().end = r.end;
        } else {
          t.bold_ranges.push_back({r.begin, r.end});
        }
      }
    }
  }
  return out;
}

}  // namespace resolute
