#include "whosaid/internal/store_schema.h"

#include <array>
#include <string>

#include "whosaid/store.h"

namespace whosaid::internal {
namespace {

// Version 1. Offsets are UTF-8 byte offsets into documents.text; JSON
// columns hold what docs/output.md describes for the same field.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE documents (
  doc_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  date TEXT,
  outlet TEXT,
  title TEXT,
  text TEXT NOT NULL
);
CREATE INDEX documents_by_date ON documents(date);
CREATE TABLE entities (
  doc_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  entity INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT,
  org TEXT,
  mentions TEXT NOT NULL,
  PRIMARY KEY (doc_key, entity)
) WITHOUT ROWID;
CREATE TABLE quotes (
  quote_key INTEGER PRIMARY KEY,
  normalized TEXT UNIQUE
);
CREATE TABLE quote_anchors (
  anchor TEXT NOT NULL,
  quote_key INTEGER NOT NULL REFERENCES quotes ON DELETE CASCADE,
  PRIMARY KEY (anchor, quote_key)
) WITHOUT ROWID;
CREATE INDEX quote_anchors_by_quote ON quote_anchors(quote_key);
CREATE TABLE attributions (
  attribution_key INTEGER PRIMARY KEY,
  doc_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  quote_key INTEGER NOT NULL REFERENCES quotes DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL,
  content_begin INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  content_parts TEXT,
  content_text TEXT NOT NULL,
  cue_begin INTEGER,
  cue_end INTEGER,
  cue_text TEXT,
  speaker_begin INTEGER,
  speaker_end INTEGER,
  speaker_text TEXT,
  speaker_name TEXT,
  speaker_kind TEXT NOT NULL,
  speaker_role TEXT,
  speaker_org TEXT,
  entity INTEGER,
  via TEXT NOT NULL,
  stance TEXT,
  negated INTEGER NOT NULL,
  rule TEXT NOT NULL,
  resolution TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX attributions_by_document ON attributions(doc_key, ordinal);
CREATE INDEX attributions_by_quote ON attributions(quote_key);
CREATE VIRTUAL TABLE attribution_text USING fts5(
  content, speaker, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER attribution_text_insert AFTER INSERT ON attributions BEGIN
  INSERT INTO attribution_text(rowid, content, speaker)
  VALUES (new.attribution_key, new.content_text,
          coalesce(new.speaker_name, new.speaker_text, ''));
END;
CREATE TRIGGER attribution_text_delete AFTER DELETE ON attributions BEGIN
  DELETE FROM attribution_text WHERE rowid = old.attribution_key;
END;
)sql";

// kMigrations[v - 1] is the SQL that turns version v into version v + 1.
// Version 1 is the first: nothing to migrate yet.
constexpr std::array<const char*, 0> kMigrations = {};
static_assert(kStoreSchemaVersion == 1 + kMigrations.size(),
              "a new schema version needs its migration step");

Status Fail(const std::string& path, const std::string& why) {
  return Status::Error(path + ": " + why);
}

// Creates schema version 1; migrations take it on from there.
Status CreateSchema(SqliteDb& db) {
  return db.Exec(
      std::string("BEGIN IMMEDIATE;") + kSchemaV1 +
      "PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
      "; PRAGMA user_version = 1; COMMIT;");
}

Status Migrate(SqliteDb& db, int from, int to, StoreMigrations migrations) {
  std::string sql = "BEGIN IMMEDIATE;";
  for (int v = from; v < to; ++v) sql += migrations[v - 1];
  sql += "PRAGMA user_version = " + std::to_string(to) + "; COMMIT;";
  Status status = db.Exec(sql);
  if (!status.ok()) db.Exec("ROLLBACK;");
  return status;
}

}  // namespace

StoreMigrations BuiltinStoreMigrations() { return kMigrations; }

Status PrepareStoreSchema(SqliteDb& db, const std::string& path,
                          int target_version, StoreMigrations migrations) {
  // A file that is not SQLite fails at its first read, here.
  StatusOr<std::int64_t> tables =
      db.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!tables.ok()) return Fail(path, tables.status().message());
  if (Status s = db.Exec("PRAGMA foreign_keys = ON;"); !s.ok()) {
    return Fail(path, s.message());
  }
  // WAL: readers do not block the writer, and a killed writer leaves its
  // unfinished transaction out of the database.
  if (Status s = db.Exec("PRAGMA journal_mode = WAL; "
                         "PRAGMA synchronous = NORMAL;");
      !s.ok()) {
    return Fail(path, s.message());
  }
  StatusOr<std::int64_t> application = db.QueryInt("PRAGMA application_id");
  StatusOr<std::int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!application.ok() || !version.ok()) {
    return Fail(path, "cannot read the schema version");
  }
  if (*tables == 0 && *application == 0 && *version == 0) {
    Status created = CreateSchema(db);
    if (!created.ok()) {
      db.Exec("ROLLBACK;");
      return Fail(path, created.message());
    }
    application = kStoreApplicationId;
    version = 1;
  }
  if (*application != kStoreApplicationId) {
    return Fail(path, "not a whosaid store (another SQLite database)");
  }
  if (*version > target_version) {
    return Fail(path, "written by a newer whosaid (schema version " +
                          std::to_string(*version) + "; this one knows up to " +
                          std::to_string(target_version) + ")");
  }
  if (*version < 1) {
    return Fail(path, "schema version " + std::to_string(*version) +
                          " is not one whosaid ever wrote");
  }
  if (*version < target_version) {
    if (target_version > 1 + static_cast<int>(migrations.size())) {
      return Fail(path, "no migration to schema version " +
                            std::to_string(target_version));
    }
    Status migrated =
        Migrate(db, static_cast<int>(*version), target_version, migrations);
    if (!migrated.ok()) return Fail(path, "migration: " + migrated.message());
  }
  return Status();
}

}  // namespace whosaid::internal
