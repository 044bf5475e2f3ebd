// End-to-end tests of whosaid index, search and verify on real SQLite
// files, including a run killed with SIGKILL in the middle of ingesting.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "run_binary.h"
#include "store_fixtures.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_support::Outcome;
using testing_support::QueryFile;
using testing_support::QueryRows;

constexpr char kDevSet[] =
    WHOSAID_SOURCE_DIR "/../shared/eval/polnear/dev.jsonl";

// `docs` as JSON Lines, with their metadata.
std::string ToJsonl(const std::vector<Document>& docs) {
  std::string out;
  for (const Document& doc : docs) {
    json line = {{"id", doc.id}, {"text", doc.text}};
    if (!doc.meta.date.empty()) line["date"] = doc.meta.date;
    if (!doc.meta.outlet.empty()) line["outlet"] = doc.meta.outlet;
    if (!doc.meta.url.empty()) line["url"] = doc.meta.url;
    if (!doc.meta.title.empty()) line["title"] = doc.meta.title;
    out += line.dump() + "\n";
  }
  return out;
}

std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> lines;
  std::size_t begin = 0;
  while (begin < out.size()) {
    std::size_t end = out.find('\n', begin);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(begin, end - begin);
    EXPECT_TRUE(json::accept(line)) << "not JSON: " << line;
    if (json::accept(line)) lines.push_back(json::parse(line));
    begin = end + 1;
  }
  return lines;
}

class StoreCliTest : public testing_support::BinaryTest {
 protected:
  void SetUp() override {
    BinaryTest::SetUp();
    db_ = Path("quotes.db");
    articles_ =
        Write("articles.jsonl", ToJsonl(testing_support::StoreArticles()));
  }

  // Indexes the three articles into db_.
  void IndexArticles() {
    const Outcome r = Run({"index", "--db", db_, articles_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string db_;
  std::string articles_;
};

TEST_F(StoreCliTest, IndexThenSearchInEachFormat) {
  const Outcome indexed = Run({"index", "--db", db_, articles_});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_THAT(indexed.err, HasSubstr("indexed 3 documents"));

  const Outcome text = Run({"search", "--db", db_, "--speaker", "Ruiz"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out,
              AllOf(HasSubstr("Ana Ruiz"), HasSubstr("herald-2"),
                    HasSubstr("Ellery Gazette"), HasSubstr("2024-03-01")));

  const Outcome jsonl =
      Run({"search", "--db", db_, "--speaker", "Ruiz", "-f", "jsonl"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const std::vector<json> hits = JsonLines(jsonl.out);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[2]["document"]["id"], "gazette-1");
  EXPECT_EQ(hits[2]["document"]["url"], "https://gazette.example/sea-wall");
  EXPECT_EQ(hits[2]["content_text"], testing_support::kRuizQuote);
  EXPECT_EQ(hits[2]["speaker_name"], "Ana Ruiz");
  EXPECT_EQ(hits[0]["quote"], hits[2]["quote"]);

  const Outcome csv =
      Run({"search", "--db", db_, "--speaker", "Ruiz", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, StartsWith("document,date,outlet,url,speaker,stance,"
                                  "negated,kind,cue,content,quote\r\n"));
  // The quote holds a comma, so its field is quoted.
  EXPECT_THAT(csv.out,
              HasSubstr(",\"We cannot ask families to live behind a wall we "
                        "know will fail,\","));

  const Outcome grouped =
      Run({"search", "--db", db_, "--group", "-f", "jsonl", "families"});
  ASSERT_EQ(grouped.exit_code, 0) << grouped.err;
  const std::vector<json> groups = JsonLines(grouped.out);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0]["occurrences"], 3);
  EXPECT_EQ(groups[0]["first_seen"], "2024-03-01");
  EXPECT_EQ(groups[0]["last_seen"], "2024-04-10");
  EXPECT_EQ(groups[0]["outlets"].size(), 3u);
}

TEST_F(StoreCliTest, SearchFlagsFilter) {
  IndexArticles();
  const Outcome denied = Run({"search", "--db", db_, "--stance", "deny",
                              "--kind", "indirect", "-f", "jsonl"});
  ASSERT_EQ(denied.exit_code, 0) << denied.err;
  const std::vector<json> hits = JsonLines(denied.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["speaker_name"], "Tom Becker");
  const Outcome dated = Run({"search", "--db", db_, "--since", "2024-03-02",
                             "--until", "2024-03-31", "-f", "jsonl", "wall"});
  ASSERT_EQ(dated.exit_code, 0) << dated.err;
  for (const json& hit : JsonLines(dated.out)) {
    EXPECT_EQ(hit["document"]["id"], "courier-7");
  }
  EXPECT_EQ(JsonLines(dated.out).size(), 1u);
}

TEST_F(StoreCliTest, IndexingTwiceKeepsOneCopyOfEachDocument) {
  IndexArticles();
  const std::string attributions =
      QueryFile(db_, "SELECT count(*) FROM attributions");
  IndexArticles();
  EXPECT_EQ(QueryFile(db_, "SELECT count(*) FROM documents"), "3");
  EXPECT_EQ(QueryFile(db_, "SELECT count(*) FROM attributions"), attributions);
}

TEST_F(StoreCliTest, VerifySaysVerbatimWithChangesOrNotFound) {
  IndexArticles();
  const Outcome truncated =
      Run({"verify", "--db", db_, "live behind a wall we know will fail"});
  ASSERT_EQ(truncated.exit_code, 0) << truncated.err;
  EXPECT_THAT(truncated.out,
              AllOf(StartsWith("verbatim"), HasSubstr("Ana Ruiz"),
                    HasSubstr("gazette-1")));

  const Outcome changed =
      Run({"verify", "--db", db_, "--speaker", "Ruiz",
           "We can't ask families to live behind a wall we know is going to "
           "fail"});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_THAT(changed.out, AllOf(StartsWith("with changes"),
                                 HasSubstr("[-cannot-] {+can't+}")));

  const Outcome invented = Run({"verify", "--db", db_, "-f", "jsonl",
                                "The council will pave the harbour with "
                                "gold by Christmas"});
  ASSERT_EQ(invented.exit_code, 0) << invented.err;
  const std::vector<json> answer = JsonLines(invented.out);
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_EQ(answer[0]["verdict"], "not found");

  const Outcome marked =
      Run({"verify", "--db", db_, "The harbour has waited three years"});
  EXPECT_THAT(marked.out, HasSubstr("insertion \"[for]\""));
}

TEST_F(StoreCliTest, UsageAndStoreErrorsExit2) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  const std::string absent = Path("absent.db");
  const std::string notes = Write("notes.txt", std::string(200, 'x'));
  const Case cases[] = {
      {{"index", articles_}, "missing --db"},
      {{"index", "--db", notes, articles_}, "notes.txt"},
      {{"search", "Ruiz"}, "missing --db"},
      {{"search", "--db", absent}, "absent.db"},
      {{"verify", "--db", absent, "words"}, "absent.db"},
      {{"verify", "--db", absent}, "missing the claimed quote"},
  };
  for (const Case& c : cases) {
    const Outcome r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << " " << c.error;
    EXPECT_THAT(r.err, HasSubstr(c.error));
  }
  EXPECT_FALSE(fs::exists(absent));
  IndexArticles();
  const Case bad_flags[] = {
      {{"search", "--db", db_, "--format", "xml"}, "unknown format"},
      {{"search", "--db", db_, "--kind", "shouted"}, "unknown kind"},
      {{"search", "--db", db_, "--since", "yesterday"}, "is not a date"},
      {{"verify", "--db", db_, "-f", "csv", "x"}, "unknown format"},
  };
  for (const Case& c : bad_flags) {
    const Outcome r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.error;
    EXPECT_THAT(r.err, HasSubstr(c.error));
  }
}

TEST_F(StoreCliTest, BadInputLinesAreReportedAndTheRestIsStored) {
  const std::string mixed =
      Write("mixed.jsonl", "{\"id\": \"broken\", \"text\": \n" +
                               ToJsonl({testing_support::StoreArticles()[1]}));
  const Outcome r = Run({"index", "--db", db_, mixed});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("mixed.jsonl:1"));
  EXPECT_EQ(QueryFile(db_, "SELECT group_concat(id) FROM documents"),
            "courier-7");
}

// ---------------------------------------------------------------------------
// kill -9 in the middle of ingesting

// `count` small articles, each with three attributions and a speaker of
// its own.
std::vector<Document> ManyArticles(int count) {
  const char* first[] = {"Ana",  "Tom",  "Lena", "Omar", "Rita",
                         "Piet", "Mara", "Ivan", "Nora", "Saul"};
  const char* last[] = {"Ruiz",   "Becker", "Okafor", "Lindqvist", "Moreau",
                        "Tanaka", "Novak",  "Haddad", "Silva",     "Keane"};
  std::vector<Document> docs;
  for (int i = 0; i < count; ++i) {
    const std::string name =
        std::string(first[i % 10]) + " " + last[(i / 10) % 10];
    const std::string n = std::to_string(i);
    docs.push_back(
        {"article-" + n,
         "Councillor " + name + " said the harbour plan " + n +
             " would cost more than expected.\n\n\"We will vote on plan " + n +
             " before the summer,\" " + name +
             " told reporters.\n\n"
             "\"Nobody in district " +
             n + " will be left behind,\" " + name + " added.",
         {"",
          "2024-05-" + std::string(i % 28 < 9 ? "0" : "") +
              std::to_string(i % 28 + 1),
          "Harbour News", ""}});
  }
  return docs;
}

// Every stored document is whole: its attributions and entities are all
// there (as many as the extractor finds in it), the full-text index
// matches the attributions, and SQLite finds the file sound.
void ExpectWholeDocumentsOnly(const std::string& db,
                              const std::vector<Document>& docs) {
  EXPECT_EQ(QueryFile(db, "PRAGMA integrity_check"), "ok");
  auto broken_keys = QueryRows(db, "PRAGMA foreign_key_check");
  ASSERT_TRUE(broken_keys.has_value());
  EXPECT_TRUE(broken_keys->empty());
  EXPECT_TRUE(QueryRows(db,
                        "INSERT INTO attribution_text(attribution_text) "
                        "VALUES ('integrity-check')")
                  .has_value());
  EXPECT_EQ(QueryFile(db, "SELECT count(*) FROM attribution_text"),
            QueryFile(db, "SELECT count(*) FROM attributions"));
  EXPECT_EQ(QueryFile(db,
                      "SELECT count(*) FROM quotes WHERE quote_key NOT "
                      "IN (SELECT quote_key FROM attributions)"),
            "0");
  std::map<std::string, const Document*> by_id;
  for (const Document& doc : docs) by_id[doc.id] = &doc;
  auto rows = QueryRows(db, R"sql(
      SELECT d.id,
        (SELECT count(*) FROM attributions a WHERE a.doc_key = d.doc_key),
        (SELECT count(*) FROM entities e WHERE e.doc_key = d.doc_key)
      FROM documents d)sql");
  ASSERT_TRUE(rows.has_value());
  for (const auto& row : *rows) {
    ASSERT_TRUE(by_id.count(row[0])) << row[0];
    const DocumentResult expected =
        testing_support::TheExtractor().Extract(*by_id[row[0]]);
    ASSERT_EQ(expected.quotes.size(), 3u) << row[0];
    EXPECT_EQ(row[1], std::to_string(expected.quotes.size())) << row[0];
    EXPECT_EQ(row[2], std::to_string(expected.entities.size())) << row[0];
  }
}

int StoredDocuments(const std::string& db) {
  const std::string count = QueryFile(db, "SELECT count(*) FROM documents");
  return count.empty() ? 0 : std::stoi(count);
}

// Feeds `docs` to `whosaid index --batch 10` through a pipe that stays
// open, waits until at least `committed` documents are stored, lets the
// run go on into its next transaction, and kills it with SIGKILL.
void IndexAndKill(const std::string& db, const std::string& dir,
                  const std::vector<Document>& docs, int committed) {
  // A run that died early must fail the test, not kill it with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  int in[2];
  ASSERT_EQ(pipe2(in, O_CLOEXEC), 0);
  const int out = open((dir + "/kill.out").c_str(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = open((dir + "/kill.err").c_str(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const pid_t pid =
      testing_support::StartBinary({"index", "--db", db, "--batch", "10", "-j",
                                    "1", "-q", "--input", "jsonl", "-"},
                                   in[0], out, err);
  close(in[0]);
  close(out);
  close(err);
  ASSERT_GT(pid, 0);
  const std::string lines = ToJsonl(docs);
  ASSERT_EQ(write(in[1], lines.data(), lines.size()),
            static_cast<ssize_t>(lines.size()));
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (StoredDocuments(db) < committed &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // The documents after the last commit are being added to the open
  // transaction now; the input stays open, so the run cannot have ended.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  EXPECT_EQ(testing_support::WaitForExit(pid), 128 + SIGKILL)
      << testing_support::ReadFile(dir + "/kill.err");
  close(in[1]);
}

TEST_F(StoreCliTest, KilledMidIngestLeavesEveryDocumentWholeOrAbsent) {
  const std::vector<Document> docs = ManyArticles(60);
  const std::vector<Document> first(docs.begin(), docs.begin() + 35);
  IndexAndKill(db_, dir_.string(), first, 20);
  // Only whole transactions of ten documents made it.
  const int stored = StoredDocuments(db_);
  EXPECT_GE(stored, 20);
  EXPECT_EQ(stored % 10, 0) << stored;
  ExpectWholeDocumentsOnly(db_, docs);

  // A second run over all of them, killed again: the documents already
  // stored are replaced inside its transactions.
  IndexAndKill(db_, dir_.string(), docs, stored + 10);
  EXPECT_GE(StoredDocuments(db_), stored);
  ExpectWholeDocumentsOnly(db_, docs);

  // A run that ends stores the rest.
  const std::string all = Write("all.jsonl", ToJsonl(docs));
  const Outcome r = Run({"index", "--db", db_, "-q", all});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StoredDocuments(db_), 60);
  ExpectWholeDocumentsOnly(db_, docs);
}

// ---------------------------------------------------------------------------
// PolNeAR

TEST_F(StoreCliTest, PolnearDevIndexedTwiceHoldsEachDocumentOnce) {
  if (!fs::exists(kDevSet)) {
    GTEST_SKIP() << "PolNeAR dev set not found at " << kDevSet;
  }
  for (int run = 0; run < 2; ++run) {
    const Outcome r = Run({"index", "--db", db_, "-q", kDevSet});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(QueryFile(db_, "SELECT count(*) FROM documents"), "84");
  EXPECT_EQ(QueryFile(db_, "SELECT count(DISTINCT id) FROM documents"), "84");

  const Outcome trump = Run({"search", "--db", db_, "--speaker", "Trump",
                             "--limit", "0", "-f", "jsonl"});
  ASSERT_EQ(trump.exit_code, 0) << trump.err;
  const std::vector<json> hits = JsonLines(trump.out);
  EXPECT_GT(hits.size(), 50u);
  std::map<std::string, int> documents;
  for (const json& hit : hits) {
    const std::string speaker = hit["speaker_name"].is_string()
                                    ? hit["speaker_name"]
                                    : hit["speaker_text"];
    EXPECT_THAT(speaker, HasSubstr("Trump"));
    EXPECT_THAT(hit["document"]["id"].get<std::string>(),
                StartsWith("PolNeAR/dev/"));
    EXPECT_TRUE(hit["document"]["date"].is_string());
    ++documents[hit["document"]["id"]];
  }
  EXPECT_GT(documents.size(), 20u);
}

}  // namespace
}  // namespace whosaid
