#include "whosaid/parallel_extract.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "whosaid/result_json.h"
#include "whosaid/rule_set.h"

namespace whosaid {
namespace {

// Hand-written paragraphs, combined into documents of different sizes so
// that workers finish out of order.
std::vector<Document> Documents(int count) {
  const std::vector<std::string> paragraphs = {
      "\"The pier will reopen in May,\" Ana Ruiz said.",
      "Tom Berg, a spokesman for the ferry company, said the boats were "
      "safe.",
      "The council voted on Tuesday, the Harbour Times reported.",
      "Nothing was said about the budget.",
      "\"We are ready,\" she told reporters. \"The crews are trained.\""};
  std::vector<Document> docs;
  for (int i = 0; i < count; ++i) {
    std::string text;
    for (int p = 0; p <= i % 7; ++p) {
      text += paragraphs[(i + p) % paragraphs.size()] + "\n\n";
    }
    docs.push_back({"doc-" + std::to_string(i), text});
  }
  return docs;
}

class ParallelExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = RuleSet::Load({BuiltinEnglishPack()});
    ASSERT_TRUE(rules.ok()) << rules.status().message();
    extractor_ = std::make_unique<Extractor>(*rules);
  }

  // The JSON lines of a run over `docs` with `threads` and `window`.
  std::vector<std::string> Run(const std::vector<Document>& docs, int threads,
                               std::size_t window = 0) {
    std::size_t next = 0;
    std::vector<std::string> lines;
    EXPECT_TRUE(ExtractInOrder(
        *extractor_, threads,
        [&]() -> std::optional<Document> {
          if (next == docs.size()) return std::nullopt;
          return docs[next++];
        },
        [&](const DocumentResult& r) {
          lines.push_back(ToJson(r).dump());
          return true;
        },
        window));
    return lines;
  }

  std::unique_ptr<Extractor> extractor_;
};

TEST_F(ParallelExtractTest, SameOutputForAnyNumberOfThreads) {
  const std::vector<Document> docs = Documents(60);
  const std::vector<std::string> one = Run(docs, 1);
  ASSERT_EQ(one.size(), docs.size());
  EXPECT_EQ(Run(docs, 2), one);
  EXPECT_EQ(Run(docs, 4), one);
  EXPECT_EQ(Run(docs, 3, /*window=*/1), one);
}

TEST_F(ParallelExtractTest, ResultsComeInInputOrder) {
  const std::vector<Document> docs = Documents(25);
  const std::vector<std::string> lines = Run(docs, 4);
  ASSERT_EQ(lines.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_NE(lines[i].find("\"id\":\"" + docs[i].id + "\""), std::string::npos)
        << i;
  }
}

TEST_F(ParallelExtractTest, NoDocumentsNoResults) {
  EXPECT_TRUE(Run({}, 2).empty());
}

TEST_F(ParallelExtractTest, ASinkThatFailsStopsTheRun) {
  const std::vector<Document> docs = Documents(40);
  std::size_t next = 0;
  int taken = 0;
  const bool completed = ExtractInOrder(
      *extractor_, 2,
      [&]() -> std::optional<Document> {
        if (next == docs.size()) return std::nullopt;
        return docs[next++];
      },
      [&](const DocumentResult&) { return ++taken < 3; });
  EXPECT_FALSE(completed);
  EXPECT_EQ(taken, 3);
  // Reading stopped within the window instead of running to the end.
  EXPECT_LT(next, docs.size());
}

// Tasks run concurrently, each told its document's place; what they return
// runs in input order however long each task took.
TEST(RunInOrderTest, TasksKnowTheirPlaceAndStepsRunInOrder) {
  const int kCount = 60;
  int next = 0;
  std::vector<std::size_t> order;
  const bool completed = RunInOrder(
      3,
      [&]() -> std::optional<Document> {
        if (next == kCount) return std::nullopt;
        return Document{"d" + std::to_string(next++), ""};
      },
      [&](std::size_t index, Document doc) -> std::function<bool()> {
        EXPECT_EQ(doc.id, "d" + std::to_string(index));
        // Later documents finish first, now and then.
        if (index % 7 == 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return [&order, index] {
          order.push_back(index);
          return true;
        };
      },
      /*window=*/8);
  EXPECT_TRUE(completed);
  ASSERT_EQ(order.size(), static_cast<std::size_t>(kCount));
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
}

}  // namespace
}  // namespace whosaid
