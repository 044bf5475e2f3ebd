#include "whosaid/result_json.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "find_span.h"

namespace whosaid {
namespace {

using nlohmann::json;

constexpr std::string_view kText =
    "\"The bridge opens in May,\" Ann Lee, the city engineer, told reporters. "
    "She denied that costs had doubled.";

// The span of the first occurrence of `needle` in kText.
Span Find(std::string_view needle) { return FindSpan(kText, needle); }

DocumentResult Sample() {
  DocumentResult doc;
  doc.id = "test/bridge";
  doc.text = std::string(kText);
  doc.entities.push_back(Entity{"Ann Lee",
                                "person",
                                "city engineer",
                                "",
                                {Find("Ann Lee"), Find("She")}});
  Attribution direct;
  direct.type = QuoteType::kDirect;
  direct.content = Find("The bridge opens in May,");
  direct.cue = Find("told reporters");
  direct.speaker = Find("Ann Lee");
  direct.speaker_name = "Ann Lee";
  direct.speaker_kind = "person";
  direct.speaker_role = "city engineer";
  direct.stance = "assert";
  direct.rule = "en.quote_comma_speaker_said";
  direct.resolution = "explicit";
  direct.confidence = 0.9;
  direct.entity = 0;
  Attribution indirect;
  indirect.type = QuoteType::kIndirect;
  indirect.content = Find("costs had doubled");
  indirect.content_parts = {Find("costs"), Find("had doubled")};
  indirect.cue = Find("denied");
  indirect.speaker = Find("She");
  indirect.speaker_name = "Ann Lee";
  indirect.via = {"Radio One", "Daily Post"};
  indirect.stance = "deny";
  indirect.resolution = "pronoun";
  indirect.confidence = 0.5;
  indirect.entity = 0;
  doc.quotes = {direct, indirect};
  return doc;
}

// ToJson, dumped and parsed again, as a file would carry it.
StatusOr<DocumentResult> ThroughText(const DocumentResult& doc) {
  return FromJson(json::parse(ToJson(doc).dump()));
}

void ExpectSameQuote(const Attribution& a, const Attribution& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.content, b.content);
  EXPECT_EQ(a.content_parts, b.content_parts);
  EXPECT_EQ(a.cue, b.cue);
  EXPECT_EQ(a.speaker, b.speaker);
  EXPECT_EQ(a.speaker_name, b.speaker_name);
  EXPECT_EQ(a.speaker_kind, b.speaker_kind);
  EXPECT_EQ(a.speaker_role, b.speaker_role);
  EXPECT_EQ(a.speaker_org, b.speaker_org);
  EXPECT_EQ(a.via, b.via);
  EXPECT_EQ(a.stance, b.stance);
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.resolution, b.resolution);
  EXPECT_DOUBLE_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.entity, b.entity);
}

TEST(ResultJson, RoundTripKeepsEveryField) {
  const DocumentResult doc = Sample();
  StatusOr<DocumentResult> back = ThroughText(doc);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, doc.id);
  EXPECT_EQ(back->text, doc.text);
  ASSERT_EQ(back->quotes.size(), 2u);
  ExpectSameQuote(back->quotes[0], doc.quotes[0]);
  ExpectSameQuote(back->quotes[1], doc.quotes[1]);
  ASSERT_EQ(back->entities.size(), 1u);
  EXPECT_EQ(back->entities[0].name, "Ann Lee");
  EXPECT_EQ(back->entities[0].kind, "person");
  EXPECT_EQ(back->entities[0].role, "city engineer");
  EXPECT_EQ(back->entities[0].mentions, doc.entities[0].mentions);
  EXPECT_TRUE(back->warnings.empty());
}

TEST(ResultJson, WritesSpansTextsAndNulls) {
  DocumentResult doc = Sample();
  doc.quotes[0].speaker.reset();
  doc.quotes[0].speaker_name.clear();
  doc.quotes[0].entity = -1;
  const json out = ToJson(doc);
  const json& q = out["quotes"][0];
  EXPECT_EQ(q["type"], "direct");
  EXPECT_EQ(q["content"], json::array({1, 25}));  // after the opening mark
  EXPECT_EQ(q["content_text"], "The bridge opens in May,");
  EXPECT_EQ(q["cue_text"], "told reporters");
  EXPECT_TRUE(q["speaker"].is_null());
  EXPECT_TRUE(q["speaker_text"].is_null());
  EXPECT_TRUE(q["speaker_name"].is_null());
  EXPECT_TRUE(q["speaker_org"].is_null());
  EXPECT_TRUE(q["entity"].is_null());
  EXPECT_EQ(q["via"], json::array());
  EXPECT_FALSE(q.contains("content_parts"));
  EXPECT_EQ(out["quotes"][1]["content_parts"].size(), 2u);
  EXPECT_EQ(out["quotes"][1]["via"], json::array({"Radio One", "Daily Post"}));
  const Span she = Find("She");
  EXPECT_EQ(out["entities"][0]["mentions"][1],
            json::array({she.begin, she.end}));
  EXPECT_FALSE(out.contains("warnings"));
}

TEST(ResultJson, TextIsOptionalAndWarningsAppearWhenPresent) {
  DocumentResult doc = Sample();
  doc.warnings = {"invalid UTF-8 at byte 3"};
  const json out = ToJson(doc, /*with_text=*/false);
  EXPECT_FALSE(out.contains("text"));
  EXPECT_EQ(out["quotes"][0]["content_text"], "The bridge opens in May,");
  EXPECT_EQ(out["warnings"], json::array({"invalid UTF-8 at byte 3"}));
}

TEST(ResultJson, InvalidUtf8BecomesReplacementCharacters) {
  DocumentResult doc;
  doc.id = "bad\xff";
  // A stray byte, an overlong form, a surrogate, and a cut-off sequence.
  doc.text = "A \xff B \xc0\xaf C \xed\xa0\x80 D \xe2\x80";
  Attribution q;
  q.content = Span{0, doc.text.size()};
  q.speaker = Span{2, 3};
  doc.quotes = {q};
  const json out = ToJson(doc);
  std::string dumped;
  ASSERT_NO_THROW(dumped = out.dump());
  EXPECT_EQ(out["id"], "bad\uFFFD");
  const std::string expected =
      "A \uFFFD B \uFFFD\uFFFD C \uFFFD\uFFFD\uFFFD D \uFFFD";
  EXPECT_EQ(out["text"], expected);
  EXPECT_EQ(out["quotes"][0]["content_text"], expected);
  EXPECT_EQ(out["quotes"][0]["speaker_text"], "\uFFFD");
  // Offsets still index the original bytes.
  EXPECT_EQ(out["quotes"][0]["content"], json::array({0, doc.text.size()}));
}

TEST(ResultJson, ReadsAGoldLineWithOptionalFields) {
  const json line = json::parse(R"({
    "id": "gold/1", "text": "Kim said the deal is off, the agency reported.",
    "corpus": "hand-made", "meta": {"x": 1},
    "quotes": [{"type": "indirect", "content": [9, 24], "cue": [4, 8],
                "speaker": [0, 3], "speaker_name": "Kim Park",
                "speaker_role": "envoy", "speaker_org": "Trade Office",
                "via": ["the agency"], "stance": "announce",
                "content_parts": [[9, 17], [18, 24]],
                "speaker_name_coref": "Kim", "note": "hand-made"},
               {"type": "direct", "content": [0, 3], "cue": null,
                "speaker": null, "speaker_name": null}]})");
  StatusOr<DocumentResult> doc = FromJson(line);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->quotes.size(), 2u);
  const Attribution& q = doc->quotes[0];
  EXPECT_EQ(q.type, QuoteType::kIndirect);
  EXPECT_EQ(q.content, (Span{9, 24}));
  EXPECT_EQ(q.cue, (Span{4, 8}));
  EXPECT_EQ(q.speaker, (Span{0, 3}));
  EXPECT_EQ(q.speaker_name, "Kim Park");
  EXPECT_EQ(q.speaker_role, "envoy");
  EXPECT_EQ(q.speaker_org, "Trade Office");
  EXPECT_EQ(q.via, std::vector<std::string>{"the agency"});
  EXPECT_EQ(q.stance, "announce");
  EXPECT_EQ(q.content_parts.size(), 2u);
  EXPECT_EQ(q.entity, -1);
  EXPECT_FALSE(doc->quotes[1].cue.has_value());
  EXPECT_FALSE(doc->quotes[1].speaker.has_value());
  EXPECT_TRUE(doc->quotes[1].speaker_name.empty());
}

TEST(ResultJson, QuotesMayBeAbsent) {
  StatusOr<DocumentResult> doc =
      FromJson(json::parse(R"({"id": "x", "text": "No quotes here."})"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(doc->quotes.empty());
}

struct BadCase {
  const char* json;
  const char* message;  // a part of the expected error message
};

TEST(ResultJson, BadFieldsAreNamedInTheError) {
  const BadCase cases[] = {
      {R"([1, 2])", "expected a JSON object, got array"},
      {R"({"text": "abc"})", "id: missing"},
      {R"({"id": 7, "text": "abc"})", "id: expected a string, got number"},
      {R"({"id": "x"})", "text: missing"},
      {R"({"id": "x", "text": "abc", "quotes": {}})",
       "quotes: expected an array, got object"},
      {R"({"id": "x", "text": "abc", "quotes": [3]})",
       "quotes[0]: expected an object"},
      {R"({"id": "x", "text": "abc", "quotes": [{"content": [0, 1]}]})",
       "quotes[0].type: missing"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "hearsay", "content": [0, 1]}]})",
       "quotes[0].type: unknown type \"hearsay\""},
      {R"({"id": "x", "text": "abc", "quotes": [{"type": "direct"}]})",
       "quotes[0].content: missing"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [1]}]})",
       "quotes[0].content: expected [begin, end], got 1 elements"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [-1, 2]}]})",
       "quotes[0].content[0]: offset must not be negative"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [0.5, 2]}]})",
       "quotes[0].content[0]: expected an integer byte offset"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [2, 1]}]})",
       "quotes[0].content: span [2, 1] ends before it begins"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [0, 4]}]})",
       "quotes[0].content: span [0, 4] is outside the text (3 bytes)"},
      {R"({"id": "x", "text": "abc",
           "quotes": [{"type": "direct", "content": [0, 1], "cue": "said"}]})",
       "quotes[0].cue: expected [begin, end], got string"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "speaker_name": 5}]})",
       "quotes[0].speaker_name: expected a string, got number"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "via": "radio"}]})",
       "quotes[0].via: expected an array of strings"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "via": [1]}]})",
       "quotes[0].via[0]: expected a string"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "content_parts": [[0, 9]]}]})",
       "quotes[0].content_parts[0]: span [0, 9] is outside the text"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "confidence": "high"}]})",
       "quotes[0].confidence: expected a number, got string"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1], "entity": 0}]})",
       "quotes[0].entity: expected null or an index into entities"},
      {R"({"id": "x", "text": "abc", "quotes": [
           {"type": "direct", "content": [0, 1]},
           {"type": "direct", "content": [0, 1], "stance": ["deny"]}]})",
       "quotes[1].stance: expected a string, got array"},
      {R"({"id": "x", "text": "abc",
           "entities": [{"name": "Kim", "mentions": [[0, 1], [2]]}]})",
       "entities[0].mentions[1]: expected [begin, end]"},
      {R"({"id": "x", "text": "abc", "warnings": [1]})",
       "warnings[0]: expected a string, got number"},
  };
  for (const BadCase& c : cases) {
    StatusOr<DocumentResult> doc = FromJson(json::parse(c.json));
    ASSERT_FALSE(doc.ok()) << c.json;
    EXPECT_NE(doc.status().message().find(c.message), std::string::npos)
        << "got: " << doc.status().message() << "\nwanted: " << c.message;
  }
}

// The text is written straight from the result; it must be what
// nlohmann::json writes for the same value, keys in its order included.
TEST(ResultJson, TextIsTheDumpOfItsOwnValue) {
  DocumentResult doc = Sample();
  doc.id = "tab\there \"quoted\" \\ \x01 \x7f bad\xff";
  doc.quotes[1].confidence = 0.75;
  doc.quotes[0].confidence = 1.0;
  doc.warnings = {"line\nbreak"};
  for (bool with_text : {true, false}) {
    const std::string text = ToJsonText(doc, with_text);
    EXPECT_EQ(text, json::parse(text).dump()) << with_text;
    EXPECT_EQ(ToJson(doc, with_text), json::parse(text));
  }
  const json out = ToJson(doc);
  EXPECT_EQ(out["id"], "tab\there \"quoted\" \\ \x01 \x7f bad\uFFFD");
  EXPECT_EQ(out["quotes"][0]["confidence"], 1.0);
  EXPECT_EQ(out["warnings"][0], "line\nbreak");
}

}  // namespace
}  // namespace whosaid
