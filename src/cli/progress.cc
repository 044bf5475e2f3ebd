#include "cli/progress.h"

namespace whosaid::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

}  // namespace

Progress::Progress(std::FILE* out, bool enabled, std::uint64_t total_bytes,
                   bool summarize)
    : out_(out),
      enabled_(enabled),
      total_bytes_(total_bytes),
      summarize_(summarize),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void Progress::Add(std::uint64_t bytes_read) {
  ++documents_;
  bytes_ = bytes_read;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  Draw();
}

void Progress::Draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
          .count();
  const double mb = bytes_ / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  std::fprintf(out_, "\r%llu documents, %.1f MB, %.2f MB/s",
               static_cast<unsigned long long>(documents_), mb, rate);
  if (total_bytes_ > 0 && rate > 0 && bytes_ <= total_bytes_) {
    const double left = (total_bytes_ - bytes_) / 1e6 / rate;
    std::fprintf(out_, ", %.0f%%, ETA %.0f s   ", 100.0 * bytes_ / total_bytes_,
                 left);
  } else {
    std::fputs("   ", out_);
  }
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Finish() {
  if (!enabled_ || (!drawn_ && !summarize_)) return;
  Draw();
  std::fputc('\n', out_);
}

}  // namespace whosaid::cli
