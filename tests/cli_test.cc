// End-to-end tests of the whosaid executable: each test runs the real
// binary (WHOSAID_BINARY) in the source folder, with its own temporary
// folder for inputs, and checks the exit status, stdout and stderr.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "run_binary.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kExampleArticle[] = "docs/example-article.txt";
constexpr char kBeckerQuote[] = "We have waited three years for this vote.";

using testing_support::Ids;
using testing_support::JsonLines;
using testing_support::Lines;
using testing_support::Outcome;
using testing_support::ReadFile;
using testing_support::RunOptions;

// True when `span` is [begin, end] with begin <= end <= size.
bool IsSpan(const json& span, std::size_t size) {
  return span.is_array() && span.size() == 2 && span[0].is_number_unsigned() &&
         span[1].is_number_unsigned() &&
         span[0].get<std::size_t>() <= span[1].get<std::size_t>() &&
         span[1].get<std::size_t>() <= size;
}

std::string SpanText(const json& span, const std::string& text) {
  const std::size_t begin = span[0].get<std::size_t>();
  return text.substr(begin, span[1].get<std::size_t>() - begin);
}

// Checks that `span_field` of `object` is null together with its text
// field, or a span of `text` whose bytes equal the text field.
void ExpectSpanAndText(const json& object, const std::string& span_field,
                       const std::string& text_field, const std::string& text,
                       bool nullable) {
  SCOPED_TRACE(span_field);
  ASSERT_TRUE(object.contains(span_field));
  ASSERT_TRUE(object.contains(text_field));
  const json& span = object[span_field];
  if (nullable && span.is_null()) {
    EXPECT_TRUE(object[text_field].is_null());
    return;
  }
  ASSERT_TRUE(IsSpan(span, text.size())) << span.dump();
  ASSERT_TRUE(object[text_field].is_string());
  EXPECT_EQ(SpanText(span, text), object[text_field].get<std::string>());
}

// Checks the shape of one output line (docs/output.md): the fields of the
// document, of each quote and of each entity, and that every span indexes
// the document's bytes.
void ExpectWellFormedResult(const json& doc) {
  ASSERT_TRUE(doc.is_object());
  ASSERT_TRUE(doc.contains("id") && doc["id"].is_string());
  ASSERT_TRUE(doc.contains("text") && doc["text"].is_string());
  ASSERT_TRUE(doc.contains("quotes") && doc["quotes"].is_array());
  ASSERT_TRUE(doc.contains("entities") && doc["entities"].is_array());
  const std::string text = doc["text"];
  const json& entities = doc["entities"];
  for (const json& e : entities) {
    SCOPED_TRACE(e.dump());
    EXPECT_TRUE(e["name"].is_string());
    EXPECT_TRUE(e["kind"].is_string());
    EXPECT_TRUE(e["role"].is_null() || e["role"].is_string());
    EXPECT_TRUE(e["org"].is_null() || e["org"].is_string());
    ASSERT_TRUE(e["mentions"].is_array());
    for (const json& m : e["mentions"]) EXPECT_TRUE(IsSpan(m, text.size()));
  }
  for (const json& q : doc["quotes"]) {
    SCOPED_TRACE(q.dump());
    ASSERT_TRUE(q.is_object());
    EXPECT_THAT(q["type"].get<std::string>(),
                ::testing::AnyOf("direct", "mixed", "indirect"));
    ExpectSpanAndText(q, "content", "content_text", text, /*nullable=*/false);
    ExpectSpanAndText(q, "cue", "cue_text", text, /*nullable=*/true);
    ExpectSpanAndText(q, "speaker", "speaker_text", text, /*nullable=*/true);
    if (q.contains("content_parts")) {
      for (const json& part : q["content_parts"]) {
        ASSERT_TRUE(IsSpan(part, text.size()));
        EXPECT_GE(part[0], q["content"][0]);
        EXPECT_LE(part[1], q["content"][1]);
      }
    }
    for (const char* field :
         {"speaker_name", "stance", "speaker_role", "speaker_org"}) {
      EXPECT_TRUE(q[field].is_null() || q[field].is_string()) << field;
    }
    EXPECT_TRUE(q["speaker_kind"].is_string());
    ASSERT_TRUE(q["via"].is_array());
    for (const json& v : q["via"]) EXPECT_TRUE(v.is_string());
    EXPECT_TRUE(q["rule"].is_string());
    EXPECT_TRUE(q["resolution"].is_string());
    ASSERT_TRUE(q["confidence"].is_number());
    EXPECT_GE(q["confidence"].get<double>(), 0.0);
    EXPECT_LE(q["confidence"].get<double>(), 1.0);
    if (!q["entity"].is_null()) {
      ASSERT_TRUE(q["entity"].is_number_unsigned());
      ASSERT_LT(q["entity"].get<std::size_t>(), entities.size());
      EXPECT_EQ(q["speaker_name"],
                entities[q["entity"].get<std::size_t>()]["name"]);
    }
  }
}

// The quote of `doc` whose content_text is `content`, or null.
json QuoteWithContent(const json& doc, std::string_view content) {
  for (const json& q : doc["quotes"]) {
    if (q["content_text"] == content) return q;
  }
  return nullptr;
}

// Every test has a fresh temporary folder and runs the binary in the
// source folder, so that docs/example-article.txt is found as a user types
// it.
class CliTest : public testing_support::BinaryTest {
 protected:
  // A pack "newsroom" with one rule that passes its example.
  std::string WriteNewsroomPack() {
    Write("newsroom/pack.yaml", "name: newsroom\nrequires: [en]\n");
    Write("newsroom/lexicons/grumble_verbs.txt",
          "# Verbs of grumbling.\nharrumphed\ngrumbled\n");
    Write("newsroom/rules/newsroom.quote_speaker_grumbled.yaml",
          "id: newsroom.quote_speaker_grumbled\n"
          "description: A quotation, then a name and a grumbling verb.\n"
          "type: direct\n"
          "priority: 1000\n"
          "pattern:\n"
          "  - '%{QUOTE:content},?[ ]+'\n"
          "  - '(?P<speaker>\\p{Lu}\\p{L}+(?:[ ]\\p{Lu}\\p{L}+)?)[ ]+'\n"
          "  - '%{GRUMBLE_VERBS:cue}\\b'\n"
          "examples:\n"
          "  - text: '\"Not again,\" Ann Lee harrumphed.'\n"
          "    content: 'Not again,'\n"
          "    speaker: Ann Lee\n"
          "    cue: harrumphed\n"
          "counterexamples:\n"
          "  - 'Ann Lee harrumphed.'\n");
    return Path("newsroom");
  }
};

// ---------------------------------------------------------------------------
// extract

TEST_F(CliTest, ExtractJsonlGivesOneWellFormedLine) {
  const Outcome r = Run({"extract", "--format", "jsonl", kExampleArticle});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, IsEmpty());
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  const json& doc = docs[0];
  ExpectWellFormedResult(doc);
  EXPECT_EQ(doc["id"], kExampleArticle);
  EXPECT_EQ(doc["text"],
            ReadFile(fs::path(WHOSAID_SOURCE_DIR) / kExampleArticle));
  EXPECT_FALSE(doc["quotes"].empty());
  EXPECT_FALSE(doc["entities"].empty());

  const json becker = QuoteWithContent(doc, kBeckerQuote);
  ASSERT_FALSE(becker.is_null()) << doc["quotes"].dump(2);
  EXPECT_EQ(becker["type"], "direct");
  EXPECT_EQ(becker["speaker_name"], "Tom Becker");
  EXPECT_THAT(becker["speaker_text"].get<std::string>(),
              HasSubstr("Tom Becker"));
  EXPECT_EQ(becker["cue_text"], "said");
}

TEST_F(CliTest, ExtractNoTextLeavesTheTextOut) {
  const Outcome r =
      Run({"extract", "--format", "jsonl", "--no-text", kExampleArticle});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].contains("text"));
  EXPECT_FALSE(docs[0]["quotes"].empty());
}

TEST_F(CliTest, ExtractTextListsSpeakerCueAndQuote) {
  const Outcome r = Run({"extract", "--format", "text", kExampleArticle});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_THAT(lines[0], StartsWith(std::string("# ") + kExampleArticle + " ("));
  const std::string quoted = std::string("“") + kBeckerQuote + "”";
  bool found = false;
  for (const std::string& line : lines) {
    const std::size_t quote = line.find(quoted);
    if (quote == std::string::npos) continue;
    found = true;
    // speaker — cue — "content", in that order.
    const std::size_t speaker = line.find("Tom Becker");
    const std::size_t cue = line.find("— said");
    EXPECT_LT(speaker, cue) << line;
    EXPECT_LT(cue, quote) << line;
  }
  EXPECT_TRUE(found) << r.out;
}

TEST_F(CliTest, ExtractHtmlIsOnePageWithEveryDocumentAndQuote) {
  const Outcome jsonl =
      Run({"extract", "--format", "jsonl", kExampleArticle, kExampleArticle});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const std::vector<json> docs = JsonLines(jsonl.out);
  ASSERT_EQ(docs.size(), 2u);
  const Outcome r =
      Run({"extract", "--format", "html", kExampleArticle, kExampleArticle});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("<!DOCTYPE html>\n"));
  EXPECT_THAT(r.out, ::testing::EndsWith("</html>\n"));
  // One anchor per quote of each document, numbered per document.
  for (int doc = 0; doc < 2; ++doc) {
    const std::string prefix = "id=\"d" + std::to_string(doc) + "-q";
    std::size_t anchors = 0;
    for (std::size_t at = r.out.find(prefix); at != std::string::npos;
         at = r.out.find(prefix, at + 1)) {
      ++anchors;
    }
    EXPECT_EQ(anchors, docs[doc]["quotes"].size()) << doc;
  }
  EXPECT_THAT(r.out, HasSubstr("<title>whosaid: docs/example-article.txt, "
                               "docs/example-article.txt</title>"));
}

constexpr char kDocA[] = "\"The bridge opens in May,\" Ann Lee said.";
constexpr char kDocB[] = "The ferry was late again on Monday.";
constexpr char kDocC[] = "Bob Stone said the fares would not rise.";

// Three documents, one of them with a numeric id.
std::string ThreeDocuments() {
  return json{{"id", "a"}, {"text", kDocA}}.dump() + "\n" +
         json{{"id", "b"}, {"text", kDocB}}.dump() + "\n" +
         json{{"id", 3}, {"text", kDocC}}.dump() + "\n";
}

void ExpectThreeDocuments(const Outcome& r) {
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 3u) << r.out;
  EXPECT_THAT(Ids(docs), ::testing::ElementsAre("a", "b", "3"));
  EXPECT_EQ(docs[0]["text"], kDocA);
  EXPECT_EQ(docs[1]["text"], kDocB);
  EXPECT_EQ(docs[2]["text"], kDocC);
  for (const json& doc : docs) ExpectWellFormedResult(doc);
  const json bridge = QuoteWithContent(docs[0], "The bridge opens in May,");
  ASSERT_FALSE(bridge.is_null()) << docs[0].dump();
  EXPECT_EQ(bridge["speaker_name"], "Ann Lee");
}

TEST_F(CliTest, ExtractReadsJsonlFilesByExtension) {
  const std::string file = Write("docs.jsonl", ThreeDocuments());
  ExpectThreeDocuments(Run({"extract", "--format", "jsonl", file}));
}

// The progress line appears only when asked for (stderr is not a terminal
// here), and never mixes into the output.
TEST_F(CliTest, ProgressOnlyWhenAskedFor) {
  const std::string file = Write("docs.jsonl", ThreeDocuments());
  const Outcome quiet = Run({"extract", "-f", "jsonl", file});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  const Outcome shown = Run({"extract", "-f", "jsonl", "--progress", file});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.err.find("3 documents"), std::string::npos) << shown.err;
  EXPECT_NE(shown.err.find("100%"), std::string::npos) << shown.err;
  EXPECT_EQ(shown.out, quiet.out);
  const Outcome hushed =
      Run({"extract", "-f", "jsonl", "--progress", "--quiet", file});
  EXPECT_EQ(hushed.err, "");
}

// whosaid is a line filter: the outputs of shards, concatenated, equal the
// output of the whole, for any number of threads.
TEST_F(CliTest, ShardsAndThreadsDoNotChangeTheOutput) {
  std::string all;
  for (int i = 0; i < 12; ++i) {
    all += json{{"id", "d" + std::to_string(i)},
                {"text", i % 3 == 0   ? kDocA
                         : i % 3 == 1 ? kDocB
                                      : kDocC}}
               .dump() +
           "\n";
  }
  const std::size_t cut = all.find('\n', all.size() / 2) + 1;
  const std::string whole = Write("whole.jsonl", all);
  const std::string first = Write("first.jsonl", all.substr(0, cut));
  const std::string second = Write("second.jsonl", all.substr(cut));
  const Outcome one = Run({"extract", "-f", "jsonl", "-j", "1", whole});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(JsonLines(one.out).size(), 12u);
  const Outcome two = Run({"extract", "-f", "jsonl", "-j", "2", whole});
  EXPECT_EQ(two.out, one.out);
  const Outcome a = Run({"extract", "-f", "jsonl", "-j", "2", first});
  const Outcome b = Run({"extract", "-f", "jsonl", "-j", "3", second});
  EXPECT_EQ(a.out + b.out, one.out);
}

TEST_F(CliTest, ExtractReadsJsonlFromStdinWithInputFlag) {
  ExpectThreeDocuments(
      Run({"extract", "--input", "jsonl", "--format", "jsonl", "-"},
          {.input = ThreeDocuments()}));
}

TEST_F(CliTest, ExtractReadsPlainTextFromStdin) {
  const Outcome r = Run({"extract", "--format", "jsonl"}, {.input = kDocA});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["id"], "stdin");
  EXPECT_EQ(docs[0]["text"], kDocA);
}

TEST_F(CliTest, ExtractReportsBadLinesAndWritesTheOthers) {
  const std::string file = Write(
      "bad.jsonl", json{{"id", "first"}, {"text", kDocA}}.dump() +
                       "\n"
                       "\n"  // a blank line is skipped, but counted
                       "{\"id\": \"broken\", \"text\": \n"
                       "{\"id\": \"no-text\"}\n"
                       "{\"id\": \"number\", \"text\": 42}\n" +
                       json{{"id", "last"}, {"text", kDocC}}.dump() + "\n");
  const Outcome r = Run({"extract", "--format", "jsonl", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(Ids(JsonLines(r.out)), ::testing::ElementsAre("first", "last"));
  EXPECT_THAT(r.err, HasSubstr(file + ":3: "));
  EXPECT_THAT(r.err, ContainsRegex(file + ":4: [^\n]*text"));
  EXPECT_THAT(r.err, ContainsRegex(file + ":5: [^\n]*text"));
  EXPECT_THAT(r.err, Not(HasSubstr(file + ":1:")));
  EXPECT_THAT(r.err, Not(HasSubstr(file + ":2:")));
  EXPECT_THAT(r.err, Not(HasSubstr(file + ":6:")));
}

TEST_F(CliTest, ExtractMissingFileIsAnErrorAndTheOthersStillRun) {
  const std::string missing = Path("no-such-file.txt");
  const Outcome r =
      Run({"extract", "--format", "jsonl", missing, kExampleArticle});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr(missing));
  EXPECT_THAT(Ids(JsonLines(r.out)), ::testing::ElementsAre(kExampleArticle));
}

TEST_F(CliTest, ExtractFolderAsInputIsAClearError) {
  const std::string folder = Path("a-folder");
  fs::create_directories(folder);
  const Outcome r = Run({"extract", "--format", "jsonl", folder});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(r.exit_code, 128) << "crashed";
  EXPECT_THAT(r.err, HasSubstr(folder));
}

TEST_F(CliTest, ExtractUnreadableFileIsAClearError) {
  const std::string file = Write("secret.txt", kDocA);
  fs::permissions(file, fs::perms::none);
  const Outcome r =
      Run({"extract", "--format", "jsonl", file}, {.as_nobody = true});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr(file));
}

TEST_F(CliTest, ExtractEmptyTextFileGivesOneEmptyResult) {
  const Outcome r =
      Run({"extract", "--format", "jsonl", Write("empty.txt", "")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["text"], "");
  EXPECT_TRUE(docs[0]["quotes"].empty());
  EXPECT_TRUE(docs[0]["entities"].empty());
}

TEST_F(CliTest, ExtractEmptyJsonlFileGivesNoOutput) {
  const Outcome r =
      Run({"extract", "--format", "jsonl", Write("empty.jsonl", "")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, IsEmpty());
}

TEST_F(CliTest, ExtractToAFullDeviceFailsCleanly) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  const Outcome r = Run({"extract", "--format", "jsonl", kExampleArticle},
                        {.stdout_path = "/dev/full"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("cannot write"));
}

// ---------------------------------------------------------------------------
// rules

TEST_F(CliTest, RulesListListsRuleIds) {
  const Outcome r = Run({"rules", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_THAT(line, StartsWith("en.")) << "not a rule of the en pack";
  }
  EXPECT_THAT(r.out,
              ContainsRegex("(^|\n)en\\.quote_then_speaker_said +direct"));
}

TEST_F(CliTest, RulesExplainPrintsTheExpandedPattern) {
  const Outcome r = Run({"rules", "explain", "en.quote_then_speaker_said"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              ContainsRegex("(^|\n)id: +en\\.quote_then_speaker_said\n"));
  EXPECT_THAT(r.out, HasSubstr("en.quote_then_speaker_said.yaml"));
  std::string pattern;
  for (const std::string& line : Lines(r.out)) {
    if (line.starts_with("pattern:")) pattern = line;
  }
  ASSERT_FALSE(pattern.empty()) << r.out;
  EXPECT_THAT(pattern, HasSubstr("(?P<content>"));
  EXPECT_THAT(pattern, HasSubstr("(?P<speaker>"));
  EXPECT_THAT(pattern, HasSubstr("(?P<cue>"));
  EXPECT_THAT(pattern, Not(HasSubstr("%{"))) << "macros left unexpanded";
  EXPECT_THAT(r.out, HasSubstr("runs:        from each occurrence of its cue"));
}

TEST_F(CliTest, RulesExplainUnknownRuleExits2) {
  const Outcome r = Run({"rules", "explain", "no.such.rule"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no.such.rule"));
  EXPECT_THAT(r.out, IsEmpty());
}

// The "N passed, M failed" summary of `rules test`, which must be the last
// line; {-1, -1} if it is not there.
std::pair<int, int> Summary(const std::string& out) {
  const std::vector<std::string> lines = Lines(out);
  std::smatch m;
  static const std::regex kSummary("^([0-9]+) passed, ([0-9]+) failed$");
  if (lines.empty() || !std::regex_match(lines.back(), m, kSummary)) {
    return {-1, -1};
  }
  return {std::stoi(m[1]), std::stoi(m[2])};
}

int CountLinesStartingWith(const std::string& out, std::string_view prefix) {
  int count = 0;
  for (const std::string& line : Lines(out)) count += line.starts_with(prefix);
  return count;
}

TEST_F(CliTest, RulesTestPassesOnTheBuiltinPack) {
  const Outcome r = Run({"rules", "test"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto [passed, failed] = Summary(r.out);
  EXPECT_GT(passed, 0) << r.out;
  EXPECT_EQ(failed, 0) << r.out;
  EXPECT_EQ(passed, CountLinesStartingWith(r.out, "PASS "));
  EXPECT_EQ(passed, static_cast<int>(Lines(Run({"rules", "list"}).out).size()));
}

TEST_F(CliTest, UserPackIsListedTestedAndUsed) {
  const std::string pack = WriteNewsroomPack();
  const Outcome list = Run({"rules", "list", "--rules", pack});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("newsroom.quote_speaker_grumbled"));
  EXPECT_THAT(list.out, HasSubstr("en.quote_then_speaker_said"));

  const Outcome one = Run(
      {"rules", "test", "--rules", pack, "newsroom.quote_speaker_grumbled"});
  EXPECT_EQ(one.exit_code, 0) << one.out;
  EXPECT_THAT(one.out, HasSubstr("PASS newsroom.quote_speaker_grumbled "
                                 "(1 examples, 1 counterexamples)"));
  EXPECT_EQ(Summary(one.out), std::make_pair(1, 0));

  const Outcome all = Run({"rules", "test", "--rules", pack});
  EXPECT_EQ(all.exit_code, 0) << all.out;
  EXPECT_THAT(all.out, HasSubstr("PASS newsroom.quote_speaker_grumbled"));
  EXPECT_EQ(Summary(all.out).second, 0);

  const Outcome extract =
      Run({"extract", "--format", "jsonl", "--rules", pack, "-"},
          {.input = "\"Not again,\" Ann Lee harrumphed."});
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  const std::vector<json> docs = JsonLines(extract.out);
  ASSERT_EQ(docs.size(), 1u);
  const json quote = QuoteWithContent(docs[0], "Not again,");
  ASSERT_FALSE(quote.is_null()) << extract.out;
  EXPECT_EQ(quote["rule"], "newsroom.quote_speaker_grumbled");
  EXPECT_EQ(quote["speaker_name"], "Ann Lee");
  EXPECT_EQ(quote["cue_text"], "harrumphed");
}

TEST_F(CliTest, UserPackLoadsFromTheEnvironment) {
  const std::string pack = WriteNewsroomPack();
  const Outcome r = Run({"rules", "list"}, {.env = {"WHOSAID_RULES=" + pack}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("newsroom.quote_speaker_grumbled"));
}

TEST_F(CliTest, RulesTestFailsOnAWrongExample) {
  Write("wrong/pack.yaml", "name: wrong\n");
  Write("wrong/rules/wrong.quote_speaker_said.yaml",
        "id: wrong.quote_speaker_said\n"
        "description: Expects the wrong speaker.\n"
        "type: direct\n"
        "pattern: '%{QUOTE:content},?[ ]+(?P<speaker>\\p{Lu}\\p{L}+) said'\n"
        "examples:\n"
        "  - text: '\"Yes,\" Ruiz said.'\n"
        "    speaker: Becker\n");
  const Outcome r = Run(
      {"rules", "test", "--rules", Path("wrong"), "wrong.quote_speaker_said"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("FAIL wrong.quote_speaker_said"));
  EXPECT_THAT(r.out, HasSubstr("Becker"));
  EXPECT_EQ(Summary(r.out), std::make_pair(0, 1));
}

TEST_F(CliTest, BrokenUserPackExits2WithFileLineColumnAndRule) {
  Write("broken/pack.yaml", "name: broken\n");
  const std::string rule =
      Write("broken/rules/broken.rule.yaml",
            "id: broken.rule\n"
            "description: Has a key rules do not have.\n"
            "author: someone\n"
            "type: direct\n"
            "pattern: '%{QUOTE:content} (?P<speaker>X)'\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"rules", "list"},
        std::vector<std::string>{"rules", "test"},
        std::vector<std::string>{"extract", "--format", "jsonl",
                                 kExampleArticle}}) {
    std::vector<std::string> with_pack = args;
    with_pack.insert(with_pack.begin() + (args[0] == "rules" ? 2 : 1),
                     {"--rules", Path("broken")});
    const Outcome r = Run(with_pack);
    SCOPED_TRACE(args[0] + " " + args[1]);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr(rule + ":3:"));
    EXPECT_THAT(r.err, ContainsRegex(":3:[0-9]+: rule broken\\.rule: "));
    EXPECT_THAT(r.err, HasSubstr("author"));
    EXPECT_THAT(r.out, IsEmpty());
  }
}

TEST_F(CliTest, MissingPackFolderExits2) {
  const Outcome r = Run({"rules", "list", "--rules", Path("nowhere")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(Path("nowhere")));
}

// ---------------------------------------------------------------------------
// eval

constexpr char kGoldText1[] =
    "\"The ferry will run all winter,\" Maria Lopez said. "
    "She added that fares would stay the same.";
constexpr char kGoldText2[] =
    "\"We are not selling the port,\" Piet Smit told the council.";

// [begin, end] of the first `needle` in `text`.
json SpanOf(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return json::array({at, at + needle.size()});
}

json GoldQuote(std::string_view text, const char* type, const char* content,
               const char* cue, const char* speaker, const char* name) {
  return {{"type", type},
          {"content", SpanOf(text, content)},
          {"cue", SpanOf(text, cue)},
          {"speaker", SpanOf(text, speaker)},
          {"speaker_name", name}};
}

// Gold: three quotes in two documents. System (lines without text, which
// borrow the gold text): the first direct quote right; the second direct
// quote found with the wrong speaker; the indirect quote missed; one
// spurious indirect quote.
class EvalTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const json ferry =
        GoldQuote(kGoldText1, "direct", "The ferry will run all winter,",
                  "said", "Maria Lopez", "Maria Lopez");
    const json fares =
        GoldQuote(kGoldText1, "indirect", "fares would stay the same", "added",
                  "She", "Maria Lopez");
    const json port =
        GoldQuote(kGoldText2, "direct", "We are not selling the port,", "told",
                  "Piet Smit", "Piet Smit");
    gold_ = Write(
        "gold.jsonl",
        json{{"id", "g1"}, {"text", kGoldText1}, {"quotes", {ferry, fares}}}
                .dump() +
            "\n" +
            json{{"id", "g2"}, {"text", kGoldText2}, {"quotes", {port}}}
                .dump() +
            "\n");
    json wrong_speaker = port;
    wrong_speaker["speaker"] = SpanOf(kGoldText2, "the council");
    wrong_speaker["speaker_name"] = "the council";
    json spurious = GoldQuote(kGoldText2, "indirect", "the council", "told",
                              "Piet Smit", "Piet Smit");
    system_ = Write(
        "system.jsonl",
        json{{"id", "g1"}, {"quotes", {ferry}}}.dump() + "\n" +
            json{{"id", "g2"}, {"quotes", {wrong_speaker, spurious}}}.dump() +
            "\n");
  }

  std::string gold_;
  std::string system_;
};

TEST_F(EvalTest, PrintsTheTable) {
  const Outcome r = Run({"eval", gold_, "--system", system_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("detection, overlap"));
  EXPECT_THAT(r.out, HasSubstr("end to end"));
  // type, gold, system, then overlap P R F1 tp.
  EXPECT_THAT(r.out, ContainsRegex("(^|\n)direct +2 +2 \\| +1\\.000 +1\\.000 "
                                   "+1\\.000 +2 "));
  EXPECT_THAT(r.out, ContainsRegex("(^|\n)indirect +1 +1 \\| +0\\.000"));
  EXPECT_THAT(r.out, ContainsRegex("(^|\n)overall +3 +3 \\| +0\\.667 +0\\.667 "
                                   "+0\\.667 +2 "));
  EXPECT_THAT(r.out, HasSubstr("documents: 2 scored"));
}

TEST_F(EvalTest, JsonHasTheFigures) {
  const Outcome r = Run({"eval", gold_, "--system", system_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(json::accept(r.out)) << r.out;
  const json report = json::parse(r.out);
  EXPECT_EQ(report["documents"], 2);
  EXPECT_EQ(report["missing_documents"], 0);
  EXPECT_EQ(report["extra_documents"], 0);
  const json& overall = report["overall"];
  EXPECT_EQ(overall["overlap"]["tp"], 2);
  EXPECT_EQ(overall["overlap"]["fp"], 1);
  EXPECT_EQ(overall["overlap"]["fn"], 1);
  EXPECT_NEAR(overall["overlap"]["precision"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(overall["overlap"]["recall"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(overall["overlap"]["f1"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_EQ(overall["matched"], 2);
  EXPECT_EQ(overall["speaker_correct"], 1);
  EXPECT_NEAR(overall["speaker_accuracy"].get<double>(), 0.5, 1e-9);
  EXPECT_EQ(overall["end_to_end"]["tp"], 1);
  EXPECT_EQ(overall["end_to_end"]["fp"], 2);
  EXPECT_EQ(overall["end_to_end"]["fn"], 2);
  const json& direct = report["by_type"]["direct"];
  EXPECT_EQ(direct["overlap"]["tp"], 2);
  EXPECT_EQ(direct["overlap"]["fp"], 0);
  EXPECT_EQ(direct["overlap"]["fn"], 0);
  EXPECT_EQ(direct["exact"]["tp"], 2);
  EXPECT_NEAR(direct["speaker_accuracy"].get<double>(), 0.5, 1e-9);
  const json& indirect = report["by_type"]["indirect"];
  EXPECT_EQ(indirect["overlap"]["tp"], 0);
  EXPECT_EQ(indirect["overlap"]["fp"], 1);
  EXPECT_EQ(indirect["overlap"]["fn"], 1);
}

TEST_F(EvalTest, MalformedSystemLineIsReportedAndScoringGoesOn) {
  const std::string system = ReadFile(system_) + "{\"id\": \"g3\"\n";
  const std::string path = Write("system-bad.jsonl", system);
  const Outcome r = Run({"eval", gold_, "--system", path, "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(path + ":3:"));
  ASSERT_TRUE(json::accept(r.out)) << r.out;
  EXPECT_EQ(json::parse(r.out)["overall"]["overlap"]["tp"], 2);
}

// ---------------------------------------------------------------------------
// usage errors

TEST_F(CliTest, UsageErrorsExit2) {
  const std::vector<std::vector<std::string>> cases = {
      {"extract", "--no-such-option"},
      {"extract", "--format", "xml", kExampleArticle},
      {"extract", "--input", "csv", kExampleArticle},
      {"eval", "--no-such-option"},
      {"eval"},
      {"eval", "gold.jsonl", "--types", "direct,quoted"},
      {"rules", "list", "--no-such-option"},
      {"rules", "frobnicate"},
      {"rules", "explain"},
      {"rules"},
      {"serve", "--max-body", "12x"},
      {"serve", "--port", "99999"},
      {"serve", "--no-such-option"},
      {"serve", "--port", "0", "--rules", "/no/such/pack"},
      {"frobnicate"},
      {},
  };
  for (const std::vector<std::string>& args : cases) {
    std::string shown;
    for (const std::string& a : args) shown += " " + a;
    SCOPED_TRACE("whosaid" + shown);
    const Outcome r = Run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, Not(IsEmpty()));
    EXPECT_THAT(r.out, IsEmpty());
  }
}

TEST_F(CliTest, HelpAndVersionExit0) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"},
                                             {"--version"},
                                             {"extract", "--help"},
                                             {"eval", "--help"},
                                             {"rules", "--help"}}) {
    SCOPED_TRACE(args.back());
    const Outcome r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, Not(IsEmpty()));
  }
}

}  // namespace
}  // namespace whosaid
