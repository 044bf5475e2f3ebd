#include "whosaid/internal/json_line_scanner.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#include "whosaid/internal/byte_words.h"
#include "whosaid/internal/utf8.h"

namespace whosaid::internal {
namespace {

// Bytes that stand for themselves inside a JSON string and need no check:
// ASCII from 0x20 on but '"' and '\\'. Bytes from 0x80 on must start
// well-formed UTF-8, as nlohmann's lexer requires.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = true;
  plain['"'] = false;
  plain['\\'] = false;
  return plain;
}();

// Beyond these the scanner leaves the line to nlohmann. A number without
// an exponent of at most 300 characters is always a finite double, so
// nlohmann accepts it.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxNumberLength = 300;
constexpr std::size_t kMaxIdDigits = 18;  // fits std::int64_t

// The value of hex digit `c`, or -1.
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code_point >> 18));
    *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Reads strict JSON (RFC 8259) from a line. Every method returns false
// when the input is not what it expects or is something the scanner
// leaves to nlohmann; the caller then gives up on the whole line.
class Scanner {
 public:
  explicit Scanner(std::string_view line)
      : p_(line.data()), end_(line.data() + line.size()) {}

  // The next byte after whitespace, which is skipped; '\0' at the end.
  char Peek() {
    while (p_ < end_ &&
           (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) {
      ++p_;
    }
    return p_ < end_ ? *p_ : '\0';
  }
  // Skips whitespace and `c`, if `c` comes next.
  bool Consume(char c) {
    if (Peek() != c || p_ == end_) return false;
    ++p_;
    return true;
  }
  // Whether only whitespace is left.
  bool AtEnd() {
    Peek();
    return p_ == end_;
  }

  // The string that starts at the next byte, decoded and appended to
  // `out`, or only checked when `out` is null.
  bool String(std::string* out);
  // A number, checked; its text in `text`.
  bool Number(std::string_view* text);
  // Any value, checked and dropped.
  bool SkipValue(int depth);
  // The members of the object whose '{' was just read: on_member(key)
  // reads each value, from its first byte.
  template <typename OnMember>
  bool Members(OnMember on_member);

 private:
  bool Escape(std::string* out);
  bool Hex4(std::uint32_t* value);
  bool Literal(std::string_view word);

  const char* p_;
  const char* end_;
};

bool Scanner::String(std::string* out) {
  ++p_;                  // the opening quote
  const char* run = p_;  // start of the bytes not yet appended
  for (;;) {
    // Skip plain ASCII a word at a time, then up to the byte that
    // stopped the word one at a time.
    while (end_ - p_ >= 8) {
      const std::uint64_t word = LoadWord(p_);
      if (AnyJsonSpecial(word) | AnyNonAscii(word)) break;
      p_ += 8;
    }
    while (p_ < end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
    if (p_ == end_) return false;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"' || c == '\\') {
      if (out != nullptr) out->append(run, p_ - run);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (!Escape(out)) return false;
      run = p_;
      continue;
    }
    if (c < 0x80) return false;  // a control character
    const std::size_t length = Utf8MultiByteLength(
        reinterpret_cast<const unsigned char*>(p_), end_ - p_);
    if (length == 0) return false;
    p_ += length;
  }
}

bool Scanner::Hex4(std::uint32_t* value) {
  if (end_ - p_ < 4) return false;
  *value = 0;
  for (int i = 0; i < 4; ++i) {
    const int digit = HexDigit(*p_++);
    if (digit < 0) return false;
    *value = *value << 4 | static_cast<std::uint32_t>(digit);
  }
  return true;
}

// The escape at p_ (a backslash). A lone surrogate, even a valid pair's
// halves the wrong way round, fails as it does in nlohmann.
bool Scanner::Escape(std::string* out) {
  ++p_;
  if (p_ == end_) return false;
  char plain;
  switch (*p_++) {
    case '"':
      plain = '"';
      break;
    case '\\':
      plain = '\\';
      break;
    case '/':
      plain = '/';
      break;
    case 'b':
      plain = '\b';
      break;
    case 'f':
      plain = '\f';
      break;
    case 'n':
      plain = '\n';
      break;
    case 'r':
      plain = '\r';
      break;
    case 't':
      plain = '\t';
      break;
    case 'u': {
      std::uint32_t code_point;
      if (!Hex4(&code_point)) return false;
      if (code_point >= 0xDC00 && code_point <= 0xDFFF) return false;
      if (code_point >= 0xD800 && code_point <= 0xDBFF) {
        std::uint32_t low;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
        p_ += 2;
        if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
      }
      if (out != nullptr) AppendUtf8(code_point, out);
      return true;
    }
    default:
      return false;
  }
  if (out != nullptr) *out += plain;
  return true;
}

// Exponents are left to nlohmann: it fails on one that overflows a double.
bool Scanner::Number(std::string_view* text) {
  const char* start = p_;
  auto digits = [this] {
    const char* first = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ > first;
  };
  if (p_ < end_ && *p_ == '-') ++p_;
  if (p_ < end_ && *p_ == '0') {
    ++p_;
  } else if (p_ == end_ || *p_ < '1' || *p_ > '9' || !digits()) {
    return false;
  }
  if (p_ < end_ && *p_ == '.' && (++p_, !digits())) return false;
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
  if (static_cast<std::size_t>(p_ - start) > kMaxNumberLength) return false;
  *text = std::string_view(start, p_ - start);
  return true;
}

bool Scanner::Literal(std::string_view word) {
  if (static_cast<std::size_t>(end_ - p_) < word.size() ||
      std::memcmp(p_, word.data(), word.size()) != 0) {
    return false;
  }
  p_ += word.size();
  return true;
}

template <typename OnMember>
bool Scanner::Members(OnMember on_member) {
  if (Consume('}')) return true;
  do {
    if (Peek() != '"') return false;
    const char* key_begin = p_ + 1;
    if (!String(nullptr)) return false;
    const std::string_view key(key_begin, p_ - 1 - key_begin);
    // An escape could spell a key whosaid reads; nlohmann decodes it.
    if (key.find('\\') != std::string_view::npos) return false;
    if (!Consume(':')) return false;
    Peek();
    if (!on_member(key)) return false;
  } while (Consume(','));
  return Consume('}');
}

bool Scanner::SkipValue(int depth) {
  if (depth > kMaxDepth || p_ == end_) return false;
  std::string_view number;
  switch (*p_) {
    case '"':
      return String(nullptr);
    case '{':
      ++p_;
      return Members([&](std::string_view) { return SkipValue(depth + 1); });
    case '[':
      ++p_;
      if (Consume(']')) return true;
      do {
        Peek();
        if (!SkipValue(depth + 1)) return false;
      } while (Consume(','));
      return Consume(']');
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    default:
      return Number(&number);
  }
}

// The metadata fields, in the order of DocumentMeta.
enum MetaField { kUrl, kDate, kOutlet, kTitle, kMetaFieldCount };

// The record's own fields whosaid reads, and the metadata of its "meta"
// object; see ParseDocumentLine.
class RecordReader {
 public:
  explicit RecordReader(Scanner* scanner) : scanner_(scanner) {}

  // One member of the record, from the first byte of its value.
  bool Member(std::string_view key);
  // The document, once every member was read; false without a "text".
  bool Finish(std::string* fallback_id, Document* doc);

 private:
  // Bits of seen_ for the keys read: one each for "text", "id" and
  // "meta", then one for each of kOwnKeys and each of kMetaKeys.
  static constexpr unsigned kSeenText = 1u << 0;
  static constexpr unsigned kSeenId = 1u << 1;
  static constexpr unsigned kSeenMeta = 1u << 2;
  static constexpr int kFirstOwnBit = 3;
  static constexpr int kFirstNestedBit = kFirstOwnBit + kMetaFieldCount;

  // Each key may come once: for a repeated one nlohmann keeps the last
  // value, which is rare enough to leave to it.
  bool FirstTime(unsigned bit) {
    if (seen_ & bit) return false;
    seen_ |= bit;
    return true;
  }
  bool Id();
  bool OwnMeta(MetaField field);
  bool MetaObject();

  // The keys of a "meta" object that stand for a metadata field, each
  // after those it yields to: "url" before a nonexistent alias, "date"
  // before "publication_date", "outlet" before "publisher".
  static constexpr std::string_view kMetaKeys[] = {
      "url", "date", "outlet", "title", "publication_date", "publisher"};

  Scanner* scanner_;
  Document doc_;
  unsigned seen_ = 0;
  bool has_text_ = false;
  bool has_id_ = false;
  bool has_own_[kMetaFieldCount] = {};
  bool meta_is_object_ = false;
  bool has_nested_[std::size(kMetaKeys)] = {};
  std::string nested_[std::size(kMetaKeys)];
};

bool RecordReader::Member(std::string_view key) {
  static constexpr std::string_view kOwnKeys[kMetaFieldCount] = {
      "url", "date", "outlet", "title"};
  if (key == "text") {
    return FirstTime(kSeenText) && scanner_->Peek() == '"' &&
           (has_text_ = scanner_->String(&doc_.text));
  }
  if (key == "id") return FirstTime(kSeenId) && Id();
  if (key == "meta") return FirstTime(kSeenMeta) && MetaObject();
  for (int field = 0; field < kMetaFieldCount; ++field) {
    if (key == kOwnKeys[field]) {
      return FirstTime(1u << (kFirstOwnBit + field)) &&
             OwnMeta(static_cast<MetaField>(field));
    }
  }
  return scanner_->SkipValue(0);
}

// A string id, or a whole number nlohmann writes back as it is read ("-0"
// becomes "0"); any other type means the fallback id.
bool RecordReader::Id() {
  const char first = scanner_->Peek();
  if (first == '"') return has_id_ = scanner_->String(&doc_.id);
  if (first != '-' && (first < '0' || first > '9')) {
    return scanner_->SkipValue(0);
  }
  std::string_view number;
  if (!scanner_->Number(&number) || number == "-0" ||
      number.find('.') != std::string_view::npos ||
      number.size() - (first == '-') > kMaxIdDigits) {
    return false;
  }
  doc_.id.assign(number);
  return has_id_ = true;
}

// "url", "date", "outlet" or "title" of the record: a string, or null for
// none (other types are an error, which nlohmann reports).
bool RecordReader::OwnMeta(MetaField field) {
  std::string* value[kMetaFieldCount] = {&doc_.meta.url, &doc_.meta.date,
                                         &doc_.meta.outlet, &doc_.meta.title};
  if (scanner_->Peek() == 'n') return scanner_->SkipValue(0);
  return scanner_->Peek() == '"' &&
         (has_own_[field] = scanner_->String(value[field]));
}

bool RecordReader::MetaObject() {
  if (scanner_->Peek() != '{') return scanner_->SkipValue(0);
  meta_is_object_ = true;
  scanner_->Consume('{');
  return scanner_->Members([this](std::string_view key) {
    for (std::size_t i = 0; i < std::size(kMetaKeys); ++i) {
      if (key != kMetaKeys[i]) continue;
      if (!FirstTime(1u << (kFirstNestedBit + i))) return false;
      if (scanner_->Peek() != '"') return scanner_->SkipValue(1);
      return has_nested_[i] = scanner_->String(&nested_[i]);
    }
    return scanner_->SkipValue(1);
  });
}

bool RecordReader::Finish(std::string* fallback_id, Document* doc) {
  if (!has_text_) return false;
  if (meta_is_object_) {
    std::string* value[kMetaFieldCount] = {&doc_.meta.url, &doc_.meta.date,
                                           &doc_.meta.outlet, &doc_.meta.title};
    // Where in kMetaKeys the alias of each field is, if it has one.
    const int alias[kMetaFieldCount] = {-1, 4, 5, -1};
    for (int field = 0; field < kMetaFieldCount; ++field) {
      if (has_own_[field]) continue;
      if (has_nested_[field]) {
        *value[field] = std::move(nested_[field]);
      } else if (alias[field] >= 0 && has_nested_[alias[field]]) {
        *value[field] = std::move(nested_[alias[field]]);
      }
    }
  }
  if (!has_id_) doc_.id = std::move(*fallback_id);
  *doc = std::move(doc_);
  return true;
}

}  // namespace

std::optional<Document> ScanDocumentLine(std::string_view line,
                                         std::string* fallback_id) {
  Scanner scanner(line);
  RecordReader record(&scanner);
  if (!scanner.Consume('{') ||
      !scanner.Members(
          [&record](std::string_view key) { return record.Member(key); }) ||
      !scanner.AtEnd()) {
    return std::nullopt;
  }
  Document doc;
  if (!record.Finish(fallback_id, &doc)) return std::nullopt;
  return doc;
}

}  // namespace whosaid::internal
