// A JSON value flattened into one array: built on any thread, without the
// GIL, and turned into Python objects with it in one linear pass. The
// thread that holds the GIL for every result of extract_many then neither
// walks nor frees a tree of nodes.
#ifndef WHOSAID_PYTHON_VALUE_TAPE_H_
#define WHOSAID_PYTHON_VALUE_TAPE_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace whosaid::python {

class ValueTape {
 public:
  // Copies `value`; strings must be valid UTF-8, which ToJson guarantees
  // (any invalid byte becomes U+FFFD in Python). Needs no GIL.
  explicit ValueTape(const nlohmann::json& value);

  // The Python value, as json.loads would give it: null is None, numbers
  // are int or float, arrays lists, objects dicts (keys in the JSON
  // object's order, interned). Needs the GIL.
  pybind11::object ToPython() const;

 private:
  enum class Kind : std::uint8_t {
    kNull,
    kBool,
    kInt,
    kUnsigned,
    kFloat,
    kString,  // text in strings_
    kKey,     // an object's key, in strings_; its value follows
    kList,    // `size` items follow
    kDict,    // `size` keys, each followed by its value
  };
  struct Item {
    Kind kind;
    std::uint32_t size = 0;  // of a string, list or dict
    union {
      std::int64_t integer;
      std::uint64_t unsigned_integer;
      double real;
      std::size_t offset;  // of a string or key in strings_
    };
  };

  void Add(const nlohmann::json& value);
  void AddString(Kind kind, const std::string& text);
  // A new reference to the value at items_[*at], advancing *at past it,
  // or null with a Python error set.
  PyObject* NewValue(std::size_t* at) const;

  std::vector<Item> items_;
  std::string strings_;
};

}  // namespace whosaid::python

#endif  // WHOSAID_PYTHON_VALUE_TAPE_H_
