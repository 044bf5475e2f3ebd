#include "whosaid/document_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace whosaid {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct GoodCase {
  const char* name;
  std::string line;
  std::string id;
  std::string text;
};

TEST(ParseDocumentLineTest, ReadsIdAndText) {
  const GoodCase cases[] = {
      {"string id", R"({"id": "doc-7", "text": "Rain fell."})", "doc-7",
       "Rain fell."},
      {"integer id", R"({"id": 42, "text": "x"})", "42", "x"},
      {"negative id", R"({"id": -3, "text": "x"})", "-3", "x"},
      {"missing id", R"({"text": "x"})", "line-9", "x"},
      {"null id", R"({"id": null, "text": "x"})", "line-9", "x"},
      {"id of another type", R"({"id": ["a"], "text": "x"})", "line-9", "x"},
      {"empty string id is kept", R"({"id": "", "text": "x"})", "", "x"},
      {"key order does not matter", R"({"text": "x", "id": "b"})", "b", "x"},
      {"other fields are ignored",
       R"({"id": "a", "url": "http://x", "meta": {"n": 1}, "text": "x"})", "a",
       "x"},
      {"empty text", R"({"id": "a", "text": ""})", "a", ""},
      {"escapes are decoded",
       R"({"id": "a", "text": "\"Go,\" she said.\nNext\tline \u00e9"})", "a",
       "\"Go,\" she said.\nNext\tline \xC3\xA9"},
      {"raw UTF-8 is kept",
       "{\"id\": \"a\", \"text\": \"\xE2\x80\x9CHi\xE2\x80\x9D\"}", "a",
       "\xE2\x80\x9CHi\xE2\x80\x9D"},
      {"surrounding whitespace", "  {\"text\": \"x\"}  \r", "line-9", "x"},
  };
  for (const GoodCase& c : cases) {
    StatusOr<Document> doc = ParseDocumentLine(c.line, "line-9");
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().message();
    EXPECT_EQ(doc->id, c.id) << c.name;
    EXPECT_EQ(doc->text, c.text) << c.name;
  }
}

TEST(ParseDocumentLineTest, LargeNumberIdKeepsAllItsDigits) {
  StatusOr<Document> doc =
      ParseDocumentLine(R"({"id": 12345678901, "text": "x"})", "f");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "12345678901");
}

struct BadCase {
  const char* name;
  std::string line;
  std::string error_prefix;
};

TEST(ParseDocumentLineTest, ErrorsSayWhatIsWrong) {
  const BadCase cases[] = {
      {"empty line", "", "malformed JSON"},
      {"truncated object", R"({"id": "a", "text": "x")", "malformed JSON"},
      {"trailing comma", R"({"text": "x",})", "malformed JSON"},
      {"single quotes", "{'text': 'x'}", "malformed JSON"},
      {"two objects", R"({"text": "x"} {"text": "y"})", "malformed JSON"},
      {"array", R"(["text", "x"])", "not a JSON object"},
      {"string", R"("text")", "not a JSON object"},
      {"number", "17", "not a JSON object"},
      {"null", "null", "not a JSON object"},
      {"missing text", R"({"id": "a"})", "missing \"text\""},
      {"text is a number", R"({"id": "a", "text": 5})",
       "\"text\" is not a string"},
      {"text is null", R"({"text": null})", "\"text\" is not a string"},
      {"text is an object", R"({"text": {"body": "x"}})",
       "\"text\" is not a string"},
      {"url is a number", R"({"text": "x", "url": 7})",
       "\"url\" is not a string"},
      {"date is an object", R"({"text": "x", "date": {"y": 2024}})",
       "\"date\" is not a string"},
  };
  for (const BadCase& c : cases) {
    StatusOr<Document> doc = ParseDocumentLine(c.line, "f");
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_THAT(doc.status().message(), StartsWith(c.error_prefix)) << c.name;
  }
}

TEST(ParseDocumentLineTest, ReadsTheMetadata) {
  StatusOr<Document> doc = ParseDocumentLine(
      R"({"id": "a", "text": "x", "url": "https://n.example/1",
          "date": "2024-03-01", "outlet": "Gazette", "title": "Wall"})",
      "f");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->meta.url, "https://n.example/1");
  EXPECT_EQ(doc->meta.date, "2024-03-01");
  EXPECT_EQ(doc->meta.outlet, "Gazette");
  EXPECT_EQ(doc->meta.title, "Wall");

  StatusOr<Document> bare =
      ParseDocumentLine(R"({"text": "x", "url": null})", "f");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->meta.url, "");
  EXPECT_EQ(bare->meta.date, "");
}

TEST(ParseDocumentLineTest, TakesMissingMetadataFromAMetaObject) {
  // As PolNeAR writes it; the record's own fields win.
  StatusOr<Document> doc = ParseDocumentLine(
      R"({"text": "x", "title": "Own title",
          "meta": {"publisher": "breitbart", "publication_date": "2016-09-12",
                   "title": "Meta title", "url": 5}})",
      "f");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->meta.outlet, "breitbart");
  EXPECT_EQ(doc->meta.date, "2016-09-12");
  EXPECT_EQ(doc->meta.title, "Own title");
  EXPECT_EQ(doc->meta.url, "");
}

TEST(ParseDocumentLineTest, NeverThrowsOnGarbage) {
  const std::string garbage[] = {"{", "}", "{\"text\":", "\xFF\xFE",
                                 std::string("{\"text\": \"a\0b\"}", 15)};
  for (const std::string& line : garbage) {
    StatusOr<Document> doc = ParseDocumentLine(line, "f");
    EXPECT_FALSE(doc.ok()) << line;
    EXPECT_FALSE(doc.status().message().empty());
  }
}

}  // namespace
}  // namespace whosaid
