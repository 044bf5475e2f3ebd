#include "whosaid/internal/fts_query.h"

#include <algorithm>
#include <vector>

#include "whosaid/quote_normalizer.h"

namespace whosaid::internal {
namespace {

// `words` as one FTS5 string (a phrase when there are several). Words
// never hold a double quote, so none needs escaping.
std::string Phrase(const std::vector<std::string>& words) {
  std::string out = "\"";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    out += words[i];
  }
  return out + "\"";
}

std::string InColumn(std::string_view column, const std::string& terms) {
  if (terms.empty()) return "";
  return std::string(column) + " : (" + terms + ")";
}

}  // namespace

std::string AllWordsQuery(std::string_view column, std::string_view text) {
  std::string terms;
  bool in_phrase = false;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('"', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::vector<std::string> words =
        QuoteWords(text.substr(begin, end - begin));
    if (in_phrase && !words.empty()) {
      terms += (terms.empty() ? "" : " AND ") + Phrase(words);
    } else {
      for (const std::string& word : words) {
        terms += (terms.empty() ? "" : " AND ") + Phrase({word});
      }
    }
    in_phrase = !in_phrase;
    begin = end + 1;
  }
  return InColumn(column, terms);
}

std::string AnyWordsQuery(std::string_view column, std::string_view text,
                          std::size_t max_words) {
  std::vector<std::string> seen;
  std::string terms;
  for (const std::string& word : QuoteWords(text)) {
    if (seen.size() == max_words) break;
    if (std::find(seen.begin(), seen.end(), word) != seen.end()) continue;
    seen.push_back(word);
    terms += (terms.empty() ? "" : " OR ") + Phrase({word});
  }
  return InColumn(column, terms);
}

std::string AndQuery(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " AND " + b;
}

}  // namespace whosaid::internal
