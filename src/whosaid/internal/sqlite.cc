#include "whosaid/internal/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace whosaid::internal {

StatusOr<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path,
                                                   bool create) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Error(path + ": cannot open the database: " + why);
  }
  sqlite3_extended_result_codes(db, 1);
  // Another process may be writing: wait for its transaction rather than
  // failing at once.
  sqlite3_busy_timeout(db, 10000);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db));
}

SqliteDb::~SqliteDb() {
  cache_.clear();  // statements are finalized before the connection closes
  sqlite3_close(db_);
}

StatusOr<SqliteStatement*> SqliteDb::Prepared(const std::string& sql) {
  auto cached = cache_.find(sql);
  if (cached != cache_.end()) {
    cached->second->Reset();
    return cached->second.get();
  }
  auto statement = SqliteStatement::Prepare(*this, sql);
  if (!statement.ok()) return statement.status();
  auto owned = std::make_unique<SqliteStatement>(std::move(statement).value());
  SqliteStatement* pointer = owned.get();
  cache_.emplace(sql, std::move(owned));
  return pointer;
}

std::int64_t SqliteDb::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

Status SqliteDb::Error(std::string_view what) const {
  return Status::Error(std::string(what) + ": " + sqlite3_errmsg(db_));
}

Status SqliteDb::Exec(std::string_view sql) {
  char* message = nullptr;
  const int rc =
      sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status();
  std::string why = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Status::Error(why);
}

StatusOr<std::int64_t> SqliteDb::QueryInt(std::string_view sql) {
  auto statement = SqliteStatement::Prepare(*this, sql);
  if (!statement.ok()) return statement.status();
  auto row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no row from: " + std::string(sql));
  return statement->Int(0);
}

StatusOr<SqliteStatement> SqliteStatement::Prepare(SqliteDb& db,
                                                   std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(
      db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return db.Error("cannot prepare a statement");
  return SqliteStatement(&db, stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(other.bind_error_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value)) bind_error_ = rc;
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value)) bind_error_ = rc;
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                                   SQLITE_TRANSIENT, SQLITE_UTF8)) {
    bind_error_ = rc;
  }
  return *this;
}

SqliteStatement& SqliteStatement::BindOrNull(int index,
                                             std::string_view value) {
  return value.empty() ? BindNull(index) : Bind(index, value);
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index)) bind_error_ = rc;
  return *this;
}

StatusOr<bool> SqliteStatement::Step() {
  if (bind_error_ != 0) {
    return Status::Error(std::string("cannot bind a value: ") +
                         sqlite3_errstr(bind_error_));
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("database error");
}

Status SqliteStatement::Run() {
  while (true) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status();
  }
}

StatusOr<std::optional<std::int64_t>> SqliteStatement::FirstInt() {
  auto row = Step();
  if (!row.ok()) return row.status();
  std::optional<std::int64_t> value;
  if (*row) value = Int(0);
  sqlite3_reset(stmt_);
  return value;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

std::int64_t SqliteStatement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return "";
  return std::string(
      reinterpret_cast<const char*>(text),
      static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace whosaid::internal
