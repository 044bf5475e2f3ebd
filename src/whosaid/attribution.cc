#include "whosaid/attribution.h"

namespace whosaid {

std::string_view QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect:
      return "direct";
    case QuoteType::kMixed:
      return "mixed";
    case QuoteType::kIndirect:
      return "indirect";
  }
  return "direct";
}

std::optional<QuoteType> ParseQuoteType(std::string_view name) {
  for (QuoteType t :
       {QuoteType::kDirect, QuoteType::kMixed, QuoteType::kIndirect}) {
    if (QuoteTypeName(t) == name) return t;
  }
  return std::nullopt;
}

}  // namespace whosaid
