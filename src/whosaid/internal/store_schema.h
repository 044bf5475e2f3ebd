// The quote store's SQLite schema: creating it, recognising it, and
// migrating an older version. docs/store.md describes the tables.
#ifndef WHOSAID_INTERNAL_STORE_SCHEMA_H_
#define WHOSAID_INTERNAL_STORE_SCHEMA_H_

#include <cstdint>
#include <span>
#include <string>

#include "whosaid/internal/sqlite.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// PRAGMA application_id of a whosaid store: "whos" in ASCII.
inline constexpr std::int32_t kStoreApplicationId = 0x77686f73;

// The SQL steps that migrate a store: element v - 1 turns schema version v
// into version v + 1.
using StoreMigrations = std::span<const char* const>;

// This whosaid's migrations; kStoreSchemaVersion is one more than their
// number.
StoreMigrations BuiltinStoreMigrations();

// Readies `db` for the store: sets the connection's pragmas (foreign keys,
// WAL journal), then creates the schema in an empty database (at
// `target_version`, which must then be the current one), or migrates an
// older whosaid schema to `target_version` with `migrations`, all steps in
// one transaction that also sets the version, so that a failed migration
// leaves the file as it was. Errors: the database is not empty and not a
// whosaid store, its version is newer than `target_version`, or a
// migration step fails. The messages start with `path`.
Status PrepareStoreSchema(SqliteDb& db, const std::string& path,
                          int target_version, StoreMigrations migrations);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_STORE_SCHEMA_H_
