#include "python/to_python.h"

#include <cstdint>
#include <unordered_map>

namespace whosaid::python {

namespace py = pybind11;

namespace {

// A borrowed reference to the interned str `key`: results repeat a few
// dozen keys, so each is made once and kept (the GIL guards the cache).
PyObject* InternedKey(const std::string& key) {
  static auto* keys = new std::unordered_map<std::string, PyObject*>();
  auto [it, added] = keys->try_emplace(key, nullptr);
  if (added) it->second = PyUnicode_InternFromString(key.c_str());
  return it->second;
}

// A new reference to the Python value of `value`, or null with a Python
// error set. Built with the C API directly: this runs on the one thread
// that holds the GIL for every result, so it is kept lean.
PyObject* NewPythonValue(const nlohmann::json& value) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::boolean:
      return PyBool_FromLong(value.get<bool>());
    case Type::number_integer:
      return PyLong_FromLongLong(value.get<std::int64_t>());
    case Type::number_unsigned:
      return PyLong_FromUnsignedLongLong(value.get<std::uint64_t>());
    case Type::number_float:
      return PyFloat_FromDouble(value.get<double>());
    case Type::string: {
      const std::string& text = value.get_ref<const std::string&>();
      return PyUnicode_DecodeUTF8(
          text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
    }
    case Type::array: {
      PyObject* list = PyList_New(static_cast<Py_ssize_t>(value.size()));
      if (list == nullptr) return nullptr;
      for (std::size_t i = 0; i < value.size(); ++i) {
        PyObject* item = NewPythonValue(value[i]);
        if (item == nullptr) {
          Py_DECREF(list);
          return nullptr;
        }
        PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), item);  // steals
      }
      return list;
    }
    case Type::object: {
      PyObject* dict = PyDict_New();
      if (dict == nullptr) return nullptr;
      for (const auto& [key, item] : value.items()) {
        PyObject* python_key = InternedKey(key);
        PyObject* python_item =
            python_key == nullptr ? nullptr : NewPythonValue(item);
        if (python_item == nullptr ||
            PyDict_SetItem(dict, python_key, python_item) != 0) {
          Py_XDECREF(python_item);
          Py_DECREF(dict);
          return nullptr;
        }
        Py_DECREF(python_item);
      }
      return dict;
    }
    default:  // null; binary and discarded never occur in ToJson's output
      Py_RETURN_NONE;
  }
}

}  // namespace

py::object ToPython(const nlohmann::json& value) {
  PyObject* object = NewPythonValue(value);
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(object);
}

std::string TextBytes(py::handle text) {
  if (py::isinstance<py::bytes>(text)) return text.cast<std::string>();
  if (!py::isinstance<py::str>(text)) {
    throw py::type_error(std::string("text must be str or bytes, not ") +
                         Py_TYPE(text.ptr())->tp_name);
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();
  return std::string(data, static_cast<std::size_t>(size));
}

namespace {

// Whether `text` can be a document's text: the JSON input's string, or
// bytes, which JSON cannot hold but Python users read files as.
bool IsText(py::handle text) {
  return py::isinstance<py::str>(text) || py::isinstance<py::bytes>(text);
}

// The id the command line would give a record with this "id" value.
std::string RecordId(py::handle id, const std::string& fallback_id) {
  if (py::isinstance<py::str>(id)) return id.cast<std::string>();
  // bool is an int in Python but not a number in JSON.
  if (py::isinstance<py::bool_>(id)) return fallback_id;
  if (!py::isinstance<py::int_>(id) && !py::isinstance<py::float_>(id)) {
    return fallback_id;
  }
  // A number is read as the command line reads its JSON text, so that an
  // integer too large for 64 bits becomes a double there too.
  const nlohmann::json number = nlohmann::json::parse(
      py::repr(id).cast<std::string>(), nullptr, /*allow_exceptions=*/false);
  return number.is_number() ? number.dump() : fallback_id;  // nan, inf
}

}  // namespace

Document DocumentFromRecord(py::handle record, const std::string& fallback_id) {
  if (!py::isinstance<py::dict>(record)) {
    throw InputError("not a JSON object");
  }
  const py::dict dict = py::reinterpret_borrow<py::dict>(record);
  if (!dict.contains("text")) throw InputError("missing \"text\"");
  const py::handle text = dict["text"];
  if (!IsText(text)) throw InputError("\"text\" is not a string");
  Document doc;
  doc.text = TextBytes(text);
  doc.id =
      dict.contains("id") ? RecordId(dict["id"], fallback_id) : fallback_id;
  return doc;
}

}  // namespace whosaid::python
