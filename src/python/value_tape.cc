#include "python/value_tape.h"

#include <unordered_map>

namespace whosaid::python {

namespace py = pybind11;

namespace {

// A borrowed reference to the interned str `key`: results repeat a few
// dozen keys, so each is made once and kept (the GIL guards the cache).
PyObject* InternedKey(std::string_view key) {
  static auto* keys = new std::unordered_map<std::string, PyObject*>();
  auto [it, added] = keys->try_emplace(std::string(key), nullptr);
  if (added) it->second = PyUnicode_InternFromString(it->first.c_str());
  return it->second;
}

}  // namespace

void ValueTape::AddString(Kind kind, std::string_view text) {
  Item item{kind, static_cast<std::uint32_t>(text.size()), {}};
  item.offset = strings_.size();
  strings_ += text;
  items_.push_back(item);
}

void ValueTape::CountElement() {
  if (!open_.empty() && items_[open_.back()].kind == Kind::kList) {
    ++items_[open_.back()].size;
  }
}

void ValueTape::Push(const Item& item) {
  CountElement();
  items_.push_back(item);
}

void ValueTape::Open(Kind kind) {
  Push({kind, 0, {}});
  open_.push_back(items_.size() - 1);
}

void ValueTape::Key(std::string_view key) {
  ++items_[open_.back()].size;
  AddString(Kind::kKey, key);
}

void ValueTape::String(std::string_view utf8) {
  CountElement();
  AddString(Kind::kString, utf8);
}

void ValueTape::Int(std::int64_t value) {
  Item item{Kind::kInt, 0, {}};
  item.integer = value;
  Push(item);
}

void ValueTape::Double(double value) {
  Item item{Kind::kFloat, 0, {}};
  item.real = value;
  Push(item);
}

void ValueTape::Bool(bool value) {
  Item item{Kind::kBool, 0, {}};
  item.integer = value;
  Push(item);
}

void ValueTape::Null() { Push({Kind::kNull, 0, {}}); }

PyObject* ValueTape::NewValue(std::size_t* at) const {
  const Item& item = items_[(*at)++];
  switch (item.kind) {
    case Kind::kNull:
    case Kind::kKey:  // never where a value is read
      Py_RETURN_NONE;
    case Kind::kBool:
      return PyBool_FromLong(static_cast<long>(item.integer));
    case Kind::kInt:
      return PyLong_FromLongLong(item.integer);
    case Kind::kFloat:
      return PyFloat_FromDouble(item.real);
    case Kind::kString:
      return PyUnicode_DecodeUTF8(strings_.data() + item.offset,
                                  static_cast<Py_ssize_t>(item.size),
                                  "replace");
    case Kind::kList: {
      PyObject* list = PyList_New(static_cast<Py_ssize_t>(item.size));
      if (list == nullptr) return nullptr;
      for (std::uint32_t i = 0; i < item.size; ++i) {
        PyObject* element = NewValue(at);
        if (element == nullptr) {
          Py_DECREF(list);
          return nullptr;
        }
        PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), element);  // steals
      }
      return list;
    }
    case Kind::kDict: {
      PyObject* dict = PyDict_New();
      if (dict == nullptr) return nullptr;
      for (std::uint32_t i = 0; i < item.size; ++i) {
        const Item& key = items_[(*at)++];
        PyObject* python_key = InternedKey(
            std::string_view(strings_.data() + key.offset, key.size));
        PyObject* element = python_key == nullptr ? nullptr : NewValue(at);
        if (element == nullptr ||
            PyDict_SetItem(dict, python_key, element) != 0) {
          Py_XDECREF(element);
          Py_DECREF(dict);
          return nullptr;
        }
        Py_DECREF(element);
      }
      return dict;
    }
  }
  Py_RETURN_NONE;
}

py::object ValueTape::ToPython() const {
  std::size_t at = 0;
  PyObject* object = NewValue(&at);
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(object);
}

}  // namespace whosaid::python
