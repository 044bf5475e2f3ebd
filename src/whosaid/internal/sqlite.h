// A thin RAII layer over the SQLite C API, with errors as Status values.
// Private to the store.
#ifndef WHOSAID_INTERNAL_SQLITE_H_
#define WHOSAID_INTERNAL_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "whosaid/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace whosaid::internal {

class SqliteStatement;

// One open database connection. Not thread-safe: one thread at a time.
class SqliteDb {
 public:
  // Opens `path`; creates the file when `create` is true, else an absent
  // file is an error. The error names the path and SQLite's reason.
  static StatusOr<std::unique_ptr<SqliteDb>> Open(const std::string& path,
                                                  bool create);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements that return no rows of interest.
  Status Exec(std::string_view sql);
  // The first column of the first row of `sql` as an integer, or an error
  // (also when there is no row).
  StatusOr<std::int64_t> QueryInt(std::string_view sql);
  // An error status whose message is `what` and SQLite's last message.
  Status Error(std::string_view what) const;
  // The statement for `sql`, prepared on first use and kept until the
  // connection closes; reset and unbound, ready for Bind and Step. The
  // pointer stays valid as long as the connection.
  StatusOr<SqliteStatement*> Prepared(const std::string& sql);
  // The rowid of the last row inserted on this connection.
  std::int64_t LastInsertRowId() const;

  sqlite3* handle() const { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

// One prepared statement. Parameters are numbered from 1, columns from 0.
class SqliteStatement {
 public:
  // Prepares `sql` on `db`, which must outlive the statement.
  static StatusOr<SqliteStatement> Prepare(SqliteDb& db, std::string_view sql);
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  // Binders return *this so that calls chain; a failed bind makes the next
  // Step fail.
  SqliteStatement& Bind(int index, std::int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view value);
  // Binds `value`, or NULL when it is empty.
  SqliteStatement& BindOrNull(int index, std::string_view value);
  SqliteStatement& BindNull(int index);

  // Runs one step: true when a row is there to read, false when done.
  StatusOr<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  // The first column of the first row as an integer, or nullopt when
  // there is no row; then resets the statement.
  StatusOr<std::optional<std::int64_t>> FirstInt();
  // Clears the bindings and rewinds, ready for the next Bind and Step.
  void Reset();

  std::int64_t Int(int column) const;
  double Double(int column) const;
  // The column's text; empty for NULL.
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_SQLITE_H_
