// The quote store: attributions of many documents in one SQLite file,
// searchable by content, speaker, stance, kind and date, with the same
// quote grouped across documents, and the fact-checker's question "did X
// really say this?" (Verify). The schema is described in docs/store.md.
#ifndef WHOSAID_STORE_H_
#define WHOSAID_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/attribution.h"
#include "whosaid/document.h"
#include "whosaid/quote_normalizer.h"
#include "whosaid/similarity.h"
#include "whosaid/status.h"

namespace whosaid {

namespace internal {
class SqliteDb;
}

// The schema version this whosaid writes (PRAGMA user_version). An older
// database is migrated when opened; a newer one is refused.
inline constexpr int kStoreSchemaVersion = 1;

// One document to store: its extraction result (id, text, attributions,
// entities) and where it was published.
struct DocumentToIndex {
  DocumentMeta meta;
  DocumentResult result;
};

// What to look for. Every field that is set must hold; empty ones do not
// filter.
struct SearchQuery {
  // Words the quote's content must all contain, in any order; a part in
  // double quotes must appear as that phrase. Case, accents and
  // punctuation do not matter.
  std::string text;
  // Words the speaker's name must all contain ("Trump" finds "Donald
  // Trump"); the name is the resolved one, or the mention when there is
  // none.
  std::string speaker;
  std::string stance;             // "assert", "deny", ...
  std::optional<QuoteType> kind;  // direct, mixed, indirect
  // YYYY, YYYY-MM or YYYY-MM-DD. A document's date is kept when it is on
  // or after `since` and on or before `until` (a date that starts with
  // `until` counts as on it); documents without a date are left out when
  // either is set.
  std::string since;
  std::string until;
  std::size_t limit = 50;  // 0: no limit
};

// One stored attribution with its document.
struct StoredAttribution {
  std::int64_t key = 0;        // stable until its document is re-indexed
  std::int64_t quote_key = 0;  // the quote group it belongs to
  std::string document_id;
  DocumentMeta meta;
  Attribution attribution;  // spans index the stored document text
  std::string content_text;
  std::string cue_text;      // empty when there is no cue
  std::string speaker_text;  // the mention; empty when there is none
  // Full-text relevance when the query had text (higher is better), else 0.
  double relevance = 0;
};

// One quote as it appears across documents: occurrences whose contents
// are equal after NormalizeQuote, or nearly equal (see docs/store.md).
struct QuoteGroup {
  std::int64_t key = 0;
  std::string text;  // the content of its first stored occurrence
  std::size_t occurrences = 0;
  std::string first_seen;  // earliest document date; empty when none dated
  std::string last_seen;
  std::vector<std::string> outlets;   // distinct, sorted
  std::vector<std::string> speakers;  // distinct, sorted
  std::vector<std::string> document_ids;
};

// Counts of what the store holds.
struct StoreStats {
  std::int64_t documents = 0;
  std::int64_t attributions = 0;
  std::int64_t quotes = 0;  // quote groups
};

// How a claimed quote compares with the store.
enum class Verdict {
  kVerbatim,     // found word for word (possibly an excerpt)
  kWithChanges,  // found with words added, dropped or changed
  kNotFound,
};

// "verbatim", "with changes" or "not found".
std::string_view VerdictName(Verdict verdict);

struct VerifyMatch {
  StoredAttribution stored;
  QuoteComparison comparison;
  std::vector<QuoteMark> marks;  // ellipses and insertions in content_text
};

struct VerifyResult {
  Verdict verdict = Verdict::kNotFound;
  std::vector<VerifyMatch> matches;  // closest first
};

// A claim is found with changes when its best match reaches this
// similarity and holds at least half of the claim's words, two at least
// (so that a few shared function words do not make a match).
inline constexpr double kFoundSimilarity = 0.6;

class Store {
 public:
  enum class Mode {
    kCreate,    // create the file and the schema when absent
    kExisting,  // an absent file is an error
  };

  // Opens the store at `path`, creating or migrating its schema as needed.
  // Errors: the file cannot be opened, is not a whosaid database (another
  // SQLite file, or not SQLite), or was written by a newer whosaid.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               Mode mode = Mode::kCreate);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `batch` in one transaction: all of it or, on error, none of it
  // (a process killed meanwhile leaves none of it either). A document
  // whose id is stored already replaces the stored one, with its
  // attributions and entities.
  Status Index(const std::vector<DocumentToIndex>& batch);

  // The same one document at a time, for a stream: Begin opens a write
  // transaction, each Add stores one document in it, Commit makes them
  // all durable at once. Until Commit, none of them is visible to other
  // connections, and a process killed before it leaves none of them.
  // After an error, call Rollback (which drops every Add since Begin).
  Status Begin();
  Status Add(const DocumentMeta& meta, const DocumentResult& result);
  Status Commit();
  void Rollback();

  // The attributions that match `query`: by relevance when it has text,
  // else newest document first; then by document and position.
  StatusOr<std::vector<StoredAttribution>> Search(const SearchQuery& query);

  // The quote groups with at least one attribution that matches `query`,
  // each with all of its occurrences counted: most occurrences first.
  StatusOr<std::vector<QuoteGroup>> SearchGroups(const SearchQuery& query);

  // Compares `claim` with the stored attributions that share words with
  // it (of speakers whose names hold the words of `speaker`, when not
  // empty) and returns the `limit` closest, with the verdict for the best.
  StatusOr<VerifyResult> Verify(std::string_view claim,
                                std::string_view speaker,
                                std::size_t limit = 5);

  StatusOr<StoreStats> Stats();

 private:
  explicit Store(std::unique_ptr<internal::SqliteDb> db);
  Status AddDocument(const DocumentMeta& meta, const DocumentResult& result);
  // Deletes the document `id` with all that hangs on it; none is fine.
  Status RemoveDocument(const std::string& id);
  Status IndexEntities(std::int64_t doc_key, const DocumentResult& result);
  Status IndexAttributions(std::int64_t doc_key, const DocumentResult& result);
  // The group of a quote: the one of its normalized text, else a nearly
  // equal one (NearQuoteKey, for quotes long enough), else a new one with
  // its anchors.
  StatusOr<std::int64_t> QuoteKeyFor(std::string_view content);
  StatusOr<std::optional<std::int64_t>> NearQuoteKey(
      const std::string& normalized);
  // The attributions that match the FTS5 expression `match` (none: all)
  // and the stance, kind and date filters of `query` (its text and
  // speaker are ignored), at most query.limit; by full-text rank when
  // `by_relevance`, else newest first.
  StatusOr<std::vector<StoredAttribution>> Select(const std::string& match,
                                                  bool by_relevance,
                                                  const SearchQuery& query);

  std::unique_ptr<internal::SqliteDb> db_;
};

}  // namespace whosaid

#endif  // WHOSAID_STORE_H_
