// whosaid search: attributions, or quote groups, from a quote store.
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
    "usage: whosaid search --db FILE [OPTIONS] [QUERY...]\n"
    "\n"
    "Lists the stored attributions whose content holds every word of QUERY\n"
    "(\"a phrase\" in double quotes as a phrase), most relevant first; with\n"
    "no QUERY, newest first. --group lists the quotes instead, each with\n"
    "all its occurrences across documents.\n"
    "\n";

// One line of text output for a hit.
std::string HitText(const StoredAttribution& hit) {
  const Attribution& a = hit.attribution;
  std::string speaker =
      a.speaker_name.empty() ? hit.speaker_text : a.speaker_name;
  if (speaker.empty()) speaker = "(no speaker)";
  std::string line =
      speaker + " \xE2\x80\x94 " +
      (hit.cue_text.empty() ? "\xE2\x80\x94" : hit.cue_text) + " [" +
      (a.negated ? "not " : "") + (a.stance.empty() ? "?" : a.stance) +
      "] \xE2\x80\x94 " + hit.content_text + "  (" +
      std::string(QuoteTypeName(a.type)) + ")\n    " + hit.document_id;
  for (const std::string* field :
       {&hit.meta.date, &hit.meta.outlet, &hit.meta.url}) {
    if (!field->empty()) line += " \xC2\xB7 " + *field;
  }
  return line + "\n";
}

std::string GroupText(const QuoteGroup& group) {
  std::string line =
      std::to_string(group.occurrences) + "\xC3\x97 " + group.text + "\n    ";
  if (!group.first_seen.empty()) {
    line += "first seen " + group.first_seen + ", last seen " +
            group.last_seen + "; ";
  }
  line += "speakers: " + Join(group.speakers, ", ") +
          "; outlets: " + Join(group.outlets, ", ") +
          "; documents: " + Join(group.document_ids, ", ");
  return line + "\n";
}

std::vector<std::string> HitRow(const StoredAttribution& hit) {
  const Attribution& a = hit.attribution;
  return {hit.document_id,
          hit.meta.date,
          hit.meta.outlet,
          hit.meta.url,
          a.speaker_name.empty() ? hit.speaker_text : a.speaker_name,
          a.stance,
          a.negated ? "true" : "false",
          std::string(QuoteTypeName(a.type)),
          hit.cue_text,
          hit.content_text,
          std::to_string(hit.quote_key)};
}

std::vector<std::string> GroupRow(const QuoteGroup& group) {
  return {std::to_string(group.key),
          std::to_string(group.occurrences),
          group.first_seen,
          group.last_seen,
          Join(group.speakers, "; "),
          Join(group.outlets, "; "),
          Join(group.document_ids, "; "),
          group.text};
}

}  // namespace

int RunSearch(const Args& args) {
  SearchQuery query;
  std::string db_path;
  std::string kind;
  std::string format = "text";
  std::vector<std::string> words;
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db_path)->value_name("FILE"),
      "the quote store (required)")(
      "speaker", po::value(&query.speaker)->value_name("NAME"),
      "speakers whose name holds these words")(
      "stance", po::value(&query.stance)->value_name("S"),
      "this stance only (assert, deny, ...)")(
      "kind", po::value(&kind)->value_name("K"), "direct, mixed or indirect")(
      "since", po::value(&query.since)->value_name("D"),
      "documents dated on or after D (YYYY[-MM[-DD]])")(
      "until", po::value(&query.until)->value_name("D"),
      "documents dated on or before D")(
      "limit", po::value(&query.limit)->default_value(50),
      "at most this many results (0: all)")(
      "group", "list quotes with their occurrences across documents")(
      "format,f", po::value(&format)->default_value("text"),
      "text, jsonl or csv");
  po::options_description all;
  all.add(visible).add_options()("query", po::value(&words)->composing());
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  if (auto done = ParseArgsOrExit("search", args, kUsage, visible, all,
                                  positional, &vm)) {
    return *done;
  }
  if (db_path.empty()) {
    std::cerr << "whosaid search: missing --db FILE\n\n" << kUsage << visible;
    return 2;
  }
  if (!IsStoreFormat(format, /*csv_allowed=*/true)) {
    std::cerr << "whosaid search: unknown format '" << format
              << "' (text, jsonl or csv)\n";
    return 2;
  }
  if (!kind.empty()) {
    query.kind = ParseQuoteType(kind);
    if (!query.kind) {
      std::cerr << "whosaid search: unknown kind '" << kind
                << "' (direct, mixed or indirect)\n";
      return 2;
    }
  }
  query.text = Join(words, " ");
  auto store = OpenStoreForCli(db_path);
  if (!store) return 2;
  StoreWriter out(format);
  if (vm.count("group")) {
    auto groups = store->SearchGroups(query);
    if (!groups.ok()) return QueryError("search", groups.status());
    out.Header({"quote", "occurrences", "first_seen", "last_seen", "speakers",
                "outlets", "documents", "text"});
    for (const QuoteGroup& group : *groups) {
      out.Write(QuoteGroupToJson(group), GroupText(group), GroupRow(group));
    }
  } else {
    auto hits = store->Search(query);
    if (!hits.ok()) return QueryError("search", hits.status());
    out.Header({"document", "date", "outlet", "url", "speaker", "stance",
                "negated", "kind", "cue", "content", "quote"});
    for (const StoredAttribution& hit : *hits) {
      out.Write(StoredAttributionToJson(hit), HitText(hit), HitRow(hit));
    }
  }
  return out.Finish();
}

}  // namespace whosaid::cli
