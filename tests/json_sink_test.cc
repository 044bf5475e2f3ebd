#include "whosaid/json_sink.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace whosaid {
namespace {

using nlohmann::json;

// Writes `value` through a JsonTextWriter, event by event.
void Write(const json& value, JsonSink& out) {
  switch (value.type()) {
    case json::value_t::object:
      out.BeginObject();
      for (const auto& [key, member] : value.items()) {
        out.Key(key);
        Write(member, out);
      }
      out.EndObject();
      break;
    case json::value_t::array:
      out.BeginArray();
      for (const json& element : value) Write(element, out);
      out.EndArray();
      break;
    case json::value_t::string:
      out.String(value.get<std::string>());
      break;
    case json::value_t::number_float:
      out.Double(value.get<double>());
      break;
    case json::value_t::boolean:
      out.Bool(value.get<bool>());
      break;
    case json::value_t::null:
      out.Null();
      break;
    default:
      out.Int(value.get<std::int64_t>());
  }
}

std::string Text(const json& value) {
  std::string text;
  JsonTextWriter writer(&text);
  Write(value, writer);
  return text;
}

TEST(JsonTextWriterTest, WritesWhatNlohmannDumps) {
  const json values[] = {
      json::object(),
      json::array(),
      json::array({json::array(), json::object(), json::array({1})}),
      {{"a", 1}, {"b", {{"c", json::array({1, -2, nullptr, true, false})}}}},
      // Keys written in one piece, and those too long or needing escapes.
      {{"", 0},
       {"a \" b \\ c \x01", 1},
       {std::string(36, 'k'), 2},
       {std::string(37, 'l'), 3},
       {"caf\xc3\xa9", 4}},
      "plain",
      "quote \" backslash \\ slash / tab \t newline \n return \r",
      "bell \x07 backspace \b form feed \f unit \x1f delete \x7f",
      "UTF-8 stays: caf\xc3\xa9 \xe2\x80\x9c\xe2\x80\x9d \xf0\x9f\x98\x80",
      std::numeric_limits<std::int64_t>::min(),
      0.6,
      1.0,
      -0.0,
      0.0,
      0.75,
      1e-4,
      123456.125,
      0.1 + 0.2,
      1e-5,
      1e15,
      1e300,
      -2.5e-300,
  };
  for (const json& value : values) {
    EXPECT_EQ(Text(value), value.dump()) << value.dump();
  }
}

TEST(JsonTextWriterTest, EscapesEveryByteWhereverItIs) {
  // The writer skips plain bytes a word at a time: every byte at every
  // offset of a word and beyond, followed by strings of other lengths.
  for (int byte = 0; byte < 0x100; ++byte) {
    for (std::size_t at = 0; at < 20; ++at) {
      const std::string text = std::string(at, 'a') + static_cast<char>(byte) +
                               std::string(at % 11, 'b');
      if (byte < 0x80) {
        EXPECT_EQ(Text(text), json(text).dump()) << byte << " at " << at;
      } else {
        // Other bytes stand for themselves (nlohmann only dumps them in
        // valid UTF-8, which is what callers pass).
        EXPECT_EQ(Text(text), '"' + text + '"') << byte << " at " << at;
      }
    }
  }
}

}  // namespace
}  // namespace whosaid
