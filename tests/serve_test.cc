// The HTTP API of `whosaid serve` over real loopback sockets: the server
// (src/serve/) runs in this process on a free port, and cpp-httplib's
// client talks to it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "running_server.h"
#include "serve/api.h"
#include "serve/server.h"
#include "whosaid/rule_set.h"

namespace whosaid::serve {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kExampleArticle[] = "docs/example-article.txt";
constexpr char kSeedArticle[] =
    WHOSAID_SOURCE_DIR "/../shared/examples/seed-article.txt";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// What `whosaid extract --format jsonl PATH` prints, parsed.
json CliResult(const std::string& path) {
  const std::string command =
      std::string(WHOSAID_BINARY) + " extract -q --format jsonl '" + path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (!pipe) return nullptr;
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    out.append(buffer, n);
  }
  EXPECT_EQ(pclose(pipe), 0) << command;
  return json::parse(out);
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new RunningServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static httplib::Client Client() { return server_->Client(); }

  // POSTs `body` to /v1/extract (with `query`); fails the test when no
  // answer comes.
  static httplib::Result Extract(const std::string& body,
                                 const std::string& query = "") {
    httplib::Client client = Client();
    return client.Post(("/v1/extract" + query).c_str(), body,
                       "application/json");
  }

  static RunningServer* server_;
};
RunningServer* ServeTest::server_ = nullptr;

// Checks an error answer: its status, JSON with that status, a message
// containing `message`.
void ExpectError(const httplib::Result& result, int status,
                 const std::string& message) {
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, status) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  ASSERT_TRUE(json::accept(result->body)) << result->body;
  const json error = json::parse(result->body)["error"];
  EXPECT_EQ(error["status"], status);
  EXPECT_THAT(error["message"].get<std::string>(), HasSubstr(message));
}

TEST_F(ServeTest, HealthzSaysOk) {
  auto result = Client().Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json health = json::parse(result->body);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["store"], false);
  EXPECT_EQ(health["rules"], BuiltinRules()->rules().size());
}

TEST_F(ServeTest, RulesListsEveryRuleWithItsDescription) {
  auto result = Client().Get("/v1/rules");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const json rules = json::parse(result->body)["rules"];
  const std::shared_ptr<const RuleSet> loaded = BuiltinRules();
  const std::vector<Rule>& expected = loaded->rules();
  ASSERT_EQ(rules.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rules[i]["id"], expected[i].id);
    EXPECT_EQ(rules[i]["description"], expected[i].description);
  }
}

TEST_F(ServeTest, ExtractGivesTheSameAttributionsAsTheCli) {
  for (const std::string& path :
       {std::string(kExampleArticle), std::string(kSeedArticle)}) {
    if (!std::filesystem::exists(path)) continue;  // ../shared is optional
    const json body = {{"id", path}, {"text", ReadFile(path)}};
    auto result = Extract(body.dump());
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const json served = json::parse(result->body);
    const json cli = CliResult(path);
    EXPECT_FALSE(cli["quotes"].empty()) << path;
    EXPECT_EQ(served, cli) << path;
  }
}

TEST_F(ServeTest, ExtractAnArrayAnswersAnArrayInOrder) {
  const json body = json::array(
      {{{"id", "a"}, {"text", "\"The bridge opens in May,\" Ann Lee said."}},
       {{"id", 7}, {"text", "The ferry was late again."}},
       {{"text", "Bob Stone said the fares would not rise."}}});
  auto result = Extract(body.dump());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json docs = json::parse(result->body);
  ASSERT_TRUE(docs.is_array());
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["id"], "a");
  EXPECT_EQ(docs[0]["quotes"][0]["speaker_name"], "Ann Lee");
  EXPECT_EQ(docs[1]["id"], "7");
  EXPECT_TRUE(docs[1]["quotes"].empty());
  EXPECT_EQ(docs[2]["id"], "3");  // named by position
  EXPECT_EQ(docs[2]["quotes"][0]["speaker_name"], "Bob Stone");
  // An empty array is no documents.
  auto none = Extract("[]");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(none->body, "[]");
}

TEST_F(ServeTest, ExtractAsHtmlGivesEscapedReviewSections) {
  const json body =
      json::array({{{"id", "x<y"}, {"text", "\"<b>Hi</b>,\" Ann Lee said."}},
                   {{"id", "two"}, {"text", "Bob Stone said so."}}});
  auto result = Extract(body.dump(), "?format=html");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_THAT(result->get_header_value("Content-Type"),
              StartsWith("text/html"));
  EXPECT_THAT(result->body, StartsWith("<section class=\"doc\" id=\"d0\">"));
  EXPECT_THAT(result->body, HasSubstr("<section class=\"doc\" id=\"d1\">"));
  EXPECT_THAT(result->body, HasSubstr("x&lt;y"));
  EXPECT_THAT(result->body, HasSubstr("&lt;b&gt;Hi&lt;/b&gt;"));
  EXPECT_THAT(result->body, Not(HasSubstr("<b>")));
  ExpectError(Extract(body.dump(), "?format=xml"), 400, "unknown format");
}

TEST_F(ServeTest, MalformedBodiesAre400) {
  ExpectError(Extract("{\"id\": \"x\""), 400, "malformed JSON");
  ExpectError(Extract("{\"id\": \"x\"}"), 400, "missing \"text\"");
  ExpectError(Extract("{\"text\": 5}"), 400, "\"text\" is not a string");
  ExpectError(Extract("\"just a string\""), 400, "expected a document");
  ExpectError(Extract("[{\"text\": \"ok\"}, {\"id\": 2}]"), 400,
              "document 2: missing \"text\"");
  ExpectError(Extract(""), 400, "malformed JSON");
}

TEST_F(ServeTest, UnknownPathsAre404AndWrongMethods405) {
  ExpectError(Client().Get("/v2/extract"), 404, "no such endpoint");
  ExpectError(Client().Post("/nothing", "{}", "application/json"), 404,
              "/nothing");
  auto get_extract = Client().Get("/v1/extract");
  ExpectError(get_extract, 405, "use POST");
  EXPECT_EQ(get_extract->get_header_value("Allow"), "POST");
  auto delete_health = Client().Delete("/healthz");
  ExpectError(delete_health, 405, "DELETE is not allowed");
  EXPECT_EQ(delete_health->get_header_value("Allow"), "GET");
  ExpectError(Client().Get("/v1/verify"), 405, "use POST");
}

TEST_F(ServeTest, StoreEndpointsAre503WithoutAStore) {
  ExpectError(Client().Get("/v1/search?q=wall"), 503, "no store");
  ExpectError(
      Client().Post("/v1/verify", "{\"claim\": \"x\"}", "application/json"),
      503, "no store");
}

TEST_F(ServeTest, ABodyOverTheDefaultLimitIs413AndTheServerGoesOn) {
  const std::string huge(20 * 1024 * 1024, 'a');
  ExpectError(Extract(huge), 413, "10485760 bytes");
  auto health = Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(ServeLimitTest, MaxBodyIsTheLimit) {
  ServerOptions options;
  options.max_body = 1000;
  RunningServer server(options);
  const std::string small =
      json{{"id", "s"}, {"text", std::string(900, 'a')}}.dump();
  const std::string large =
      json{{"id", "l"}, {"text", std::string(1100, 'a')}}.dump();
  auto ok = server.Client().Post("/v1/extract", small, "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  ExpectError(server.Client().Post("/v1/extract", large, "application/json"),
              413, "1000 bytes");
}

TEST(ServeBindTest, APortInUseIsAnErrorNotASharedPort) {
  RunningServer first;
  Api api(BuiltinRules(), 1);
  ServerOptions options;
  options.port = first.port();
  Server second(api, options);
  auto port = second.Bind();
  ASSERT_FALSE(port.ok());
  EXPECT_THAT(port.status().message(), HasSubstr("cannot listen on 127.0.0.1:" +
                                                 std::to_string(first.port())));
}

TEST_F(ServeTest, ThePageIsSelfContainedAndRestrictedToItsOrigin) {
  auto result = Client().Get("/");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_THAT(result->get_header_value("Content-Type"),
              StartsWith("text/html"));
  EXPECT_THAT(result->body, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(result->body, HasSubstr("<form id=\"input\""));
  EXPECT_THAT(result->body, HasSubstr("connect-src &#39;self&#39;"));
  EXPECT_THAT(result->body, Not(HasSubstr("src=\"http")));
  // No store, no verify box.
  EXPECT_THAT(result->body, Not(HasSubstr("id=\"verify\"")));
}

TEST_F(ServeTest, BadRequestsDoNotDisturbGoodOnesAtTheSameTime) {
  const json good = {{"id", "g"},
                     {"text", "\"The bridge opens in May,\" Ann Lee said."}};
  auto expected = Extract(good.dump());
  ASSERT_TRUE(expected);
  ASSERT_EQ(expected->status, 200);
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = Client();
      for (int i = 0; i < 10; ++i) {
        const bool bad = (t + i) % 2 == 0;
        auto result =
            client.Post("/v1/extract", bad ? "{\"id\": 1," : good.dump(),
                        "application/json");
        const bool right = result && (bad ? result->status == 400
                                          : result->status == 200 &&
                                                result->body == expected->body);
        if (!right) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(failures, ::testing::Each(0));
}

}  // namespace
}  // namespace whosaid::serve
