// The store's schema versions and migrations, on real SQLite files: a file
// of an older version is migrated in one transaction, a failed migration
// leaves it as it was, a newer one is refused.
#include "whosaid/internal/store_schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store_fixtures.h"
#include "temp_folder.h"
#include "whosaid/store.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing_support::QueryFile;

// A version 2 for the tests: documents get a language.
constexpr const char* kToVersion2[] = {
    "ALTER TABLE documents ADD COLUMN language TEXT;"};
constexpr const char* kBrokenStep[] = {
    "ALTER TABLE documents ADD COLUMN language TEXT; "
    "ALTER TABLE no_such_table ADD COLUMN x;"};

class StoreSchemaTest : public testing_support::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    path_ = Path("quotes.db");
    // A version 1 store with the three articles.
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)
                    ->Index(testing_support::Extracted(
                        testing_support::StoreArticles()))
                    .ok());
  }

  Status Prepare(int target, internal::StoreMigrations migrations) {
    auto db = internal::SqliteDb::Open(path_, /*create=*/false);
    if (!db.ok()) return db.status();
    return internal::PrepareStoreSchema(**db, path_, target, migrations);
  }

  std::string path_;
};

TEST_F(StoreSchemaTest, AnOlderVersionIsMigratedKeepingItsData) {
  ASSERT_EQ(QueryFile(path_, "PRAGMA user_version"), "1");
  const Status migrated = Prepare(2, kToVersion2);
  ASSERT_TRUE(migrated.ok()) << migrated.message();
  EXPECT_EQ(QueryFile(path_, "PRAGMA user_version"), "2");
  EXPECT_EQ(QueryFile(path_,
                      "SELECT count(*) FROM pragma_table_info("
                      "'documents') WHERE name = 'language'"),
            "1");
  EXPECT_EQ(QueryFile(path_, "SELECT count(*) FROM documents"), "3");
  // Opening it again migrates nothing twice.
  EXPECT_TRUE(Prepare(2, kToVersion2).ok());
  // This whosaid, which knows version 1 only, refuses it now.
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr("newer whosaid"));
}

TEST_F(StoreSchemaTest, AFailedMigrationLeavesTheFileAsItWas) {
  const Status failed = Prepare(2, kBrokenStep);
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(failed.message(), HasSubstr("migration"));
  EXPECT_EQ(QueryFile(path_, "PRAGMA user_version"), "1");
  // The first statement of the step was undone with the rest.
  EXPECT_EQ(QueryFile(path_,
                      "SELECT count(*) FROM pragma_table_info("
                      "'documents') WHERE name = 'language'"),
            "0");
  EXPECT_TRUE(Store::Open(path_).ok());
}

TEST_F(StoreSchemaTest, AVersionWithoutItsMigrationIsAnError) {
  const Status missing = Prepare(3, kToVersion2);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.message(), HasSubstr("no migration to schema version 3"));
  EXPECT_EQ(QueryFile(path_, "PRAGMA user_version"), "1");
}

TEST_F(StoreSchemaTest, ANewFileIsCreatedAtVersionOneThenMigrated) {
  const std::string fresh = (dir_ / "fresh.db").string();
  auto db = internal::SqliteDb::Open(fresh, /*create=*/true);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(internal::PrepareStoreSchema(**db, fresh, 2, kToVersion2).ok());
  EXPECT_EQ(QueryFile(fresh, "PRAGMA user_version"), "2");
  EXPECT_EQ(QueryFile(fresh,
                      "SELECT count(*) FROM pragma_table_info("
                      "'documents') WHERE name = 'language'"),
            "1");
}

}  // namespace
}  // namespace whosaid
