// UTF-8 validity checks.
#ifndef WHOSAID_INTERNAL_UTF8_H_
#define WHOSAID_INTERNAL_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace whosaid::internal {

// The byte offset of the first byte of `text` that does not start a
// well-formed UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF are ill-formed), or nullopt when all of `text` is valid.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

}  // namespace whosaid::internal

#endif  // WHOSAID_INTERNAL_UTF8_H_
