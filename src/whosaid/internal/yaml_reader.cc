#include "whosaid/internal/yaml_reader.h"

#include <algorithm>
#include <sstream>

#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/parser.h"

namespace whosaid::internal {
namespace {

std::string KnownKeys(std::initializer_list<std::string_view> known) {
  std::string out;
  for (std::string_view key : known) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

// 'key', for messages. Built by appending: GCC 12 at -O3 gives a false
// -Wrestrict warning on "'" + std::string(key) + "'".
std::string Quoted(std::string_view key) {
  std::string out(1, '\'');
  out.append(key);
  out += '\'';
  return out;
}

// Records where a document's first node starts.
class FirstNodeProbe : public YAML::EventHandler {
 public:
  const YAML::Mark& mark() const { return mark_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { See(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { See(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    See(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t, YAML::EmitterStyle::value) override {
    See(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    See(mark);
  }
  void OnMapEnd() override {}

 private:
  void See(const YAML::Mark& mark) {
    if (mark_.is_null()) mark_ = mark;
  }
  YAML::Mark mark_ = YAML::Mark::null_mark();
};

// Error if `content` holds a second document. yaml-cpp 0.7 cannot be asked
// with YAML::LoadAll: on a stray ',' outside brackets its parser returns
// an empty document without consuming the comma, and LoadAll loops until
// memory runs out (jbeder/yaml-cpp#1040, fixed upstream in 2024). Asking
// the parser for at most two documents is bounded, and a second document
// that starts where the first did is that stuck token.
Status CheckSingleDocument(const YamlContext& context,
                           const std::string& content) {
  std::istringstream in(content);
  YAML::Parser parser(in);
  FirstNodeProbe first, second;
  if (!parser.HandleNextDocument(first)) return Status();
  if (!parser.HandleNextDocument(second)) return Status();
  const YAML::Mark& mark = second.mark();
  if (!mark.is_null() && mark.pos == first.mark().pos && mark.pos >= 0 &&
      static_cast<size_t>(mark.pos) < content.size()) {
    return context.Error(mark, std::string("YAML syntax: unexpected '") +
                                   content[mark.pos] + "'");
  }
  return context.Error(mark,
                       "a pack file holds one YAML document, not several");
}

}  // namespace

SourceLocation YamlContext::Where(const YAML::Mark& mark) const {
  if (mark.is_null()) return {file, 1, 1};
  return {file, mark.line + 1, mark.column + 1};
}

StatusOr<YAML::Node> ParseYaml(const YamlContext& context,
                               const std::string& content) {
  try {
    YAML::Node root = YAML::Load(content);
    if (Status s = CheckSingleDocument(context, content); !s.ok()) return s;
    return root;
  } catch (const YAML::Exception& e) {
    return context.Error(e.mark, "YAML syntax: " + e.msg);
  }
}

StatusOr<StrictMap> StrictMap::Read(
    const YAML::Node& node, const YamlContext& context, std::string_view what,
    std::initializer_list<std::string_view> known) {
  if (!node.IsMap()) {
    return context.Error(
        node.Mark(),
        std::string(what) + " must be a map with keys " + KnownKeys(known));
  }
  StrictMap map(context, node.Mark());
  for (const auto& item : node) {
    const YAML::Node& key = item.first;
    if (!key.IsScalar())
      return context.Error(key.Mark(), "keys must be strings");
    const std::string& name = key.Scalar();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return context.Error(
          key.Mark(), "unknown key '" + name + "' in " + std::string(what) +
                          " (known keys: " + KnownKeys(known) + ")");
    }
    if (map.Get(name) != nullptr) {
      return context.Error(key.Mark(), "duplicate key '" + name + "'");
    }
    map.entries_.push_back({name, item.second});
  }
  return map;
}

const YAML::Node* StrictMap::Get(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

Status StrictMap::Missing(std::string_view key) const {
  return context_.Error(mark_, "missing required key " + Quoted(key));
}

StatusOr<std::string> StrictMap::String(std::string_view key,
                                        bool required) const {
  const YAML::Node* value = Get(key);
  if (value == nullptr) {
    if (required) return Missing(key);
    return std::string();
  }
  return ScalarString(*value, context_, Quoted(key));
}

StatusOr<int> StrictMap::Int(std::string_view key, int fallback) const {
  const YAML::Node* value = Get(key);
  if (value == nullptr) return fallback;
  int out = 0;
  // decode() reports failure by its result instead of throwing.
  if (!value->IsScalar() || !YAML::convert<int>::decode(*value, out)) {
    return context_.Error(value->Mark(), Quoted(key) + " must be an integer");
  }
  return out;
}

StatusOr<std::vector<Fragment>> StrictMap::Fragments(std::string_view key,
                                                     bool required) const {
  const YAML::Node* value = Get(key);
  if (value == nullptr) {
    if (required) return Missing(key);
    return std::vector<Fragment>();
  }
  return FragmentList(*value, context_, Quoted(key));
}

StatusOr<std::vector<std::string>> StrictMap::StringList(
    std::string_view key) const {
  const YAML::Node* value = Get(key);
  if (value == nullptr) return std::vector<std::string>();
  const std::string what = Quoted(key);
  if (!value->IsSequence()) {
    return context_.Error(value->Mark(), what + " must be a list of strings");
  }
  std::vector<std::string> out;
  for (const YAML::Node& item : *value) {
    StatusOr<std::string> text =
        ScalarString(item, context_, "an item of " + what);
    if (!text.ok()) return text.status();
    out.push_back(std::move(text).value());
  }
  return out;
}

StatusOr<std::string> ScalarString(const YAML::Node& node,
                                   const YamlContext& context,
                                   std::string_view what) {
  if (!node.IsScalar()) {
    return context.Error(node.Mark(), std::string(what) + " must be a string");
  }
  return node.Scalar();
}

StatusOr<std::vector<Fragment>> FragmentList(const YAML::Node& node,
                                             const YamlContext& context,
                                             std::string_view what) {
  std::vector<Fragment> out;
  if (node.IsScalar()) {
    out.push_back({node.Scalar(), context.Where(node.Mark())});
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) {
        return context.Error(item.Mark(), "an item of " + std::string(what) +
                                              " must be a string");
      }
      out.push_back({item.Scalar(), context.Where(item.Mark())});
    }
  }
  const bool empty = std::all_of(
      out.begin(), out.end(), [](const Fragment& f) { return f.text.empty(); });
  if (empty) {
    return context.Error(node.Mark(), std::string(what) +
                                          " must be a non-empty string or "
                                          "list of strings");
  }
  return out;
}

}  // namespace whosaid::internal
