// The bad-input matrix, hostile rules and exit statuses of
// docs/reliability.md: each case is a test here, through the library
// (Extractor, RuleSet) or through the executable (BinaryTest). The tests of
// suite LongInputCliTest handle a hundred megabytes; ctest labels them
// `long`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "marks.h"
#include "run_binary.h"
#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"
#include "whosaid/segmenter.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::ContainsRegex;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing_support::BinaryTest;
using testing_support::Ids;
using testing_support::JsonLines;
using testing_support::Lines;
using testing_support::Outcome;
using testing_support::ReadFile;

constexpr char kRuiz[] = "\"We will build it,\" Ana Ruiz said.";
constexpr char kRuizQuote[] = "We will build it,";
constexpr char kBecker[] = "\"It is done,\" Tom Becker said.";
constexpr char kBeckerQuote[] = "It is done,";

// One sentence of prose that no rule attributes, for padding documents.
// Prose that attributes nothing.
constexpr char kFiller[] =
    "the council met on tuesday and looked at the wall for a long time, "
    "and nobody left early. ";
// Lowercase prose, so one endless sentence, with a reporting verb in
// every line: each cue's rules must not search the whole of it.
constexpr char kCueFiller[] =
    "the council met on tuesday and talked about the wall for a long time, "
    "and nobody left early. ";

const Extractor& English() {
  static const Extractor* extractor = [] {
    auto rules = RuleSet::Load({BuiltinEnglishPack()});
    EXPECT_TRUE(rules.ok()) << rules.status().message();
    return new Extractor(*rules);
  }();
  return *extractor;
}

// Every span of `result` lies inside its text.
void ExpectSpansInText(const DocumentResult& result) {
  const std::size_t size = result.text.size();
  auto in_text = [size](const Span& s) {
    return s.begin <= s.end && s.end <= size;
  };
  for (const Attribution& a : result.quotes) {
    EXPECT_TRUE(in_text(a.content));
    if (a.cue) EXPECT_TRUE(in_text(*a.cue));
    if (a.speaker) EXPECT_TRUE(in_text(*a.speaker));
  }
  for (const Entity& e : result.entities) {
    for (const Span& m : e.mentions) EXPECT_TRUE(in_text(m));
  }
}

// The bytes of `text` that the attribution's spans cover, as
// "speaker|cue|content", so that offsets are checked against the input.
std::vector<std::string> Covered(const DocumentResult& result) {
  std::vector<std::string> out;
  for (const Attribution& a : result.quotes) {
    out.push_back(std::string(a.speaker ? a.speaker->In(result.text) : "") +
                  "|" + std::string(a.cue ? a.cue->In(result.text) : "") + "|" +
                  std::string(a.content.In(result.text)));
  }
  return out;
}

DocumentResult Extract(const std::string& text) {
  return English().Extract(Document{"doc", text});
}

// ---------------------------------------------------------------------------
// The bad-input matrix, through the library

TEST(BadInputTest, InvalidUtf8KeepsOffsetsByteExactAndNamesTheByte) {
  const std::string text =
      "Caf\xE9 news.\n\n\"We will \xFF build it,\" Ana Ruiz said.";
  const DocumentResult result = Extract(text);
  EXPECT_THAT(result.warnings, ElementsAre("invalid UTF-8 at byte offset 3"));
  EXPECT_THAT(Covered(result),
              ElementsAre("Ana Ruiz|said|We will \xFF build it,"));
  ExpectSpansInText(result);
}

// NUL is a non-letter byte like any other: it moves no offset and ends
// no string.
TEST(BadInputTest, NulBytesAreOrdinaryBytes) {
  const std::string text =
      std::string("\0\0 Notes\0.\n\n\"We will \0 build it,\" Ana Ruiz said.",
                  48) +
      "\n\n" + kBecker;
  const DocumentResult result = Extract(text);
  EXPECT_THAT(result.warnings, IsEmpty());
  EXPECT_THAT(Covered(result),
              ElementsAre(std::string("Ana Ruiz|said|We will \0 build it,", 33),
                          std::string("Tom Becker|said|") + kBeckerQuote));
}

// A NUL or another control byte right after a statement's full stop
// separates sentences like a space: the statement before it is whole.
TEST(BadInputTest, ControlByteAfterAFullStopEndsTheSentence) {
  for (char control : {'\0', '\x1b', '\x7f'}) {
    const std::string text =
        std::string("The pier will reopen, Ana Ruiz said.") + control +
        "The boats are safe, Tom Becker said.";
    EXPECT_THAT(Covered(Extract(text)),
                ElementsAre("Ana Ruiz|said|The pier will reopen",
                            "Tom Becker|said|The boats are safe"))
        << static_cast<int>(control);
  }
}

TEST(BadInputTest, CrlfAndLoneCrEndLines) {
  const std::string crlf = std::string(kRuiz) + "\r\n\r\n" + kBecker + "\r\n";
  EXPECT_EQ(SplitParagraphs(crlf).size(), 2u);
  EXPECT_THAT(Covered(Extract(crlf)),
              ElementsAre(std::string("Ana Ruiz|said|") + kRuizQuote,
                          std::string("Tom Becker|said|") + kBeckerQuote));
  const std::string lone_cr = std::string(kRuiz) + "\r\r" + kBecker + "\r";
  EXPECT_EQ(SplitParagraphs(lone_cr).size(), 2u);
  EXPECT_THAT(Covered(Extract(lone_cr)),
              ElementsAre(std::string("Ana Ruiz|said|") + kRuizQuote,
                          std::string("Tom Becker|said|") + kBeckerQuote));
}

TEST(BadInputTest, ByteOrderMarkIsKeptAndCounted) {
  const std::string text = std::string("\xEF\xBB\xBF") + kRuiz;
  const DocumentResult result = Extract(text);
  ASSERT_EQ(result.quotes.size(), 1u);
  EXPECT_EQ(result.quotes[0].content.begin, 4u);  // BOM, then the mark
  EXPECT_THAT(Covered(result),
              ElementsAre(std::string("Ana Ruiz|said|") + kRuizQuote));
  EXPECT_THAT(result.warnings, IsEmpty());
}

TEST(BadInputTest, EmptyDocumentGivesAnEmptyResult) {
  for (const std::string text : {"", " \n\r\n\t\n"}) {
    const DocumentResult result = Extract(text);
    EXPECT_EQ(result.text, text);
    EXPECT_THAT(result.quotes, IsEmpty());
    EXPECT_THAT(result.entities, IsEmpty());
    EXPECT_THAT(result.warnings, IsEmpty());
  }
}

TEST(BadInputTest, TenThousandUnbalancedQuoteMarks) {
  for (const std::string mark : {"\"", LDQ, RDQ, "'", LSQ, "\xC2\xAB"}) {
    SCOPED_TRACE(mark);
    std::string text;
    for (int i = 0; i < 10000; ++i) text += mark + (i % 7 == 0 ? " " : "a ");
    text += std::string("\n\n") + kRuiz;
    const DocumentResult result = Extract(text);
    ExpectSpansInText(result);
    // The well-formed paragraph after the noise is still attributed.
    EXPECT_THAT(Covered(result),
                testing::Contains(std::string("Ana Ruiz|said|") + kRuizQuote));
  }
}

TEST(BadInputTest, DeeplyNestedQuotes) {
  constexpr int kDepth = 10000;  // levels, alternating double and single
  std::string inner;
  for (int i = 0; i < kDepth / 2; ++i) inner += LDQ "a " LSQ "b ";
  for (int i = 0; i < kDepth / 2; ++i) inner += "c," RSQ " d," RDQ " ";
  const std::string text = "\"" + inner + "end,\" Ana Ruiz said.";
  const DocumentResult result = Extract(text);
  ExpectSpansInText(result);
  ASSERT_EQ(result.quotes.size(), 1u);
  EXPECT_EQ(result.quotes[0].content.In(text), inner + "end,");
  EXPECT_EQ(result.quotes[0].speaker_name, "Ana Ruiz");
}

// ---------------------------------------------------------------------------
// The bad-input matrix, through the executable

class BadInputCliTest : public BinaryTest {
 protected:
  // The document of `docs` whose "id" is `id`; fails the test if none.
  static json Doc(const std::vector<json>& docs, const std::string& id) {
    for (const json& doc : docs) {
      if (doc.value("id", "") == id) return doc;
    }
    ADD_FAILURE() << "no document " << id;
    return json::object();
  }

  // The first quote of `doc`, its content span applied to `text`, the
  // original bytes (the JSON "text" field has invalid UTF-8 replaced).
  static std::string FirstContent(const json& doc, const std::string& text) {
    if (!doc.contains("quotes") || doc["quotes"].empty()) return "(none)";
    const json& span = doc["quotes"][0]["content"];
    const std::size_t begin = span[0];
    return text.substr(begin, span[1].get<std::size_t>() - begin);
  }

  static std::string Line(const std::string& id, const std::string& text) {
    return json{{"id", id}, {"text", text}}.dump() + "\n";
  }
};

TEST_F(BadInputCliTest, InvalidUtf8IsWarnedWithItsOffset) {
  const std::string text = std::string("Bad \xC3\x28 byte.\n\n") + kRuiz;
  const Outcome r = Run({"extract", "-f", "jsonl", Write("invalid.txt", text)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["warnings"], json({"invalid UTF-8 at byte offset 4"}));
  EXPECT_EQ(FirstContent(docs[0], text), kRuizQuote);
}

TEST_F(BadInputCliTest, NulBytesInTextFilesAndJsonLines) {
  const std::string text = std::string("Odd\0bytes.\n\n", 12) + kRuiz;
  const Outcome plain = Run({"extract", "-f", "jsonl", Write("nul.txt", text)});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(JsonLines(plain.out).size(), 1u);
  EXPECT_EQ(JsonLines(plain.out)[0]["text"], text);
  EXPECT_EQ(FirstContent(JsonLines(plain.out)[0], text), kRuizQuote);
  const Outcome lines =
      Run({"extract", "-f", "jsonl", Write("nul.jsonl", Line("n", text))});
  ASSERT_EQ(lines.exit_code, 0) << lines.err;
  ASSERT_EQ(JsonLines(lines.out).size(), 1u);
  json same = JsonLines(plain.out)[0];
  same["id"] = "n";
  EXPECT_EQ(JsonLines(lines.out)[0], same);
}

TEST_F(BadInputCliTest, CrlfJsonLinesAndCrlfTexts) {
  auto crlf = [](std::string line) {
    return line.insert(line.size() - 1, "\r");
  };
  const std::string input =
      crlf(Line("a", std::string(kRuiz) + "\r\n\r\n" + kBecker)) +
      crlf(Line("b", std::string(kBecker) + "\r" + kRuiz));
  const Outcome r = Run({"extract", "-f", "jsonl", Write("crlf.jsonl", input)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_THAT(Ids(docs), ElementsAre("a", "b"));
  EXPECT_EQ(docs[0]["quotes"].size(), 2u);
  EXPECT_EQ(docs[1]["quotes"].size(), 2u);
}

TEST_F(BadInputCliTest, ByteOrderMarkBeforeTheFirstJsonLine) {
  const std::string file = Write(
      "bom.jsonl", "\xEF\xBB\xBF" + Line("a", kRuiz) + Line("b", kBecker));
  const Outcome r = Run({"extract", "-f", "jsonl", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Ids(JsonLines(r.out)), ElementsAre("a", "b"));
}

TEST_F(BadInputCliTest, EmptyDocumentInJsonLines) {
  const Outcome r = Run(
      {"extract", "-f", "jsonl", Write("empty.jsonl", Line("e", "") + "\n")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["text"], "");
  EXPECT_TRUE(docs[0]["quotes"].empty());
}

TEST_F(BadInputCliTest, TenMegabyteLine) {
  std::string big;
  while (big.size() < 10'000'000) big += kCueFiller;
  big += kBecker;  // on the same line, at the very end
  const std::string file =
      Write("big-line.jsonl",
            Line("small", kRuiz) + Line("big", big) + Line("after", kBecker));
  const Outcome r = Run({"extract", "-f", "jsonl", "--no-text", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_THAT(Ids(docs), ElementsAre("small", "big", "after"));
  // The filler may read as statements; Becker's quotation ends the line.
  const json& quotes = docs[1]["quotes"];
  ASSERT_FALSE(quotes.empty());
  const json& last = quotes.back();
  const std::size_t begin = last["content"][0].get<std::size_t>();
  const std::size_t end = last["content"][1].get<std::size_t>();
  EXPECT_GT(begin, 10'000'000u);
  EXPECT_EQ(big.substr(begin, end - begin), kBeckerQuote);
}

// Malformed JSON, a line without "text", a non-string "text": each is
// reported with its line number as it comes, skipped, and named again at
// the end; the exit status is 1.
TEST_F(BadInputCliTest, BadLinesAreSkippedAndNamedAtTheEnd) {
  const std::string file =
      Write("bad.jsonl", Line("first", kRuiz) + "{\"id\": \"broken\", \n" +
                             "{\"id\": \"no-text\"}\n" +
                             "{\"id\": \"number\", \"text\": 42}\n" +
                             Line("last", kBecker));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"extract", "-f", "jsonl", file},
        std::vector<std::string>{"extract", "-f", "jsonl", "--on-error", "skip",
                                 file}}) {
    const Outcome r = Run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(Ids(JsonLines(r.out)), ElementsAre("first", "last"));
    EXPECT_THAT(r.err, HasSubstr(file + ":2: malformed JSON"));
    EXPECT_THAT(r.err, HasSubstr(file + ":3: missing \"text\""));
    EXPECT_THAT(r.err, HasSubstr(file + ":4: \"text\" is not a string"));
    EXPECT_THAT(r.err, EndsWith("whosaid: 3 documents skipped: " + file +
                                ":2, " + file + ":3, " + file + ":4\n"));
  }
}

TEST_F(BadInputCliTest, OnErrorFailStopsAtTheFirstBadDocument) {
  const std::string missing = Path("missing.txt");
  const std::string file =
      Write("bad.jsonl", Line("first", kRuiz) + "not json\n" +
                             "{\"id\": \"no-text\"}\n" + Line("last", kBecker));
  const Outcome r =
      Run({"extract", "-f", "jsonl", "--on-error", "fail", file, missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(Ids(JsonLines(r.out)), ElementsAre("first"));
  EXPECT_THAT(r.err, HasSubstr(file + ":2: malformed JSON"));
  EXPECT_THAT(r.err, Not(HasSubstr(file + ":3")));
  EXPECT_THAT(r.err, Not(HasSubstr(missing)));
  EXPECT_THAT(r.err, EndsWith("1 document failed, and --on-error fail "
                              "stopped the run: " +
                              file + ":2\n"));
  // An unreadable input stops the run the same way.
  const Outcome first_missing =
      Run({"extract", "-f", "jsonl", "--on-error", "fail", missing, file});
  EXPECT_EQ(first_missing.exit_code, 1);
  EXPECT_THAT(first_missing.out, IsEmpty());
  EXPECT_THAT(first_missing.err, HasSubstr(missing + ": cannot read it"));
}

TEST_F(BadInputCliTest, UnreadableInputFileIsNamedAndTheOthersRun) {
  const std::string secret = Write("secret.txt", kRuiz);
  fs::permissions(secret, fs::perms::none);
  const std::string open = Write("open.txt", kBecker);
  const Outcome r =
      Run({"extract", "-f", "jsonl", secret, open}, {.as_nobody = true});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(secret + ": cannot read it: Permission denied"));
  EXPECT_THAT(r.err, EndsWith("1 document skipped: " + secret + "\n"));
  EXPECT_THAT(Ids(JsonLines(r.out)), ElementsAre(open));
}

// A file that opens but fails to read (EIO from /proc/self/mem at offset
// 0) is a failed document, never a short or empty one.
TEST_F(BadInputCliTest, ReadErrorFailsTheDocument) {
  if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc here";
  for (const char* mode : {"text", "jsonl"}) {
    SCOPED_TRACE(mode);
    const Outcome r =
        Run({"extract", "-f", "jsonl", "-i", mode, "/proc/self/mem"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, ContainsRegex("/proc/self/mem(:1)?: read error: "));
    EXPECT_THAT(r.out, IsEmpty());
  }
}

TEST_F(BadInputCliTest, OutputToAFullDeviceIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  std::string many;
  for (int i = 0; i < 2000; ++i) many += Line(std::to_string(i), kRuiz);
  const std::string file = Write("many.jsonl", many);
  const std::string db = Path("quotes.db");
  ASSERT_EQ(Run({"index", "--db", db, "--quiet", file}).exit_code, 0);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"extract", "-f", "jsonl", file},
        std::vector<std::string>{"search", "--db", db, "--format", "jsonl"},
        std::vector<std::string>{"extract", "-f", "jsonl", "-j", "1",
                                 "docs/example-article.txt"},
        std::vector<std::string>{"rules", "list"},
        std::vector<std::string>{"rules", "explain", "en.speaker_said_quote"},
        std::vector<std::string>{"--help"}}) {
    SCOPED_TRACE(args[0]);
    const Outcome r = Run(args, {.stdout_path = "/dev/full"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("whosaid: cannot write the output: No space "
                                 "left on device\n"));
    EXPECT_EQ(r.err.find("cannot write"), r.err.rfind("cannot write"))
        << "reported once";
  }
}

// `whosaid extract | head -1`: the reader goes away after one line; whosaid
// stops quietly, with no message and exit status 0.
TEST_F(BadInputCliTest, ClosedPipeEndsQuietly) {
  std::string many;
  for (int i = 0; i < 5000; ++i) many += Line(std::to_string(i), kRuiz);
  const std::string file = Write("many.jsonl", many);
  const std::string script =
      "{ \"$0\" extract -f jsonl \"$1\" 2>\"$2\"; echo $? >\"$3\"; }"
      " | head -1 >\"$4\"";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", script.c_str(), WHOSAID_BINARY, file.c_str(),
          Path("err").c_str(), Path("rc").c_str(), Path("out").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_EQ(ReadFile(Path("rc")), "0\n");
  EXPECT_EQ(ReadFile(Path("err")), "");
  ASSERT_EQ(Lines(ReadFile(Path("out"))).size(), 1u);
  EXPECT_EQ(JsonLines(ReadFile(Path("out")))[0]["id"], "0");
}

// ---------------------------------------------------------------------------
// Exit statuses: 0 all fine, 1 some documents failed, 2 usage or
// configuration error.

TEST_F(BadInputCliTest, ExitStatusSaysWhatHappened) {
  const std::string good = Write("good.jsonl", Line("a", kRuiz));
  const std::string bad = Write("bad.jsonl", "{\n");
  EXPECT_EQ(Run({"extract", "-f", "jsonl", good}).exit_code, 0);
  EXPECT_EQ(Run({"extract", "-f", "jsonl", good, bad}).exit_code, 1);
  EXPECT_EQ(Run({"extract", "-f", "jsonl", "--on-error", "fail", bad, good})
                .exit_code,
            1);
  EXPECT_EQ(Run({"extract", "--on-error", "ignore", good}).exit_code, 2);
  EXPECT_EQ(Run({"extract", "--rules", Path("no-pack"), good}).exit_code, 2);
  EXPECT_EQ(Run({"extract", "--threads"}).exit_code, 2);
}

// ---------------------------------------------------------------------------
// Hostile rules

// A pack "hostile" with one rule, hostile.rule, whose pattern is `pattern`,
// and the lexicons given as name -> content.
PackSource HostilePack(const std::string& pattern,
                       const std::vector<PackFile>& lexicons = {}) {
  PackSource pack{"hostile", {{"pack.yaml", "name: hostile\n"}}};
  pack.files.push_back(
      {"rules/hostile.rule.yaml",
       "id: hostile.rule\ndescription: Hostile.\ntype: direct\npattern: '" +
           pattern + "'\n"});
  for (const PackFile& lexicon : lexicons) pack.files.push_back(lexicon);
  return pack;
}

// (\w+\s?)+ before a literal that is not there: a backtracking engine
// tries every way to split the run of letters, 2^n of them, before it
// fails; RE2 runs in time linear in the text, so a 100,000-letter run ends.
TEST(HostileRulesTest, CatastrophicBacktrackingPatternStaysLinear) {
  auto rules = RuleSet::Load(
      {HostilePack("(?P<speaker>(?:\\w+\\s?)+) said: %{QUOTE:content}[.]")});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const Rule* rule = (*rules)->Find("hostile.rule");
  ASSERT_NE(rule, nullptr);
  const std::string text = std::string(100000, 'a') + " said: \"Yes\"!";
  EXPECT_FALSE(RE2::PartialMatch(text, rule->regex()));
  const Extractor extractor(*rules);
  EXPECT_THAT(extractor.Extract(Document{"d", text}).quotes, IsEmpty());
  // The same rule does match when the text allows it.
  EXPECT_EQ(
      extractor.Extract(Document{"d", "Ann said: \"Yes\"."}).quotes.size(), 1u);
}

// 100,000 distinct words: "v" and the base-26 digits of 0, 1, 2, ...
std::vector<std::string> HundredThousandWords() {
  std::vector<std::string> words;
  for (int i = 0; i < 100000; ++i) {
    std::string word = "v";
    for (int n = i; n > 0 || word.size() == 1; n /= 26) word += 'a' + n % 26;
    words.push_back(word);
  }
  return words;
}

TEST(HostileRulesTest, HundredThousandEntryLexiconLoads) {
  const std::vector<std::string> words = HundredThousandWords();
  std::string lexicon = "# 100,000 generated verbs\n";
  for (const std::string& word : words) lexicon += word + "\n";
  auto rules = RuleSet::Load({HostilePack(
      "%{QUOTE:content},? (?P<speaker>\\p{Lu}\\p{L}+) %{BIG_VERBS:cue}\\b",
      {{"lexicons/big_verbs.txt", lexicon}})});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ((*rules)->lexicons().at("BIG_VERBS").size(), words.size());
  const std::string& last = words.back();
  const Extractor extractor(*rules);
  const DocumentResult result =
      extractor.Extract(Document{"d", "\"Yes,\" Ann " + last + "."});
  EXPECT_THAT(Covered(result), ElementsAre("Ann|" + last + "|Yes,"));
}

TEST(HostileRulesTest, PatternOverTheMemoryBudgetNamesTheRule) {
  std::string huge = "(?P<speaker>";
  for (int i = 0; i < 20; ++i) huge += "\\p{L}{1000}";
  huge += ")";
  auto rules = RuleSet::Load({HostilePack(huge)});
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(
      rules.status().message(),
      ContainsRegex("^hostile/rules/hostile\\.rule\\.yaml:[0-9]+:[0-9]+: "
                    "rule hostile\\.rule: pattern too large for RE2"));
}

class HostileRulesCliTest : public BinaryTest {};

TEST_F(HostileRulesCliTest, PackThatDoesNotExistExits2) {
  const Outcome r = Run({"rules", "list", "--rules", Path("nowhere")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(Path("nowhere")));
  EXPECT_THAT(r.out, IsEmpty());
}

TEST_F(HostileRulesCliTest, UnreadablePackExits2) {
  Write("locked/pack.yaml", "name: locked\n");
  const std::string rule =
      Write("locked/rules/locked.rule.yaml",
            "id: locked.rule\ndescription: d\ntype: direct\n"
            "pattern: '%{QUOTE:content} (?P<speaker>Ann) said'\n");
  fs::permissions(rule, fs::perms::none);
  const Outcome unreadable_rule =
      Run({"extract", "--rules", Path("locked"), "docs/example-article.txt"},
          {.as_nobody = true});
  EXPECT_EQ(unreadable_rule.exit_code, 2);
  EXPECT_THAT(unreadable_rule.err, HasSubstr(rule));
  EXPECT_THAT(unreadable_rule.out, IsEmpty());
  fs::permissions(Path("locked"), fs::perms::none);
  const Outcome unreadable_folder =
      Run({"rules", "list", "--rules", Path("locked")}, {.as_nobody = true});
  EXPECT_EQ(unreadable_folder.exit_code, 2);
  EXPECT_THAT(unreadable_folder.err, HasSubstr(Path("locked")));
  fs::permissions(Path("locked"), fs::perms::owner_all);
}

// ---------------------------------------------------------------------------
// Long: hundreds of megabytes through the executable (ctest label `long`)

// The same fixture, in its own suite so that ctest can label it.
class LongInputCliTest : public BadInputCliTest {};

TEST_F(LongInputCliTest, HundredMegabyteDocument) {
  std::string text = std::string(kRuiz) + "\n\n";
  const std::string paragraph = std::string(kFiller) + kFiller + "\n\n";
  while (text.size() < 100'000'000) text += paragraph;
  text += kBecker;
  const std::string file = Write("hundred.txt", text);
  text.clear();
  const Outcome r = Run({"extract", "-f", "jsonl", "--no-text", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  const json& quotes = docs[0]["quotes"];
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0]["content_text"], kRuizQuote);
  EXPECT_EQ(quotes[1]["content_text"], kBeckerQuote);
  EXPECT_GT(quotes[1]["content"][0].get<std::size_t>(), 100'000'000u);
  EXPECT_EQ(quotes[1]["content"][1].get<std::size_t>() -
                quotes[1]["content"][0].get<std::size_t>(),
            std::string_view(kBeckerQuote).size());
}

TEST_F(LongInputCliTest, MillionTinyDocuments) {
  constexpr int kDocuments = 1'000'000;
  {
    std::ofstream out(Path("million.jsonl"), std::ios::binary);
    for (int i = 0; i < kDocuments; ++i) {
      out << "{\"id\":\"" << i << "\",\"text\":\"\\\"Yes,\\\" Ann said.\"}\n";
    }
  }
  const Outcome r = Run(
      {"extract", "-f", "jsonl", "--no-text", "-j", "2", Path("million.jsonl")},
      {.stdout_path = Path("million.out")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, IsEmpty());
  std::ifstream in(Path("million.out"), std::ios::binary);
  int count = 0;
  bool in_order = true;
  for (std::string line; std::getline(in, line); ++count) {
    // Cheap checks for a million lines: the id, and one quote each.
    in_order &= line.find("\"id\":\"" + std::to_string(count) + "\"") !=
                std::string::npos;
    in_order &= line.find("\"content_text\":\"Yes,\"") != std::string::npos;
  }
  EXPECT_EQ(count, kDocuments);
  EXPECT_TRUE(in_order);
}

}  // namespace
}  // namespace whosaid
