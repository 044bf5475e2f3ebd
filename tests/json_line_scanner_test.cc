#include "whosaid/internal/json_line_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "whosaid/document_reader.h"

namespace whosaid::internal {
namespace {

// What the scanner says about `line`, and the same line read by nlohmann.
struct Both {
  std::optional<Document> scanned;
  StatusOr<Document> reference;
};

Both ReadBoth(const std::string& line) {
  std::string fallback_id = "line-1";
  std::optional<Document> scanned = ScanDocumentLine(line, &fallback_id);
  if (!scanned) EXPECT_EQ(fallback_id, "line-1") << line;
  return {std::move(scanned), ParseDocumentLineWithNlohmann(line, "line-1")};
}

// An empty string when the scanner agrees with nlohmann on `line`: when it
// answers, nlohmann reads the same document.
std::string Disagreement(const std::string& line) {
  const Both both = ReadBoth(line);
  if (!both.scanned) return "";
  if (!both.reference.ok()) {
    return "scanned, but nlohmann says " + both.reference.status().message();
  }
  const Document& a = *both.scanned;
  const Document& b = *both.reference;
  if (a.id != b.id) return "id " + a.id + " vs " + b.id;
  if (a.text != b.text) return "text " + a.text + " vs " + b.text;
  if (a.meta.url != b.meta.url || a.meta.date != b.meta.date ||
      a.meta.outlet != b.meta.outlet || a.meta.title != b.meta.title) {
    return "meta differs";
  }
  return "";
}

// Lines the scanner must read itself, as nlohmann does.
TEST(ScanDocumentLineTest, ReadsCommonRecordsLikeNlohmann) {
  const std::string lines[] = {
      R"({"id": "bbc/1", "text": "Rain fell.", "category": "sport"})",
      R"({"text": "x", "id": "b"})",
      R"({"category": "x", "text": "y", "extra": [1, 2.5, -0.25, true, false,)"
      R"( null, {"a": [[], {}]}], "id": 7})",
      R"({"id": -3, "text": "x"})",
      R"({"id": 0, "text": "x"})",
      R"({"id": 123456789012345678, "text": "x"})",
      R"({"id": null, "text": "x"})",
      R"({"id": true, "text": "x"})",
      R"({"id": ["a"], "text": "x"})",
      R"({"id": {"n": 1}, "text": "x"})",
      R"({"id": "", "text": ""})",
      "\t {\r\n\"text\"\t:\n\"x\" \r,\"id\":\"a\"} \r\n\t",
      R"({"text":"x","url":"u","date":"d","outlet":"o","title":"t"})",
      R"({"text": "x", "url": null, "date": null})",
      R"({"text": "x", "title": "Own", "meta": {"publisher": "p",)"
      R"( "publication_date": "2016", "title": "Meta", "url": 5}})",
      R"({"meta": {"date": "d", "publication_date": "p", "outlet": "o",)"
      R"( "publisher": "q", "url": "u"}, "text": "x"})",
      R"({"text": "x", "meta": "not an object", "date": null})",
      R"({"text": "x", "meta": [{"url": "u"}]})",
      R"({"text": "x", "meta": {"n": {"url": "deeper"}, "a": 1, "a": 2}})",
      R"({"text": "x", "other": 1, "other": "twice"})",
      R"({"text": "x", "corpus": "PolNeAR", "quotes": [{"type": "direct",)"
      R"( "content": [0, 1], "cue": null, "speaker_name": "A \"B\""}]})",
      "{\"text\": \"\xE2\x80\x9CHi\xE2\x80\x9D \xC3\xA9 \xF0\x9F\x98\x80\"}",
      "{\"text\": \"\xEF\xBF\xBF \xF4\x8F\xBF\xBF \xED\x9F\xBF\"}",
      "{\"k\xC3\xA9y\": 1, \"text\": \"x\"}",
  };
  for (const std::string& line : lines) {
    EXPECT_TRUE(ReadBoth(line).scanned.has_value()) << line;
    EXPECT_EQ(Disagreement(line), "") << line;
  }
}

TEST(ScanDocumentLineTest, DecodesEscapes) {
  struct Case {
    std::string escaped;
    std::string decoded;
  };
  const Case cases[] = {
      {R"(\"Go,\" she said.)", "\"Go,\" she said."},
      {R"(a\\b\/c)", "a\\b/c"},
      {R"(\b\f\n\r\t)", "\b\f\n\r\t"},
      {R"(\u0041\u00e9\u00E9\u20AC)", "A\xC3\xA9\xC3\xA9\xE2\x82\xAC"},
      {R"(\u0000)", std::string(1, '\0')},
      {R"(\u001f\u007F\u0080\u07ff\u0800\uFFFF)",
       "\x1F\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF"},
      {R"(\ud83d\ude00)", "\xF0\x9F\x98\x80"},  // U+1F600
      {R"(\uD800\uDC00)", "\xF0\x90\x80\x80"},  // U+10000
      {R"(\uDBFF\uDFFF)", "\xF4\x8F\xBF\xBF"},  // U+10FFFF
      {R"(x\n\ny\u2019s)", "x\n\ny\xE2\x80\x99s"},
  };
  for (const Case& c : cases) {
    const std::string line = R"({"text": ")" + c.escaped + R"(", "id": "a"})";
    std::string fallback_id = "f";
    std::optional<Document> doc = ScanDocumentLine(line, &fallback_id);
    ASSERT_TRUE(doc.has_value()) << c.escaped;
    EXPECT_EQ(doc->text, c.decoded) << c.escaped;
    EXPECT_EQ(Disagreement(line), "") << c.escaped;
  }
}

// Lines the scanner leaves to nlohmann: errors, and valid forms it is not
// sure of. Each is then read exactly as before, error message and all.
TEST(ScanDocumentLineTest, LeavesErrorsAndRareFormsToNlohmann) {
  std::vector<std::string> lines = {
      // Surrogates nlohmann rejects.
      R"({"text": "\ud83d"})",
      R"({"text": "\ude00"})",
      R"({"text": "\ude00\ud83d"})",
      R"({"text": "\ud83dx"})",
      R"({"text": "\ud83d\u0041"})",
      R"({"text": "\ud83d\n"})",
      R"({"text": "\ud83d\ud83d"})",
      // Bad escapes.
      R"({"text": "\x41"})",
      R"({"text": "\u12"})",
      R"({"text": "\u12G4"})",
      R"({"text": "\'"})",
      "{\"text\": \"a\\",
      // Invalid UTF-8 and control characters in strings.
      "{\"text\": \"\xFF\"}",
      "{\"text\": \"\xC0\xAF\"}",
      "{\"text\": \"\xE0\x9F\xBF\"}",
      "{\"text\": \"\xED\xA0\x80\"}",
      "{\"text\": \"\xF4\x90\x80\x80\"}",
      "{\"text\": \"\xE2\x80\"}",
      "{\"text\": \"\xE2\x80",
      "{\"text\": \"\x80\"}",
      "{\"k\xFF\": 1, \"text\": \"x\"}",
      std::string("{\"text\": \"a\0b\"}", 15),
      "{\"text\": \"tab\there\"}",
      // A byte order mark, which nlohmann skips.
      "\xEF\xBB\xBF{\"text\": \"x\"}",
      // Repeated keys whosaid reads: nlohmann keeps the last.
      R"({"text": "a", "text": "b"})",
      R"({"id": "a", "text": "x", "id": "b"})",
      R"({"text": "x", "url": "a", "url": "b"})",
      R"({"text": "x", "meta": {"url": "a"}, "meta": {"url": "b"}})",
      R"({"text": "x", "meta": {"publisher": "a", "publisher": "b"}})",
      // Escaped keys, which may spell a key whosaid reads.
      R"({"te\u0078t": "x"})",
      R"({"text": "x", "\u0069d": "a"})",
      // Malformed JSON and records ParseDocumentLine fails on.
      "",
      "   ",
      "{",
      "}",
      R"({"text": "x",})",
      R"({"text": "x" "id": "a"})",
      R"({"text" "x"})",
      R"({"text": "x"} {"text": "y"})",
      R"({"text": "x"}])",
      R"({text: "x"})",
      "{'text': 'x'}",
      R"({"text": "x", "n": tru})",
      R"({"text": "x", "n": nulll})",
      R"({"text": "x", "n": [1, 2,]})",
      R"({"text": "x", "n": [1 2]})",
      R"({"text": "x", "n": {"a" 1}})",
      R"({"text": "x", "n": {1: 2}})",
      R"({"text": "x", "n": [})",
      R"(["text", "x"])",
      R"("text")",
      "17",
      "null",
      R"({"id": "a"})",
      R"({"text": 5})",
      R"({"text": null})",
      R"({"text": ["x"]})",
      R"({"text": "x", "url": 7})",
      R"({"text": "x", "date": {"y": 2024}})",
      R"({"text": "x", "title": false})",
      // Nesting deeper than the scanner goes.
      R"({"text": "x", "n": )" + std::string(100, '[') + std::string(100, ']') +
          "}",
  };
  // Ids that nlohmann writes back differently from how they are written.
  for (const char* id : {"1.0", "-0", "1234567890123456789", "1e2"}) {
    lines.push_back(R"({"text": "x", "id": )" + std::string(id) + "}");
  }
  // Numbers with exponents (which may overflow a double), too long to be
  // sure of, and malformed.
  for (const std::string& number : std::vector<std::string>{
           "1e400", "1.5E3", "2e-2", std::string(301, '1'), "01", "-", "1.",
           ".5", "+1", "1.5.2", "0x10", "--1", "-a"}) {
    lines.push_back(R"({"text": "x", "n": )" + number + "}");
  }
  for (const std::string& line : lines) {
    const Both both = ReadBoth(line);
    EXPECT_FALSE(both.scanned.has_value()) << line;
    StatusOr<Document> parsed = ParseDocumentLine(line, "line-1");
    ASSERT_EQ(parsed.ok(), both.reference.ok()) << line;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().message(), both.reference.status().message())
          << line;
    } else {
      EXPECT_EQ(parsed->id, both.reference->id) << line;
      EXPECT_EQ(parsed->text, both.reference->text) << line;
      EXPECT_EQ(parsed->meta.url, both.reference->meta.url) << line;
    }
  }
}

// The scanner skips plain ASCII a word at a time: every byte, and a
// few escapes and UTF-8 sequences, at every offset of a word and beyond.
TEST(ScanDocumentLineTest, AgreesWithNlohmannWhereverAByteIs) {
  std::vector<std::string> pieces = {
      "\\n",      "\\u00e9",      "\\ud83d\\ude00",
      "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80"};
  for (int byte = 0; byte < 0x100; ++byte) {
    pieces.push_back(std::string(1, static_cast<char>(byte)));
  }
  int scanned = 0;
  for (const std::string& piece : pieces) {
    for (std::size_t at = 0; at < 20; ++at) {
      const std::string line = R"({"text": ")" + std::string(at, 'a') + piece +
                               std::string(at % 11, 'z') + "\"}";
      EXPECT_EQ(Disagreement(line), "") << line;
      scanned += ReadBoth(line).scanned.has_value();
    }
  }
  // The six pieces and the 94 printable ASCII bytes but '"' and '\\'.
  EXPECT_EQ(scanned, (6 + 94) * 20);
}

// Every line made by changing, inserting or deleting a few bytes of a
// record: whenever the scanner answers, it agrees with nlohmann.
TEST(ScanDocumentLineTest, AgreesWithNlohmannOnMutatedLines) {
  const std::string seeds[] = {
      R"({"id": 12, "text": "A \"b\" \u00e9\ud83d\ude00\n", "url": null,)"
      R"( "meta": {"publisher": "p", "title": ["t"], "date": "d"},)"
      R"( "n": [1.5, -0, {"x": true}], "title": "T"})",
      "{\"text\": \"\xE2\x80\x9Cq\xE2\x80\x9D\", \"outlet\": \"o\", "
      "\"id\": \"i\\/d\"}",
  };
  // Bytes that matter to JSON, more often than at random.
  const std::string kAlphabet = "{}[]\":,\\u0123456789-.eE+tfnrlsabdDFxX \t";
  std::mt19937 random(20240601);
  int scanned = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line = seeds[round % std::size(seeds)];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const std::size_t at = random() % line.size();
      const char byte = random() % 4 == 0
                            ? static_cast<char>(random() % 256)
                            : kAlphabet[random() % kAlphabet.size()];
      switch (random() % 3) {
        case 0:
          line[at] = byte;
          break;
        case 1:
          line.insert(at, 1, byte);
          break;
        default:
          line.erase(at, 1);
      }
    }
    const std::string disagreement = Disagreement(line);
    ASSERT_EQ(disagreement, "") << line;
    std::string fallback_id = "line-1";
    scanned += ScanDocumentLine(line, &fallback_id).has_value();
  }
  // The scanner reads a good share of them itself: the test tests it.
  EXPECT_GT(scanned, 1000);
}

}  // namespace
}  // namespace whosaid::internal
