// The quote store on real SQLite files in a temporary folder, fed by the
// real extractor with the English pack.
#include "whosaid/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "store_fixtures.h"
#include "temp_folder.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using testing_support::Extracted;
using testing_support::kRuizQuote;
using testing_support::QueryFile;
using testing_support::StoreArticles;

std::vector<std::string> DocumentIds(
    const std::vector<StoredAttribution>& hits) {
  std::vector<std::string> ids;
  for (const StoredAttribution& hit : hits) ids.push_back(hit.document_id);
  return ids;
}

class StoreTest : public testing_support::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    path_ = Path("quotes.db");
  }

  // A store at path_ holding the three articles.
  std::unique_ptr<Store> IndexedStore() {
    auto store = Store::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return nullptr;
    const Status indexed = (*store)->Index(Extracted(StoreArticles()));
    EXPECT_TRUE(indexed.ok()) << indexed.message();
    return std::move(store).value();
  }

  std::vector<StoredAttribution> Search(Store& store, SearchQuery query) {
    auto hits = store.Search(query);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    return hits.ok() ? *hits : std::vector<StoredAttribution>{};
  }

  std::string path_;
};

TEST_F(StoreTest, KeepsDocumentsWithTheirMetadataAndSpans) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  const auto hits = Search(*store, {.speaker = "Ruiz"});
  ASSERT_EQ(hits.size(), 3u);
  // Newest first.
  EXPECT_THAT(DocumentIds(hits),
              ElementsAre("herald-2", "courier-7", "gazette-1"));
  const StoredAttribution& gazette = hits[2];
  EXPECT_EQ(gazette.meta.url, "https://gazette.example/sea-wall");
  EXPECT_EQ(gazette.meta.date, "2024-03-01");
  EXPECT_EQ(gazette.meta.outlet, "Ellery Gazette");
  EXPECT_EQ(gazette.meta.title, "Council votes to rebuild the sea wall");
  EXPECT_EQ(gazette.content_text, kRuizQuote);
  EXPECT_EQ(gazette.attribution.speaker_name, "Ana Ruiz");
  EXPECT_EQ(gazette.cue_text, "said");
  EXPECT_EQ(gazette.attribution.stance, "assert");
  // The spans index the stored text.
  const std::string text =
      QueryFile(path_, "SELECT text FROM documents WHERE id = 'gazette-1'");
  EXPECT_EQ(gazette.attribution.content.In(text), kRuizQuote);
  EXPECT_EQ(QueryFile(path_,
                      "SELECT count(*) FROM entities e JOIN documents "
                      "d USING (doc_key) WHERE d.id = 'gazette-1'"),
            "2");
}

TEST_F(StoreTest, ReindexingADocumentReplacesIt) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  const StoreStats before = *store->Stats();
  ASSERT_TRUE(store->Index(Extracted(StoreArticles())).ok());
  const StoreStats again = *store->Stats();
  EXPECT_EQ(again.documents, 3);
  EXPECT_EQ(again.attributions, before.attributions);
  EXPECT_EQ(again.quotes, before.quotes);

  // A new version of the gazette article, without the spokesman.
  Document changed = StoreArticles()[0];
  changed.text = "\"The wall is a priority,\" Ana Ruiz said.";
  ASSERT_TRUE(store->Index(Extracted({changed})).ok());
  EXPECT_EQ(store->Stats()->documents, 3);
  EXPECT_THAT(Search(*store, {.speaker = "Becker"}), IsEmpty());
  EXPECT_THAT(DocumentIds(Search(*store, {.text = "priority"})),
              ElementsAre("gazette-1"));
  // The spokesman's quote groups went with him; the FTS index agrees.
  EXPECT_EQ(store->Stats()->quotes, before.quotes - 2 + 1);
  EXPECT_EQ(QueryFile(path_, "SELECT count(*) FROM attribution_text"),
            std::to_string(store->Stats()->attributions));
  EXPECT_EQ(QueryFile(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(StoreTest, SearchFilters) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  EXPECT_THAT(DocumentIds(Search(*store, {.text = "families WALL"})),
              UnorderedElementsAre("gazette-1", "courier-7", "herald-2"));
  // A phrase in double quotes must appear as such.
  EXPECT_THAT(DocumentIds(Search(*store, {.text = "\"wall we know\""})),
              UnorderedElementsAre("gazette-1", "courier-7"));
  const auto denials = Search(*store, {.stance = "deny"});
  ASSERT_EQ(denials.size(), 1u);
  EXPECT_EQ(denials[0].attribution.speaker_name, "Tom Becker");
  EXPECT_EQ(denials[0].content_text, "the vote had been rushed");
  for (const auto& hit : Search(*store, {.kind = QuoteType::kIndirect})) {
    EXPECT_EQ(hit.attribution.type, QuoteType::kIndirect);
  }
  EXPECT_EQ(Search(*store, {.kind = QuoteType::kIndirect}).size(), 3u);
  EXPECT_THAT(DocumentIds(Search(*store, {.speaker = "Ruiz",
                                          .since = "2024-03-02",
                                          .until = "2024-03"})),
              ElementsAre("courier-7"));
  EXPECT_THAT(DocumentIds(Search(*store, {.speaker = "ruiz", .until = "2024"})),
              ElementsAre("herald-2", "courier-7", "gazette-1"));
  EXPECT_EQ(Search(*store, {.limit = 2}).size(), 2u);
  EXPECT_THAT(Search(*store, {.text = "\"", .speaker = "Nobody At All"}),
              IsEmpty());
  auto bad_date = store->Search({.since = "March"});
  ASSERT_FALSE(bad_date.ok());
  EXPECT_THAT(bad_date.status().message(), HasSubstr("is not a date"));
}

TEST_F(StoreTest, GroupsTheSameQuoteAcrossDocuments) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  auto groups = store->SearchGroups({.speaker = "Ruiz"});
  ASSERT_TRUE(groups.ok()) << groups.status().message();
  // Equal after normalising in the gazette and the courier; one word more
  // in the herald, a near match.
  ASSERT_EQ(groups->size(), 1u);
  const QuoteGroup& group = groups->front();
  EXPECT_EQ(group.text, kRuizQuote);
  EXPECT_EQ(group.occurrences, 3u);
  EXPECT_EQ(group.first_seen, "2024-03-01");
  EXPECT_EQ(group.last_seen, "2024-04-10");
  EXPECT_THAT(group.outlets, ElementsAre("Coastal Courier", "Ellery Gazette",
                                         "Ellery Herald"));
  EXPECT_THAT(group.speakers, ElementsAre("Ana Ruiz"));
  // The other quotes stay apart, one group each.
  auto all = store->SearchGroups({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), static_cast<std::size_t>(store->Stats()->quotes));
  EXPECT_EQ(all->front().key, group.key);
  for (std::size_t i = 1; i < all->size(); ++i) {
    EXPECT_EQ((*all)[i].occurrences, 1u) << (*all)[i].text;
  }
}

TEST_F(StoreTest, NearMatchesJoinByEitherEndOfTheQuote) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  const auto doc = [](const std::string& id, const std::string& quote) {
    return Document{id, "\"" + quote + ",\" Ana Ruiz said.", {}};
  };
  ASSERT_TRUE(store
                  ->Index(Extracted(
                      {// First word changed: the last words still anchor it.
                       doc("first-word",
                           "They cannot ask families to live "
                           "behind a wall we know will fail"),
                       // Last word changed: the first words anchor it.
                       doc("last-word",
                           "We cannot ask families to live "
                           "behind a wall we know will crack"),
                       // Same start, another quote.
                       doc("other",
                           "We cannot ask families to pay for "
                           "the whole of the repairs alone")}))
                  .ok());
  auto groups = store->SearchGroups({.speaker = "Ruiz"});
  ASSERT_TRUE(groups.ok()) << groups.status().message();
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].occurrences, 5u);
  EXPECT_THAT((*groups)[0].document_ids,
              ElementsAre("courier-7", "first-word", "gazette-1", "herald-2",
                          "last-word"));
  EXPECT_THAT((*groups)[1].document_ids, ElementsAre("other"));
}

TEST_F(StoreTest, VerifyFindsTruncatedAndChangedQuotesButNotInventedOnes) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  auto truncated = store->Verify("live behind a wall we know will fail", "");
  ASSERT_TRUE(truncated.ok()) << truncated.status().message();
  EXPECT_EQ(truncated->verdict, Verdict::kVerbatim);
  ASSERT_FALSE(truncated->matches.empty());
  EXPECT_EQ(truncated->matches[0].stored.attribution.speaker_name, "Ana Ruiz");
  EXPECT_FALSE(truncated->matches[0].comparison.whole());

  auto changed = store->Verify(
      "We can't ask families to live behind a wall we know is going to fail",
      "Ana Ruiz");
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->verdict, Verdict::kWithChanges);
  ASSERT_FALSE(changed->matches.empty());
  EXPECT_THAT(FormatWordDiff(changed->matches[0].comparison.diff),
              AllOf(HasSubstr("[-cannot-] {+can't+}"),
                    HasSubstr("[-will-] {+is+} {+going+} {+to+}")));

  auto invented = store->Verify(
      "The council will pave the harbour with gold by Christmas", "");
  ASSERT_TRUE(invented.ok());
  EXPECT_EQ(invented->verdict, Verdict::kNotFound);

  // The right words from the wrong speaker are not found either.
  auto wrong_speaker =
      store->Verify("live behind a wall we know will fail", "Becker");
  ASSERT_TRUE(wrong_speaker.ok());
  EXPECT_EQ(wrong_speaker->verdict, Verdict::kNotFound);
}

TEST_F(StoreTest, VerifyPointsOutInsertionsInTheStoredQuote) {
  auto store = IndexedStore();
  ASSERT_TRUE(store);
  auto result = store->Verify("The harbour has waited three years", "Becker");
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->matches.empty());
  const VerifyMatch& best = result->matches[0];
  ASSERT_EQ(best.marks.size(), 1u);
  EXPECT_EQ(best.marks[0].kind, QuoteMarkKind::kInsertion);
  EXPECT_EQ(best.marks[0].span.In(best.stored.content_text), "[for]");
  // The claim leaves the writer's inserted word out: still verbatim.
  EXPECT_EQ(result->verdict, Verdict::kVerbatim);
  EXPECT_EQ(FormatWordDiff(best.comparison.diff),
            "the harbour has waited [for] three years");
}

TEST_F(StoreTest, ReadersSeeNothingOfAnOpenTransactionAndAreNotBlocked) {
  auto writer = IndexedStore();
  ASSERT_TRUE(writer);
  Document extra = StoreArticles()[0];
  extra.id = "late-edition";
  ASSERT_TRUE(writer->Begin().ok());
  ASSERT_TRUE(writer->Add(extra.meta, Extracted({extra})[0].result).ok());
  auto reader = Store::Open(path_, Store::Mode::kExisting);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->Search({.speaker = "Ruiz"})->size(), 3u);
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_EQ((*reader)->Search({.speaker = "Ruiz"})->size(), 4u);
  // Rolled back, an Add leaves nothing.
  extra.id = "withdrawn";
  ASSERT_TRUE(writer->Begin().ok());
  ASSERT_TRUE(writer->Add(extra.meta, Extracted({extra})[0].result).ok());
  writer->Rollback();
  EXPECT_EQ(writer->Stats()->documents, 4);
}

TEST_F(StoreTest, ANewFileGetsTheSchemaAndItsVersion) {
  ASSERT_TRUE(Store::Open(path_).ok());
  EXPECT_EQ(QueryFile(path_, "PRAGMA user_version"),
            std::to_string(kStoreSchemaVersion));
  EXPECT_EQ(QueryFile(path_, "PRAGMA application_id"),
            std::to_string(0x77686f73));
  EXPECT_EQ(QueryFile(path_, "PRAGMA journal_mode"), "wal");
  // Opening it again changes nothing.
  ASSERT_TRUE(Store::Open(path_).ok());
  EXPECT_EQ(QueryFile(path_,
                      "SELECT count(*) FROM sqlite_schema WHERE "
                      "name = 'attributions'"),
            "1");
}

TEST_F(StoreTest, RefusesWhatItCannotRead) {
  auto absent = Store::Open(path_, Store::Mode::kExisting);
  ASSERT_FALSE(absent.ok());
  EXPECT_THAT(absent.status().message(), HasSubstr(path_));
  EXPECT_FALSE(fs::exists(path_));

  const std::string foreign = (dir_ / "foreign.db").string();
  QueryFile(foreign, "CREATE TABLE t (x)", /*create=*/true);
  auto other = Store::Open(foreign);
  ASSERT_FALSE(other.ok());
  EXPECT_THAT(other.status().message(), HasSubstr("not a whosaid store"));

  const std::string text = (dir_ / "notes.txt").string();
  std::ofstream(text) << "These are notes, not a database, and they are "
                         "long enough to fill a header of one hundred bytes "
                         "that SQLite would read first.\n";
  EXPECT_FALSE(Store::Open(text).ok());

  ASSERT_TRUE(Store::Open(path_).ok());
  QueryFile(path_, "PRAGMA user_version = 99");
  auto newer = Store::Open(path_);
  ASSERT_FALSE(newer.ok());
  EXPECT_THAT(newer.status().message(),
              AllOf(HasSubstr("newer whosaid"), HasSubstr("99")));
  // Refusing left the file as it was.
  EXPECT_EQ(QueryFile(path_, "PRAGMA user_version"), "99");
}

}  // namespace
}  // namespace whosaid
