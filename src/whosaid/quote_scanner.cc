#include "whosaid/quote_scanner.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "whosaid/internal/byte_set.h"
#include "whosaid/segmenter.h"

// How the scanner decides, in short. Every candidate mark is classified by
// its neighbours: "left-open" when it follows the paragraph start, a space,
// an opening bracket, a dash or an opening mark; "right-open" when text
// follows it (not the paragraph end, a space or closing punctuation). A mark
// that is left-open and right-open looks like an opening; one that is
// neither looks like a closing. Each mark also has a typographic prior (“
// opens, ” closes, straight " has none) and the stack of open quotes
// settles the remaining doubt. Double quotes are trusted; single quotes are
// not, because the same characters are apostrophes, so a single quote must
// pass extra checks (see PlausibleSingle and the elision list).

namespace whosaid {
namespace {

constexpr char32_t kInvalid = 0xFFFD;

struct CodePoint {
  char32_t value;
  std::size_t size;
};

// Decodes the UTF-8 sequence at `pos` (< text.size()). An ill-formed
// sequence decodes as one kInvalid byte, so offsets stay byte-exact.
CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  unsigned char lead = text[pos];
  if (lead < 0x80) return {lead, 1};
  std::size_t size = 0;
  char32_t min = 0;  // The smallest code point of that size: no overlongs.
  if ((lead & 0xE0) == 0xC0) {
    size = 2;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    size = 3;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    size = 4;
    min = 0x10000;
  } else {
    return {kInvalid, 1};
  }
  if (text.size() - pos < size) return {kInvalid, 1};
  char32_t value = lead & (0x7F >> size);
  for (std::size_t i = 1; i < size; ++i) {
    unsigned char byte = text[pos + i];
    if ((byte & 0xC0) != 0x80) return {kInvalid, 1};
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {kInvalid, 1};
  }
  return {value, size};
}

// Decodes the code point that ends at `pos` (> 0).
CodePoint DecodeBefore(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint cp = DecodeAt(text, start);
  if (start + cp.size == pos) return cp;
  return {kInvalid, 1};
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsDash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2E3A || c == 0x2E3B;
}

// What may come right before an opening mark besides a space.
bool IsOpeningPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '<' || c == 0x27E6 ||
         IsDash(c);
}

// What may come right after a closing mark besides a space.
bool IsClosingPunct(char32_t c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case '>':
    case 0x2026:  // …
    case 0x27E7:  // ⟧
      return true;
    default:
      return IsDash(c);
  }
}

// Letters and digits. Outside ASCII this is an approximation: any code
// point from U+00C0 up that is not a symbol, punctuation or space block.
bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
  }
  if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == kInvalid) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  return !(c >= 0xFE30 && c <= 0xFE4F) && !(c >= 0xFF00 && c <= 0xFF0F);
}

// `span` without leading and trailing whitespace. Only characters wholly
// inside `span` count: a space cut by its edge (a paragraph that ends
// inside a multi-byte character) must not move an end past the other.
Span TrimSpan(std::string_view text, Span span) {
  const std::string_view up_to_end = text.substr(0, span.end);
  while (span.begin < span.end) {
    const CodePoint c = DecodeAt(up_to_end, span.begin);
    if (!IsSpace(c.value)) break;
    span.begin += c.size;
  }
  while (span.end > span.begin) {
    const CodePoint c = DecodeBefore(text, span.end);
    if (!IsSpace(c.value) || c.size > span.end - span.begin) break;
    span.end -= c.size;
  }
  return span;
}

// Whether `c` ends an utterance inside quotes: "we won," / 'never again.'
bool EndsUtterance(char32_t c) {
  return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' ||
         c == 0x2026 || IsDash(c);
}

enum class Style {
  kStraightDouble,     // "
  kDoubledApostrophe,  // ''
  kDoubledBacktick,    // ``
  kLeftDouble,         // “
  kRightDouble,        // ”
  kLowDouble,          // „
  kStraightSingle,     // '
  kLeftSingle,         // ‘
  kRightSingle,        // ’
  kLowSingle,          // ‚
  kLeftAngle,          // «
  kRightAngle,         // »
  kLeftSingleAngle,    // ‹
  kRightSingleAngle,   // ›
};

// Marks of one family close each other ("…” and “…" both pair), so mixed
// straight and curly typing still pairs.
enum class Family { kDouble = 0, kSingle = 1, kAngle = 2, kSingleAngle = 3 };
constexpr std::size_t kFamilies = 4;

Family FamilyOf(Style style) {
  switch (style) {
    case Style::kStraightSingle:
    case Style::kLeftSingle:
    case Style::kRightSingle:
    case Style::kLowSingle:
      return Family::kSingle;
    case Style::kLeftAngle:
    case Style::kRightAngle:
      return Family::kAngle;
    case Style::kLeftSingleAngle:
    case Style::kRightSingleAngle:
      return Family::kSingleAngle;
    default:
      return Family::kDouble;
  }
}

// The quotation mark other than a straight apostrophe that starts at `pos`,
// with its length in bytes; 0 when there is none.
std::size_t MarkAt(std::string_view text, std::size_t pos, std::size_t end,
                   Style* style) {
  char c = text[pos];
  if (c == '"') {
    *style = Style::kStraightDouble;
    return 1;
  }
  if (c == '`') {
    // A lone backtick is too rare as a quotation mark to be worth it.
    if (pos + 1 >= end || text[pos + 1] != '`') return 0;
    *style = Style::kDoubledBacktick;
    return 2;
  }
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  CodePoint cp = DecodeAt(text, pos);
  if (pos + cp.size > end) return 0;
  // Doubled curly singles stand for double marks where software curled the
  // NYT's '' (‘‘like this’’).
  bool doubled =
      pos + 2 * cp.size <= end &&
      text.substr(pos + cp.size, cp.size) == text.substr(pos, cp.size);
  if (doubled && (cp.value == 0x2018 || cp.value == 0x2019)) {
    *style = cp.value == 0x2018 ? Style::kLeftDouble : Style::kRightDouble;
    return 2 * cp.size;
  }
  switch (cp.value) {
    case 0x201C:
      *style = Style::kLeftDouble;
      break;
    case 0x201D:
      *style = Style::kRightDouble;
      break;
    case 0x201E:
      *style = Style::kLowDouble;
      break;
    case 0x2018:
      *style = Style::kLeftSingle;
      break;
    case 0x2019:
      *style = Style::kRightSingle;
      break;
    case 0x201A:
      *style = Style::kLowSingle;
      break;
    case 0x00AB:
      *style = Style::kLeftAngle;
      break;
    case 0x00BB:
      *style = Style::kRightAngle;
      break;
    case 0x2039:
      *style = Style::kLeftSingleAngle;
      break;
    case 0x203A:
      *style = Style::kRightSingleAngle;
      break;
    default:
      return 0;
  }
  return cp.size;
}

// The bytes that may start a quotation mark: the ASCII marks ' " ` and the
// lead bytes of the UTF-8 ones (U+00AB and U+00BB start with 0xC2, the
// marks of U+2018 to U+203A with 0xE2). The scanner passes over any other
// byte without decoding it: it is ASCII or a continuation byte, or leads a
// character that is no mark, whose continuation bytes cannot start one
// either.
constexpr internal::ByteSet kMarkLeads = internal::MakeByteSet("'\"`\xC2\xE2");

bool IsApostropheAt(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return false;
  if (text[pos] == '\'') return true;
  return text.substr(pos, std::min<std::size_t>(3, end - pos)) ==
         "\xE2\x80\x99";
}

// Words that lose their first letters to an apostrophe ('em, 'til). A
// quote that opens with one of them is too rare to be worth the confusion.
constexpr std::array<std::string_view, 7> kElisions = {
    "em", "til", "tis", "twas", "cause", "bout", "n"};

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// What surrounds a candidate mark.
struct Context {
  bool left_open = false;  // Nothing, a space or opening punct before it.
  // Text after it: not the paragraph end nor a space, and, unless the mark
  // is left-open, not closing punctuation either ("word", but ".@user).
  bool right_open = false;
  bool prev_word = false;           // A letter or digit right before it.
  bool next_word = false;           // A letter or digit right after it.
  bool after_opening_mark = false;  // Glued to a mark that opened a quote.
  bool at_end = false;              // Nothing follows in the paragraph.

  bool LooksOpening() const { return left_open && right_open; }
  bool LooksClosing() const { return !left_open && !right_open; }
  bool InsideWord() const { return prev_word && next_word; }
};

// kReopen: leave the open quote unclosed where its last sentence ended and
// open a new one (see Scanner::ReopensAfterSentence).
enum class Action { kIgnore, kOpen, kClose, kReopen };

// A single quote that crosses a sentence boundary or runs longer than this
// must end like an utterance (see PlausibleSingle).
constexpr std::size_t kLongSingleQuote = 300;

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<Span>& paragraphs)
      : text_(text), paragraphs_(paragraphs) {}

  std::vector<Quote> Run();

 private:
  struct Record {
    Quote quote;  // parent, depth and continues are filled in by Finish.
    Style opener = Style::kStraightDouble;
    int parent = -1;     // Record id of the enclosing quote.
    int continues = -1;  // Record id of the quote this one continues.
    bool dropped = false;
  };

  void ScanParagraph(std::size_t index);
  std::size_t ScanApostrophes(std::size_t pos);
  void HandleMark(Style style, Span mark);
  bool IsElidingApostrophe(Style style, const Context& context, Span mark);
  bool IsElision(std::size_t pos);
  Context ContextOf(Span mark) const;
  Action Decide(Style style, const Context& context, Span mark) const;
  bool ReopensAfterSentence(Style style, const Context& context,
                            Span mark) const;
  std::size_t EndBeforeSpaces(std::size_t pos) const;
  Action DecideSingle(Style style, const Context& context) const;
  Action DecideAngle(Style style, const Context& context) const;
  void Open(Style style, Span mark);
  void Close(Family family, Span mark);
  bool PlausibleSingle(const Record& record, Span mark);
  std::size_t SentenceStart();
  void PopUnclosed(std::size_t end);
  void Pop();
  void EndParagraph(std::size_t index);
  bool NextParagraphReopens(std::size_t index, Family family) const;
  bool HasOpen(Family family) const {
    return !family_stack_[static_cast<int>(family)].empty();
  }
  const Record& Innermost(Family family) const {
    return records_[stack_[family_stack_[static_cast<int>(family)].back()]];
  }
  std::vector<Quote> Finish() const;

  std::string_view text_;
  const std::vector<Span>& paragraphs_;
  Span paragraph_;
  std::vector<Record> records_;
  // Record ids of the open quotes, innermost last, and per family the
  // positions in `stack_` of its open quotes, so that finding the innermost
  // open quote of a family is O(1) and the scan stays linear.
  std::vector<int> stack_;
  std::array<std::vector<std::size_t>, kFamilies> family_stack_;
  // The last mark seen and whether it opened a quote: the left context of
  // a mark glued to it ("'Tis" after an opening ").
  std::size_t last_mark_end_ = std::string_view::npos;
  bool last_mark_opened_ = false;
  // The second apostrophe of "'n'", to be ignored.
  std::size_t skip_mark_at_ = std::string_view::npos;
  // Where the scan loop last stopped at a mark lead byte: the position
  // whose sentence start PlausibleSingle reads.
  std::size_t scan_pos_ = 0;
  // Sentences of the paragraph, split only when first needed (few
  // paragraphs close a single quote), and the last start passed.
  bool sentences_split_ = false;
  std::vector<Span> sentences_;
  std::size_t next_sentence_ = 0;
  std::size_t last_sentence_start_ = 0;
  // A quote of the previous paragraph left open while this paragraph starts
  // with a mark that may reopen it, and whether that happened.
  int pending_ = -1;
  bool pending_taken_ = false;
};

std::vector<Quote> Scanner::Run() {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < paragraphs_.size(); ++i) {
    // Paragraphs out of order or past the text would break the sort order
    // of the result; they are skipped rather than trusted.
    const Span& p = paragraphs_[i];
    if (p.begin < previous_end || p.end > text_.size() || p.empty()) continue;
    previous_end = p.end;
    ScanParagraph(i);
  }
  return Finish();
}

void Scanner::ScanParagraph(std::size_t index) {
  // Trimmed again in case the caller's paragraphs were not: a reopening
  // mark must stand first, an unclosed quote ends at the last non-space.
  paragraph_ = TrimSpan(text_, paragraphs_[index]);
  last_mark_end_ = std::string_view::npos;
  sentences_split_ = false;
  pending_taken_ = false;
  std::size_t pos = paragraph_.begin;
  while (pos < paragraph_.end) {
    pos = internal::FindByteIn(text_, pos, paragraph_.end, kMarkLeads);
    if (pos == paragraph_.end) break;
    scan_pos_ = pos;
    if (text_[pos] == '\'') {
      pos = ScanApostrophes(pos);
      continue;
    }
    Style style = Style::kStraightDouble;
    if (std::size_t size = MarkAt(text_, pos, paragraph_.end, &style)) {
      HandleMark(style, {pos, pos + size});
      pos += size;
    } else {
      pos += DecodeAt(text_, pos).size;
    }
  }
  // A reopening that did not happen leaves the earlier quote simply
  // unclosed; a single quote is then dropped like any unclosed one.
  if (pending_ >= 0 && !pending_taken_ &&
      FamilyOf(records_[pending_].opener) == Family::kSingle) {
    records_[pending_].dropped = true;
  }
  pending_ = -1;
  EndParagraph(index);
}

// A run of straight apostrophes: '' is a double mark (NYT style), ''' is a
// double and a single, in the order the context suggests: ''' before text
// opens both, after text it closes the innermost first.
std::size_t Scanner::ScanApostrophes(std::size_t pos) {
  std::size_t end = pos;
  while (end < paragraph_.end && text_[end] == '\'') ++end;
  std::size_t run = end - pos;
  if (run == 3) {
    bool single_first =
        !ContextOf({pos, pos + 1}).left_open && !stack_.empty() &&
        FamilyOf(records_[stack_.back()].opener) == Family::kSingle;
    std::size_t split = single_first ? pos + 1 : pos + 2;
    HandleMark(
        single_first ? Style::kStraightSingle : Style::kDoubledApostrophe,
        {pos, split});
    HandleMark(
        single_first ? Style::kDoubledApostrophe : Style::kStraightSingle,
        {split, end});
    return end;
  }
  while (end - pos >= 2) {
    HandleMark(Style::kDoubledApostrophe, {pos, pos + 2});
    pos += 2;
  }
  if (pos < end) HandleMark(Style::kStraightSingle, {pos, end});
  return end;
}

Context Scanner::ContextOf(Span mark) const {
  Context c;
  if (mark.begin == paragraph_.begin) {
    c.left_open = true;
  } else if (mark.begin == last_mark_end_) {
    c.left_open = last_mark_opened_;
    c.after_opening_mark = last_mark_opened_;
  } else {
    char32_t prev = DecodeBefore(text_, mark.begin).value;
    c.left_open = IsSpace(prev) || IsOpeningPunct(prev);
    c.prev_word = IsWordChar(prev);
  }
  c.at_end = mark.end >= paragraph_.end;
  if (!c.at_end) {
    char32_t next = DecodeAt(text_, mark.end).value;
    c.right_open = !IsSpace(next) && (c.left_open || !IsClosingPunct(next));
    c.next_word = IsWordChar(next);
  }
  return c;
}

// Whether `style` at `mark` is an apostrophe starting an elided word ('90s,
// ’em, rock 'n' roll) rather than a quotation mark. Checked before Decide
// because it may mark the apostrophe closing "'n'" to be skipped.
bool Scanner::IsElidingApostrophe(Style style, const Context& context,
                                  Span mark) {
  if (style != Style::kStraightSingle && style != Style::kLeftSingle &&
      style != Style::kRightSingle) {
    return false;
  }
  return !context.prev_word && context.right_open && IsElision(mark.end);
}

// Whether the word starting at `pos` is one that an apostrophe elides.
bool Scanner::IsElision(std::size_t pos) {
  std::size_t end = pos;
  while (end < paragraph_.end && end - pos < 6 &&
         static_cast<unsigned char>(text_[end]) < 0x80 &&
         IsWordChar(text_[end])) {
    ++end;
  }
  if (end < paragraph_.end && IsWordChar(DecodeAt(text_, end).value)) {
    return false;  // Longer than any elision, or a non-ASCII letter follows.
  }
  std::string_view word = text_.substr(pos, end - pos);
  // Decades and years: '90s, '08.
  if (word.size() >= 2 && word[0] >= '0' && word[0] <= '9' && word[1] >= '0' &&
      word[1] <= '9' && (word.size() == 2 || word.substr(2) == "s")) {
    return true;
  }
  bool listed = std::any_of(
      kElisions.begin(), kElisions.end(),
      [word](std::string_view e) { return EqualsIgnoringAsciiCase(e, word); });
  if (listed && word.size() == 1 &&
      IsApostropheAt(text_, end, paragraph_.end)) {
    skip_mark_at_ = end;  // The closing apostrophe of 'n'.
  }
  return listed;
}

void Scanner::HandleMark(Style style, Span mark) {
  Action action = Action::kIgnore;
  if (mark.begin != skip_mark_at_) {
    Context context = ContextOf(mark);
    if (!IsElidingApostrophe(style, context, mark)) {
      action = Decide(style, context, mark);
    }
  }
  bool opened = false;
  if (action == Action::kOpen) {
    Open(style, mark);
    opened = true;
  } else if (action == Action::kClose) {
    Close(FamilyOf(style), mark);
  } else if (action == Action::kReopen) {
    const int reopened = stack_.back();
    PopUnclosed(EndBeforeSpaces(mark.begin));
    Open(style, mark);
    records_.back().continues = reopened;
    opened = true;
  }
  last_mark_end_ = mark.end;
  last_mark_opened_ = opened;
}

Action Scanner::Decide(Style style, const Context& context, Span mark) const {
  Family family = FamilyOf(style);
  if (family == Family::kSingle) return DecideSingle(style, context);
  if (family != Family::kDouble) return DecideAngle(style, context);
  if (ReopensAfterSentence(style, context, mark)) return Action::kReopen;
  bool open = HasOpen(Family::kDouble);
  switch (style) {
    case Style::kDoubledBacktick:
      return Action::kOpen;
    case Style::kLowDouble:
      return context.right_open ? Action::kOpen : Action::kIgnore;
    case Style::kLeftDouble:
      // “ closes „ (German) and a quote carelessly typed “…“: that is, when
      // it does not stand where a nested quote would open.
      if (open && !context.LooksOpening()) return Action::kClose;
      // Opens even when a space follows (“ … as he put it”).
      return context.at_end ? Action::kIgnore : Action::kOpen;
    case Style::kRightDouble:
      if (open) return Action::kClose;
      // A quote carelessly typed ”…” (or in Swedish style).
      return context.LooksOpening() ? Action::kOpen : Action::kIgnore;
    default:  // " and '': no prior, the context decides.
      if (context.LooksOpening()) return Action::kOpen;
      if (open) return Action::kClose;
      // Glued to text on both sides with nothing open ("said:"Yes"): opens.
      return context.right_open ? Action::kOpen : Action::kIgnore;
  }
}

// Text whose paragraphs were joined into one line keeps the news
// convention of leaving a quoted paragraph unclosed and reopening the
// next: '…for the future. "He does…'. So an opening " or “ that starts a
// sentence, while the only open quote is a double one of the same kind of
// mark, reopens it rather than nesting in it: English nests single marks
// inside double ones, not double inside double.
bool Scanner::ReopensAfterSentence(Style style, const Context& context,
                                   Span mark) const {
  if (style != Style::kStraightDouble && style != Style::kLeftDouble) {
    return false;
  }
  if (!context.LooksOpening() || stack_.size() != 1) return false;
  const Style opener = records_[stack_.back()].opener;
  if (opener != Style::kStraightDouble && opener != Style::kLeftDouble) {
    return false;
  }
  std::size_t end = EndBeforeSpaces(mark.begin);
  const std::size_t inner = records_[stack_.back()].quote.inner.begin;
  if (end == mark.begin || end <= inner) return false;
  // A quote nested in it may have closed the sentence: '…"about it?' "To…'.
  const CodePoint before = DecodeBefore(text_, end);
  if ((before.value == U'\'' || before.value == U'\u2019') &&
      end - before.size > inner) {
    end -= before.size;
  }
  const char32_t last = DecodeBefore(text_, end).value;
  return last == '.' || last == '!' || last == '?';
}

// `pos` moved back over the whitespace before it, within the paragraph.
std::size_t Scanner::EndBeforeSpaces(std::size_t pos) const {
  while (pos > paragraph_.begin && IsSpace(DecodeBefore(text_, pos).value)) {
    pos -= DecodeBefore(text_, pos).size;
  }
  return pos;
}

Action Scanner::DecideSingle(Style style, const Context& context) const {
  if (style == Style::kLowSingle) {
    return context.right_open ? Action::kOpen : Action::kIgnore;
  }
  // Apostrophes inside words: don't, O’Brien, 5'10.
  if (context.InsideWord()) return Action::kIgnore;
  bool open = HasOpen(Family::kSingle);
  switch (style) {
    case Style::kLeftSingle:
      // Also glued to punctuation before a word: said,‘Yes’.
      if (context.LooksOpening() || (context.right_open && context.next_word)) {
        return Action::kOpen;
      }
      // ‘ closes ‚ (German) and a quote carelessly typed ‘…‘.
      return open && context.LooksClosing() ? Action::kClose : Action::kIgnore;
    case Style::kRightSingle:
      // Before a word ’ is an elision (’90s, ’em), not an opening, except
      // right after an opening double mark, where smart-quote software
      // often turns an opening ‘ into ’ (“’House of Cards,’”).
      if (context.LooksOpening()) {
        return context.after_opening_mark ? Action::kOpen : Action::kIgnore;
      }
      return open ? Action::kClose : Action::kIgnore;
    default:  // '
      if (context.LooksOpening()) return Action::kOpen;
      // With no single quote open a closing-looking ' is an apostrophe:
      // possessive plural (the Smiths' house) or elision (goin').
      return open ? Action::kClose : Action::kIgnore;
  }
}

// « opens and » closes, or the reverse (German »…«): the opener of the
// innermost open guillemet tells which.
Action Scanner::DecideAngle(Style style, const Context& context) const {
  Family family = FamilyOf(style);
  bool left = style == Style::kLeftAngle || style == Style::kLeftSingleAngle;
  if (HasOpen(family)) {
    Style opener = Innermost(family).opener;
    bool opened_left =
        opener == Style::kLeftAngle || opener == Style::kLeftSingleAngle;
    if (opened_left != left) return Action::kClose;
  }
  // French spacing puts a space after «, so « opens whatever follows it;
  // a » opens only when glued to text.
  if (left || context.right_open) return Action::kOpen;
  return Action::kIgnore;
}

void Scanner::Open(Style style, Span mark) {
  Record record;
  record.opener = style;
  record.quote.outer = {mark.begin, paragraph_.end};
  record.quote.inner = {mark.end, paragraph_.end};
  record.quote.closed = false;
  record.parent = stack_.empty() ? -1 : stack_.back();
  if (pending_ >= 0 && mark.begin == paragraph_.begin &&
      FamilyOf(records_[pending_].opener) == FamilyOf(style)) {
    record.continues = pending_;
    pending_taken_ = true;
  }
  int id = static_cast<int>(records_.size());
  records_.push_back(record);
  family_stack_[static_cast<int>(FamilyOf(style))].push_back(stack_.size());
  stack_.push_back(id);
}

// Closes the innermost open quote of `family` with `mark`. Quotes opened
// inside it and still open are left unclosed (single ones dropped). A
// single quote mark never closes across an open double quote: then it is an
// apostrophe inside that double quote.
void Scanner::Close(Family family, Span mark) {
  std::size_t target = family_stack_[static_cast<int>(family)].back();
  if (family == Family::kSingle && target + 1 != stack_.size()) return;
  if (stack_.size() > target + 1) {
    // Trimmed once, not once a quote, to stay linear.
    const std::size_t end = EndBeforeSpaces(mark.begin);
    while (stack_.size() > target + 1) PopUnclosed(end);
  }
  Record& record = records_[stack_.back()];
  if (family == Family::kSingle && !PlausibleSingle(record, mark)) {
    record.dropped = true;
    Pop();
    return;
  }
  record.quote.closed = true;
  record.quote.outer.end = mark.end;
  record.quote.inner.end = mark.begin;
  Pop();
}

// Single quotes are noisy: an apostrophe that looks like an opening ('cos,
// a typo) pairs with the next apostrophe that looks like a closing (the
// Smiths' house, goin'), and the "quote" runs over whole sentences. Real
// quotations that long (a full sentence quoted inside a double quote) end
// like an utterance, with punctuation before the closing mark, so a single
// quote that crosses a sentence boundary or is long is kept only then.
bool Scanner::PlausibleSingle(const Record& record, Span mark) {
  bool crosses = SentenceStart() > record.quote.outer.begin;
  bool long_quote = mark.begin - record.quote.inner.begin > kLongSingleQuote;
  if (!crosses && !long_quote) return true;
  if (mark.begin == last_mark_end_) return !last_mark_opened_;  // '"no."'
  return EndsUtterance(DecodeBefore(text_, mark.begin).value);
}

// The start of the last sentence of the paragraph that begins at or before
// scan_pos_ (the paragraph start when none does). scan_pos_ only grows
// within a paragraph, so the sentences are walked once.
std::size_t Scanner::SentenceStart() {
  if (!sentences_split_) {
    sentences_ = SplitSentences(text_, paragraph_);
    sentences_split_ = true;
    next_sentence_ = 0;
    last_sentence_start_ = paragraph_.begin;
  }
  while (next_sentence_ < sentences_.size() &&
         sentences_[next_sentence_].begin <= scan_pos_) {
    last_sentence_start_ = sentences_[next_sentence_++].begin;
  }
  return last_sentence_start_;
}

// Leaves the innermost open quote unclosed, ending at `end`, which is
// already trimmed of whitespace.
void Scanner::PopUnclosed(std::size_t end) {
  Record& record = records_[stack_.back()];
  if (FamilyOf(record.opener) == Family::kSingle) {
    record.dropped = true;
  } else {
    record.quote.outer.end = std::max(end, record.quote.inner.begin);
    record.quote.inner.end = record.quote.outer.end;
  }
  Pop();
}

void Scanner::Pop() {
  Family family = FamilyOf(records_[stack_.back()].opener);
  family_stack_[static_cast<int>(family)].pop_back();
  stack_.pop_back();
}

// Quotes still open at the end of a paragraph stay unclosed (their spans
// already run to the paragraph end), except unclosed single quotes, which
// are mostly apostrophes and are dropped, and the outermost quote when the
// next paragraph reopens it, which is kept for linking.
void Scanner::EndParagraph(std::size_t index) {
  while (!stack_.empty()) {
    Record& record = records_[stack_.back()];
    Family family = FamilyOf(record.opener);
    if (stack_.size() == 1 && NextParagraphReopens(index, family)) {
      pending_ = stack_.back();
    } else if (family == Family::kSingle) {
      record.dropped = true;
    }
    Pop();
  }
}

bool Scanner::NextParagraphReopens(std::size_t index, Family family) const {
  if (index + 1 >= paragraphs_.size()) return false;
  if (paragraphs_[index + 1].end > text_.size()) return false;
  Span next = TrimSpan(text_, paragraphs_[index + 1]);
  if (next.empty()) return false;
  if (text_[next.begin] == '\'') {
    bool doubled = next.begin + 1 < next.end && text_[next.begin + 1] == '\'';
    return family == (doubled ? Family::kDouble : Family::kSingle);
  }
  Style style = Style::kStraightDouble;
  if (MarkAt(text_, next.begin, next.end, &style) == 0) return false;
  if (style == Style::kRightDouble || style == Style::kRightSingle) {
    return false;
  }
  return FamilyOf(style) == family;
}

// Trims whitespace inside the marks ("« Bonjour »") and turns record ids
// into indices of the result, skipping dropped records: the children of a
// dropped quote move up to its parent.
std::vector<Quote> Scanner::Finish() const {
  std::vector<int> index(records_.size(), -1);
  std::vector<int> live_parent(records_.size(), -1);
  std::vector<Quote> quotes;
  for (std::size_t id = 0; id < records_.size(); ++id) {
    const Record& record = records_[id];
    int parent = record.parent;
    if (parent >= 0 && records_[parent].dropped) parent = live_parent[parent];
    live_parent[id] = parent;
    if (record.dropped) continue;
    Quote quote = record.quote;
    quote.inner = TrimSpan(text_, quote.inner);
    quote.parent = parent >= 0 ? index[parent] : -1;
    quote.depth = parent >= 0 ? quotes[quote.parent].depth + 1 : 0;
    int earlier = record.continues;
    quote.continues =
        earlier >= 0 && !records_[earlier].dropped ? index[earlier] : -1;
    index[id] = static_cast<int>(quotes.size());
    quotes.push_back(quote);
  }
  return quotes;
}

}  // namespace

std::vector<Quote> ScanQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs) {
  return Scanner(text, paragraphs).Run();
}

}  // namespace whosaid
