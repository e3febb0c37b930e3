#include "pdf/extraction_wire.h"

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "common/error_reason.h"

namespace resolute {
namespace {

constexpr uint32_t kMagic = 0x52504446;  // "RPDF"

class Writer {
 public:
  void U32(uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    out_.append(b, 4);
  }
  void I32(int32_t v) { U32(static_cast<uint32_t>(v)); }
  void F32(float v) {
    uint32_t u;
    std::memcpy(&u, &v, 4);
    U32(u);
  }
  void Str(absl::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void Box(const PdfBox& b) {
    F32(b.left);
    F32(b.top);
    F32(b.right);
    F32(b.bottom);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(absl::string_view in) : in_(in) {}
  bool U32(uint32_t* v) {
    if (in_.size() < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<uint8_t>(in_[i])) << (8 * i);
    in_.remove_prefix(4);
    return true;
  }
  bool I32(int32_t* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool F32(float* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    std::memcpy(v, &u, 4);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || in_.size() < n) return false;
    s->assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool Box(PdfBox* b) { return F32(&b->left) && F32(&b->top) && F32(&b->right) && F32(&b->bottom); }
  // A count of items each at least `min_bytes` long: bounded by what is left.
  bool Count(uint32_t* n, size_t min_bytes) { return U32(n) && *n <= in_.size() / min_bytes; }
  bool done() const { return in_.empty(); }

 private:
  absl::string_view in_;
};

absl::Status BadOutput() {
  return WithErrorReason(
      absl::InternalError("PDF extractor: its output is incomplete or garbled"),
      "PDF_EXTRACTOR_OUTPUT", "content");
}

}  // namespace

std::string EncodeExtraction(const absl::StatusOr<PdfDocument>& extraction) {
  Writer w;
  w.U32(kMagic);
  if (!extraction.ok()) {
    const absl::Status& s = extraction.status();
    const ErrorReason reason = GetErrorReason(s);
    w.I32(static_cast<int32_t>(s.code()));
    w.Str(s.message());
    w.Str(reason.reason);
    w.Str(reason.field);
    w.U32(static_cast<uint32_t>(reason.metadata.size()));
    for (const auto& [key, value] : reason.metadata) {
      w.Str(key);
      w.Str(value);
    }
    return w.Take();
  }
  w.I32(0);
  const PdfDocument& doc = *extraction;
  w.U32(static_cast<uint32_t>(doc.pages.size()));
  for (const PdfPage& page : doc.pages) {
    w.I32(page.number);
    w.F32(page.width);
    w.F32(page.height);
    w.U32(static_cast<uint32_t>(page.lines.size()));
    for (const PdfLine& line : page.lines) {
      w.Str(line.text);
      w.I32(line.page);
      w.Box(line.box);
      w.F32(line.font_size);
      w.U32(static_cast<uint32_t>(line.words.size()));
      for (size_t i = 0; i < line.words.size(); ++i) {
        const PdfWord& word = line.words[i];
        w.Str(word.text);
        w.Box(word.box);
        w.Str(word.font_name);
        w.F32(word.font_size);
        w.U32((word.italic ? 1u : 0u) | (word.bold ? 2u : 0u));
        const PdfByteRange r = i < line.word_ranges.size() ? line.word_ranges[i] : PdfByteRange{};
        w.I32(r.begin);
        w.I32(r.end);
      }
      w.U32(static_cast<uint32_t>(line.italic_ranges.size()));
      for (const PdfByteRange& r : line.italic_ranges) {
        w.I32(r.begin);
        w.I32(r.end);
      }
    }
  }
  return w.Take();
}

absl::StatusOr<PdfDocument> DecodeExtraction(absl::string_view wire) {
  Reader r(wire);
  uint32_t magic;
  int32_t code;
  if (!r.U32(&magic) || magic != kMagic || !r.I32(&code)) return BadOutput();
  if (code != 0) {
    std::string message, reason, field;
    uint32_t n;
    if (code < 0 || code > 16 || !r.Str(&message) || !r.Str(&reason) || !r.Str(&field) ||
        !r.Count(&n, 8)) {
      return BadOutput();
    }
    std::vector<std::pair<std::string, std::string>> metadata(n);
    for (auto& [key, value] : metadata) {
      if (!r.Str(&key) || !r.Str(&value)) return BadOutput();
    }
    if (!r.done()) return BadOutput();
    return WithErrorReason(absl::Status(static_cast<absl::StatusCode>(code), message), reason,
                           field, std::move(metadata));
  }
  PdfDocument doc;
  uint32_t pages;
  if (!r.Count(&pages, 16)) return BadOutput();
  doc.pages.resize(pages);
  for (PdfPage& page : doc.pages) {
    uint32_t lines;
    if (!r.I32(&page.number) || !r.F32(&page.width) || !r.F32(&page.height) ||
        !r.Count(&lines, 32)) {
      return BadOutput();
    }
    page.lines.resize(lines);
    for (PdfLine& line : page.lines) {
      uint32_t words, italics;
      if (!r.Str(&line.text) || !r.I32(&line.page) || !r.Box(&line.box) ||
          !r.F32(&line.font_size) || !r.Count(&words, 40)) {
        return BadOutput();
      }
      line.words.resize(words);
      line.word_ranges.resize(words);
      for (size_t i = 0; i < words; ++i) {
        PdfWord& word = line.words[i];
        uint32_t italic;
        if (!r.Str(&word.text) || !r.Box(&word.box) || !r.Str(&word.font_name) ||
            !r.F32(&word.font_size) || !r.U32(&italic) || !r.I32(&line.word_ranges[i].begin) ||
            !r.I32(&line.word_ranges[i].end)) {
          return BadOutput();
        }
        word.italic = (italic & 1) != 0;
        word.bold = (italic & 2) != 0;
      }
      if (!r.Count(&italics, 8)) return BadOutput();
      line.italic_ranges.resize(italics);
      for (PdfByteRange& range : line.italic_ranges) {
        if (!r.I32(&range.begin) || !r.I32(&range.end)) return BadOutput();
      }
      // Ranges index the line's text: keep them inside it.
      const int size = static_cast<int>(line.text.size());
      auto valid = [size](const PdfByteRange& x) {
        return 0 <= x.begin && x.begin <= x.end && x.end <= size;
      };
      for (const PdfByteRange& x : line.word_ranges) {
        if (!valid(x)) return BadOutput();
      }
      for (const PdfByteRange& x : line.italic_ranges) {
        if (!valid(x)) return BadOutput();
      }
    }
  }
  if (!r.done()) return BadOutput();
  return doc;
}

}  // namespace resolute
