// Microbenchmarks of whosaid's stages on news text generated here: the
// quote scanner (SplitParagraphs + ScanQuotes), the matcher
// (Matcher::MatchParagraph over prebuilt skeletons) and the whole
// Extractor::Extract, with the built-in English pack. Bytes processed are
// bytes of the original text, so the MB/s of the stages compare.
//
//   build/tests/bench/whosaid_pipeline_benchmark [--benchmark_filter=...]
//
// Each benchmark runs twice: /0 on articles whose paragraphs are separated
// by blank lines, /1 on articles with each on one line, as in
// ../shared/bench/bbc-news.jsonl (one long paragraph per article).
// BM_ExtractLongDocument/N runs the Extractor on one document of N
// paragraphs with ever new names, and fits how its time grows with N.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/extractor.h"
#include "whosaid/matcher.h"
#include "whosaid/quote_scanner.h"
#include "whosaid/rule_set.h"
#include "whosaid/segmenter.h"
#include "whosaid/skeleton.h"
#include "whosaid/span.h"

namespace whosaid {
namespace {

constexpr int kArticles = 8;
constexpr std::size_t kArticleBytes = 2400;  // about a BBC article
constexpr double kMinSeconds = 0.2;          // per benchmark, to stay short

constexpr std::string_view kSpeakers[] = {
    "Maria Lindqvist",
    "Tom Okafor",
    "the mayor",
    "Dr Helen Marsh",
    "a spokeswoman for the ministry",
    "Chief Inspector Ravi Shah",
    "Ms Duarte",
    "the company's chief executive, Paul Brennan,",
    "union leader Sandra Kim",
    "Mr Novak",
};

constexpr std::string_view kVerbs[] = {
    "said",   "told reporters", "added",   "warned",
    "argued", "insisted",       "claimed", "explained",
};

constexpr std::string_view kClaims[] = {
    "the budget would be balanced by next spring",
    "nobody had been told about the closure in advance",
    "the new line would open two years late",
    "talks with the unions had broken down on Friday",
    "prices were likely to rise again before the summer",
    "the club had not received any offer for its striker",
};

constexpr std::string_view kQuotes[] = {
    "We are not going anywhere",
    "This is a difficult day for everyone who works here",
    "I don't think the figures tell the whole story",
    "Nobody expected the vote to be this close",
    "We'll keep fighting for the people of this town",
    "It was the right decision, and I'd take it again",
    "The plan is simply not good enough",
};

constexpr std::string_view kNarrative[] = {
    "The plant employs about 400 people and has operated since 1987.",
    "Shares in the group fell 4% in early trading on Monday.",
    "The report, published on Tuesday, covers the years 2019 to 2023.",
    "Opposition parties have called for an inquiry into the 'rushed' deal.",
    "Around 12,000 fans are expected at the ground on Saturday.",
    "The so-called \"Green Corridor\" scheme was first proposed in 2016.",
    "The council's offices in St. Mary's Road will close at 5 p.m.",
};

// A deterministic source of choices (std::minstd_rand is fully specified).
class Chooser {
 public:
  template <typename T, std::size_t N>
  std::string_view From(const T (&items)[N]) {
    return items[rng_() % N];
  }

 private:
  std::minstd_rand rng_{20261125};
};

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] -= 'a' - 'A';
  return out;
}

// One paragraph, in one of several common shapes of reported speech, or
// plain narrative.
std::string Paragraph(Chooser& c, int shape) {
  const std::string speaker(c.From(kSpeakers));
  const std::string verb(c.From(kVerbs));
  const std::string quote(c.From(kQuotes));
  switch (shape) {
    case 0:
      return "\"" + quote + ",\" " + speaker + " " + verb + ".";
    case 1:
      return Capitalized(speaker) + " " + verb + " that " +
             std::string(c.From(kClaims)) + ".";
    case 2:
      return Capitalized(speaker) + " " + verb + ": \"" + quote + ". " +
             std::string(c.From(kQuotes)) + ".\"";
    case 3:
      return "\u201c" + quote + ",\u201d " + speaker + " said. \u201c" +
             std::string(c.From(kQuotes)) + ".\u201d";
    case 4:
      return "According to " + speaker + ", " + std::string(c.From(kClaims)) +
             ". " + std::string(c.From(kNarrative));
    case 5:
      return "\"" + quote + ",\" " + speaker + " " + verb +
             " on Tuesday, adding that " + std::string(c.From(kClaims)) + ".";
    default:
      return std::string(c.From(kNarrative)) + " " +
             std::string(c.From(kNarrative));
  }
}

// `kArticles` articles of about `kArticleBytes` each; `one_line` joins the
// paragraphs of an article with a space instead of a blank line.
std::vector<Document> MakeCorpus(bool one_line) {
  Chooser c;
  std::vector<Document> docs;
  for (int i = 0; i < kArticles; ++i) {
    Document doc{"doc" + std::to_string(i), ""};
    for (int shape = 0; doc.text.size() < kArticleBytes; ++shape) {
      if (!doc.text.empty()) doc.text += one_line ? " " : "\n\n";
      doc.text += Paragraph(c, (shape * 5 + i) % 8);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

const std::vector<Document>& Corpus(std::int64_t layout) {
  static const auto* const corpora = new std::vector<std::vector<Document>>{
      MakeCorpus(false), MakeCorpus(true)};
  return (*corpora)[layout == 0 ? 0 : 1];
}

std::int64_t Bytes(const std::vector<Document>& docs) {
  std::int64_t n = 0;
  for (const Document& doc : docs) {
    n += static_cast<std::int64_t>(doc.text.size());
  }
  return n;
}

std::shared_ptr<const RuleSet> EnglishRules() {
  static const auto* const rules = [] {
    auto loaded = RuleSet::Load({BuiltinEnglishPack()});
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load the English pack: %s\n",
                   loaded.status().message().c_str());
      std::exit(1);
    }
    return new std::shared_ptr<const RuleSet>(*loaded);
  }();
  return *rules;
}

void Finish(benchmark::State& state, const std::vector<Document>& docs) {
  state.SetBytesProcessed(state.iterations() * Bytes(docs));
  state.SetLabel(state.range(0) == 0 ? "paragraphs" : "one line");
}

void BM_ScanQuotes(benchmark::State& state) {
  const std::vector<Document>& docs = Corpus(state.range(0));
  for (auto _ : state) {
    for (const Document& doc : docs) {
      const std::vector<Span> paragraphs = SplitParagraphs(doc.text);
      std::vector<Quote> quotes = ScanQuotes(doc.text, paragraphs);
      benchmark::DoNotOptimize(quotes.data());
    }
  }
  Finish(state, docs);
}
BENCHMARK(BM_ScanQuotes)->Arg(0)->Arg(1)->MinTime(kMinSeconds);

// The skeletons and sentences of every paragraph of one document, built
// once so that only the matching is timed.
struct Prepared {
  std::vector<Quote> quotes;
  std::vector<Skeleton> skeletons;
  std::vector<std::vector<Span>> sentences;
};

void BM_MatchParagraph(benchmark::State& state) {
  const std::vector<Document>& docs = Corpus(state.range(0));
  const std::shared_ptr<const RuleSet> rules = EnglishRules();
  const Matcher matcher(*rules);
  const auto is_cue = [&](std::string_view w) { return matcher.IsCue(w); };
  std::vector<Prepared> prepared(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const std::string_view text = docs[d].text;
    const std::vector<Span> paragraphs = SplitParagraphs(text);
    prepared[d].quotes = ScanQuotes(text, paragraphs);
    for (const Span& paragraph : paragraphs) {
      prepared[d].skeletons.emplace_back(text, paragraph, prepared[d].quotes);
      prepared[d].sentences.push_back(
          prepared[d].skeletons.back().Sentences(is_cue));
    }
  }
  std::vector<RuleMatch> found;
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      for (std::size_t i = 0; i < p.skeletons.size(); ++i) {
        found.clear();
        matcher.MatchParagraph(p.skeletons[i], p.sentences[i], p.quotes,
                               &found);
        benchmark::DoNotOptimize(found.data());
      }
    }
  }
  Finish(state, docs);
}
BENCHMARK(BM_MatchParagraph)
    ->Arg(0)
    ->Arg(1)
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const std::vector<Document>& docs = Corpus(state.range(0));
  const Extractor extractor(EnglishRules());
  std::size_t attributions = 0;
  for (auto _ : state) {
    for (const Document& doc : docs) {
      DocumentResult result = extractor.Extract(doc);
      attributions += result.quotes.size();
      benchmark::DoNotOptimize(result);
    }
  }
  Finish(state, docs);
  const double documents = static_cast<double>(state.iterations()) *
                           static_cast<double>(docs.size());
  state.counters["quotes/doc"] =
      benchmark::Counter(static_cast<double>(attributions) / documents);
}
BENCHMARK(BM_Extract)
    ->Arg(0)
    ->Arg(1)
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// One document of `paragraphs` paragraphs in which new people keep
// appearing: each paragraph names someone ("Mira Kalotesh, a spokeswoman
// for the Harbour Authority, said …") whom a later paragraph quotes by
// surname. The number of distinct names grows with the document, which is
// what would make a resolver that compares every mention with every name
// quadratic.
std::string LongDocument(int paragraphs) {
  static constexpr std::string_view kGiven[] = {"Mira", "Tom",  "Ana",
                                                "Ravi", "Lena", "Paul"};
  static constexpr std::string_view kSyllables[] = {
      "ka", "lo",  "mi", "te",  "su", "ran", "vel", "dor", "bi", "shen",
      "to", "mar", "qu", "zel", "ni", "pa",  "gor", "ed",  "li", "wen"};
  Chooser c;
  std::string text;
  std::string previous;  // the surname of the previous paragraph's person
  for (int i = 0; i < paragraphs; ++i) {
    const std::string surname = Capitalized(std::string(c.From(kSyllables)) +
                                            std::string(c.From(kSyllables)) +
                                            std::string(c.From(kSyllables)));
    if (!text.empty()) text += "\n\n";
    text += std::string(c.From(kGiven)) + " " + surname +
            ", a spokeswoman for the Harbour Authority, said that " +
            std::string(c.From(kClaims)) + ".";
    if (!previous.empty()) {
      text +=
          " \"" + std::string(c.From(kQuotes)) + ",\" " + previous + " said.";
    }
    previous = surname;
  }
  return text;
}

void BM_ExtractLongDocument(benchmark::State& state) {
  const Document doc{"long", LongDocument(static_cast<int>(state.range(0)))};
  const Extractor extractor(EnglishRules());
  for (auto _ : state) {
    DocumentResult result = extractor.Extract(doc);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(doc.text.size()));
  state.SetComplexityN(state.range(0));
}
// Time per paragraph should stay flat as the document grows: the fitted
// complexity is printed as BM_ExtractLongDocument_BigO.
BENCHMARK(BM_ExtractLongDocument)
    ->Arg(500)
    ->Arg(2000)
    ->Arg(8000)
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace
}  // namespace whosaid

BENCHMARK_MAIN();
