#include "serve/store_endpoints.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "whosaid/store_json.h"

namespace whosaid::serve {
namespace {

using nlohmann::json;

constexpr std::size_t kDefaultResults = 50;
constexpr std::size_t kDefaultMatches = 5;

Response JsonAnswer(const json& value) {
  return {200, std::string(kJson),
          value.dump(-1, ' ', false, json::error_handler_t::replace)};
}

Response StoreFailed(const Status& status) {
  return ErrorResponse(503, "the store failed: " + status.message());
}

// The value of parameter `name`, or "" when absent.
std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

// `text` as a count from 1 to kMaxResults; nullopt when it is not one.
std::optional<std::size_t> ParseLimit(const std::string& text) {
  if (text.empty() || text.size() > 6 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::size_t limit = std::stoul(text);
  if (limit == 0 || limit > kMaxResults) return std::nullopt;
  return limit;
}

// The search of the query parameters, or the 400 that says what is wrong.
StatusOr<SearchQuery> ReadQuery(const Params& params) {
  SearchQuery query;
  query.text = Param(params, "q");
  query.speaker = Param(params, "speaker");
  query.stance = Param(params, "stance");
  query.since = Param(params, "since");
  query.until = Param(params, "until");
  if (const std::string kind = Param(params, "kind"); !kind.empty()) {
    query.kind = ParseQuoteType(kind);
    if (!query.kind) {
      return Status::Error("unknown kind '" + kind +
                           "': direct, mixed or indirect");
    }
  }
  query.limit = kDefaultResults;
  if (params.count("limit")) {
    auto limit = ParseLimit(Param(params, "limit"));
    if (!limit) {
      return Status::Error("limit must be a number from 1 to " +
                           std::to_string(kMaxResults));
    }
    query.limit = *limit;
  }
  return query;
}

}  // namespace

StatusOr<std::unique_ptr<StoreBackend>> StoreBackend::Open(
    const std::string& path) {
  auto store = Store::Open(path, Store::Mode::kExisting);
  if (!store.ok()) return store.status();
  return std::unique_ptr<StoreBackend>(
      new StoreBackend(std::move(store).value()));
}

StoreBackend::StoreBackend(std::unique_ptr<Store> store)
    : store_(std::move(store)) {}

Response StoreBackend::Search(const Params& params) {
  auto query = ReadQuery(params);
  if (!query.ok()) return ErrorResponse(400, query.status().message());
  const std::string group = Param(params, "group");
  if (!group.empty() && group != "0" && group != "1") {
    return ErrorResponse(400, "group must be 0 or 1");
  }
  std::lock_guard lock(mutex_);
  if (group == "1") {
    auto groups = store_->SearchGroups(*query);
    if (!groups.ok()) return StoreFailed(groups.status());
    json out = json::array();
    for (const QuoteGroup& g : *groups) out.push_back(QuoteGroupToJson(g));
    return JsonAnswer({{"groups", out}});
  }
  auto results = store_->Search(*query);
  if (!results.ok()) return StoreFailed(results.status());
  json out = json::array();
  for (const StoredAttribution& a : *results) {
    out.push_back(StoredAttributionToJson(a));
  }
  return JsonAnswer({{"results", out}});
}

Response StoreBackend::Verify(std::string_view body) {
  const json request = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return ErrorResponse(400, "malformed JSON");
  if (!request.is_object()) {
    return ErrorResponse(400, "expected an object {\"claim\": ...}");
  }
  auto claim = request.find("claim");
  if (claim == request.end() || !claim->is_string() ||
      claim->get<std::string>().empty()) {
    return ErrorResponse(400, "missing \"claim\" (a non-empty string)");
  }
  std::string speaker;
  if (auto s = request.find("speaker"); s != request.end() && !s->is_null()) {
    if (!s->is_string()) {
      return ErrorResponse(400, "\"speaker\" is not a string");
    }
    speaker = s->get<std::string>();
  }
  std::size_t limit = kDefaultMatches;
  if (auto l = request.find("limit"); l != request.end() && !l->is_null()) {
    if (!l->is_number_unsigned() || l->get<std::size_t>() == 0 ||
        l->get<std::size_t>() > kMaxResults) {
      return ErrorResponse(400, "\"limit\" must be a number from 1 to " +
                                    std::to_string(kMaxResults));
    }
    limit = l->get<std::size_t>();
  }
  const std::string text = claim->get<std::string>();
  std::lock_guard lock(mutex_);
  auto result = store_->Verify(text, speaker, limit);
  if (!result.ok()) return StoreFailed(result.status());
  return JsonAnswer(VerifyResultToJson(text, *result));
}

}  // namespace whosaid::serve
