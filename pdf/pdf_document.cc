#include "pdf/pdf_document.h"

#include <algorithm>

namespace resolute {

void PdfBox::Extend(const PdfBox& other) {
  left = std::min(left, other.left);
  top = std::min(top, other.top);
  right = std::max(right, other.right);
  bottom = std::max(bottom, other.bottom);
}

}  // namespace resolute
