// What the quote store's tests share. Hand-written news articles: the mayor's
// quote appears in three outlets (twice equal after normalising, once
// with one word more), the spokesman's quote holds a bracketed insertion;
// the extractor; and SQLite queries on a store file.
#ifndef WHOSAID_TESTS_STORE_FIXTURES_H_
#define WHOSAID_TESTS_STORE_FIXTURES_H_

#include <sqlite3.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"
#include "whosaid/store.h"

namespace whosaid::testing_support {

inline constexpr char kRuizQuote[] =
    "We cannot ask families to live behind a wall we know will fail,";

// Three documents with their metadata, in publication order.
inline std::vector<Document> StoreArticles() {
  return {
      {"gazette-1",
       "The council of Port Ellery voted on Tuesday to rebuild the sea "
       "wall.\n\n"
       "\xE2\x80\x9CWe cannot ask families to live behind a wall we know will "
       "fail,\xE2\x80\x9D Mayor Ana Ruiz said at a packed meeting.\n\n"
       "Tom Becker, a spokesman for the Harbour Residents Association, denied "
       "that the vote had been rushed.\n\n"
       "\xE2\x80\x9CThe harbour has waited [for] three years for this vote, "
       "and the money is finally there,\xE2\x80\x9D Becker said.",
       {"https://gazette.example/sea-wall", "2024-03-01", "Ellery Gazette",
        "Council votes to rebuild the sea wall"}},
      {"courier-7",
       "Port Ellery will rebuild its sea wall.\n\n"
       "\"We cannot ask families to live behind a wall we know will FAIL!\" "
       "Ana Ruiz told reporters on Friday.\n\n"
       "The engineers said the work would start in the spring.",
       {"", "2024-03-05", "Coastal Courier", ""}},
      {"herald-2",
       "The sea wall debate goes on.\n\n"
       "\"We cannot ask families to live behind a wall that we know will "
       "fail,\" said Ana Ruiz, the mayor.\n\n"
       "Critics accused the council of wasting money on the project.",
       {"", "2024-04-10", "Ellery Herald", ""}},
  };
}

// One extractor with the English pack for all tests, loaded once.
inline const Extractor& TheExtractor() {
  static const Extractor* extractor = [] {
    auto rules = RuleSet::Load({BuiltinEnglishPack()});
    if (!rules.ok()) std::abort();  // the built-in pack always loads
    return new Extractor(*rules);
  }();
  return *extractor;
}

// `docs` through the extractor, ready for Store::Index.
inline std::vector<DocumentToIndex> Extracted(
    const std::vector<Document>& docs) {
  std::vector<DocumentToIndex> out;
  for (const Document& doc : docs) {
    out.push_back({doc.meta, TheExtractor().Extract(doc)});
  }
  return out;
}

// Runs `sql` on the file at `path` with SQLite itself and returns its
// rows, each column as text (NULL as ""). Returns nullopt when the file
// cannot be opened (it is never created unless `create`) or `sql` fails.
inline std::optional<std::vector<std::vector<std::string>>> QueryRows(
    const std::string& path, const std::string& sql, bool create = false) {
  sqlite3* db = nullptr;
  std::optional<std::vector<std::vector<std::string>>> rows;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) == SQLITE_OK &&
      sqlite3_busy_timeout(db, 10000) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    rows.emplace();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string>& row = rows->emplace_back();
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
    }
    if (rc != SQLITE_DONE) rows.reset();
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// The first column of the first row of QueryRows, or "" when there is
// none or the query failed.
inline std::string QueryFile(const std::string& path, const std::string& sql,
                             bool create = false) {
  auto rows = QueryRows(path, sql, create);
  if (!rows || rows->empty() || rows->front().empty()) return "";
  return rows->front().front();
}

}  // namespace whosaid::testing_support

#endif  // WHOSAID_TESTS_STORE_FIXTURES_H_
