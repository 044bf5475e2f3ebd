#include "whosaid/json_sink.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "whosaid/internal/byte_words.h"

namespace whosaid {

void JsonTextWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_member_.empty()) return;  // the top-level value
  if (has_member_.back()) *out_ += ',';
  has_member_.back() = true;
}

void JsonTextWriter::BeginObject() {
  BeforeValue();
  *out_ += '{';
  has_member_.push_back(false);
}

void JsonTextWriter::EndObject() {
  *out_ += '}';
  has_member_.pop_back();
}

void JsonTextWriter::BeginArray() {
  BeforeValue();
  *out_ += '[';
  has_member_.push_back(false);
}

void JsonTextWriter::EndArray() {
  *out_ += ']';
  has_member_.pop_back();
}

void JsonTextWriter::Key(std::string_view key) {
  const bool comma = has_member_.back();
  has_member_.back() = true;
  after_key_ = true;
  // Keys are mostly short names without escapes: then `,"key":` goes out
  // in one append, which costs a fifth of writing it piece by piece.
  char buffer[40];
  if (key.size() <= sizeof buffer - 4 &&
      std::all_of(key.begin(), key.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
      })) {
    char* p = buffer;
    if (comma) *p++ = ',';
    *p++ = '"';
    p = std::copy(key.begin(), key.end(), p);
    *p++ = '"';
    *p++ = ':';
    out_->append(buffer, p - buffer);
    return;
  }
  if (comma) *out_ += ',';
  Quoted(key);
  *out_ += ':';
}

void JsonTextWriter::String(std::string_view utf8) {
  BeforeValue();
  Quoted(utf8);
}

void JsonTextWriter::Quoted(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out_ += '"';
  const char* p = utf8.data();
  const char* const end = p + utf8.size();
  const char* plain = p;  // start of the bytes not yet written
  for (;;) {
    // Most strings are long runs that need no escape: skip them a word at
    // a time, then find the byte that stopped the word one at a time.
    while (end - p >= 8 && !internal::AnyJsonSpecial(internal::LoadWord(p))) {
      p += 8;
    }
    while (p < end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' &&
           *p != '\\') {
      ++p;
    }
    if (p == end) break;
    out_->append(plain, p - plain);
    const auto c = static_cast<unsigned char>(*p);
    plain = ++p;
    switch (c) {
      case '"':
        *out_ += "\\\"";
        break;
      case '\\':
        *out_ += "\\\\";
        break;
      case '\b':
        *out_ += "\\b";
        break;
      case '\f':
        *out_ += "\\f";
        break;
      case '\n':
        *out_ += "\\n";
        break;
      case '\r':
        *out_ += "\\r";
        break;
      case '\t':
        *out_ += "\\t";
        break;
      default:
        *out_ += "\\u00";
        *out_ += kHex[c >> 4];
        *out_ += kHex[c & 0xF];
    }
  }
  out_->append(plain, p - plain);
  *out_ += '"';
}

void JsonTextWriter::Int(std::int64_t value) {
  BeforeValue();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_->append(digits, end);
}

void JsonTextWriter::Double(double value) {
  BeforeValue();
  // nlohmann writes finite doubles from 1e-4 up to 1e15 in fixed notation,
  // shortest first, with ".0" after a whole number; the rest is rare
  // enough to leave to it.
  const double magnitude = std::fabs(value);
  if (!std::isfinite(value) ||
      (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e15))) {
    *out_ += nlohmann::json(value).dump();
    return;
  }
  char digits[64];
  const auto end = std::to_chars(digits, digits + sizeof digits, value,
                                 std::chars_format::fixed)
                       .ptr;
  const std::string_view text(digits, end - digits);
  out_->append(text);
  if (text.find('.') == std::string_view::npos) *out_ += ".0";
}

void JsonTextWriter::Bool(bool value) {
  BeforeValue();
  *out_ += value ? "true" : "false";
}

void JsonTextWriter::Null() {
  BeforeValue();
  *out_ += "null";
}

}  // namespace whosaid
