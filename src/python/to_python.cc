#include "python/to_python.h"

namespace whosaid::python {

namespace py = pybind11;

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
