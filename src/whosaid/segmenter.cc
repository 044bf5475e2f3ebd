#include "whosaid/segmenter.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

#include "whosaid/internal/byte_set.h"

namespace whosaid {
namespace {

// The placeholder brackets of the skeleton view, ⟦ (U+27E6) and ⟧ (U+27E7).
constexpr std::string_view kPlaceholderOpen = "\xE2\x9F\xA6";
constexpr std::string_view kPlaceholderClose = "\xE2\x9F\xA7";

// Marks that may follow a sentence's terminal punctuation ("Stop." she
// said; (see below.)). Multi-byte ones are listed as UTF-8.
constexpr std::array<std::string_view, 9> kClosers = {
    "\"",           "'", ")", "]", "}",
    "\xE2\x80\x9D",  // ” right double quotation mark
    "\xE2\x80\x99",  // ’ right single quotation mark
    "\xC2\xBB",      // » right guillemet
    "\xE2\x80\xBA",  // › single right guillemet
};

// Marks that may open a sentence, besides letters and digits.
constexpr std::array<std::string_view, 18> kOpeners = {
    "\"",           "'", "(", "[", "{", "`", "*", "#",
    "\xC2\xBF",      // ¿
    "\xC2\xA1",      // ¡
    "\xE2\x80\xA2",  // • bullet
    "\xE2\x80\x9C",  // “
    "\xE2\x80\x98",  // ‘
    "\xC2\xAB",      // «
    "\xE2\x80\xB9",  // ‹
    "\xE2\x80\x9E",  // „
    "\xE2\x80\x9A",  // ‚
    "\xE2\x9F\xA6",  // ⟦ skeleton placeholder
};

// Words that take a period and are usually followed by a capitalised name
// or a number, so "Mr. Wang" or "Sept. 11" must not end a sentence. Words
// such as "Inc." or "Co." are left out on purpose: they are normally
// followed by a lowercase verb ("Acme Inc. said"), which never splits, so
// listing them would only hide real sentence ends ("works for Acme Inc. He
// left.").
constexpr std::array<std::string_view, 37> kAbbreviations = {
    "Adm", "Apr",  "Atty", "Aug", "Capt", "Cmdr",   "Col", "Dec",
    "Dr",  "Feb",  "Ft",   "Gen", "Gov",  "Hon",    "Jan", "Jr",
    "Jul", "Jun",  "Lt",   "Maj", "Mar",  "Messrs", "Mr",  "Mrs",
    "Ms",  "Mt",   "Nov",  "Oct", "Prof", "Rep",    "Rev", "Sen",
    "Sep", "Sept", "Sgt",  "Sr",  "St",
};
// Lowercase ones, kept apart: before a capital, "etc." and "vs." much more
// often continue the sentence ("vs. Texas") than end it.
constexpr std::array<std::string_view, 2> kLowerAbbreviations = {"etc", "vs"};

// The bytes at which SplitSentences has anything to check: terminal
// punctuation and the lead byte of the placeholder bracket ⟦. Every other
// byte (most of a text: letters, spaces) is passed over in a tight loop
// instead of a placeholder compare at each position.
constexpr internal::ByteSet kSentenceScanStops =
    internal::MakeByteSet(".!?\xE2");
static_assert(
    kSentenceScanStops[static_cast<unsigned char>(kPlaceholderOpen[0])]);

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }

bool StartsWithAt(std::string_view text, std::size_t pos, std::size_t end,
                  std::string_view what) {
  return pos <= end && end - pos >= what.size() &&
         text.substr(pos, what.size()) == what;
}

// Length of the whitespace character at `pos` (ASCII whitespace, another
// control byte, or U+00A0 NO-BREAK SPACE), or 0 when there is none.
std::size_t SpaceLengthAt(std::string_view text, std::size_t pos,
                          std::size_t end) {
  if (pos >= end) return 0;
  switch (text[pos]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
      return 1;
    default:
      // Other control bytes (a NUL, an escape) separate like a space.
      if (static_cast<unsigned char>(text[pos]) < 0x20 || text[pos] == 0x7F) {
        return 1;
      }
      return StartsWithAt(text, pos, end, "\xC2\xA0") ? 2 : 0;
  }
}

// Length of the whitespace character that ends at `end`, or 0.
std::size_t SpaceLengthBefore(std::string_view text, std::size_t begin,
                              std::size_t end) {
  if (end <= begin) return 0;
  if (end - begin >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") return 2;
  return SpaceLengthAt(text, end - 1, end);
}

// `span` without leading and trailing whitespace.
Span Trim(std::string_view text, Span span) {
  while (std::size_t n = SpaceLengthAt(text, span.begin, span.end)) {
    span.begin += n;
  }
  while (std::size_t n = SpaceLengthBefore(text, span.begin, span.end)) {
    span.end -= n;
  }
  return span;
}

// The length of the mark from `marks` that starts at `pos`, or 0.
template <std::size_t N>
std::size_t MarkLengthAt(std::string_view text, std::size_t pos,
                         std::size_t end,
                         const std::array<std::string_view, N>& marks) {
  for (std::string_view mark : marks) {
    if (StartsWithAt(text, pos, end, mark)) return mark.size();
  }
  return 0;
}

// An approximation of "uppercase letter" for the non-ASCII letters of
// European scripts: Latin-1 (À-Þ), Latin Extended-A (even code points are
// mostly capitals), Greek and Cyrillic capitals. Good enough to let "Élysée"
// or "Öztürk" start a sentence; other scripts simply do not start one.
bool IsNonAsciiUpperAt(std::string_view text, std::size_t pos,
                       std::size_t end) {
  if (end - pos < 2) return false;
  unsigned char b0 = text[pos];
  unsigned char b1 = text[pos + 1];
  if ((b0 & 0xE0) != 0xC0 || (b1 & 0xC0) != 0x80) return false;
  char32_t cp = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  return cp >= 0x400 && cp <= 0x42F;
}

// Whether a sentence may start at `pos`: an uppercase letter, a digit, an
// opening quote or bracket (the skeleton placeholder ⟦ included), or a
// bullet.
bool CanStartSentence(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return false;
  char c = text[pos];
  if (IsAsciiUpper(c) || IsAsciiDigit(c)) return true;
  return MarkLengthAt(text, pos, end, kOpeners) > 0 ||
         IsNonAsciiUpperAt(text, pos, end);
}

// Whether `token` (letters and dots) is a dotted acronym such as U.S, N.Y
// or a.m: single letters separated by single dots.
bool IsDottedAcronym(std::string_view token) {
  if (token.find('.') == std::string_view::npos) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    bool letter_slot = i % 2 == 0;
    if (letter_slot != IsAsciiLetter(token[i])) return false;
  }
  return token.size() % 2 == 1;
}

// Capitalised words that open a sentence and never continue a name or an
// acronym: "in the U.S. The company".
constexpr std::array<std::string_view, 20> kSentenceOpeners = {
    "He",  "She",  "They",  "We",    "It",    "I",   "The",
    "But", "This", "That",  "There", "His",   "Her", "Their",
    "Its", "When", "While", "If",    "After", "And",
};

// Whether one of kSentenceOpeners starts at `pos`, followed by a space.
bool OpensSentence(std::string_view text, std::size_t pos) {
  return std::any_of(kSentenceOpeners.begin(), kSentenceOpeners.end(),
                     [&](std::string_view word) {
                       return text.substr(pos, word.size()) == word &&
                              pos + word.size() < text.size() &&
                              text[pos + word.size()] == ' ';
                     });
}

// Whether the period at `dot` ends an abbreviation rather than a sentence.
// `next` is where the following word starts.
bool IsAbbreviation(std::string_view text, std::size_t lower_bound,
                    std::size_t dot, std::size_t next) {
  std::size_t start = dot;
  while (start > lower_bound &&
         (IsAsciiLetter(text[start - 1]) || text[start - 1] == '.')) {
    --start;
  }
  std::string_view token = text.substr(start, dot - start);
  while (!token.empty() && token.front() == '.') token.remove_prefix(1);
  if (token.empty()) return false;
  // A digit or letter glued to the token ("A4." "x2.") makes it no word.
  if (start > lower_bound && IsAsciiDigit(text[start - 1])) return false;
  // "U.S." and "p.m." end a sentence when a word that opens one follows
  // ("at 7 p.m. He says").
  if (IsDottedAcronym(token)) return !OpensSentence(text, next);
  // Single capital initials ("George W. Bush"), except the pronoun "I",
  // which ends sentences far more often than it abbreviates a name.
  if (token.size() == 1) return IsAsciiUpper(token[0]) && token[0] != 'I';
  // "No." abbreviates "number" only when a number follows ("No. 10").
  if (token == "No") return IsAsciiDigit(text[next]);
  auto listed = [token](std::string_view word) { return word == token; };
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(), listed) ||
         std::any_of(kLowerAbbreviations.begin(), kLowerAbbreviations.end(),
                     listed);
}

// If a sentence ends at the terminal punctuation starting at `pos`, returns
// where the sentence ends (after any closing marks) and sets `*next_start`
// to where the following one starts; otherwise returns 0 and sets
// `*next_start` to the first byte not yet examined.
std::size_t SentenceEndAt(std::string_view text, std::size_t lower_bound,
                          std::size_t pos, std::size_t end,
                          std::size_t* next_start) {
  std::size_t run_end = pos;
  while (run_end < end && IsTerminal(text[run_end])) ++run_end;
  std::size_t close_end = run_end;
  while (std::size_t n = MarkLengthAt(text, close_end, end, kClosers)) {
    close_end += n;
  }
  *next_start = close_end;
  if (SpaceLengthAt(text, close_end, end) == 0) return 0;
  std::size_t next = close_end;
  while (std::size_t n = SpaceLengthAt(text, next, end)) next += n;
  if (!CanStartSentence(text, next, end)) return 0;
  // Only a lone period can belong to an abbreviation; "?", "!" and an
  // ellipsis always end the sentence.
  bool lone_period = run_end == pos + 1 && text[pos] == '.';
  if (lone_period && IsAbbreviation(text, lower_bound, pos, next)) return 0;
  *next_start = next;
  return close_end;
}

// Where the skeleton placeholder (⟦Q12⟧: letters and digits between the
// brackets) starting at `pos` ends, or `pos` when none starts there. A ⟦
// not followed by such a placeholder is skipped alone. The look-ahead is
// bounded so that a text full of stray ⟦ stays linear.
std::size_t SkipPlaceholder(std::string_view text, std::size_t pos,
                            std::size_t end) {
  if (!StartsWithAt(text, pos, end, kPlaceholderOpen)) return pos;
  constexpr std::size_t kMaxPlaceholder = 32;
  std::size_t close = pos + kPlaceholderOpen.size();
  while (close < end && close - pos < kMaxPlaceholder &&
         (IsAsciiLetter(text[close]) || IsAsciiDigit(text[close]))) {
    ++close;
  }
  if (!StartsWithAt(text, close, end, kPlaceholderClose)) {
    return pos + kPlaceholderOpen.size();
  }
  return close + kPlaceholderClose.size();
}

void AddTrimmed(std::string_view text, Span span, std::vector<Span>* out) {
  Span trimmed = Trim(text, span);
  if (!trimmed.empty()) out->push_back(trimmed);
}

struct Line {
  Span span;  // Without its line break.
  bool blank = false;
};

// The offset of the first '\n' or '\r' of `text` at or after `pos`, or
// text.size(). Two memchr calls rather than a byte loop: the '\r' search is
// bounded by the next '\n', so a text costs its length once for each.
std::size_t NextLineBreak(std::string_view text, std::size_t pos) {
  const char* data = text.data();
  std::size_t stop = text.size();
  if (pos >= stop) return stop;  // memchr wants a real pointer
  if (const void* lf = std::memchr(data + pos, '\n', stop - pos)) {
    stop = static_cast<const char*>(lf) - data;
  }
  if (const void* cr = std::memchr(data + pos, '\r', stop - pos)) {
    stop = static_cast<const char*>(cr) - data;
  }
  return stop;
}

// The lines of `text`; "\r\n", "\n" and a lone "\r" all end a line.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (true) {
    const std::size_t pos = NextLineBreak(text, begin);
    const Span span{begin, pos};
    lines.push_back({span, Trim(text, span).empty()});
    if (pos == text.size()) break;
    begin = pos + ((text[pos] == '\r' && pos + 1 < text.size() &&
                    text[pos + 1] == '\n')
                       ? 2
                       : 1);
  }
  return lines;
}

// Whether some blank line separates two lines with text; blank lines only
// at the start or end of the text do not count.
bool HasSeparatingBlankLine(const std::vector<Line>& lines) {
  auto first = std::find_if(lines.begin(), lines.end(),
                            [](const Line& l) { return !l.blank; });
  auto last = std::find_if(lines.rbegin(), lines.rend(),
                           [](const Line& l) { return !l.blank; });
  if (first == lines.end()) return false;
  return std::any_of(first, last.base(), [](const Line& l) { return l.blank; });
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Line> lines = SplitLines(text);
  std::vector<Span> paragraphs;
  if (!HasSeparatingBlankLine(lines)) {
    for (const Line& line : lines) AddTrimmed(text, line.span, &paragraphs);
    return paragraphs;
  }
  bool open = false;
  Span current;
  for (const Line& line : lines) {
    if (line.blank) {
      if (open) AddTrimmed(text, current, &paragraphs);
      open = false;
    } else if (!open) {
      current = line.span;
      open = true;
    } else {
      current.end = line.span.end;
    }
  }
  if (open) AddTrimmed(text, current, &paragraphs);
  return paragraphs;
}

std::vector<Span> SplitSentences(std::string_view text, Span within) {
  std::size_t end = std::min(within.end, text.size());
  std::size_t begin = std::min(within.begin, end);
  std::vector<Span> sentences;
  std::size_t start = begin;
  std::size_t pos = begin;
  while (pos < end) {
    pos = internal::FindByteIn(text, pos, end, kSentenceScanStops);
    if (pos == end) break;
    std::size_t after = SkipPlaceholder(text, pos, end);
    if (after != pos) {
      pos = after;
      continue;
    }
    if (!IsTerminal(text[pos])) {
      ++pos;
      continue;
    }
    std::size_t next = pos;
    if (std::size_t stop = SentenceEndAt(text, begin, pos, end, &next)) {
      AddTrimmed(text, {start, stop}, &sentences);
      start = next;
    }
    pos = next;
  }
  AddTrimmed(text, {start, end}, &sentences);
  return sentences;
}

std::vector<Span> SplitLongSpan(std::string_view text, Span span,
                                std::size_t max_bytes) {
  max_bytes = std::max<std::size_t>(max_bytes, 1);
  span.end = std::min(span.end, text.size());
  std::vector<Span> out;
  std::size_t begin = span.begin;
  while (begin < span.end) {
    std::size_t end = span.end;
    if (end - begin > max_bytes) {
      const std::string_view window = text.substr(begin, max_bytes);
      std::size_t cut = std::string_view::npos;
      for (std::string_view mark : {"; ", ", ", " "}) {
        cut = window.rfind(mark);
        if (cut != std::string_view::npos && cut > 0) {
          cut += mark.size() - 1;  // keep the punctuation, not the space
          break;
        }
      }
      if (cut == std::string_view::npos || cut == 0) {
        cut = max_bytes;
        // Never inside a UTF-8 character: back over continuation bytes.
        while (cut > 1 &&
               (static_cast<unsigned char>(text[begin + cut]) & 0xC0) == 0x80) {
          --cut;
        }
      }
      end = begin + cut;
    }
    AddTrimmed(text, Span{begin, end}, &out);
    begin = end;
  }
  return out;
}

std::span<const std::string_view> NameAbbreviations() { return kAbbreviations; }

}  // namespace whosaid
