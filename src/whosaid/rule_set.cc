#include "whosaid/rule_set.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

#include "re2/re2.h"
#include "whosaid/internal/cue_split.h"
#include "whosaid/internal/lazy_regex.h"
#include "whosaid/internal/lexicon.h"
#include "whosaid/internal/macro_expander.h"
#include "whosaid/internal/piece_parse.h"
#include "whosaid/internal/source_location.h"
#include "whosaid/internal/yaml_reader.h"
#include "whosaid/rule_prefilter.h"
#include "yaml-cpp/yaml.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using internal::ErrorAt;
using internal::Fragment;
using internal::MacroExpander;
using internal::SourceLocation;
using internal::StrictMap;
using internal::YamlContext;

// RE2's memory budget for one compiled rule. Rules read the skeleton, so a
// pattern near this size is a sign of a runaway lexicon or macro.
constexpr int64_t kMaxRuleMemory = 8 << 20;
// A long pattern (a large lexicon) gets this many bytes of budget per byte
// it spells out: a 100,000-entry lexicon compiles to about 13 bytes a byte.
// A short pattern that would grow far beyond its text (counted repetitions
// of large classes) keeps the fixed budget above and is refused.
constexpr int64_t kRuleMemoryPerPatternByte = 32;

// The memory budget for compiling `pattern`.
int64_t MemoryBudget(std::string_view pattern) {
  return std::max(kMaxRuleMemory, kRuleMemoryPerPatternByte *
                                      static_cast<int64_t>(pattern.size()));
}

// The most instructions a pattern within MemoryBudget compiles to: RE2
// gives a program two thirds of its memory, at 32 bytes an instruction.
int64_t MaxInstructions(std::string_view pattern) {
  return MemoryBudget(pattern) * 2 / 3 / 32;
}

// A compiled rule runs with this many times its budget, the room its DFAs
// need to keep their states: the speaker patterns' states are large, and
// a DFA that runs out of room starts over. Four times cuts the time of
// extraction by a fifth, for about 55 MB more resident memory
// (docs/performance.md).
constexpr int64_t kMatchingRoom = 4;

// Rule patterns compile on at most this many threads: each thread fills a
// prefilter of its own, which every sentence then consults.
constexpr unsigned kLoadThreads = 4;

// Programs above this many instructions hold a speaker pattern or a large
// lexicon (the speaker patterns compile to 7,000 to 13,000; a side of plain
// punctuation and words, to tens).
constexpr int kLargeProgram = 1000;

constexpr char kPackLayout[] =
    "a pack holds pack.yaml, macros.yaml, lexicons/NAME.txt and "
    "rules/ID.yaml";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// The file name without `folder` and `extension`, or "" if `path` is not
// directly inside `folder` with that extension.
std::string StemIn(std::string_view path, std::string_view folder,
                   std::string_view extension) {
  if (!StartsWith(path, folder) || !EndsWith(path, extension)) return "";
  path.remove_prefix(folder.size());
  path.remove_suffix(extension.size());
  if (path.find('/') != std::string_view::npos) return "";
  return std::string(path);
}

// A rule as read from its file, before its pattern is expanded.
struct RuleDraft {
  Rule rule;  // all but `pattern` and `regex`
  std::vector<Fragment> pattern;
};

// Reads packs one after another into one namespace, then compiles the rules.
// Rules are expanded only after every pack is read, so that a later pack's
// macro or lexicon applies to the rules of earlier packs too.
class PackLoader {
 public:
  Status Read(const PackSource& pack);
  StatusOr<std::vector<Rule>> Compile();
  std::map<std::string, RuleSet::Lexicon, std::less<>> TakeLexicons() {
    return std::move(lexicons_);
  }
  // Owns every compiled pattern; the rule set keeps it.
  std::shared_ptr<RulePrefilter> TakePrefilter() { return prefilter_; }
  // The prefilter ids of each rule's compiled patterns (the whole, or the
  // two sides of a cue-anchored rule), by rule id.
  const std::map<std::string, std::vector<int>>& prefilter_ids() const {
    return prefilter_ids_;
  }

 private:
  // The files of the pack being read, by kind.
  struct Layout {
    const PackFile* manifest = nullptr;
    const PackFile* macros = nullptr;
    std::vector<const PackFile*> lexicons;
    std::vector<const PackFile*> rules;
  };

  Status Classify(const PackSource& pack, Layout& layout) const;
  Status ReadManifest(const PackFile& file);
  Status ReadRequires(const YAML::Node& node, const YamlContext& context);
  Status ReadMacros(const PackFile& file);
  Status ReadLexicon(const PackFile& file);
  Status ReadRule(const PackFile& file);
  StatusOr<std::vector<RuleExample>> ReadExamples(const StrictMap& map,
                                                  const YamlContext& context);
  static StatusOr<bool> Choice(const StrictMap& map, const YamlContext& context,
                               const std::string& key, const std::string& no,
                               const std::string& yes);
  // Defines a macro or lexicon name, refusing one already defined in the
  // same pack.
  Status Claim(const std::string& name, const SourceLocation& where);
  StatusOr<Rule> CompileRule(const RuleDraft& draft);
  // Compiles at once, on several threads, the patterns that Filtered will
  // be asked for (each rule's two sides, or its whole pattern when it does
  // not split at its cue): compiling them is most of loading, and each is
  // compiled alone. Filtered then finds them in `precompiled_`.
  void Precompile();
  // Fills the rule's cue-anchored form when its pattern splits at the cue
  // and each part compiles; leaves it empty otherwise. Fails with
  // kTooLarge when a part is beyond RE2's memory budget.
  Status CompileCueSplit(Rule& rule, const RE2::Options& options);
  static constexpr char kTooLarge[] = "too large";

  // Runs `read` and turns any yaml-cpp exception it lets through into an
  // error at its mark.
  static Status Guard(const YamlContext& context,
                      const std::function<Status()>& read);
  std::string Display(const PackFile& file) const {
    return origin_ + "/" + file.path;
  }

  std::string origin_;  // of the pack being read
  std::set<std::string> pack_names_;
  std::map<std::string, SourceLocation> claimed_;  // names of this pack
  MacroExpander macros_;
  std::shared_ptr<RulePrefilter> prefilter_ = std::make_shared<RulePrefilter>();
  std::map<std::string, RuleSet::Lexicon, std::less<>> lexicons_;
  std::map<std::string, RuleDraft> drafts_;  // by id
  // See prefilter_ids().
  std::map<std::string, std::vector<int>> prefilter_ids_;
  // Prefilter ids of the patterns compiled by Filtered, so that rules with
  // an equal side share one compiled pattern.
  std::map<std::string, int> filtered_;
  // Prefilter ids (-1: RE2 refused it) of the patterns Precompile compiled.
  std::map<std::string, int> precompiled_;
  // Parts of patterns compiled alone (see SharedRegex), by what RE2 compiles.
  std::map<std::string, std::shared_ptr<const RE2>> parts_;
  std::map<std::string, std::shared_ptr<const internal::LazyRegex>> lazy_parts_;

  // The prefilter id of `pattern`, compiled with `options` and owned by the
  // prefilter. Error kTooLarge when the program is beyond the budget of
  // MemoryBudget, or RE2's message when it does not compile.
  StatusOr<int> Filtered(const std::string& pattern,
                         const RE2::Options& options);
  // "(?:PATTERN)" compiled, shared by the rules that have that part.
  std::shared_ptr<const RE2> PartRegex(const std::string& pattern,
                                       const RE2::Options& options);
  // "(?:PATTERN)$" compiled, shared likewise; null when it does not
  // compile.
  std::shared_ptr<const RE2> EndingRegex(const std::string& pattern,
                                         const RE2::Options& options);
  // `compiled_pattern` compiled once for all the parts that spell it.
  std::shared_ptr<const RE2> SharedRegex(const std::string& compiled_pattern,
                                         const RE2::Options& options);
  // The same, compiled on first use, shared likewise.
  std::shared_ptr<const internal::LazyRegex> LazyPart(
      const std::string& pattern, const RE2::Options& options);
  // `pattern` split at its top-level named groups, each piece compiled;
  // empty when it does not split so or a piece does not compile.
  std::vector<Rule::Piece> Pieces(const std::string& pattern,
                                  const RE2::Options& options);
};

Status PackLoader::Read(const PackSource& pack) {
  origin_ = pack.origin;
  claimed_.clear();
  Layout layout;
  if (Status s = Classify(pack, layout); !s.ok()) return s;
  if (Status s = ReadManifest(*layout.manifest); !s.ok()) return s;
  if (layout.macros != nullptr) {
    if (Status s = ReadMacros(*layout.macros); !s.ok()) return s;
  }
  for (const PackFile* file : layout.lexicons) {
    if (Status s = ReadLexicon(*file); !s.ok()) return s;
  }
  for (const PackFile* file : layout.rules) {
    if (Status s = ReadRule(*file); !s.ok()) return s;
  }
  return Status();
}

Status PackLoader::Classify(const PackSource& pack, Layout& layout) const {
  std::vector<const PackFile*> files;
  for (const PackFile& file : pack.files) files.push_back(&file);
  std::sort(
      files.begin(), files.end(),
      [](const PackFile* a, const PackFile* b) { return a->path < b->path; });
  for (const PackFile* file : files) {
    const std::string& path = file->path;
    const SourceLocation where{Display(*file), 1, 1};
    if (path == "pack.yaml") {
      layout.manifest = file;
    } else if (path == "macros.yaml") {
      layout.macros = file;
    } else if (StartsWith(path, "lexicons/")) {
      if (StemIn(path, "lexicons/", ".txt").empty()) {
        return ErrorAt(where, "", "expected lexicons/NAME.txt");
      }
      layout.lexicons.push_back(file);
    } else if (StartsWith(path, "rules/")) {
      if (StemIn(path, "rules/", ".yaml").empty()) {
        return ErrorAt(where, "", "expected rules/ID.yaml");
      }
      layout.rules.push_back(file);
    } else if (path.find('/') == std::string::npos &&
               (EndsWith(path, ".yaml") || EndsWith(path, ".yml"))) {
      return ErrorAt(where, "",
                     std::string("unknown pack file; ") + kPackLayout);
    }
    // Anything else (README.md, tests/...) is not part of the pack.
  }
  if (layout.manifest == nullptr) {
    return Status::Error(origin_ + ": no pack.yaml; " + kPackLayout);
  }
  return Status();
}

Status PackLoader::Guard(const YamlContext& context,
                         const std::function<Status()>& read) {
  try {
    return read();
  } catch (const YAML::Exception& e) {
    return context.Error(e.mark, "YAML: " + e.msg);
  }
}

Status PackLoader::ReadManifest(const PackFile& file) {
  const YamlContext context{Display(file), ""};
  return Guard(context, [&]() -> Status {
    StatusOr<YAML::Node> root = internal::ParseYaml(context, file.content);
    if (!root.ok()) return root.status();
    StatusOr<StrictMap> map = StrictMap::Read(
        *root, context, "pack.yaml",
        {"name", "version", "language", "description", "requires"});
    if (!map.ok()) return map.status();
    for (std::string_view key : {"version", "language", "description"}) {
      if (StatusOr<std::string> s = map->String(key, false); !s.ok()) {
        return s.status();
      }
    }
    StatusOr<std::string> name = map->String("name", true);
    if (!name.ok()) return name.status();
    if (name->empty()) return context.Error(map->mark(), "'name' is empty");
    if (const YAML::Node* required = map->Get("requires")) {
      if (Status s = ReadRequires(*required, context); !s.ok()) return s;
    }
    pack_names_.insert(*name);
    return Status();
  });
}

// `requires` lists packs that must be loaded before this one.
Status PackLoader::ReadRequires(const YAML::Node& node,
                                const YamlContext& context) {
  if (!node.IsSequence()) {
    return context.Error(node.Mark(),
                         "'requires' must be a list of pack names");
  }
  for (const YAML::Node& item : node) {
    StatusOr<std::string> name =
        internal::ScalarString(item, context, "a required pack name");
    if (!name.ok()) return name.status();
    if (pack_names_.count(*name) == 0) {
      return context.Error(item.Mark(), "requires pack '" + *name +
                                            "', which is not loaded before it");
    }
  }
  return Status();
}

Status PackLoader::Claim(const std::string& name, const SourceLocation& where) {
  auto [it, inserted] = claimed_.emplace(name, where);
  if (inserted) return Status();
  return ErrorAt(
      where, "",
      name + " is already defined in this pack, at " + it->second.ToString());
}

Status PackLoader::ReadMacros(const PackFile& file) {
  const YamlContext context{Display(file), ""};
  return Guard(context, [&]() -> Status {
    StatusOr<YAML::Node> root = internal::ParseYaml(context, file.content);
    if (!root.ok()) return root.status();
    if (root->IsNull()) return Status();  // an empty macros.yaml
    if (!root->IsMap()) {
      return context.Error(root->Mark(),
                           "macros.yaml must be a map of NAME: pattern");
    }
    for (const auto& item : *root) {
      const std::string name = item.first.Scalar();
      const SourceLocation where = context.Where(item.first.Mark());
      if (!item.first.IsScalar() || !MacroExpander::IsValidName(name)) {
        return ErrorAt(
            where, "",
            "bad macro name '" + name + "': names match [A-Z][A-Z0-9_]*");
      }
      if (MacroExpander::IsBuiltin(name)) {
        return ErrorAt(where, "",
                       name + " is built in and cannot be redefined");
      }
      if (Status s = Claim(name, where); !s.ok()) return s;
      StatusOr<std::vector<Fragment>> body =
          internal::FragmentList(item.second, context, "macro " + name);
      if (!body.ok()) return body.status();
      macros_.Define(name, std::move(body).value());
      lexicons_.erase(name);  // a macro may replace an earlier lexicon
    }
    return Status();
  });
}

Status PackLoader::ReadLexicon(const PackFile& file) {
  const SourceLocation where{Display(file), 1, 1};
  const std::string name = UpperAscii(StemIn(file.path, "lexicons/", ".txt"));
  if (!MacroExpander::IsValidName(name) || MacroExpander::IsBuiltin(name)) {
    return ErrorAt(where, "",
                   "lexicon file name must give a macro name [A-Z][A-Z0-9_]* "
                   "other than QUOTE, SPEECH or FRAGMENT when upper-cased "
                   "(say_verbs.txt is "
                   "SAY_VERBS)");
  }
  if (Status s = Claim(name, where); !s.ok()) return s;
  StatusOr<RuleSet::Lexicon> lexicon =
      internal::ParseLexicon(file.content, where.file);
  if (!lexicon.ok()) return lexicon.status();
  const std::string pattern = internal::LexiconPattern(*lexicon);
  // Compiling the lexicon alone blames the lexicon, not the first rule
  // using it, for what RE2 refuses (invalid UTF-8, mostly).
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(MemoryBudget(pattern));
  if (RE2 check(pattern, options); !check.ok()) {
    return ErrorAt(where, "",
                   "RE2 cannot compile the lexicon: " + check.error());
  }
  macros_.Define(name, {{pattern, where}}, /*literal=*/true);
  lexicons_[name] = std::move(lexicon).value();
  return Status();
}

Status PackLoader::ReadRule(const PackFile& file) {
  const std::string stem = StemIn(file.path, "rules/", ".yaml");
  const YamlContext context{Display(file), stem};
  return Guard(context, [&]() -> Status {
    StatusOr<YAML::Node> root = internal::ParseYaml(context, file.content);
    if (!root.ok()) return root.status();
    StatusOr<StrictMap> map =
        StrictMap::Read(*root, context, "rule",
                        {"id", "description", "type", "priority", "scope",
                         "speaker", "pattern", "examples", "counterexamples"});
    if (!map.ok()) return map.status();
    RuleDraft draft;
    Rule& rule = draft.rule;
    rule.source = context.file;
    StatusOr<std::string> id = map->String("id", true);
    if (!id.ok()) return id.status();
    if (*id != stem) {
      return context.Error(
          map->Get("id")->Mark(),
          "id '" + *id + "' must equal the file name '" + stem + "'");
    }
    rule.id = *id;
    StatusOr<std::string> description = map->String("description", true);
    if (!description.ok()) return description.status();
    rule.description = *description;
    StatusOr<std::string> type = map->String("type", true);
    if (!type.ok()) return type.status();
    std::optional<QuoteType> parsed = ParseQuoteType(*type);
    if (!parsed) {
      return context.Error(
          map->Get("type")->Mark(),
          "type '" + *type + "' must be direct, mixed or indirect");
    }
    rule.type = *parsed;
    StatusOr<int> priority = map->Int("priority", 0);
    if (!priority.ok()) return priority.status();
    rule.priority = *priority;
    StatusOr<bool> paragraph =
        Choice(*map, context, "scope", "sentence", "paragraph");
    if (!paragraph.ok()) return paragraph.status();
    rule.scope = *paragraph ? RuleScope::kParagraph : RuleScope::kSentence;
    StatusOr<bool> optional =
        Choice(*map, context, "speaker", "required", "optional");
    if (!optional.ok()) return optional.status();
    rule.speaker_optional = *optional;
    StatusOr<std::vector<Fragment>> pattern = map->Fragments("pattern", true);
    if (!pattern.ok()) return pattern.status();
    draft.pattern = std::move(pattern).value();
    StatusOr<std::vector<RuleExample>> examples = ReadExamples(*map, context);
    if (!examples.ok()) return examples.status();
    rule.examples = std::move(examples).value();
    StatusOr<std::vector<std::string>> counter =
        map->StringList("counterexamples");
    if (!counter.ok()) return counter.status();
    rule.counterexamples = std::move(counter).value();
    drafts_[rule.id] = std::move(draft);  // replaces an earlier pack's rule
    return Status();
  });
}

// Reads the optional key `key` of `map`, which must be `no` (the default:
// false) or `yes` (true).
StatusOr<bool> PackLoader::Choice(const StrictMap& map,
                                  const YamlContext& context,
                                  const std::string& key, const std::string& no,
                                  const std::string& yes) {
  if (map.Get(key) == nullptr) return false;
  StatusOr<std::string> value = map.String(key, false);
  if (!value.ok()) return value.status();
  if (*value != no && *value != yes) {
    return context.Error(
        map.Get(key)->Mark(),
        key + " '" + *value + "' must be " + no + " or " + yes);
  }
  return *value == yes;
}

StatusOr<std::vector<RuleExample>> PackLoader::ReadExamples(
    const StrictMap& map, const YamlContext& context) {
  std::vector<RuleExample> out;
  const YAML::Node* list = map.Get("examples");
  if (list == nullptr) return out;
  if (!list->IsSequence()) {
    return context.Error(list->Mark(), "'examples' must be a list of maps");
  }
  for (const YAML::Node& node : *list) {
    StatusOr<StrictMap> item = StrictMap::Read(
        node, context, "example", {"text", "content", "speaker", "cue"});
    if (!item.ok()) return item.status();
    RuleExample example;
    example.line = context.Where(node.Mark()).line;
    const struct {
      const char* key;
      std::string* field;
      bool required;
    } fields[] = {{"text", &example.text, true},
                  {"content", &example.content, false},
                  {"speaker", &example.speaker, false},
                  {"cue", &example.cue, false}};
    for (const auto& [key, field, required] : fields) {
      StatusOr<std::string> value = item->String(key, required);
      if (!value.ok()) return value.status();
      *field = std::move(value).value();
    }
    out.push_back(std::move(example));
  }
  return out;
}

StatusOr<std::vector<Rule>> PackLoader::Compile() {
  if (Status s = macros_.ExpandAll(); !s.ok()) return s;
  Precompile();
  std::vector<Rule> rules;
  for (const auto& [id, draft] : drafts_) {
    StatusOr<Rule> rule = CompileRule(draft);
    if (!rule.ok()) return rule.status();
    rules.push_back(std::move(rule).value());
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.id < b.id;
  });
  return rules;
}

// Checks the named groups of a compiled rule, the union of those of
// `parts`: known names, each at most once (RE2 would silently keep only the
// first), and `speaker` among them.
Status CheckCaptures(std::initializer_list<const RE2*> parts,
                     const SourceLocation& where, const std::string& id,
                     bool speaker_optional) {
  std::map<std::string, int> counts;
  for (const RE2* part : parts) {
    if (part == nullptr) continue;
    for (const auto& [index, name] : part->CapturingGroupNames()) {
      ++counts[name];
    }
  }
  for (const auto& [name, count] : counts) {
    if (std::find(std::begin(kCaptureNames), std::end(kCaptureNames), name) ==
        std::end(kCaptureNames)) {
      return ErrorAt(where, id, "unknown capture name '" + name + "'");
    }
    if (count > 1) {
      return ErrorAt(where, id,
                     "capture '" + name + "' is used " + std::to_string(count) +
                         " times; a rule may capture each name once");
    }
  }
  if (counts.count("speaker") == 0 && !speaker_optional) {
    return ErrorAt(where, id,
                   "the pattern must capture 'speaker' (%{NAME:speaker}), or "
                   "the rule say 'speaker: optional'");
  }
  return Status();
}

// What a cue-anchored rule compiles for the part from its cue on:
// "(?P<cue>CUE)AFTER".
std::string FromCuePattern(const internal::CueSplit& split) {
  return "(?P<cue>" + split.cue + ")" + split.after;
}

// `pattern` made to end where the text does: "(?:PATTERN)$".
std::string EndAnchored(const std::string& pattern) {
  return "(?:" + pattern + ")$";
}

// How a rule whose expanded pattern is `pattern` compiles: every part of
// it alike.
RE2::Options RuleOptions(const std::string& pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_longest_match(false);
  options.set_case_sensitive(true);
  options.set_max_mem(kMatchingRoom * MemoryBudget(pattern));
  return options;
}

void PackLoader::Precompile() {
  std::vector<std::pair<std::string, RE2::Options>> patterns;
  std::set<std::string> seen;
  auto add = [&](std::string pattern, const RE2::Options& options) {
    if (seen.insert(pattern).second) {
      patterns.emplace_back(std::move(pattern), options);
    }
  };
  for (const auto& [id, draft] : drafts_) {
    // A pattern that does not expand is CompileRule's to report.
    const StatusOr<std::string> pattern = macros_.Expand(draft.pattern, id);
    if (!pattern.ok()) continue;
    const RE2::Options options = RuleOptions(*pattern);
    if (const auto split = internal::SplitAtCue(*pattern)) {
      add(FromCuePattern(*split), options);
      if (!split->before.empty()) add(EndAnchored(split->before), options);
    } else {
      add(*pattern, options);
    }
  }
  const int threads = static_cast<int>(
      std::clamp(std::thread::hardware_concurrency(), 1u, kLoadThreads));
  const std::vector<int> ids = prefilter_->AddAll(patterns, threads);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    precompiled_.emplace(std::move(patterns[i].first), ids[i]);
  }
}

StatusOr<Rule> PackLoader::CompileRule(const RuleDraft& draft) {
  Rule rule = draft.rule;
  const SourceLocation& where = draft.pattern.front().where;
  StatusOr<std::string> pattern = macros_.Expand(draft.pattern, rule.id);
  if (!pattern.ok()) return pattern.status();
  rule.pattern = std::move(pattern).value();
  const RE2::Options options = RuleOptions(rule.pattern);
  const Status too_large =
      ErrorAt(where, rule.id,
              "pattern too large for RE2 (over " +
                  std::to_string(MemoryBudget(rule.pattern) >> 20) +
                  " MiB compiled); split the rule or narrow its lexicons");
  const Status matches_empty =
      ErrorAt(where, rule.id,
              "the pattern matches the empty string, so it would match "
              "everywhere");
  if (Status s = CompileCueSplit(rule, options); !s.ok()) {
    return s.message() == kTooLarge ? too_large : s;
  }
  if (rule.from_cue != nullptr) {
    // The sides hold the whole pattern's named groups between them.
    if (Status s = CheckCaptures({rule.before_cue.get(), rule.from_cue.get()},
                                 where, rule.id, rule.speaker_optional);
        !s.ok()) {
      return s;
    }
    // The whole pattern matches the empty string when each side does.
    if (RE2::FullMatch("", *rule.from_cue) &&
        (rule.before_cue == nullptr || RE2::FullMatch("", *rule.before_cue))) {
      return matches_empty;
    }
    rule.whole =
        std::make_shared<const internal::LazyRegex>(rule.pattern, options);
    return rule;
  }
  const StatusOr<int> id = Filtered(rule.pattern, options);
  if (!id.ok()) {
    if (id.status().message() == kTooLarge) return too_large;
    return ErrorAt(where, rule.id,
                   "RE2 cannot compile the pattern: " + id.status().message());
  }
  if (Status s = CheckCaptures({&prefilter_->Regex(*id)}, where, rule.id,
                               rule.speaker_optional);
      !s.ok()) {
    return s;
  }
  if (RE2::FullMatch("", prefilter_->Regex(*id))) return matches_empty;
  prefilter_ids_[rule.id] = {*id};
  rule.whole = std::make_shared<const internal::LazyRegex>(
      std::shared_ptr<const RE2>(prefilter_, &prefilter_->Regex(*id)));
  return rule;
}

Status PackLoader::CompileCueSplit(Rule& rule, const RE2::Options& options) {
  std::optional<internal::CueSplit> split = internal::SplitAtCue(rule.pattern);
  if (!split) return Status();
  std::shared_ptr<const RE2> finder = PartRegex(split->cue, options);
  if (!finder->ok()) return Status();
  // Both sides go to the prefilter, which owns them: a sentence lacking
  // what either side needs is skipped. Rules share equal sides.
  std::vector<int> ids;
  Status error;
  auto filtered =
      [&](const std::string& pattern) -> std::shared_ptr<const RE2> {
    const StatusOr<int> id = Filtered(pattern, options);
    if (!id.ok()) {
      // A side that does not compile leaves the rule to run whole.
      if (id.status().message() == kTooLarge) error = id.status();
      return nullptr;
    }
    ids.push_back(*id);
    return std::shared_ptr<const RE2>(prefilter_, &prefilter_->Regex(*id));
  };
  auto from_cue = filtered(FromCuePattern(*split));
  if (from_cue == nullptr) return error;
  std::shared_ptr<const RE2> before_cue;
  if (!split->before.empty()) {
    before_cue = filtered(EndAnchored(split->before));
    if (before_cue == nullptr) return error;
  }
  if (!split->after.empty()) rule.after_cue = LazyPart(split->after, options);
  if (const auto suffix = internal::AfterLastWildcard(split->before)) {
    rule.before_suffix = EndingRegex(*suffix, options);
  }
  rule.before_pieces = Pieces(split->before, options);
  rule.after_pieces = Pieces(split->after, options);
  prefilter_ids_[rule.id] = ids;
  rule.cue_finder = finder;
  rule.from_cue = std::move(from_cue);
  rule.before_cue = std::move(before_cue);
  rule.before_needs_quote =
      internal::RequiresLiteral(split->before, kPlaceholderOpen);
  rule.after_needs_quote =
      internal::RequiresLiteral(split->after, kPlaceholderOpen);
  // A large side holding a run of any characters ("^(?P<content>.*?),[ ]+
  // SPEAKER") reads back to the start of the sentence through states as
  // large as its speaker pattern's wherever the rest of it matches: it
  // goes second, the smaller program or not.
  const bool reads_far_and_wide =
      rule.before_cue != nullptr &&
      rule.before_cue->ProgramSize() > kLargeProgram &&
      internal::HoldsWildcard(split->before);
  rule.before_cue_first =
      rule.before_cue != nullptr && !reads_far_and_wide &&
      rule.before_cue->ProgramSize() < rule.from_cue->ProgramSize();
  return Status();
}

StatusOr<int> PackLoader::Filtered(const std::string& pattern,
                                   const RE2::Options& options) {
  if (auto known = filtered_.find(pattern); known != filtered_.end()) {
    return known->second;
  }
  const auto precompiled = precompiled_.find(pattern);
  const int id = precompiled != precompiled_.end()
                     ? precompiled->second
                     : prefilter_->Add(pattern, options);
  if (id < 0) {
    const RE2 compiled(pattern, options);
    if (compiled.error_code() == RE2::ErrorPatternTooLarge) {
      return Status::Error(kTooLarge);
    }
    return Status::Error(compiled.error());
  }
  if (prefilter_->Regex(id).ProgramSize() > MaxInstructions(pattern)) {
    return Status::Error(kTooLarge);
  }
  filtered_.emplace(pattern, id);
  return id;
}

std::shared_ptr<const RE2> PackLoader::SharedRegex(
    const std::string& compiled_pattern, const RE2::Options& options) {
  std::shared_ptr<const RE2>& regex = parts_[compiled_pattern];
  if (regex == nullptr) {
    regex = std::make_shared<const RE2>(compiled_pattern, options);
  }
  return regex;
}

std::shared_ptr<const RE2> PackLoader::PartRegex(const std::string& pattern,
                                                 const RE2::Options& options) {
  return SharedRegex("(?:" + pattern + ")", options);
}

std::shared_ptr<const RE2> PackLoader::EndingRegex(
    const std::string& pattern, const RE2::Options& options) {
  std::shared_ptr<const RE2> regex = SharedRegex(EndAnchored(pattern), options);
  return regex->ok() ? regex : nullptr;
}

std::shared_ptr<const internal::LazyRegex> PackLoader::LazyPart(
    const std::string& pattern, const RE2::Options& options) {
  std::shared_ptr<const internal::LazyRegex>& regex =
      lazy_parts_["(?:" + pattern + ")"];
  if (regex == nullptr) {
    regex = std::make_shared<const internal::LazyRegex>("(?:" + pattern + ")",
                                                        options);
  }
  return regex;
}

std::vector<Rule::Piece> PackLoader::Pieces(const std::string& pattern,
                                            const RE2::Options& options) {
  return internal::CompilePieces(pattern, [&](const std::string& piece) {
    return LazyPart(piece, options);
  });
}

// True for files a pack folder may hold that are not part of the pack:
// hidden files and editor backups.
bool Skipped(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.empty() || name[0] == '.' || name.back() == '~';
}

Status ReadFileInto(const fs::path& path, const std::string& relative,
                    PackSource& pack) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::Error(path.string() + ": cannot read");
  pack.files.push_back({relative, bytes.str()});
  return Status();
}

// Adds every file below `dir`/`sub` (lexicons/ or rules/), even misplaced
// ones, so that Load can report them instead of silently ignoring them.
Status ReadSubfolder(const fs::path& dir, const std::string& sub,
                     PackSource& pack) {
  std::error_code error;
  if (!fs::is_directory(dir / sub, error)) return Status();
  fs::recursive_directory_iterator it(dir / sub, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (Skipped(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    const std::string relative =
        it->path().lexically_relative(dir).generic_string();
    if (Status s = ReadFileInto(it->path(), relative, pack); !s.ok()) return s;
  }
  if (error) {
    return Status::Error((dir / sub).string() + ": " + error.message());
  }
  return Status();
}

}  // namespace

StatusOr<PackSource> ReadPackDir(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return Status::Error(dir + ": not a folder" +
                         (error ? " (" + error.message() + ")" : ""));
  }
  std::string origin = dir;
  while (origin.size() > 1 && origin.back() == '/') origin.pop_back();
  PackSource pack{origin, {}};
  for (fs::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (Skipped(it->path()) || !it->is_regular_file(error)) continue;
    if (!EndsWith(name, ".yaml") && !EndsWith(name, ".yml")) continue;
    if (Status s = ReadFileInto(it->path(), name, pack); !s.ok()) return s;
  }
  if (error) return Status::Error(dir + ": " + error.message());
  for (const char* sub : {"lexicons", "rules"}) {
    if (Status s = ReadSubfolder(dir, sub, pack); !s.ok()) return s;
  }
  const bool has_manifest =
      std::any_of(pack.files.begin(), pack.files.end(),
                  [](const PackFile& f) { return f.path == "pack.yaml"; });
  if (!has_manifest) {
    return Status::Error(origin + ": no pack.yaml; " + kPackLayout);
  }
  std::sort(
      pack.files.begin(), pack.files.end(),
      [](const PackFile& a, const PackFile& b) { return a.path < b.path; });
  return pack;
}

StatusOr<std::shared_ptr<const RuleSet>> RuleSet::Load(
    const std::vector<PackSource>& packs) {
  PackLoader loader;
  for (const PackSource& pack : packs) {
    if (Status s = loader.Read(pack); !s.ok()) return s;
  }
  StatusOr<std::vector<Rule>> rules = loader.Compile();
  if (!rules.ok()) return rules.status();
  auto set = std::make_shared<RuleSet>();
  set->rules_ = std::move(rules).value();
  set->lexicons_ = loader.TakeLexicons();
  for (const auto& [name, lexicon] : set->lexicons_) {
    set->entry_finders_.emplace(
        name, std::make_unique<internal::EntryFinder>(lexicon));
  }
  set->prefilter_ = loader.TakePrefilter();
  set->prefilter_->Compile();
  // Prefilter ids follow the order of compilation; rules are sorted since.
  for (const Rule& rule : set->rules_) {
    set->filter_ids_.push_back(loader.prefilter_ids().at(rule.id));
    for (int id : set->filter_ids_.back()) {
      set->prefilter_size_ = std::max(set->prefilter_size_, id + 1);
    }
  }
  return std::shared_ptr<const RuleSet>(std::move(set));
}

void RuleSet::CandidateRules(std::string_view text,
                             std::vector<int>* rule_indices) const {
  std::vector<int> ids;
  prefilter_->Candidates(text, &ids);
  // One bit a prefilter id, sized once.
  std::vector<std::uint64_t> potential(prefilter_size_ / 64 + 1);
  for (int id : ids) {
    // Ids no rule needs (a pattern compiled but not kept) are skipped.
    if (id < prefilter_size_) {
      potential[id / 64] |= std::uint64_t{1} << (id % 64);
    }
  }
  auto is_potential = [&](int id) {
    return (potential[id / 64] >> (id % 64)) & 1;
  };
  rule_indices->clear();
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (std::all_of(filter_ids_[r].begin(), filter_ids_[r].end(),
                    is_potential)) {
      rule_indices->push_back(static_cast<int>(r));
    }
  }
}

const RE2& Rule::regex() const { return whole->Get(); }

const Rule* RuleSet::Find(std::string_view id) const {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;

const internal::EntryFinder* RuleSet::FinderOf(std::string_view name) const {
  // Callers name lexicons as defined, upper-case: no copy for them.
  auto it = entry_finders_.find(name);
  if (it == entry_finders_.end()) it = entry_finders_.find(UpperAscii(name));
  return it == entry_finders_.end() ? nullptr : it->second.get();
}

std::string RuleSet::AttributeOf(std::string_view lexicon,
                                 std::string_view phrase) const {
  const internal::EntryFinder* finder = FinderOf(lexicon);
  if (finder == nullptr) return "";
  const internal::NormalizedPhrase normalized(phrase);
  const auto* entry = finder->FindLongest(normalized.view());
  return entry == nullptr ? "" : entry->second;
}

bool RuleSet::InLexicon(std::string_view lexicon,
                        std::string_view phrase) const {
  const internal::EntryFinder* finder = FinderOf(lexicon);
  if (finder == nullptr) return false;
  const internal::NormalizedPhrase normalized(phrase);
  return finder->Find(normalized.view()) != nullptr;
}

}  // namespace whosaid
