#include "whosaid/quote_normalizer.h"

#include <cstdint>

#include "whosaid/internal/byte_set.h"

namespace whosaid {
namespace {

// One decoded character: its code point (or -1 for a byte that does not
// start a well-formed sequence) and its length in bytes.
struct Char {
  std::int32_t code;
  std::size_t size;
};

Char Decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char b = byte(i);
  if (b < 0x80) return {b, 1};
  const std::size_t size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (size == 0 || b > 0xF4 || i + size > text.size()) return {-1, 1};
  std::int32_t code = b & (0x3F >> (size - 1));
  for (std::size_t k = 1; k < size; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {-1, 1};
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  return {code, size};
}

void Encode(std::int32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// The bytes at which FindQuoteMarks has anything to check: '[' and the
// first bytes of the ellipses EllipsisAt knows ('.', and 0xE2 for …).
constexpr internal::ByteSet kMarkStarts = internal::MakeByteSet("[.\xE2");

bool IsApostrophe(std::int32_t c) {
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x02BC;
}

// Letters and digits; invalid bytes (-1) too, so that they stay in words.
bool IsWordChar(std::int32_t c) {
  if (c < 0) return true;
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  }
  if (c <= 0xBF) return false;                   // Latin-1 spaces, « », ¿
  if (c == 0xD7 || c == 0xF7) return false;      // × ÷
  if (c >= 0x2000 && c <= 0x206F) return false;  // dashes, quotes, …
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation, 「」
  if (c == 0xFEFF) return false;                 // byte order mark
  return true;
}

std::int32_t Lower(std::int32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  // Latin Extended-A pairs capital and small letters: even capitals up to
  // U+0137 and from U+014A, odd ones between.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
    return c % 2 == 0 ? c + 1 : c;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
    return c % 2 == 1 ? c + 1 : c;
  }
  return c;
}

// The length of the ellipsis starting at `i` ("...", ". . .", "…"), or 0.
std::size_t EllipsisAt(std::string_view text, std::size_t i) {
  if (text.substr(i).starts_with("\xE2\x80\xA6")) return 3;
  if (text.substr(i).starts_with(". . .")) return 5;
  std::size_t end = i;
  while (end < text.size() && text[end] == '.') ++end;
  return end - i >= 3 ? end - i : 0;
}

}  // namespace

std::vector<std::string> QuoteWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool previous_is_word = false;
  for (std::size_t i = 0; i < text.size();) {
    if (IsAsciiAlnum(text[i])) {
      // Most of a quote: a run of ASCII letters and digits, appended at
      // once and lowered in place rather than decoded a byte at a time.
      std::size_t end = i + 1;
      while (end < text.size() && IsAsciiAlnum(text[end])) ++end;
      const std::size_t from = word.size();
      word.append(text, i, end - i);
      for (std::size_t k = from; k < word.size(); ++k) {
        if (word[k] >= 'A' && word[k] <= 'Z') word[k] += 'a' - 'A';
      }
      previous_is_word = true;
      i = end;
      continue;
    }
    const Char c = Decode(text, i);
    const std::size_t next = i + c.size;
    if (IsWordChar(c.code)) {
      if (c.code < 0) {
        word.push_back(text[i]);
      } else {
        Encode(Lower(c.code), &word);
      }
      previous_is_word = true;
    } else if (IsApostrophe(c.code) && previous_is_word && next < text.size() &&
               IsWordChar(Decode(text, next).code)) {
      word.push_back('\'');
    } else {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      previous_is_word = false;
    }
    i = next;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string NormalizeQuote(std::string_view text) {
  std::string key;
  for (const std::string& word : QuoteWords(text)) {
    if (!key.empty()) key.push_back(' ');
    key += word;
  }
  return key;
}

std::string_view QuoteMarkKindName(QuoteMarkKind kind) {
  return kind == QuoteMarkKind::kEllipsis ? "ellipsis" : "insertion";
}

std::vector<QuoteMark> FindQuoteMarks(std::string_view text) {
  std::vector<QuoteMark> marks;
  for (std::size_t i = 0; i < text.size();) {
    i = internal::FindByteIn(text, i, text.size(), kMarkStarts);
    if (i == text.size()) break;
    if (text[i] == '[') {
      const std::size_t close = text.find_first_of("[]", i + 1);
      if (close != std::string_view::npos && text[close] == ']') {
        const std::string_view inside = text.substr(i + 1, close - i - 1);
        const std::size_t first = inside.find_first_not_of(' ');
        const std::size_t ellipsis =
            first == std::string_view::npos ? 0 : EllipsisAt(inside, first);
        const bool only_ellipsis =
            ellipsis > 0 && inside.find_first_not_of(' ', first + ellipsis) ==
                                std::string_view::npos;
        const bool has_words = !QuoteWords(inside).empty();
        if (only_ellipsis || has_words) {
          marks.push_back({only_ellipsis ? QuoteMarkKind::kEllipsis
                                         : QuoteMarkKind::kInsertion,
                           {i, close + 1}});
          i = close + 1;
          continue;
        }
      }
    }
    if (const std::size_t size = EllipsisAt(text, i); size > 0) {
      marks.push_back({QuoteMarkKind::kEllipsis, {i, i + size}});
      i += size;
      continue;
    }
    ++i;
  }
  return marks;
}

}  // namespace whosaid
