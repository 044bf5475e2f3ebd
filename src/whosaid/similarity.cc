#include "whosaid/similarity.h"

#include <algorithm>
#include <cstdint>

#include "whosaid/quote_normalizer.h"

namespace whosaid {
namespace {

// The words of a quote with one flag each, from the quote's marks of one
// kind: for ellipses (in a claim), whether the word follows one (words
// left out before it); for insertions (in a stored quote), whether the
// word is inside one (the writer's word).
struct FlaggedWords {
  std::vector<std::string> words;
  std::vector<bool> flags;
};

FlaggedWords SplitAtMarks(std::string_view text, QuoteMarkKind kind) {
  FlaggedWords out;
  std::size_t begin = 0;
  bool after_mark = false;
  auto add = [&](std::string_view segment, bool inside) {
    for (std::string& word : QuoteWords(segment)) {
      out.flags.push_back(kind == QuoteMarkKind::kEllipsis
                              ? after_mark && !out.words.empty()
                              : inside);
      out.words.push_back(std::move(word));
      after_mark = false;
    }
  };
  for (const QuoteMark& mark : FindQuoteMarks(text)) {
    if (mark.kind != kind) continue;
    add(text.substr(begin, mark.span.begin - begin), false);
    if (kind == QuoteMarkKind::kInsertion) add(mark.span.In(text), true);
    after_mark = true;
    begin = mark.span.end;
  }
  add(text.substr(begin), false);
  return out;
}

// A (rows x cols) table of edit counts.
class Table {
 public:
  Table(std::size_t rows, std::size_t cols)
      : cols_(cols), cells_(rows * cols, 0) {}
  std::uint32_t& at(std::size_t i, std::size_t j) {
    return cells_[i * cols_ + j];
  }

 private:
  std::size_t cols_;
  std::vector<std::uint32_t> cells_;
};

// Within each run of changed words, puts the stored words before the
// claimed ones ("[-will-] {+is+} {+going+} {+to+}"), as people read a
// replacement; equally cheap alignments may interleave them.
void GroupChanges(std::vector<WordDiff>* diff) {
  auto changed = [](const WordDiff& step) {
    return step.op == DiffOp::kClaimOnly || step.op == DiffOp::kStoredOnly;
  };
  for (auto run = diff->begin(); run != diff->end();) {
    if (!changed(*run)) {
      ++run;
      continue;
    }
    auto end = std::find_if_not(run, diff->end(), changed);
    std::stable_partition(run, end, [](const WordDiff& step) {
      return step.op == DiffOp::kStoredOnly;
    });
    run = end;
  }
}

}  // namespace

QuoteComparison CompareQuotes(std::string_view claim_text,
                              std::string_view stored_text) {
  const FlaggedWords claim = SplitAtMarks(claim_text, QuoteMarkKind::kEllipsis);
  const FlaggedWords stored_words =
      SplitAtMarks(stored_text, QuoteMarkKind::kInsertion);
  const std::vector<std::string>& stored = stored_words.words;
  const std::size_t c = claim.words.size();
  const std::size_t w = stored.size();
  QuoteComparison result;
  result.stored_words = w;
  result.claim_words = c;
  if (c == 0) return result;
  // Dropping stored word j - 1 with i claim words consumed costs nothing
  // where the claim has an ellipsis before word i, or when the word is
  // editorial.
  auto elided = [&](std::size_t i) { return i > 0 && i < c && claim.flags[i]; };
  auto drop_cost = [&](std::size_t i, std::size_t j) -> std::uint32_t {
    return elided(i) || stored_words.flags[j - 1] ? 0 : 1;
  };
  // d(i, j): fewest edits turning the first i claim words into stored
  // words ending at j; the stored quote may start anywhere (row 0 is 0).
  Table d(c + 1, w + 1);
  for (std::size_t i = 1; i <= c; ++i) {
    d.at(i, 0) = static_cast<std::uint32_t>(i);
    for (std::size_t j = 1; j <= w; ++j) {
      const std::uint32_t change = claim.words[i - 1] == stored[j - 1] ? 0 : 1;
      d.at(i, j) = std::min({d.at(i - 1, j - 1) + change, d.at(i - 1, j) + 1,
                             d.at(i, j - 1) + drop_cost(i, j)});
    }
  }
  // Of equally good ends, the last: a changed last word then reads as
  // changed ("[-fail-] {+crack+}"), not as one word added and one left
  // outside the window.
  std::size_t end = 0;
  for (std::size_t j = 1; j <= w; ++j) {
    if (d.at(c, j) <= d.at(c, end)) end = j;
  }
  result.edits = d.at(c, end);
  result.window_end = end;
  // Walk back from the best end, preferring a kept or changed word.
  std::size_t i = c;
  std::size_t j = end;
  std::size_t free_drops = 0;
  while (i > 0) {
    if (j > 0) {
      const bool same = claim.words[i - 1] == stored[j - 1];
      if (d.at(i, j) == d.at(i - 1, j - 1) + (same ? 0 : 1)) {
        if (same) {
          result.diff.push_back({DiffOp::kSame, stored[j - 1]});
          ++result.matched;
        } else {
          result.diff.push_back({DiffOp::kClaimOnly, claim.words[i - 1]});
          result.diff.push_back({DiffOp::kStoredOnly, stored[j - 1]});
        }
        --i;
        --j;
        continue;
      }
      if (d.at(i, j) == d.at(i, j - 1) + drop_cost(i, j)) {
        const DiffOp op = stored_words.flags[j - 1] ? DiffOp::kEditorial
                          : elided(i)               ? DiffOp::kElided
                                                    : DiffOp::kStoredOnly;
        free_drops += op == DiffOp::kStoredOnly ? 0 : 1;
        result.diff.push_back({op, stored[j - 1]});
        --j;
        continue;
      }
    }
    result.diff.push_back({DiffOp::kClaimOnly, claim.words[i - 1]});
    --i;
  }
  result.window_begin = j;
  std::reverse(result.diff.begin(), result.diff.end());
  GroupChanges(&result.diff);
  const std::size_t compared =
      std::max(c, result.window_end - result.window_begin - free_drops);
  result.similarity =
      1.0 - static_cast<double>(result.edits) / static_cast<double>(compared);
  if (result.similarity < 0) result.similarity = 0;
  return result;
}

std::string FormatWordDiff(const std::vector<WordDiff>& diff) {
  std::string out;
  for (std::size_t k = 0; k < diff.size(); ++k) {
    const WordDiff& step = diff[k];
    if (step.op == DiffOp::kElided) {
      if (k > 0 && diff[k - 1].op == DiffOp::kElided) continue;
      if (!out.empty()) out += ' ';
      out += "[\xE2\x80\xA6]";
      continue;
    }
    if (!out.empty()) out += ' ';
    switch (step.op) {
      case DiffOp::kSame:
        out += step.word;
        break;
      case DiffOp::kClaimOnly:
        out += "{+" + step.word + "+}";
        break;
      case DiffOp::kEditorial:
        out += "[" + step.word + "]";
        break;
      default:
        out += "[-" + step.word + "-]";
        break;
    }
  }
  return out;
}

}  // namespace whosaid
