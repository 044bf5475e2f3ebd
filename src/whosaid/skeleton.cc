#include "whosaid/skeleton.h"

#include <algorithm>
#include <cctype>

#include "whosaid/internal/byte_set.h"
#include "whosaid/internal/utf8.h"
#include "whosaid/rule_set.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

// True when quoted text ends like a sentence: . ! or ? perhaps followed by
// closing marks of nested quotes or brackets.
bool EndsSentence(std::string_view quoted) {
  while (!quoted.empty()) {
    const unsigned char c = quoted.back();
    if (c == '.' || c == '!' || c == '?') return true;
    // Closing brackets, quotes, spaces and the UTF-8 tails of ’ ” » › .
    if (c == ')' || c == ']' || c == '\'' || c == '"' || c == ' ' ||
        c >= 0x80) {
      quoted.remove_suffix(1);
      continue;
    }
    return false;
  }
  return false;
}

// Rules read UTF-8, and RE2 matches no byte that is not (not even with
// '.'), so each byte of an invalid sequence becomes '?': one byte for one,
// every offset kept.
void ReplaceInvalidUtf8(std::string* text) {
  std::size_t at = 0;
  while (auto bad =
             internal::FirstInvalidUtf8(std::string_view(*text).substr(at))) {
    (*text)[at + *bad] = '?';
    at += *bad + 1;
  }
}

// The length of the no-break or narrow space at `at` of `text` (U+00A0,
// U+2007, U+2009, U+202F), or 0. Rules write a space as "[ ]", and these
// stand for one in scraped news ("according to\u00A0the AP").
std::size_t WideSpaceAt(std::string_view text, std::size_t at) {
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("\u00A0")) return 2;
  for (std::string_view space : {"\u2007", "\u2009", "\u202F"}) {
    if (rest.starts_with(space)) return space.size();
  }
  return 0;
}

// The lead bytes of the spaces WideSpaceAt knows: U+00A0 starts with 0xC2,
// U+2007, U+2009 and U+202F with 0xE2.
constexpr internal::ByteSet kWideSpaceLeads = internal::MakeByteSet("\xC2\xE2");

// The bytes AppendWithSpaces turns into a space.
constexpr internal::ByteSet kBreaksAndTabs = internal::MakeByteSet("\n\r\t");

// A line break or tab inside a paragraph reads as a space: a rule's "."
// does not cross a line break, and hard-wrapped text breaks lines
// anywhere. One byte for one, every offset kept. Appended as one run, then
// the few breaks are found and replaced, rather than a byte at a time.
void AppendWithSpaces(std::string_view bytes, std::string* out) {
  std::size_t at = out->size();
  out->append(bytes);
  while ((at = internal::FindByteIn(*out, at, out->size(), kBreaksAndTabs)) <
         out->size()) {
    (*out)[at++] = ' ';
  }
}

// Words that announce a name rather than speech: "the so-called "plan"",
// "a film titled "…"".
constexpr std::string_view kNamingWords[] = {
    "so-called ", "called ",   "titled ",    "entitled ", "named ",
    "dubbed ",    "known as ", "nicknamed ", "labeled ",  "labelled "};

// True when the first letter of `quoted` is a lowercase (ASCII) one.
bool StartsLowercase(std::string_view quoted) {
  for (char c : quoted) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      return std::islower(static_cast<unsigned char>(c));
    }
    if (c != ' ' && c != '.' && c != '[' && c != '(') return false;
  }
  return false;
}

// True when the quotation `quoted`, which follows `before`, reads like a
// title, a name or a scare quote rather than speech: a naming word just
// before it, or every word capitalised with no punctuation closing it
// ("The Long Winter", "the Hammer"; but "Yes," is speech).
bool ReadsLikeATitle(std::string_view before, std::string_view quoted) {
  for (std::string_view word : kNamingWords) {
    if (before.ends_with(word)) return true;
  }
  while (!quoted.empty() && quoted.back() == ' ') quoted.remove_suffix(1);
  if (quoted.empty()) return true;
  const char last = quoted.back();
  if (last == ',' || last == '.' || last == '!' || last == '?') return false;
  bool capitalised = false;
  std::size_t i = 0;
  while (i < quoted.size()) {
    while (i < quoted.size() && quoted[i] == ' ') ++i;
    if (i == quoted.size()) break;
    std::size_t end = quoted.find(' ', i);
    if (end == std::string_view::npos) end = quoted.size();
    const unsigned char first = quoted[i];
    const bool capital = (first >= 'A' && first <= 'Z') ||
                         (first >= '0' && first <= '9') || first >= 0x80;
    // Short function words inside titles ("of", "the") do not count.
    if (!capital && end - i > 3) return false;
    capitalised = capitalised || capital;
    i = end;
  }
  return capitalised;
}

// Words in `s` (runs of non-spaces).
int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The longest tail after a sentence-final quotation that still reads as
// its attribution ("Ruiz told reporters on Monday."), and how far into a
// longer tail a reporting verb is looked for.
constexpr int kMaxAttributionTailWords = 6;

// The first word of `s`: past leading spaces, up to a space, comma or
// full stop.
std::string_view FirstWord(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t j = i;
  while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '.') ++j;
  return s.substr(i, j - i);
}

// True when `s` opens with a word that starts a reported clause: after
// "Ruiz says", "that" or a subject pronoun ("he respects her") means a
// statement of its own follows, not the end of an attribution.
bool OpensAClause(std::string_view s) {
  const std::string_view word = FirstWord(s);
  for (std::string_view opener :
       {"that", "he", "she", "they", "it", "we", "I", "there"}) {
    if (word == opener) return true;
  }
  return false;
}

// True when what follows a reporting verb reads as the end of an
// attribution: nothing, punctuation, a few words ("told reporters on
// Monday"), or circumstances ("said as she opened the vote"); not an
// object and a clause of its own ("called the program a failure …").
bool ReadsAsAttributionTail(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) {
    return true;
  }
  if (CountWords(s) <= 4) return true;
  std::size_t j = i;
  while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
  const std::string_view word = s.substr(i, j - i);
  for (std::string_view circumstance :
       {"as",        "in",         "at",    "on",      "during",  "after",
        "before",    "when",       "while", "to",      "of",      "about",
        "from",      "via",        "with",  "by",      "outside", "inside",
        "following", "last",       "this",  "earlier", "later",   "recently",
        "afterward", "afterwards", "then",  "again",   "also"}) {
    if (word == circumstance) return true;
  }
  return false;
}

// True when one of the first words of `s` is a reporting verb that ends
// the attribution of the quotation before it.
bool CueAmongFirstWords(std::string_view s,
                        const std::function<bool(std::string_view)>& is_cue) {
  if (!is_cue) return false;
  int seen = 0;
  std::size_t i = 0;
  while (i < s.size() && seen < kMaxAttributionTailWords) {
    const std::string_view word = FirstWord(s.substr(i));
    const std::size_t j = word.data() - s.data() + word.size();
    if (!word.empty() && is_cue(word)) {
      return !OpensAClause(s.substr(j)) && ReadsAsAttributionTail(s.substr(j));
    }
    ++seen;
    i = j + 1;
  }
  return false;
}

// True when `s` opens with a capitalised pronoun ("He said the FBI…"):
// after a quotation that ends a sentence, an attribution would read "he
// said", so the capital starts a sentence of its own.
bool OpensWithCapitalPronoun(std::string_view s) {
  for (std::string_view pronoun : {"He", "She", "They", "It", "We", "I"}) {
    if (s.substr(0, pronoun.size()) == pronoun &&
        (s.size() == pronoun.size() || s[pronoun.size()] == ' ' ||
         s[pronoun.size()] == ',')) {
      return true;
    }
  }
  return false;
}

// Whether `rest`, the words after a quotation that ends a sentence, read
// as its attribution: a reporting verb among the first words, unless a
// capitalised pronoun opens them; without `is_cue`, any short tail.
bool ReadsAsAttribution(std::string_view rest,
                        const std::function<bool(std::string_view)>& is_cue) {
  if (rest.find(kPlaceholderOpen) != std::string_view::npos ||
      OpensWithCapitalPronoun(rest)) {
    return false;
  }
  if (!is_cue) return CountWords(rest) <= kMaxAttributionTailWords;
  return CueAmongFirstWords(rest, is_cue);
}

}  // namespace

Skeleton::Skeleton(std::string_view text, Span paragraph,
                   const std::vector<Quote>& quotes)
    : original_(text), paragraph_(paragraph) {
  text_.reserve(paragraph.size());
  std::size_t cursor = paragraph.begin;
  // Copies the text up to `end`, each wide space as one space.
  auto copy_until = [&](std::size_t end) {
    // Searched up to `end` only: a paragraph costs its own length.
    const std::string_view upto = text.substr(0, end);
    // The next wide space at or after `from`, or `end` (also when `end` is
    // past the text).
    auto next_wide_space = [&](std::size_t from) {
      std::size_t at =
          internal::FindByteIn(upto, from, upto.size(), kWideSpaceLeads);
      while (at < upto.size() && WideSpaceAt(upto, at) == 0) {
        at = internal::FindByteIn(upto, at + 1, upto.size(), kWideSpaceLeads);
      }
      return at < upto.size() ? at : end;
    };
    while (cursor < end) {
      const std::size_t space = next_wide_space(cursor);
      if (space > cursor) {
        pieces_.push_back({text_.size(), text_.size() + (space - cursor),
                           Span{cursor, space}, -1});
        AppendWithSpaces(text.substr(cursor, space - cursor), &text_);
      }
      cursor = space;
      if (space == end) break;
      const std::size_t length = WideSpaceAt(upto, space);
      Piece wide{text_.size(), text_.size() + 1, Span{space, space + length},
                 -1};
      wide.replaced = true;
      pieces_.push_back(wide);
      text_ += ' ';
      cursor = space + length;
    }
  };
  // Quotes are sorted by outer.begin, so top-level ones come in text order.
  auto first = std::lower_bound(quotes.begin(), quotes.end(), paragraph.begin,
                                [](const Quote& q, std::size_t offset) {
                                  return q.outer.begin < offset;
                                });
  for (auto it = first; it != quotes.end() && it->outer.begin < paragraph.end;
       ++it) {
    if (it->depth != 0 || it->outer.begin < cursor ||
        it->outer.end > paragraph.end) {
      continue;
    }
    copy_until(it->outer.begin);
    AddPlaceholder(static_cast<int>(it - quotes.begin()), *it);
    cursor = it->outer.end;
  }
  copy_until(paragraph.end);
  ReplaceInvalidUtf8(&text_);
}

void Skeleton::AppendQuote(int index, const std::vector<Quote>& quotes) {
  AddPlaceholder(index, quotes[index]);
}

void Skeleton::AddPlaceholder(int index, const Quote& quote) {
  const std::string_view quoted = quote.inner.In(original_);
  const std::size_t start = text_.size();
  text_.append(kPlaceholderOpen);
  const std::size_t from = quote.outer.begin > 16 ? quote.outer.begin - 16 : 0;
  const std::string_view before =
      original_.substr(from, quote.outer.begin - from);
  text_ += ReadsLikeATitle(before, quoted) ? kTitleMark
           : StartsLowercase(quoted)       ? kFragmentMark
                                           : kSpeechMark;
  text_.append(std::to_string(index));
  text_.append(kPlaceholderClose);
  pieces_.push_back(
      {start, text_.size(), quote.outer, index, EndsSentence(quoted)});
}

const Skeleton::Piece* Skeleton::PieceAt(std::size_t offset) const {
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), offset,
      [](std::size_t o, const Piece& p) { return o < p.skeleton_end; });
  return it == pieces_.end() ? nullptr : &*it;
}

Span Skeleton::ToOriginal(Span s) const {
  if (pieces_.empty()) return Span{paragraph_.begin, paragraph_.begin};
  auto map = [&](std::size_t offset, bool is_end) -> std::size_t {
    // An end offset belongs to the piece before it.
    const Piece* p = PieceAt(is_end && offset > 0 ? offset - 1 : offset);
    if (p == nullptr) return paragraph_.end;
    if (p->quote >= 0 || p->replaced) {
      return is_end ? p->original.end : p->original.begin;
    }
    return p->original.begin + (offset - p->skeleton_begin);
  };
  if (s.empty()) {
    std::size_t b = map(s.begin, false);
    return Span{b, b};
  }
  return Span{map(s.begin, false), map(s.end, true)};
}

int Skeleton::QuoteAt(Span s) const {
  while (s.begin < s.end && (text_[s.begin] == ' ')) ++s.begin;
  while (s.end > s.begin && (text_[s.end - 1] == ' ')) --s.end;
  const Piece* p = PieceAt(s.begin);
  if (p == nullptr || p->quote < 0) return -1;
  return p->skeleton_begin == s.begin && p->skeleton_end == s.end ? p->quote
                                                                  : -1;
}

std::vector<Span> Skeleton::Sentences(
    const std::function<bool(std::string_view)>& is_cue) const {
  std::vector<Span> sentences;
  for (Span sentence : SplitSentences(text_, Span{0, text_.size()})) {
    std::size_t begin = sentence.begin;
    for (auto it = FirstPieceFrom(sentence.begin);
         it != pieces_.end() && it->skeleton_begin < sentence.end; ++it) {
      const Piece& p = *it;
      if (p.quote < 0 || !p.ends_sentence || p.skeleton_begin < begin ||
          p.skeleton_end >= sentence.end) {
        continue;
      }
      std::size_t next = p.skeleton_end;
      while (next < sentence.end && text_[next] == ' ') ++next;
      const unsigned char c = text_[next];
      const bool capital =
          (c >= 'A' && c <= 'Z') ||
          text_.compare(next, kPlaceholderOpen.size(), kPlaceholderOpen) == 0;
      if (next == p.skeleton_end || !capital) continue;
      const std::string_view rest(text_.data() + next, sentence.end - next);
      if (ReadsAsAttribution(rest, is_cue)) continue;
      sentences.push_back(Span{begin, p.skeleton_end});
      begin = next;
    }
    sentences.push_back(Span{begin, sentence.end});
  }
  return sentences;
}

std::vector<int> Skeleton::QuotesIn(Span s) const {
  std::vector<int> found;
  for (auto it = FirstPieceFrom(s.begin);
       it != pieces_.end() && it->skeleton_begin <= s.end; ++it) {
    if (it->quote >= 0 && it->skeleton_end <= s.end) found.push_back(it->quote);
  }
  return found;
}

std::vector<Skeleton::Piece>::const_iterator Skeleton::FirstPieceFrom(
    std::size_t offset) const {
  return std::lower_bound(
      pieces_.begin(), pieces_.end(), offset,
      [](const Piece& p, std::size_t o) { return p.skeleton_begin < o; });
}

}  // namespace whosaid
