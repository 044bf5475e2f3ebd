// whosaid verify: is a claimed quote in the store, word for word, with
// changes, or not at all?
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/store_output.h"
#include "whosaid/store.h"
#include "whosaid/store_json.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

constexpr char kUsage[] =
    "usage: whosaid verify --db FILE [OPTIONS] \"CLAIMED QUOTE\"\n"
    "\n"
    "Compares a claimed quote with the stored attributions and says whether\n"
    "it was found verbatim (possibly an excerpt), with changes (the word\n"
    "differences are shown: [-stored word-] {+claimed word+}), or not at\n"
    "all, with the closest stored attributions and their similarity. \"...\"\n"
    "in the claim stands for words left out. Ellipses and [bracketed]\n"
    "insertions inside a stored quote are pointed out: they are the\n"
    "writer's, not the speaker's.\n"
    "\n";

std::string FormatPercent(double similarity) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%3.0f%%", similarity * 100);
  return buffer;
}

std::string MatchText(const VerifyMatch& match) {
  const StoredAttribution& s = match.stored;
  const QuoteComparison& c = match.comparison;
  std::string speaker = s.attribution.speaker_name.empty()
                            ? s.speaker_text
                            : s.attribution.speaker_name;
  if (speaker.empty()) speaker = "(no speaker)";
  std::string out = "  " + FormatPercent(c.similarity) + "  " + speaker +
                    " \xE2\x80\x94 " + s.content_text + "\n        " +
                    s.document_id;
  for (const std::string* field : {&s.meta.date, &s.meta.outlet, &s.meta.url}) {
    if (!field->empty()) out += " \xC2\xB7 " + *field;
  }
  out += "\n";
  if (!c.verbatim() || !c.whole()) {
    const char* ellipsis = "\xE2\x80\xA6 ";
    out += std::string("        words: ") +
           (c.window_begin > 0 ? ellipsis : "") + FormatWordDiff(c.diff) +
           (c.window_end < c.stored_words ? " \xE2\x80\xA6" : "") + "\n";
  }
  if (!match.marks.empty()) {
    std::vector<std::string> marks;
    for (const QuoteMark& mark : match.marks) {
      marks.push_back(std::string(QuoteMarkKindName(mark.kind)) + " \"" +
                      std::string(mark.span.In(s.content_text)) + "\"");
    }
    out += "        in the stored quote: " + Join(marks, "; ") + "\n";
  }
  return out;
}

std::string ResultText(const VerifyResult& result) {
  std::string out = std::string(VerdictName(result.verdict));
  if (!result.matches.empty()) {
    out += " (closest: " +
           FormatPercent(result.matches.front().comparison.similarity) + ")";
  }
  out += "\n";
  for (const VerifyMatch& match : result.matches) out += MatchText(match);
  return out;
}

}  // namespace

int RunVerify(const Args& args) {
  std::string db_path;
  std::string speaker;
  std::string format = "text";
  std::size_t limit = 5;
  std::vector<std::string> words;
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db_path)->value_name("FILE"),
      "the quote store (required)")(
      "speaker", po::value(&speaker)->value_name("NAME"),
      "only attributions to speakers whose name holds these words")(
      "limit", po::value(&limit)->default_value(5),
      "show this many closest attributions")(
      "format,f", po::value(&format)->default_value("text"), "text or jsonl");
  po::options_description all;
  all.add(visible).add_options()("claim", po::value(&words)->composing());
  po::positional_options_description positional;
  positional.add("claim", -1);
  po::variables_map vm;
  if (auto done = ParseArgsOrExit("verify", args, kUsage, visible, all,
                                  positional, &vm)) {
    return *done;
  }
  if (db_path.empty() || words.empty()) {
    std::cerr << "whosaid verify: missing "
              << (db_path.empty() ? "--db FILE" : "the claimed quote") << "\n\n"
              << kUsage << visible;
    return 2;
  }
  if (!IsStoreFormat(format, /*csv_allowed=*/false)) {
    std::cerr << "whosaid verify: unknown format '" << format
              << "' (text or jsonl)\n";
    return 2;
  }
  const std::string claim = Join(words, " ");
  auto store = OpenStoreForCli(db_path);
  if (!store) return 2;
  auto result = store->Verify(claim, speaker, limit);
  if (!result.ok()) return QueryError("verify", result.status());
  StoreWriter out(format);
  out.Write(VerifyResultToJson(claim, *result), ResultText(*result), {});
  return out.Finish();
}

}  // namespace whosaid::cli
