// Store: search, quote groups and verify. Opening and indexing are in
// store.cc.
#include <re2/re2.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "whosaid/internal/fts_query.h"
#include "whosaid/internal/sqlite.h"
#include "whosaid/store.h"

namespace whosaid {
namespace {

using internal::SqliteStatement;

// Verify compares the claim with at most this many stored attributions
// that share words with it, the best by full-text rank.
constexpr std::size_t kVerifyCandidates = 200;
// ... built from at most this many of the claim's words.
constexpr std::size_t kVerifyQueryWords = 32;

constexpr char kAttributionColumns[] = R"sql(
    a.attribution_key, a.quote_key, d.id, d.url, d.date, d.outlet, d.title,
    a.type, a.content_begin, a.content_end, a.content_parts, a.content_text,
    a.cue_begin, a.cue_end, a.cue_text, a.speaker_begin, a.speaker_end,
    a.speaker_text, a.speaker_name, a.speaker_kind, a.speaker_role,
    a.speaker_org, a.entity, a.via, a.stance, a.negated, a.rule,
    a.resolution, a.confidence)sql";

// The SQL conditions and their parameters for a query's filters: the
// full-text expression and the stance, kind and date filters.
struct Filters {
  std::string from;   // FROM and JOINs
  std::string where;  // " AND ..." conditions
  std::vector<std::string> params;
};

Status CheckDate(const std::string& date, const char* name) {
  static const RE2 kDate(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  if (date.empty() || RE2::FullMatch(date, kDate)) return Status();
  return Status::Error(std::string(name) + ": '" + date +
                       "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

// Error: a date of the query is not one.
StatusOr<Filters> BuildFilters(const std::string& match,
                               const SearchQuery& query) {
  if (Status s = CheckDate(query.since, "since"); !s.ok()) return s;
  if (Status s = CheckDate(query.until, "until"); !s.ok()) return s;
  Filters f;
  f.from = " FROM attributions a JOIN documents d ON d.doc_key = a.doc_key";
  auto add = [&](const std::string& condition, const std::string& value) {
    f.params.push_back(value);
    std::string numbered = condition;
    const std::string n = "?" + std::to_string(f.params.size());
    for (std::size_t at; (at = numbered.find("?N")) != std::string::npos;) {
      numbered.replace(at, 2, n);
    }
    f.where += " AND " + numbered;
  };
  if (!match.empty()) {
    f.from +=
        " JOIN attribution_text ON attribution_text.rowid = "
        "a.attribution_key";
    add("attribution_text MATCH ?N", match);
  }
  if (!query.stance.empty()) add("a.stance = ?N", query.stance);
  if (query.kind) add("a.type = ?N", std::string(QuoteTypeName(*query.kind)));
  if (!query.since.empty()) add("d.date >= ?N", query.since);
  if (!query.until.empty()) {
    add("substr(d.date, 1, length(?N)) <= ?N", query.until);
  }
  return f;
}

// `sql` prepared, with the parameters of `f` bound.
StatusOr<SqliteStatement> PrepareFiltered(internal::SqliteDb& db,
                                          const std::string& sql,
                                          const Filters& f) {
  auto statement = SqliteStatement::Prepare(db, sql);
  if (!statement.ok()) return statement.status();
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    statement->Bind(static_cast<int>(i + 1), f.params[i]);
  }
  return statement;
}

std::optional<Span> SpanAt(const SqliteStatement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return Span{static_cast<std::size_t>(row.Int(column)),
              static_cast<std::size_t>(row.Int(column + 1))};
}

// Reads the columns of kAttributionColumns, starting at column 0.
StoredAttribution ReadAttribution(const SqliteStatement& row) {
  StoredAttribution out;
  out.key = row.Int(0);
  out.quote_key = row.Int(1);
  out.document_id = row.Text(2);
  out.meta = {row.Text(3), row.Text(4), row.Text(5), row.Text(6)};
  Attribution& a = out.attribution;
  a.type = ParseQuoteType(row.Text(7)).value_or(QuoteType::kDirect);
  a.content = *SpanAt(row, 8);
  if (!row.IsNull(10)) {
    const auto parts = nlohmann::json::parse(row.Text(10), nullptr, false);
    for (const auto& part : parts) {
      if (part.is_array() && part.size() == 2) {
        a.content_parts.push_back(
            {part[0].get<std::size_t>(), part[1].get<std::size_t>()});
      }
    }
  }
  out.content_text = row.Text(11);
  a.cue = SpanAt(row, 12);
  out.cue_text = row.Text(14);
  a.speaker = SpanAt(row, 15);
  out.speaker_text = row.Text(17);
  a.speaker_name = row.Text(18);
  a.speaker_kind = row.Text(19);
  a.speaker_role = row.Text(20);
  a.speaker_org = row.Text(21);
  a.entity = row.IsNull(22) ? -1 : static_cast<int>(row.Int(22));
  const auto via = nlohmann::json::parse(row.Text(23), nullptr, false);
  for (const auto& relay : via) {
    if (relay.is_string()) a.via.push_back(relay);
  }
  a.stance = row.Text(24);
  a.negated = row.Int(25) != 0;
  a.rule = row.Text(26);
  a.resolution = row.Text(27);
  a.confidence = row.Double(28);
  return out;
}

// The strings of a JSON array, without nulls and empty ones, sorted.
std::vector<std::string> StringList(const std::string& json_array) {
  std::vector<std::string> out;
  const auto values = nlohmann::json::parse(json_array, nullptr, false);
  for (const auto& value : values) {
    if (value.is_string() && !value.get<std::string>().empty()) {
      out.push_back(value);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string SearchMatch(const SearchQuery& query) {
  return internal::AndQuery(internal::AllWordsQuery("content", query.text),
                            internal::AllWordsQuery("speaker", query.speaker));
}

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kVerbatim:
      return "verbatim";
    case Verdict::kWithChanges:
      return "with changes";
    default:
      return "not found";
  }
}

StatusOr<std::vector<StoredAttribution>> Store::Select(
    const std::string& match, bool by_relevance, const SearchQuery& query) {
  const auto filters = BuildFilters(match, query);
  if (!filters.ok()) return filters.status();
  const Filters& f = *filters;
  const bool ranked = by_relevance && !match.empty();
  std::string sql = std::string("SELECT") + kAttributionColumns + ", " +
                    (ranked ? "-bm25(attribution_text)" : "0") + f.from +
                    " WHERE 1" + f.where + " ORDER BY " +
                    (ranked ? "bm25(attribution_text), " : "") +
                    "d.date DESC NULLS LAST, d.id, a.ordinal";
  if (query.limit > 0) sql += " LIMIT " + std::to_string(query.limit);
  auto statement = PrepareFiltered(*db_, sql, f);
  if (!statement.ok()) return statement.status();
  std::vector<StoredAttribution> out;
  while (true) {
    auto row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadAttribution(*statement));
    out.back().relevance = statement->Double(29);
  }
  return out;
}

StatusOr<std::vector<StoredAttribution>> Store::Search(
    const SearchQuery& query) {
  return Select(SearchMatch(query), /*by_relevance=*/!query.text.empty(),
                query);
}

StatusOr<std::vector<QuoteGroup>> Store::SearchGroups(
    const SearchQuery& query) {
  const auto filters = BuildFilters(SearchMatch(query), query);
  if (!filters.ok()) return filters.status();
  const Filters& f = *filters;
  std::string sql = "WITH matched AS (SELECT DISTINCT a.quote_key" + f.from +
                    " WHERE 1" + f.where + R"sql()
      SELECT m.quote_key,
        (SELECT content_text FROM attributions
         WHERE quote_key = m.quote_key ORDER BY attribution_key LIMIT 1),
        count(*), min(d.date), max(d.date),
        json_group_array(DISTINCT d.outlet),
        json_group_array(DISTINCT coalesce(a.speaker_name, a.speaker_text)),
        json_group_array(DISTINCT d.id)
      FROM matched m
      JOIN attributions a ON a.quote_key = m.quote_key
      JOIN documents d ON d.doc_key = a.doc_key
      GROUP BY m.quote_key
      ORDER BY count(*) DESC, min(d.date), m.quote_key)sql";
  if (query.limit > 0) sql += " LIMIT " + std::to_string(query.limit);
  auto statement = PrepareFiltered(*db_, sql, f);
  if (!statement.ok()) return statement.status();
  std::vector<QuoteGroup> out;
  while (true) {
    auto row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    QuoteGroup group;
    group.key = statement->Int(0);
    group.text = statement->Text(1);
    group.occurrences = static_cast<std::size_t>(statement->Int(2));
    group.first_seen = statement->Text(3);
    group.last_seen = statement->Text(4);
    group.outlets = StringList(statement->Text(5));
    group.speakers = StringList(statement->Text(6));
    group.document_ids = StringList(statement->Text(7));
    out.push_back(std::move(group));
  }
  return out;
}

StatusOr<VerifyResult> Store::Verify(std::string_view claim,
                                     std::string_view speaker,
                                     std::size_t limit) {
  VerifyResult result;
  const std::string words =
      internal::AnyWordsQuery("content", claim, kVerifyQueryWords);
  if (words.empty()) return result;
  SearchQuery filters;
  filters.limit = kVerifyCandidates;
  auto candidates = Select(
      internal::AndQuery(words, internal::AllWordsQuery("speaker", speaker)),
      /*by_relevance=*/true, filters);
  if (!candidates.ok()) return candidates.status();
  for (StoredAttribution& stored : *candidates) {
    VerifyMatch match;
    match.comparison = CompareQuotes(claim, stored.content_text);
    match.marks = FindQuoteMarks(stored.content_text);
    match.stored = std::move(stored);
    result.matches.push_back(std::move(match));
  }
  std::stable_sort(result.matches.begin(), result.matches.end(),
                   [](const VerifyMatch& a, const VerifyMatch& b) {
                     if (a.comparison.similarity != b.comparison.similarity) {
                       return a.comparison.similarity > b.comparison.similarity;
                     }
                     return a.comparison.matched > b.comparison.matched;
                   });
  if (limit > 0 && result.matches.size() > limit) {
    result.matches.resize(limit);
  }
  if (!result.matches.empty()) {
    const QuoteComparison& best = result.matches.front().comparison;
    if (best.verbatim()) {
      result.verdict = Verdict::kVerbatim;
    } else if (best.similarity >= kFoundSimilarity && best.matched >= 2 &&
               2 * best.matched >= best.claim_words) {
      result.verdict = Verdict::kWithChanges;
    }
  }
  return result;
}

}  // namespace whosaid
