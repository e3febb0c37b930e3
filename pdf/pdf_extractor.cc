#include "pdf/pdf_extractor.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/error_reason.h"
#include "poppler/cpp/poppler-document.h"
#include "poppler/cpp/poppler-global.h"
#include "poppler/cpp/poppler-page.h"

namespace resolute {
namespace {

// Poppler prints its complaints about malformed files on stderr by default;
// the statuses say what matters.
void QuietPoppler() {
  static const bool once = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)once;
}

bool IsItalicFont(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  return absl::StrContains(lower, "italic") || absl::StrContains(lower, "oblique");
}

bool IsBoldFont(absl::string_view name) {
  return absl::StrContains(absl::AsciiStrToLower(name), "bold");
}

// The vertical overlap of two boxes, in points (negative if apart).
float VerticalOverlap(const PdfBox& a, const PdfBox& b) {
  return std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
}

// The font size that most characters of `words` have.
float DominantFontSize(const std::vector<PdfWord>& words) {
  std::vector<std::pair<float, size_t>> sizes;
  for (const PdfWord& w : words) {
    auto it = std::find_if(sizes.begin(), sizes.end(),
                           [&](const auto& s) { return s.first == w.font_size; });
    if (it == sizes.end()) {
      sizes.push_back({w.font_size, w.text.size()});
    } else {
      it->second += w.text.size();
    }
  }
  float best = 0;
  size_t count = 0;
  for (const auto& [size, n] : sizes) {
    if (n > count) best = size, count = n;
  }
  return best;
}

bool IsFootnoteRule(absl::string_view text) {
  return text.size() >= 5 && text.find_first_not_of('_') == absl::string_view::npos;
}

absl::Status Invalid(absl::string_view message) {
  return WithErrorReason(absl::InvalidArgumentError(absl::StrCat("PDF: ", message)),
                         "PDF_UNREADABLE", "content");
}

}  // namespace

bool LooksLikePdf(absl::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size() && i < 8 &&
         (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
    ++i;
  }
  return absl::StartsWith(bytes.substr(i), "%PDF-");
}

std::vector<PdfLine> GroupWordsIntoLines(std::vector<PdfWord> words, int page) {
  std::vector<PdfLine> lines;
  std::vector<std::vector<PdfWord>> groups;
  for (PdfWord& w : words) {
    bool joins = false;
    if (!groups.empty()) {
      const std::vector<PdfWord>& g = groups.back();
      const PdfWord& last = g.back();
      PdfBox line_box = g.front().box;
      for (const PdfWord& x : g) line_box.Extend(x.box);
      const float min_height = std::min(w.box.height(), line_box.height());
      const float tolerance = std::max(1.0f, 0.3f * std::min(w.font_size, last.font_size));
      // Words far apart on one baseline are separate pieces (a footer's
      // page number and job number), as in a layout-preserving extraction.
      const float far = 4 * std::max(w.font_size, last.font_size);
      joins = w.box.left >= last.box.right - tolerance && w.box.left - last.box.right < far &&
              VerticalOverlap(w.box, line_box) > 0.3f * min_height;
    }
    if (!joins) groups.emplace_back();
    groups.back().push_back(std::move(w));
  }
  lines.reserve(groups.size());
  for (std::vector<PdfWord>& g : groups) {
    PdfLine line;
    line.page = page;
    line.box = g.front().box;
    for (size_t i = 0; i < g.size(); ++i) {
      PdfWord& w = g[i];
      line.box.Extend(w.box);
      if (i > 0) {
        // Words closer than a fifth of the font size are one printed word
        // cut by a change of font ("2023," and its raised marker are not).
        const float gap = w.box.left - g[i - 1].box.right;
        if (gap > 0.15f * std::min(w.font_size, g[i - 1].font_size)) line.text += ' ';
      }
      const int begin = static_cast<int>(line.text.size());
      line.text += w.text;
      const int end = static_cast<int>(line.text.size());
      line.word_ranges.push_back({begin, end});
      if (w.italic) {
        if (!line.italic_ranges.empty() && i > 0 && g[i - 1].italic) {
          line.italic_ranges.back().end = end;
        } else {
          line.italic_ranges.push_back({begin, end});
        }
      }
    }
    line.font_size = DominantFontSize(g);
    line.words = std::move(g);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<PdfLine> MergeBaselineFragments(std::vector<PdfLine> lines, int page) {
  constexpr size_t kLookAhead = 4;
  std::vector<bool> merged(lines.size(), false);
  std::vector<PdfLine> out;
  out.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (merged[i]) continue;
    PdfLine& line = lines[i];
    for (size_t j = i + 1; j < lines.size() && j <= i + kLookAhead; ++j) {
      const PdfLine& next = lines[j];
      if (merged[j] || line.words.empty() || next.words.empty()) continue;
      const float size = std::max(line.font_size, next.font_size);
      const float gap = next.box.left - line.box.right;
      if (std::abs(next.box.top - line.box.top) > 1 ||
          std::abs(next.box.bottom - line.box.bottom) > 1 || gap < -0.3f * size ||
          gap > 4 * size) {
        continue;
      }
      std::vector<PdfWord> words = std::move(line.words);
      for (const PdfWord& w : next.words) words.push_back(w);
      std::vector<PdfLine> joined = GroupWordsIntoLines(std::move(words), page);
      line = std::move(joined.front());
      merged[j] = true;
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<PdfLine> OrderFootnoteZone(std::vector<PdfLine> lines, int page) {
  size_t rule = 0;
  while (rule < lines.size() && !IsFootnoteRule(lines[rule].text)) ++rule;
  if (rule == lines.size()) return lines;
  const float rule_top = lines[rule].box.top;
  std::vector<PdfLine> out(std::make_move_iterator(lines.begin()),
                           std::make_move_iterator(lines.begin() + rule + 1));
  std::vector<PdfLine> above;  // after the rule in reading order, printed above it
  std::vector<PdfWord> words;
  for (size_t i = rule + 1; i < lines.size(); ++i) {
    if (lines[i].box.bottom < rule_top) {
      above.push_back(std::move(lines[i]));
      continue;
    }
    for (PdfWord& w : lines[i].words) words.push_back(std::move(w));
  }
  // Rows: words sorted by their vertical centre; a word joins the row whose
  // box contains its centre (a raised marker joins its footnote's first line).
  std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) {
    return a.box.top + a.box.bottom < b.box.top + b.box.bottom;
  });
  std::vector<PdfWord> ordered;
  ordered.reserve(words.size());
  size_t row_begin = 0;
  while (row_begin < words.size()) {
    PdfBox row = words[row_begin].box;
    size_t row_end = row_begin + 1;
    while (row_end < words.size()) {
      const PdfBox& b = words[row_end].box;
      const float centre = (b.top + b.bottom) / 2;
      if (centre > row.bottom) break;
      row.Extend(b);
      ++row_end;
    }
    std::stable_sort(words.begin() + row_begin, words.begin() + row_end,
                     [](const PdfWord& a, const PdfWord& b) { return a.box.left < b.box.left; });
    for (size_t i = row_begin; i < row_end; ++i) ordered.push_back(std::move(words[i]));
    row_begin = row_end;
  }
  for (PdfLine& l : above) out.push_back(std::move(l));
  for (PdfLine& l : GroupWordsIntoLines(std::move(ordered), page)) out.push_back(std::move(l));
  return out;
}

absl::StatusOr<PdfDocument> ExtractPdf(absl::string_view bytes, const PdfLimits& limits) {
  QuietPoppler();
  if (!LooksLikePdf(bytes)) return Invalid("the content does not start with %PDF-");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return Invalid("the file is corrupt or truncated and cannot be read");
  if (doc->is_locked()) {
    return WithErrorReason(
        absl::FailedPreconditionError("PDF: the document is encrypted and needs a password"),
        "PDF_ENCRYPTED", "content");
  }
  const int page_count = doc->pages();
  if (page_count <= 0) return Invalid("the document has no pages");
  if (page_count > limits.max_pages) {
    return WithErrorReason(
        absl::ResourceExhaustedError(absl::StrCat("PDF: the document has ", page_count,
                                                  " pages; the limit is ", limits.max_pages)),
        "PDF_TOO_MANY_PAGES", "content",
        {{"pages", absl::StrCat(page_count)}, {"limit", absl::StrCat(limits.max_pages)}});
  }
  PdfDocument out;
  out.pages.reserve(page_count);
  size_t word_count = 0;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPage& p = out.pages.emplace_back();
    p.number = i + 1;
    if (page == nullptr) continue;
    const poppler::rectf rect = page->page_rect();
    p.width = static_cast<float>(rect.width());
    p.height = static_cast<float>(rect.height());
    std::vector<PdfWord> words;
    for (poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
      const poppler::byte_array utf8 = box.text().to_utf8();
      PdfWord w;
      w.text.assign(utf8.begin(), utf8.end());
      if (w.text.empty()) continue;
      const poppler::rectf r = box.bbox();
      w.box = PdfBox{static_cast<float>(r.left()), static_cast<float>(r.top()),
                     static_cast<float>(r.right()), static_cast<float>(r.bottom())};
      if (box.has_font_info()) {
        w.font_name = box.get_font_name();
        w.font_size = static_cast<float>(box.get_font_size());
      }
      w.italic = IsItalicFont(w.font_name);
      w.bold = IsBoldFont(w.font_name);
      words.push_back(std::move(w));
    }
    word_count += words.size();
    p.lines = OrderFootnoteZone(
        MergeBaselineFragments(GroupWordsIntoLines(std::move(words), p.number), p.number),
        p.number);
  }
  if (word_count == 0) {
    return WithErrorReason(
        absl::FailedPreconditionError(
            "PDF: the document has no text layer (a scan?); OCR is not done"),
        "PDF_NO_TEXT", "content");
  }
  return out;
}

}  // namespace resolute
