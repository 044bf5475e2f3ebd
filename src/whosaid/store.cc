// Store: opening, indexing and counting. Queries are in store_query.cc.
#include "whosaid/store.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "whosaid/internal/sqlite.h"
#include "whosaid/internal/store_schema.h"

namespace whosaid {
namespace {

using internal::SqliteStatement;

// A quote joins a group whose quote it nearly equals: both at least this
// many words long, and at least this similar over the whole of both.
constexpr std::size_t kNearMinWords = 6;
constexpr double kNearSimilarity = 0.85;
// Near-duplicate candidates share an anchor with the quote: its first or
// its last kAnchorWords words. One word changed, added or dropped leaves
// at least one of the two intact in a quote of twice that many words.
// At most kNearCandidates of them are compared word by word.
constexpr std::size_t kAnchorWords = 5;
constexpr std::size_t kNearCandidates = 20;

// The two anchors of a normalized quote: "^ first words", "$ last words".
std::pair<std::string, std::string> Anchors(const std::string& normalized) {
  const std::vector<std::string> words = QuoteWords(normalized);
  const std::size_t n = std::min(words.size(), kAnchorWords);
  std::string first = "^";
  std::string last = "$";
  for (std::size_t i = 0; i < n; ++i) {
    first += " " + words[i];
    last += " " + words[words.size() - n + i];
  }
  return {first, last};
}

nlohmann::json SpansJson(const std::vector<Span>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const Span& span : spans) out.push_back({span.begin, span.end});
  return out;
}

// The words of an attribution's content: a quotation split by its
// attribution ("A," she said, "B.") without the attribution, its pieces
// joined by a space.
std::string ContentText(const Attribution& a, std::string_view text) {
  if (a.content_parts.empty()) return std::string(a.content.In(text));
  std::string joined;
  for (const Span& part : a.content_parts) {
    if (!joined.empty()) joined += ' ';
    joined += part.In(text);
  }
  return joined;
}

std::string Dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Binds an optional span and its text to columns begin, begin + 1 (end)
// and begin + 2 (text), or NULL to all three.
void BindSpan(SqliteStatement& statement, int begin,
              const std::optional<Span>& span, std::string_view text) {
  if (!span) {
    statement.BindNull(begin).BindNull(begin + 1).BindNull(begin + 2);
    return;
  }
  statement.Bind(begin, static_cast<std::int64_t>(span->begin))
      .Bind(begin + 1, static_cast<std::int64_t>(span->end))
      .Bind(begin + 2, span->In(text));
}

}  // namespace

Store::Store(std::unique_ptr<internal::SqliteDb> db) : db_(std::move(db)) {}
Store::~Store() = default;

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                             Mode mode) {
  auto db = internal::SqliteDb::Open(path, mode == Mode::kCreate);
  if (!db.ok()) return db.status();
  if (Status schema = internal::PrepareStoreSchema(
          **db, path, kStoreSchemaVersion, internal::BuiltinStoreMigrations());
      !schema.ok()) {
    return schema;
  }
  return std::unique_ptr<Store>(new Store(std::move(db).value()));
}

Status Store::Index(const std::vector<DocumentToIndex>& batch) {
  if (batch.empty()) return Status();
  if (Status begin = Begin(); !begin.ok()) return begin;
  for (const DocumentToIndex& doc : batch) {
    if (Status added = Add(doc.meta, doc.result); !added.ok()) {
      Rollback();
      return added;
    }
  }
  return Commit();
}

Status Store::Begin() {
  // IMMEDIATE takes the write lock now, so that a concurrent writer makes
  // this wait (busy timeout) rather than fail at the first write.
  Status begin = db_->Exec("BEGIN IMMEDIATE;");
  if (!begin.ok()) {
    return Status::Error("cannot start a transaction: " + begin.message());
  }
  return Status();
}

Status Store::Commit() {
  Status commit = db_->Exec("COMMIT;");
  if (!commit.ok()) {
    Rollback();
    return Status::Error("cannot commit: " + commit.message());
  }
  return Status();
}

void Store::Rollback() { db_->Exec("ROLLBACK;"); }

Status Store::RemoveDocument(const std::string& id) {
  auto find_or = db_->Prepared("SELECT doc_key FROM documents WHERE id = ?1");
  if (!find_or.ok()) return find_or.status();
  SqliteStatement& find = **find_or;
  auto found = find.Bind(1, id).FirstInt();
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status();
  const std::int64_t doc_key = **found;
  // Quote groups that only this document uses go with it; the rest of the
  // rows follow the document through ON DELETE CASCADE and the triggers.
  auto orphans_or = db_->Prepared(R"sql(
      DELETE FROM quotes WHERE quote_key IN (
        SELECT quote_key FROM attributions WHERE doc_key = ?1)
      AND NOT EXISTS (
        SELECT 1 FROM attributions b
        WHERE b.quote_key = quotes.quote_key AND b.doc_key <> ?1))sql");
  if (!orphans_or.ok()) return orphans_or.status();
  SqliteStatement& orphans = **orphans_or;
  if (Status s = orphans.Bind(1, doc_key).Run(); !s.ok()) return s;
  auto remove_or = db_->Prepared("DELETE FROM documents WHERE doc_key = ?1");
  if (!remove_or.ok()) return remove_or.status();
  SqliteStatement& remove = **remove_or;
  return remove.Bind(1, doc_key).Run();
}

Status Store::Add(const DocumentMeta& meta, const DocumentResult& result) {
  Status added = AddDocument(meta, result);
  if (added.ok()) return added;
  return Status::Error("document " + result.id + ": " + added.message());
}

Status Store::AddDocument(const DocumentMeta& meta,
                          const DocumentResult& result) {
  if (Status removed = RemoveDocument(result.id); !removed.ok()) return removed;
  auto insert_or = db_->Prepared(R"sql(
      INSERT INTO documents (id, url, date, outlet, title, text)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
  if (!insert_or.ok()) return insert_or.status();
  SqliteStatement& insert = **insert_or;
  insert.Bind(1, result.id)
      .BindOrNull(2, meta.url)
      .BindOrNull(3, meta.date)
      .BindOrNull(4, meta.outlet)
      .BindOrNull(5, meta.title)
      .Bind(6, result.text);
  if (Status s = insert.Run(); !s.ok()) return s;
  const std::int64_t doc_key = db_->LastInsertRowId();
  if (Status s = IndexEntities(doc_key, result); !s.ok()) return s;
  return IndexAttributions(doc_key, result);
}

Status Store::IndexEntities(std::int64_t doc_key,
                            const DocumentResult& result) {
  auto insert_or = db_->Prepared(R"sql(
      INSERT INTO entities (doc_key, entity, name, kind, role, org, mentions)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
  if (!insert_or.ok()) return insert_or.status();
  SqliteStatement& insert = **insert_or;
  for (std::size_t i = 0; i < result.entities.size(); ++i) {
    const Entity& entity = result.entities[i];
    insert.Reset();
    insert.Bind(1, doc_key)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, entity.name)
        .Bind(4, entity.kind)
        .BindOrNull(5, entity.role)
        .BindOrNull(6, entity.org)
        .Bind(7, Dump(SpansJson(entity.mentions)));
    if (Status s = insert.Run(); !s.ok()) return s;
  }
  return Status();
}

Status Store::IndexAttributions(std::int64_t doc_key,
                                const DocumentResult& result) {
  auto insert_or = db_->Prepared(R"sql(
      INSERT INTO attributions (
        doc_key, ordinal, quote_key, type, content_begin, content_end,
        content_parts, content_text, cue_begin, cue_end, cue_text,
        speaker_begin, speaker_end, speaker_text, speaker_name, speaker_kind,
        speaker_role, speaker_org, entity, via, stance, negated, rule,
        resolution, confidence)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
              ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25))sql");
  if (!insert_or.ok()) return insert_or.status();
  SqliteStatement& insert = **insert_or;
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    const Attribution& a = result.quotes[i];
    const std::string content = ContentText(a, result.text);
    StatusOr<std::int64_t> quote_key = QuoteKeyFor(content);
    if (!quote_key.ok()) return quote_key.status();
    insert.Reset();
    insert.Bind(1, doc_key)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, *quote_key)
        .Bind(4, QuoteTypeName(a.type))
        .Bind(5, static_cast<std::int64_t>(a.content.begin))
        .Bind(6, static_cast<std::int64_t>(a.content.end));
    if (a.content_parts.empty()) {
      insert.BindNull(7);
    } else {
      insert.Bind(7, Dump(SpansJson(a.content_parts)));
    }
    insert.Bind(8, content);
    BindSpan(insert, 9, a.cue, result.text);
    BindSpan(insert, 12, a.speaker, result.text);
    insert.BindOrNull(15, a.speaker_name)
        .Bind(16, a.speaker_kind)
        .BindOrNull(17, a.speaker_role)
        .BindOrNull(18, a.speaker_org);
    if (a.entity >= 0) {
      insert.Bind(19, static_cast<std::int64_t>(a.entity));
    } else {
      insert.BindNull(19);
    }
    insert.Bind(20, Dump(nlohmann::json(a.via)))
        .BindOrNull(21, a.stance)
        .Bind(22, static_cast<std::int64_t>(a.negated ? 1 : 0))
        .Bind(23, a.rule)
        .Bind(24, a.resolution)
        .Bind(25, a.confidence);
    if (Status s = insert.Run(); !s.ok()) return s;
  }
  return Status();
}

StatusOr<std::int64_t> Store::QuoteKeyFor(std::string_view content) {
  const std::string normalized = NormalizeQuote(content);
  // A content without words is a group of its own (NULL is never equal).
  if (normalized.empty()) {
    auto insert_or =
        db_->Prepared("INSERT INTO quotes (normalized) VALUES (NULL)");
    if (!insert_or.ok()) return insert_or.status();
    if (Status s = (*insert_or)->Run(); !s.ok()) return s;
    return db_->LastInsertRowId();
  }
  auto find_or =
      db_->Prepared("SELECT quote_key FROM quotes WHERE normalized = ?1");
  if (!find_or.ok()) return find_or.status();
  SqliteStatement& find = **find_or;
  auto found = find.Bind(1, normalized).FirstInt();
  if (!found.ok()) return found.status();
  if (found->has_value()) return **found;
  const bool anchored = QuoteWords(normalized).size() >= kNearMinWords;
  if (anchored) {
    StatusOr<std::optional<std::int64_t>> near = NearQuoteKey(normalized);
    if (!near.ok()) return near.status();
    if (near->has_value()) return **near;
  }
  auto insert_or = db_->Prepared("INSERT INTO quotes (normalized) VALUES (?1)");
  if (!insert_or.ok()) return insert_or.status();
  if (Status s = (*insert_or)->Bind(1, normalized).Run(); !s.ok()) return s;
  const std::int64_t key = db_->LastInsertRowId();
  if (anchored) {
    auto anchor_or = db_->Prepared(
        "INSERT OR IGNORE INTO quote_anchors (anchor, quote_key) "
        "VALUES (?1, ?2), (?3, ?2)");
    if (!anchor_or.ok()) return anchor_or.status();
    const auto [first, last] = Anchors(normalized);
    if (Status s =
            (*anchor_or)->Bind(1, first).Bind(2, key).Bind(3, last).Run();
        !s.ok()) {
      return s;
    }
  }
  return key;
}

StatusOr<std::optional<std::int64_t>> Store::NearQuoteKey(
    const std::string& normalized) {
  auto candidates_or = db_->Prepared(R"sql(
      SELECT DISTINCT q.quote_key, q.normalized
      FROM quote_anchors x JOIN quotes q ON q.quote_key = x.quote_key
      WHERE x.anchor IN (?1, ?2)
      ORDER BY q.quote_key LIMIT ?3)sql");
  if (!candidates_or.ok()) return candidates_or.status();
  SqliteStatement& candidates = **candidates_or;
  const auto [first, last] = Anchors(normalized);
  candidates.Bind(1, first).Bind(2, last).Bind(
      3, static_cast<std::int64_t>(kNearCandidates));
  std::optional<std::int64_t> found;
  while (!found) {
    auto row = candidates.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const QuoteComparison comparison =
        CompareQuotes(normalized, candidates.Text(1));
    if (comparison.whole() && comparison.similarity >= kNearSimilarity) {
      found = candidates.Int(0);
    }
  }
  candidates.Reset();
  return found;
}

StatusOr<StoreStats> Store::Stats() {
  StoreStats stats;
  struct Count {
    const char* sql;
    std::int64_t* value;
  };
  for (const Count& count :
       {Count{"SELECT count(*) FROM documents", &stats.documents},
        Count{"SELECT count(*) FROM attributions", &stats.attributions},
        Count{"SELECT count(*) FROM quotes", &stats.quotes}}) {
    StatusOr<std::int64_t> n = db_->QueryInt(count.sql);
    if (!n.ok()) return n.status();
    *count.value = *n;
  }
  return stats;
}

}  // namespace whosaid
