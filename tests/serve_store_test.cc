// GET /v1/search and POST /v1/verify of `whosaid serve --db` on a real
// SQLite quote store, over loopback HTTP.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "running_server.h"
#include "serve/store_endpoints.h"
#include "temp_folder.h"
#include "whosaid/extractor.h"
#include "whosaid/store.h"

namespace whosaid::serve {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kBecker[] = "We have waited three years for this vote.";

// Two articles that share a quote, in a store of their own.
class ServeStoreTest : public testing_support::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    const Extractor extractor(BuiltinRules());
    std::vector<DocumentToIndex> batch;
    batch.push_back(
        {{"", "2026-01-01", "Ellery Gazette", ""},
         extractor.Extract({"harbour", "Tom Becker, a spokesman, said: \"" +
                                           std::string(kBecker) + "\"\n\n" +
                                           "Mayor Ana Ruiz said the wall "
                                           "would be rebuilt."})});
    batch.push_back({{"", "2026-02-01", "Harbour Post", ""},
                     extractor.Extract({"post", "\"" + std::string(kBecker) +
                                                    "\" Becker said."})});
    auto store = Store::Open(Path("quotes.db"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Index(batch).ok());
    store->reset();  // closed: the server opens it on its own
    auto backend = StoreBackend::Open(Path("quotes.db"));
    ASSERT_TRUE(backend.ok()) << backend.status().message();
    server_ = std::make_unique<RunningServer>(ServerOptions{},
                                              std::move(backend).value());
  }

  json Get(const std::string& path, int status = 200) {
    auto result = server_->Client().Get(path.c_str());
    EXPECT_TRUE(result);
    if (!result) return nullptr;
    EXPECT_EQ(result->status, status) << result->body;
    return json::parse(result->body);
  }
  json Verify(const json& body, int status = 200) {
    auto result =
        server_->Client().Post("/v1/verify", body.dump(), "application/json");
    EXPECT_TRUE(result);
    if (!result) return nullptr;
    EXPECT_EQ(result->status, status) << result->body;
    return json::parse(result->body);
  }

  std::unique_ptr<RunningServer> server_;
};

TEST_F(ServeStoreTest, HealthSaysThereIsAStore) {
  EXPECT_EQ(Get("/healthz")["store"], true);
}

TEST_F(ServeStoreTest, SearchFindsAttributionsWithTheirDocuments) {
  const json found = Get("/v1/search?speaker=Becker");
  ASSERT_EQ(found["results"].size(), 2u) << found.dump();
  std::vector<std::string> documents;
  for (const json& r : found["results"]) {
    EXPECT_EQ(r["content_text"], kBecker);
    documents.push_back(r["document"]["id"]);
  }
  std::sort(documents.begin(), documents.end());
  EXPECT_THAT(documents, ElementsAre("harbour", "post"));
  const json wall = Get("/v1/search?q=wall");
  ASSERT_EQ(wall["results"].size(), 1u) << wall.dump();
  EXPECT_EQ(wall["results"][0]["speaker_name"], "Ana Ruiz");
  EXPECT_EQ(Get("/v1/search?q=wall&kind=direct")["results"].size(), 0u);
  EXPECT_EQ(Get("/v1/search?speaker=Becker&limit=1")["results"].size(), 1u);
}

TEST_F(ServeStoreTest, GroupsSayWhereElseAQuoteWasSaid) {
  const json found =
      Get("/v1/search?group=1&q=%22waited%20three%20years%20for%20this%22");
  ASSERT_EQ(found["groups"].size(), 1u) << found.dump();
  const json& group = found["groups"][0];
  EXPECT_EQ(group["occurrences"], 2);
  EXPECT_EQ(group["first_seen"], "2026-01-01");
  EXPECT_EQ(group["last_seen"], "2026-02-01");
  EXPECT_THAT(group["outlets"], ElementsAre("Ellery Gazette", "Harbour Post"));
}

TEST_F(ServeStoreTest, VerifyTellsFoundFromNotFound) {
  EXPECT_EQ(Verify({{"claim", kBecker}, {"speaker", "Becker"}})["verdict"],
            "verbatim");
  const json changed =
      Verify({{"claim", "We have waited four years for this vote."}});
  EXPECT_EQ(changed["verdict"], "with changes");
  EXPECT_EQ(changed["matches"][0]["attribution"]["content_text"], kBecker);
  EXPECT_EQ(
      Verify({{"claim", "Penguins will run the harbour by June."}})["verdict"],
      "not found");
}

TEST_F(ServeStoreTest, BadQueriesAre400) {
  EXPECT_THAT(
      Get("/v1/search?kind=quoted", 400)["error"]["message"].get<std::string>(),
      HasSubstr("unknown kind"));
  EXPECT_THAT(
      Get("/v1/search?limit=0", 400)["error"]["message"].get<std::string>(),
      HasSubstr("limit"));
  EXPECT_THAT(
      Get("/v1/search?limit=9999", 400)["error"]["message"].get<std::string>(),
      HasSubstr("limit"));
  EXPECT_THAT(
      Get("/v1/search?group=yes", 400)["error"]["message"].get<std::string>(),
      HasSubstr("group"));
  EXPECT_THAT(
      Verify(json::object(), 400)["error"]["message"].get<std::string>(),
      HasSubstr("claim"));
  EXPECT_THAT(Verify({{"claim", "x"}, {"speaker", 3}}, 400)["error"]["message"]
                  .get<std::string>(),
              HasSubstr("speaker"));
  auto malformed =
      server_->Client().Post("/v1/verify", "{\"claim\":", "application/json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
}

TEST_F(ServeStoreTest, ThePageHasTheVerifyBox) {
  auto page = server_->Client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_THAT(page->body, HasSubstr("<form id=\"verify\""));
}

TEST(ServeStoreOpenTest, AMissingStoreIsAnError) {
  auto backend = StoreBackend::Open("/no/such/folder/quotes.db");
  EXPECT_FALSE(backend.ok());
}

}  // namespace
}  // namespace whosaid::serve
