#include "pdf/pdf_typed_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace resolute {
namespace {

// The bands where headers and footers are printed, as fractions of the
// page's height. UN documents print the running header about 7% from the
// top and the footer about 5% from the bottom; the body and its footnotes
// stay clear of both.
constexpr float kHeaderBand = 0.10f;
constexpr float kFooterBand = 1.0f / 12;
// A marker is set at most this fraction of its line's size, and raised
// above the line's baseline by more than `kMarkerRise` times that size.
constexpr float kMarkerSize = 0.8f;
constexpr float kMarkerRise = 0.15f;
// Footnote text is set smaller than the body by at least this many points.
constexpr float kSmaller = 0.5f;

TypedBox ToTypedBox(const PdfBox& b) { return TypedBox{b.left, b.top, b.right, b.bottom}; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsFootnoteRule(const std::string& text) {
  return text.size() >= 5 && text.find_first_not_of('_') == std::string::npos;
}

// The text with every run of digits made "#" and spaces dropped: page
// numbers and dates aside, what a repeated header or footer prints.
std::string FurnitureKey(const std::string& text) {
  std::string key;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (IsDigit(text[i])) {
      if (key.empty() || key.back() != '#') key += '#';
      continue;
    }
    key += text[i];
  }
  return key;
}

// The font size of most characters of the document.
float BodyFontSize(const PdfDocument& doc) {
  std::map<float, size_t> chars;
  for (const PdfPage& page : doc.pages) {
    for (const PdfLine& line : page.lines) {
      for (const PdfWord& w : line.words) chars[w.font_size] += w.text.size();
    }
  }
  float best = 0;
  size_t count = 0;
  for (const auto& [size, n] : chars) {
    if (n > count) best = size, count = n;
  }
  return best;
}

// Appends to `out` the runs of digits of `word` (digits, or digits joined by
// commas, without a leading zero, runs of at most three) as ranges offset by
// `begin`; appends nothing if `word` is not of that shape.
void MarkerRuns(const std::string& word, int begin, std::vector<TypedRange>* out) {
  std::vector<TypedRange> runs;
  size_t i = 0;
  while (i < word.size()) {
    size_t j = i;
    while (j < word.size() && IsDigit(word[j])) ++j;
    if (j == i || j - i > 3 || word[i] == '0') return;
    runs.push_back({begin + static_cast<int>(i), begin + static_cast<int>(j)});
    if (j == word.size()) break;
    if (word[j] != ',' || j + 1 == word.size()) return;
    i = j + 1;
  }
  out->insert(out->end(), runs.begin(), runs.end());
}

std::vector<TypedRange> RaisedMarkers(const PdfLine& line) {
  std::vector<TypedRange> out;
  if (line.font_size <= 0) return out;
  float baseline = 0;
  for (const PdfWord& w : line.words) {
    if (w.font_size > kMarkerSize * line.font_size) baseline = std::max(baseline, w.box.bottom);
  }
  if (baseline == 0) return out;
  for (size_t i = 0; i < line.words.size() && i < line.word_ranges.size(); ++i) {
    const PdfWord& w = line.words[i];
    if (w.font_size <= 0 || w.font_size > kMarkerSize * line.font_size ||
        w.box.bottom >= baseline - kMarkerRise * line.font_size) {
      continue;
    }
    MarkerRuns(w.text, line.word_ranges[i].begin, &out);
  }
  return out;
}

// True if `text` is "P/N": the page number of page `page` of `pages`.
bool IsPageNumber(const std::string& text, int page, int pages) {
  return text == std::to_string(page) + "/" + std::to_string(pages);
}

// The words of `text` that identify a document rather than say something:
// at least five bytes with a digit ("23-24979", "A/RES/78/100").
std::vector<std::string> Identifiers(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    if (word.size() >= 5 && word.size() <= 40 &&
        std::any_of(word.begin(), word.end(), IsDigit)) {
      out.push_back(word);
    }
    i = j + 1;
  }
  return out;
}

enum class Band { kNone, kHeader, kFooter };

Band BandOf(const PdfBox& box, float page_height) {
  if (page_height <= 0) return Band::kNone;
  if (box.bottom <= kHeaderBand * page_height) return Band::kHeader;
  if (box.top >= (1 - kFooterBand) * page_height) return Band::kFooter;
  return Band::kNone;
}

}  // namespace

std::vector<std::vector<PdfLineLayout>> AnalyzePageLayout(const PdfDocument& doc) {
  std::vector<std::vector<PdfLineLayout>> out(doc.pages.size());
  // The pages on which each band prints each key.
  std::map<std::pair<Band, std::string>, std::set<int>> printed;
  // The pages on which each band prints each identifier.
  std::map<std::pair<Band, std::string>, std::set<int>> identified;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const PdfPage& page = doc.pages[p];
    out[p].resize(page.lines.size());
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const PdfLine& line = page.lines[i];
      out[p][i].markers = RaisedMarkers(line);
      const Band band = BandOf(line.box, page.height);
      if (band != Band::kNone) {
        printed[{band, FurnitureKey(line.text)}].insert(static_cast<int>(p));
        for (const std::string& id : Identifiers(line.text)) {
          identified[{band, id}].insert(static_cast<int>(p));
        }
      }
    }
  }
  const float body = BodyFontSize(doc);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const PdfPage& page = doc.pages[p];
    const PdfLine* rule = nullptr;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const PdfLine& line = page.lines[i];
      PdfLineLayout& layout = out[p][i];
      const bool opens_with_marker =
          !layout.markers.empty() && layout.markers.front().begin == 0;
      const Band band = BandOf(line.box, page.height);
      bool repeated = false;
      if (band != Band::kNone && !opens_with_marker) {
        repeated = printed[{band, FurnitureKey(line.text)}].size() >= 2 ||
                   IsPageNumber(line.text, page.number, static_cast<int>(doc.pages.size()));
        for (const std::string& id : Identifiers(line.text)) {
          repeated = repeated || identified[{band, id}].size() >= 2;
        }
      }
      if (repeated) {
        layout.role = TypedRole::kFurniture;
      } else if (rule != nullptr && line.box.top >= rule->box.top && line.font_size > 0 &&
                 line.font_size < body - kSmaller) {
        layout.role = TypedRole::kFootnote;
      } else if (band == Band::kNone && rule == nullptr) {
        layout.role = TypedRole::kBody;
      } else if (band == Band::kNone && line.box.bottom < rule->box.top) {
        layout.role = TypedRole::kBody;  // printed above the rule
      }
      if (rule == nullptr && IsFootnoteRule(line.text)) {
        rule = &line;
        layout.role = TypedRole::kBody;
      }
    }
  }
  return out;
}

TypedText PdfToTypedText(const PdfDocument& doc) {
  TypedText out;
  out.page_count = static_cast<int>(doc.pages.size());
  out.has_italics = true;
  out.has_layout = true;
  const std::vector<std::vector<PdfLineLayout>> layout = AnalyzePageLayout(doc);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const PdfPage& page = doc.pages[p];
    const PdfLine* previous = nullptr;
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const PdfLine& line = page.lines[i];
      const PdfLineLayout& line_layout = layout[p][i];
      if (previous != nullptr) {
        const float height = previous->box.height();
        if (line.box.top > previous->box.bottom + 0.5f * height ||
            line.box.bottom < previous->box.top) {
          TypedLine& blank = out.lines.emplace_back();
          blank.page = page.number;
          if (line_layout.role == TypedRole::kFurniture ||
              layout[p][i - 1].role == TypedRole::kFurniture) {
            blank.role = TypedRole::kFurniture;
          }
        }
      }
      previous = &line;
      TypedLine& t = out.lines.emplace_back();
      t.text = line.text;
      t.page = page.number;
      t.has_box = true;
      t.box = ToTypedBox(line.box);
      t.font_size = line.font_size;
      t.role = line_layout.role;
      t.marker_ranges = line_layout.markers;
      for (const PdfByteRange& r : line.italic_ranges) t.italic_ranges.push_back({r.begin, r.end});
      t.words.reserve(line.words.size());
      for (size_t k = 0; k < line.words.size() && k < line.word_ranges.size(); ++k) {
        const PdfByteRange& r = line.word_ranges[k];
        t.words.push_back({{r.begin, r.end}, ToTypedBox(line.words[k].box)});
        if (!line.words[k].bold) continue;
        if (!t.bold_ranges.empty() && k > 0 && line.words[k - 1].bold) {
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
