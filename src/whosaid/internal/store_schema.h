// The quote store's SQLite schema: creating it, recognising it, and
// migrating an older version. docs/store.md describes the tables.
#ifndef WHOSAID_INTERNAL_STORE_SCHEMA_H_
#define WHOSAID_INTERNAL_STORE_SCHEMA_H_

#include <cstdint>

#include "whosaid/internal/sqlite.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// PRAGMA application_id of a whosaid store: "whos" in ASCII.
inline constexpr std::int32_t kStoreApplicationId = 0x77686f73;

// Readies `db` for the store: sets the connection's pragmas (foreign keys,
// WAL journal), then creates the schema in an empty database, or migrates
// an older whosaid schema to `target_version` in one transaction. Errors:
// the database is not empty and not a whosaid store, or its version is
// newer than `target_version`. The messages start with `path`.
Status PrepareStoreSchema(SqliteDb& db, const std::string& path,
                          int target_version);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_STORE_SCHEMA_H_
