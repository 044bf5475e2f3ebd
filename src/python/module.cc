// whosaid._whosaid, the compiled part of the Python package whosaid
// (src/python/whosaid/__init__.py re-exports it and adds the pure-Python
// helpers).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/rule_packs.h"
#include "python/result_stream.h"
#include "python/to_python.h"
#include "python/value_tape.h"
#include "whosaid/extractor.h"
#include "whosaid/result_json.h"

namespace whosaid::python {
namespace {

namespace py = pybind11;

// The packs the command line would load with `--rules` for each of
// `rule_dirs`: the English pack, $WHOSAID_RULES, then `rule_dirs`. Throws
// RulesError with the command line's message. Call without the GIL.
std::shared_ptr<const Extractor> LoadExtractor(
    const std::vector<std::string>& rule_dirs) {
  auto rules = cli::LoadRulesForCli(rule_dirs);
  if (!rules.ok()) throw RulesError(rules.status().message());
  return std::make_shared<const Extractor>(*rules);
}

// Extracts one text; the dict of one JSON Lines output line.
py::object Extract(const Extractor& extractor, py::handle text,
                   std::optional<std::string> id, bool with_text) {
  Document doc{id.value_or(""), TextBytes(text)};
  ValueTape result;
  {
    py::gil_scoped_release release;
    WriteJson(extractor.Extract(doc), with_text, result);
  }
  return result.ToPython();
}

// The number of worker threads for `threads` (None: every core).
int ThreadCount(std::optional<int> threads) {
  if (!threads) {
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (*threads < 1) throw py::value_error("threads must be at least 1");
  return *threads;
}

constexpr char kExtractorDoc[] =
    R"(Finds attributions; load once, use many times.

Extractor(rules=[]) loads the English rule pack that is compiled in, then the
packs named in the WHOSAID_RULES environment variable (colon-separated),
then each folder of `rules`, exactly as `whosaid extract --rules DIR` does.
Loading takes a fraction of a second, so keep the extractor and reuse it.

An Extractor is immutable and thread-safe: any number of Python threads may
call its methods at once, and each call releases the GIL while it works.

Raises whosaid.RulesError, with the command line's message
("FILE:LINE:COL: rule ID: what"), when a pack cannot be read or compiled.)";

constexpr char kExtractDoc[] = R"(Finds the attributions in one text.

text: the document, str or bytes (bytes are taken as they are, so text that
is not valid UTF-8 is processed and gets a warning, as in the command line).
id: copied to the result's "id" ("" when None).
with_text: False leaves "text" out of the result, like --no-text.

Returns a dict with the schema of one line of `whosaid extract`'s JSON Lines
output (docs/output.md): "id", "text", "quotes", "entities" and, when there
is something to say, "warnings". Spans are [begin, end] UTF-8 byte offsets;
whosaid.str_span turns them into str indices. Never fails on any text;
raises TypeError when text is neither str nor bytes.)";

constexpr char kExtractManyDoc[] = R"(Extracts many documents on worker threads.

records: any iterable of dicts {"id": ..., "text": ...}, as in a JSON Lines
input of the command line ("id" may be a str or a number, and a record
without one is named by its 0-based position; "text" a str or bytes).
threads: worker threads, at least 1; None uses every core.
with_text: False leaves "text" out of each result.

Returns an iterator that yields one result dict (as extract gives) per
record, in input order, the same for any number of threads. Records are
read ahead a few at a time, so the input may be a generator over a file
of any size. A record that is not a dict, has no "text", or has a "text"
that is not a string raises whosaid.InputError ("record 3: missing
\"text\"") once every result before it has been yielded; an exception of
the iterable itself is raised at the same point.)";

}  // namespace
}  // namespace whosaid::python

PYBIND11_MODULE(_whosaid, m) {
  namespace py = pybind11;
  using whosaid::Extractor;
  using whosaid::Rule;
  using namespace whosaid::python;
  m.doc() = "The compiled core of the whosaid package; import whosaid instead.";

  py::exception<void> error(m, "Error", PyExc_ValueError);
  error.doc() =
      "Base class of whosaid's errors; a ValueError, with the message the "
      "command line prints.";
  auto rules_error =
      py::register_exception<RulesError>(m, "RulesError", error.ptr());
  rules_error.doc() = "A rule pack could not be read, parsed or compiled.";
  auto input_error =
      py::register_exception<InputError>(m, "InputError", error.ptr());
  input_error.doc() = "A record given to extract_many could not be read.";

  py::class_<ResultStream>(
      m, "ResultStream",
      "The iterator extract_many returns: one result dict per record, in "
      "input order.")
      .def(
          "__iter__", [](py::object self) { return self; },
          "Returns the iterator itself.")
      .def("__next__", &ResultStream::Next,
           "The next result; StopIteration after the last.");

  py::class_<Extractor, std::shared_ptr<Extractor>>(m, "Extractor",
                                                    kExtractorDoc)
      .def(py::init([](const std::vector<std::string>& rules) {
             py::gil_scoped_release release;
             return std::const_pointer_cast<Extractor>(LoadExtractor(rules));
           }),
           py::arg("rules") = std::vector<std::string>(),
           "Loads the English pack, $WHOSAID_RULES and each folder of "
           "`rules`, in that order.")
      .def(
          "extract",
          [](const Extractor& self, py::handle text,
             std::optional<std::string> id, bool with_text) {
            return Extract(self, text, std::move(id), with_text);
          },
          py::arg("text"), py::arg("id") = py::none(),
          py::arg("with_text") = true, kExtractDoc)
      .def(
          "extract_many",
          [](std::shared_ptr<Extractor> self, py::iterable records,
             std::optional<int> threads, bool with_text) {
            return std::make_unique<ResultStream>(
                std::move(self), py::iter(records), ThreadCount(threads),
                with_text);
          },
          py::arg("records"), py::arg("threads") = py::none(),
          py::arg("with_text") = true, kExtractManyDoc)
      .def_property_readonly(
          "rule_ids",
          [](const Extractor& self) {
            std::vector<std::string> ids;
            for (const Rule& rule : self.rules().rules())
              ids.push_back(rule.id);
            return ids;
          },
          "The ids of the loaded rules, by descending priority, then id.");
}
