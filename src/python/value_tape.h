// A JSON value flattened into one array: written on any thread, without
// the GIL, and turned into Python objects with it in one linear pass. The
// thread that holds the GIL for every result of extract_many then neither
// walks nor frees a tree of nodes.
#ifndef WHOSAID_PYTHON_VALUE_TAPE_H_
#define WHOSAID_PYTHON_VALUE_TAPE_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "whosaid/json_sink.h"

namespace whosaid::python {

class ValueTape : public JsonSink {
 public:
  // An empty tape, to be written as a JsonSink (WriteJson). Strings must
  // be valid UTF-8, which WriteJson guarantees (any invalid byte would
  // become U+FFFD in Python). Writing needs no GIL.
  ValueTape() = default;

  void BeginObject() override { Open(Kind::kDict); }
  void EndObject() override { open_.pop_back(); }
  void BeginArray() override { Open(Kind::kList); }
  void EndArray() override { open_.pop_back(); }
  void Key(std::string_view key) override;
  void String(std::string_view utf8) override;
  void Int(std::int64_t value) override;
  void Double(double value) override;
  void Bool(bool value) override;
  void Null() override;

  // The Python value, as json.loads would give it: null is None, numbers
  // are int or float, arrays lists, objects dicts (keys in the JSON
  // object's order, interned). Needs the GIL.
  pybind11::object ToPython() const;

 private:
  enum class Kind : std::uint8_t {
    kNull,
    kBool,
    kInt,
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
      double real;
      std::size_t offset;  // of a string or key in strings_
    };
  };

  // One more element in the open list, if a list is open (an open dict
  // counts its keys instead).
  void CountElement();
  void Push(const Item& item);  // CountElement(), then appends `item`
  void Open(Kind kind);
  void AddString(Kind kind, std::string_view text);
  // A new reference to the value at items_[*at], advancing *at past it,
  // or null with a Python error set.
  PyObject* NewValue(std::size_t* at) const;

  std::vector<Item> items_;
  std::string strings_;
  std::vector<std::size_t> open_;  // items_ index of each open list or dict
};

}  // namespace whosaid::python

#endif  // WHOSAID_PYTHON_VALUE_TAPE_H_
