#include "client/progress.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace resolute {
namespace client {
namespace {

constexpr int kBarWidth = 20;

std::string Megabytes(int64_t bytes) { return absl::StrFormat("%.1f", bytes / 1e6); }

std::string Clock(double seconds) {
  const int64_t s = static_cast<int64_t>(seconds + 0.5);
  if (s >= 3600) return absl::StrFormat("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  return absl::StrFormat("%d:%02d", s / 60, s % 60);
}

}  // namespace

Progress::Progress(std::ostream* out, bool enabled, int64_t total_docs, int64_t total_bytes)
    : out_(out),
      enabled_(enabled),
      total_docs_(total_docs),
      total_bytes_(total_bytes),
      start_(absl::Now()) {}

std::string Progress::Render(int64_t docs, int64_t total_docs, int64_t bytes, int64_t total_bytes,
                             absl::Duration elapsed) {
  std::string line;
  // The fraction done, by bytes when known (documents vary in size).
  double fraction = -1;
  if (total_bytes > 0) {
    fraction = std::min(1.0, static_cast<double>(bytes) / total_bytes);
  } else if (total_docs > 0) {
    fraction = std::min(1.0, static_cast<double>(docs) / total_docs);
  }
  if (fraction >= 0) {
    const int filled = static_cast<int>(fraction * kBarWidth);
    absl::StrAppend(&line, "[", std::string(filled, '#'), std::string(kBarWidth - filled, '.'),
                    "] ");
  }
  absl::StrAppend(&line, docs);
  if (total_docs > 0) absl::StrAppend(&line, "/", total_docs);
  absl::StrAppend(&line, " docs  ", Megabytes(bytes));
  if (total_bytes > 0) absl::StrAppend(&line, "/", Megabytes(total_bytes));
  absl::StrAppend(&line, " MB");
  const double seconds = absl::ToDoubleSeconds(elapsed);
  if (seconds > 0) absl::StrAppend(&line, absl::StrFormat("  %.1f docs/s", docs / seconds));
  if (fraction > 0 && fraction < 1 && seconds > 0) {
    absl::StrAppend(&line, "  ETA ", Clock(seconds * (1 - fraction) / fraction));
  }
  return line;
}

void Progress::Add(int64_t docs, int64_t bytes) {
  absl::MutexLock lock(&mu_);
  docs_ += docs;
  bytes_ += bytes;
  DrawLocked(/*force=*/false);
}

void Progress::Message(absl::string_view line) {
  absl::MutexLock lock(&mu_);
  ClearLocked();
  *out_ << line << "\n";
  DrawLocked(/*force=*/true);
}

void Progress::Finish() {
  absl::MutexLock lock(&mu_);
  ClearLocked();
  enabled_ = false;
}

void Progress::ClearLocked() {
  if (!enabled_ || drawn_width_ == 0) return;
  *out_ << "\r" << std::string(drawn_width_, ' ') << "\r";
  drawn_width_ = 0;
}

void Progress::DrawLocked(bool force) {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (!force && now - last_draw_ < absl::Milliseconds(100)) return;
  last_draw_ = now;
  const std::string line = Render(docs_, total_docs_, bytes_, total_bytes_, now - start_);
  *out_ << "\r" << line;
  if (line.size() < drawn_width_) *out_ << std::string(drawn_width_ - line.size(), ' ');
  drawn_width_ = std::max(drawn_width_, line.size());
  out_->flush();
}

}  // namespace client
}  // namespace resolute
