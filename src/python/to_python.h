// Between Python and the library: texts, records and their errors.
#ifndef WHOSAID_PYTHON_TO_PYTHON_H_
#define WHOSAID_PYTHON_TO_PYTHON_H_

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "whosaid/document.h"

namespace whosaid::python {

// An input record that cannot be read; Python sees whosaid.InputError.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A rule pack that cannot be loaded; Python sees whosaid.RulesError.
class RulesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The bytes of a text given as str (encoded as UTF-8) or bytes (as they
// are). Throws TypeError for any other type, and UnicodeEncodeError for a
// str that has no UTF-8 form (lone surrogates). Needs the GIL.
std::string TextBytes(pybind11::handle text);

// The document of one record of extract_many: a dict with "text" (str or
// bytes) and an optional "id". As in the command line's JSON Lines input,
// a str id is kept, a number becomes its JSON text (7 gives "7"), and
// anything else (absent, None, bool) gives `fallback_id`. Throws
// InputError with the command line's messages: "not a JSON object",
// "missing \"text\"", "\"text\" is not a string". Needs the GIL.
Document DocumentFromRecord(pybind11::handle record,
                            const std::string& fallback_id);

}  // namespace whosaid::python

#endif  // WHOSAID_PYTHON_TO_PYTHON_H_
