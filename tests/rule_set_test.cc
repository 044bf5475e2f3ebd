#include "whosaid/rule_set.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "whosaid/internal/lexicon.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A pack held in memory, with origin "mem"; a minimal pack.yaml is added
// unless `files` has one.
PackSource Pack(std::vector<PackFile> files, std::string origin = "mem") {
  bool has_manifest = false;
  for (const PackFile& f : files) has_manifest |= f.path == "pack.yaml";
  if (!has_manifest) files.push_back({"pack.yaml", "name: test\n"});
  return PackSource{std::move(origin), std::move(files)};
}

// A rule file whose pattern is on line 4: `pattern_line` is the YAML from
// "pattern:" on, and may continue on further lines.
std::string RuleYaml(const std::string& id, const std::string& pattern_line,
                     const std::string& rest = "") {
  return "id: " + id + "\ndescription: A test rule.\ntype: direct\n" +
         pattern_line + "\n" + rest;
}

constexpr char kSaidPattern[] =
    R"(pattern: '%{QUOTE}, (?P<speaker>\p{Lu}\p{L}+) said')";

// The error message of loading `packs`, or "OK".
std::string LoadError(const std::vector<PackSource>& packs) {
  StatusOr<std::shared_ptr<const RuleSet>> set = RuleSet::Load(packs);
  return set.ok() ? "OK" : set.status().message();
}

std::shared_ptr<const RuleSet> MustLoad(const std::vector<PackSource>& packs) {
  StatusOr<std::shared_ptr<const RuleSet>> set = RuleSet::Load(packs);
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? *set : nullptr;
}

// The named captures of the first match of `rule` in `text`; empty if no
// match.
std::map<std::string, std::string> Captures(const Rule& rule,
                                            std::string_view text) {
  const RE2& re = rule.regex();
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  std::map<std::string, std::string> out;
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return out;
  }
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    if (groups[index].data() != nullptr) out[name] = std::string(groups[index]);
  }
  return out;
}

TEST(RuleSetTest, LoadsAValidPack) {
  auto set = MustLoad({Pack({
      {"macros.yaml", "NAME: '\\p{Lu}\\p{L}+'\n"},
      {"lexicons/say_verbs.txt", "said\nsays\n"},
      {"rules/en.quote_said.yaml",
       "id: en.quote_said\n"
       "description: A quote, then the speaker and a verb.\n"
       "type: direct\n"
       "priority: 7\n"
       "pattern:\n"
       "  - '%{QUOTE}, '\n"
       "  - '%{NAME:speaker} %{SAY_VERBS:cue}'\n"
       "examples:\n"
       "  - text: '\"Hi,\" Wang said.'\n"
       "    content: Hi,\n"
       "    speaker: Wang\n"
       "    cue: said\n"
       "counterexamples:\n"
       "  - Wang said nothing.\n"},
  })});
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->rules().size(), 1u);
  const Rule& rule = set->rules()[0];
  EXPECT_EQ(rule.id, "en.quote_said");
  EXPECT_EQ(rule.description, "A quote, then the speaker and a verb.");
  EXPECT_EQ(rule.type, QuoteType::kDirect);
  EXPECT_EQ(rule.priority, 7);
  EXPECT_EQ(rule.source, "mem/rules/en.quote_said.yaml");
  EXPECT_EQ(rule.pattern,
            "(?:\u27e6[QqT][0-9]+\u27e7), "
            "(?P<speaker>\\p{Lu}\\p{L}+) (?P<cue>(?i:sa(?:id|ys)))");
  ASSERT_EQ(rule.examples.size(), 1u);
  EXPECT_EQ(rule.examples[0].text, "\"Hi,\" Wang said.");
  EXPECT_EQ(rule.examples[0].content, "Hi,");
  EXPECT_EQ(rule.examples[0].speaker, "Wang");
  EXPECT_EQ(rule.examples[0].cue, "said");
  EXPECT_EQ(rule.examples[0].line, 9);
  EXPECT_EQ(rule.counterexamples,
            std::vector<std::string>{"Wang said nothing."});
  EXPECT_EQ(set->Find("en.quote_said"), &rule);
  EXPECT_EQ(set->Find("en.missing"), nullptr);
  EXPECT_EQ(Captures(rule, "\u27e6Q12\u27e7, Wang said."),
            (std::map<std::string, std::string>{{"speaker", "Wang"},
                                                {"cue", "said"}}));
}

// A rule that says `speaker: optional` may lack the speaker capture.
TEST(RuleSetTest, ASpeakerMayBeOptional) {
  const std::string pattern = "pattern: '[Aa]sked (?P<content>whether .*)'";
  EXPECT_THAT(LoadError({Pack({{"rules/r.yaml", RuleYaml("r", pattern)}})}),
              HasSubstr("the pattern must capture 'speaker'"));
  auto set = RuleSet::Load({Pack(
      {{"rules/r.yaml", RuleYaml("r", pattern, "speaker: optional\n")}})});
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_TRUE((*set)->rules().front().speaker_optional);
}

TEST(RuleSetTest, LoadsTheBuiltinEnglishPack) {
  EXPECT_EQ(LoadError({BuiltinEnglishPack()}), "OK");
}

TEST(RuleSetTest, ExpandsMacrosRecursivelyWithCaptures) {
  auto set = MustLoad({Pack({
      {"macros.yaml",
       "NAME: '\\p{Lu}\\p{L}+'\n"
       "FULL_NAME: ['%{NAME}', '(?: %{NAME})*']\n"
       "SAID: '%{FULL_NAME:speaker} said'\n"},
      {"rules/r.yaml",
       RuleYaml("r", "pattern: '%{QUOTE:content}, %{SAID}\\.'")},
  })});
  ASSERT_NE(set, nullptr);
  const Rule& rule = set->rules()[0];
  EXPECT_EQ(rule.pattern,
            "(?P<content>\u27e6[QqT][0-9]+\u27e7), "
            "(?:(?P<speaker>(?:\\p{Lu}\\p{L}+)(?: (?:\\p{Lu}\\p{L}+))*) "
            "said)\\.");
  EXPECT_EQ(Captures(rule, "\u27e6Q0\u27e7, Wang Wenbin said."),
            (std::map<std::string, std::string>{{"content", "\u27e6Q0\u27e7"},
                                                {"speaker", "Wang Wenbin"}}));
}

TEST(RuleSetTest, EscapedPercentIsNotAReference) {
  auto set = MustLoad({Pack({
      {"rules/r.yaml", RuleYaml("r", R"(pattern: '(?P<speaker>\w+) \%{X}')")},
  })});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->rules()[0].pattern, R"((?P<speaker>\w+) \%{X})");
  EXPECT_EQ(Captures(set->rules()[0], "Wang %{X}").at("speaker"), "Wang");
}

// A rule matching "<speaker> <verb>" with the verbs of lexicons/verbs.txt.
std::shared_ptr<const RuleSet> VerbRules(const std::string& lexicon) {
  return MustLoad({Pack({
      {"lexicons/verbs.txt", lexicon},
      {"rules/r.yaml",
       RuleYaml("r", R"(pattern: '(?P<speaker>\w+) %{VERBS:cue}')")},
  })});
}

TEST(RuleSetTest, LexiconIsAPrefixTreeThatPrefersLongerEntries) {
  auto set = VerbRules("told\nsaid\ntold reporters\n");
  ASSERT_NE(set, nullptr);
  const Rule& rule = set->rules()[0];
  EXPECT_EQ(rule.pattern,
            R"((?P<speaker>\w+) (?P<cue>(?i:(?:told(?:\s+reporters)?|said))))");
  EXPECT_EQ(Captures(rule, "Wang told reporters on Monday").at("cue"),
            "told reporters");
  EXPECT_EQ(Captures(rule, "Wang told\n  reporters").at("cue"),
            "told\n  reporters");
  EXPECT_EQ(Captures(rule, "Wang told Reuters").at("cue"), "told");
}

TEST(RuleSetTest, LexiconEntriesAreEscapedAndCaseInsensitive) {
  auto set = VerbRules("\xEF\xBB\xBFU.S. (officials)\n  Said  \r\n");
  ASSERT_NE(set, nullptr);
  const Rule& rule = set->rules()[0];
  EXPECT_EQ(Captures(rule, "the U.S. (officials)").at("cue"),
            "U.S. (officials)");
  EXPECT_EQ(Captures(rule, "the u.s. (OFFICIALS)").at("cue"),
            "u.s. (OFFICIALS)");
  EXPECT_TRUE(Captures(rule, "the UXS (officials)").empty());
  EXPECT_TRUE(Captures(rule, "the U.S. officials").empty());
  EXPECT_EQ(Captures(rule, "Wang SAID").at("cue"), "SAID");
}

// The prefix tree a lexicon expands to matches what the alternation of its
// entries, longest first, matches, with the same captures: checked on the
// English pack's lexicons, at every entry and at every entry cut short.
TEST(RuleSetTest, LexiconPrefixTreeMatchesLikeTheLongestFirstAlternation) {
  auto set = MustLoad({BuiltinEnglishPack()});
  ASSERT_NE(set, nullptr);
  int checked = 0;
  for (const auto& [name, lexicon] : set->lexicons()) {
    std::vector<std::string> entries;
    for (const auto& [entry, attribute] : lexicon) entries.push_back(entry);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const std::string& a, const std::string& b) {
                       return a.size() > b.size();
                     });
    std::string flat;
    for (const std::string& entry : entries) {
      if (!flat.empty()) flat += '|';
      std::string words = RE2::QuoteMeta(entry);
      RE2::GlobalReplace(&words, "\\\\ ", "\\\\s+");
      flat += words;
    }
    const std::string tree = internal::LexiconPattern(lexicon);
    // The text after the entry decides which entry the whole pattern takes.
    const RE2 expected("(\\w*)[ ]?(?P<e>(?i:" + flat + "))(\\s*\\w*)(x?)");
    const RE2 actual("(\\w*)[ ]?(?P<e>" + tree + ")(\\s*\\w*)(x?)");
    ASSERT_TRUE(expected.ok() && actual.ok()) << name;
    for (const std::string& entry : entries) {
      for (std::size_t cut = 1; cut <= entry.size(); ++cut) {
        for (const std::string& text :
             {"Ruiz " + entry.substr(0, cut) + " today",
              "Ruiz " + entry.substr(0, cut) + "x",
              "RUIZ  " + entry.substr(0, cut), entry.substr(0, cut) + "\n"}) {
          re2::StringPiece want[5], got[5];
          const bool matched =
              expected.Match(text, 0, text.size(), RE2::UNANCHORED, want, 5);
          ASSERT_EQ(actual.Match(text, 0, text.size(), RE2::UNANCHORED, got, 5),
                    matched)
              << name << ": " << text;
          for (int i = 0; matched && i < 5; ++i) {
            EXPECT_EQ(got[i], want[i])
                << name << ": " << text << " group " << i;
          }
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

TEST(RuleSetTest, LexiconAttributesAndMembership) {
  auto set = VerbRules(
      "# reporting verbs | stance\n"
      "said | assert   # the default\n"
      "denied | deny\n"
      "deny | deny\n"
      "told   Reporters | assert\n"
      "noted\n");
  ASSERT_NE(set, nullptr);
  const struct {
    const char* lexicon;
    const char* phrase;
    const char* attribute;
  } cases[] = {
      {"VERBS", "denied", "deny"},
      {"VERBS", "DENIED", "deny"},
      {"verbs", "denied", "deny"},  // the lexicon name is case-insensitive
      {"VERBS", " told \n reporters ", "assert"},
      {"VERBS", "did not deny", "deny"},  // longest entry inside
      {"VERBS", "has told reporters", "assert"},
      {"VERBS", "undenied", ""},  // not as a whole word
      {"VERBS", "noted", ""},     // an entry with no attribute
      {"VERBS", "shouted", ""},
      {"NOUNS", "said", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(set->AttributeOf(c.lexicon, c.phrase), c.attribute)
        << c.lexicon << " / " << c.phrase;
  }
  EXPECT_TRUE(set->InLexicon("VERBS", "Told Reporters"));
  EXPECT_TRUE(set->InLexicon("VERBS", "noted"));
  EXPECT_FALSE(set->InLexicon("VERBS", "did not deny"));
  EXPECT_FALSE(set->InLexicon("NOUNS", "said"));
  ASSERT_EQ(set->lexicons().count("VERBS"), 1u);
  EXPECT_EQ(set->lexicons().at("VERBS").at("told reporters"), "assert");
}

TEST(RuleSetTest, LongestEntryInsideAPhraseStandsAsWholeWords) {
  auto set = VerbRules(
      "chief | a\n"
      "chef | b\n"
      "head | c\n"
      "-in-chief | d\n"
      "u.s. | e\n");
  ASSERT_NE(set, nullptr);
  const struct {
    const char* phrase;
    const char* attribute;
  } cases[] = {
      {"the head chef", "b"},    // equal lengths: alphabetical order
      {"editor-in-chief", "d"},  // a '-' needs no boundary before it
      {"editor-in-chiefs", ""},  // but the word end after "chief" does
      {"chefé", ""},             // a multi-byte letter is part of a word
      {"ex-chief", "a"},         // '-' is a boundary
      {"the U.S. chief", "a"},   // longest wins: "chief" over "u.s."
      {"U.S.-made", "e"},        // "." ends the entry: no boundary needed
      {"headline", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(set->AttributeOf("VERBS", c.phrase), c.attribute) << c.phrase;
  }
}

TEST(RuleSetTest, NormalizedPhraseIsNormalizePhraseWithoutACopy) {
  const std::string long_phrase =
      " " + std::string(internal::NormalizedPhrase::kInlineSize, 'A') +
      "\t\n  B ";
  for (const std::string& phrase : std::vector<std::string>{
           "", " ", "said", "Told  Reporters", " told\r\nreporters\v",
           "U.S. Chief", "caf\xc3\xa9 Owner", long_phrase}) {
    const internal::NormalizedPhrase normalized(phrase);
    EXPECT_EQ(normalized.view(), internal::NormalizePhrase(phrase))
        << "[" << phrase << "]";
  }
  // A normalised phrase is looked up where it is.
  const std::string said = "said to be";
  EXPECT_EQ(internal::NormalizedPhrase(said).view().data(), said.data());
}

TEST(RuleSetTest, EntryFinderFindsExactEntriesOnly) {
  const RuleSet::Lexicon lexicon = {
      {"said", "assert"}, {"told reporters", ""}, {"u.s.", "e"}};
  const internal::EntryFinder finder(lexicon);
  for (const auto& entry : lexicon) {
    EXPECT_EQ(finder.Find(entry.first), &entry) << entry.first;
  }
  EXPECT_EQ(finder.Find("told"), nullptr);
  EXPECT_EQ(finder.Find("Said"), nullptr);  // callers normalise first
  EXPECT_EQ(finder.Find(""), nullptr);
  EXPECT_EQ(finder.Find("has told reporters"), nullptr);
}

TEST(RuleSetTest, SortsByPriorityThenId) {
  auto set = MustLoad({Pack({
      {"rules/b.yaml", RuleYaml("b", kSaidPattern, "priority: 5\n")},
      {"rules/a.yaml", RuleYaml("a", kSaidPattern, "priority: -1\n")},
      {"rules/c.yaml", RuleYaml("c", kSaidPattern, "priority: 5\n")},
      {"rules/d.yaml", RuleYaml("d", kSaidPattern)},
  })});
  ASSERT_NE(set, nullptr);
  std::vector<std::string> ids;
  for (const Rule& rule : set->rules()) ids.push_back(rule.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"b", "c", "d", "a"}));
}

TEST(RuleSetTest, LaterPacksOverrideEarlierOnes) {
  PackSource base = Pack(
      {
          {"pack.yaml", "name: base\n"},
          {"macros.yaml", "WHO: 'Wang'\n"},
          {"lexicons/verbs.txt", "said | assert\n"},
          {"rules/who.yaml",
           RuleYaml("who", "pattern: '%{WHO:speaker} %{VERBS:cue}'")},
          {"rules/kept.yaml", RuleYaml("kept", kSaidPattern)},
      },
      "base");
  PackSource user = Pack(
      {
          {"pack.yaml", "name: user\nrequires: [base]\n"},
          {"macros.yaml", "WHO: 'Li'\n"},
          {"lexicons/verbs.txt", "said | deny\nclaimed\n"},
          {"rules/kept.yaml",
           "id: kept\ndescription: Replaced.\ntype: indirect\n" +
               std::string(kSaidPattern) + "\n"},
      },
      "user");
  auto set = MustLoad({base, user});
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->rules().size(), 2u);
  const Rule* who = set->Find("who");
  ASSERT_NE(who, nullptr);
  // The base rule expands against the user's macros and lexicons.
  EXPECT_EQ(who->pattern, "(?P<speaker>Li) (?P<cue>(?i:(?:claimed|said)))");
  EXPECT_EQ(who->source, "base/rules/who.yaml");
  const Rule* kept = set->Find("kept");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->description, "Replaced.");
  EXPECT_EQ(kept->type, QuoteType::kIndirect);
  EXPECT_EQ(kept->source, "user/rules/kept.yaml");
  EXPECT_EQ(set->AttributeOf("VERBS", "said"), "deny");
  EXPECT_FALSE(set->InLexicon("VERBS", "stated"));
}

TEST(RuleSetTest, MacroMayReplaceAnEarlierLexicon) {
  PackSource base = Pack({{"lexicons/verbs.txt", "said\n"}}, "base");
  PackSource user = Pack(
      {{"macros.yaml", "VERBS: 'stated'\n"},
       {"rules/r.yaml", RuleYaml("r", "pattern: '(?P<speaker>x) %{VERBS}'")}},
      "user");
  auto set = MustLoad({base, user});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->rules()[0].pattern, "(?P<speaker>x) (?:stated)");
  EXPECT_EQ(set->lexicons().count("VERBS"), 0u);
}

struct ErrorCase {
  const char* name;
  std::vector<PackFile> files;
  std::string expected_prefix;
};

// Every load error names FILE:LINE:COL, and the rule when there is one.
TEST(RuleSetTest, ErrorsNameFileLineColumnAndRule) {
  const std::string rule_with = "mem/rules/r.yaml:";
  const ErrorCase cases[] = {
      {"unknown rule key",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern, "paterns: x\n")}},
       "mem/rules/r.yaml:5:1: rule r: unknown key 'paterns' in rule"},
      {"missing description",
       {{"rules/r.yaml", "id: r\ntype: direct\npattern: '(?P<speaker>x)'\n"}},
       "mem/rules/r.yaml:1:1: rule r: missing required key 'description'"},
      {"duplicate key",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern, "type: mixed\n")}},
       "mem/rules/r.yaml:5:1: rule r: duplicate key 'type'"},
      {"id differs from file name",
       {{"rules/r.yaml", RuleYaml("q", kSaidPattern)}},
       "mem/rules/r.yaml:1:5: rule r: id 'q' must equal the file name 'r'"},
      {"bad type",
       {{"rules/r.yaml",
         "id: r\ndescription: d\ntype: quoted\n" + std::string(kSaidPattern)}},
       "mem/rules/r.yaml:3:7: rule r: type 'quoted' must be direct, mixed "
       "or indirect"},
      {"priority not an integer",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern, "priority: high\n")}},
       "mem/rules/r.yaml:5:11: rule r: 'priority' must be an integer"},
      {"description not a string",
       {{"rules/r.yaml", "id: r\ndescription: [a, b]\ntype: direct\n" +
                             std::string(kSaidPattern)}},
       "mem/rules/r.yaml:2:14: rule r: 'description' must be a string"},
      {"YAML syntax error",
       {{"rules/r.yaml", "id: r\ndescription: [unclosed\ntype: direct\n"}},
       "mem/rules/r.yaml:3:5: rule r: YAML syntax: "},
      {"two YAML documents",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern, "---\nid: r\n")}},
       "mem/rules/r.yaml:6:1: rule r: a pack file holds one YAML document"},
      {"stray comma, on which yaml-cpp's LoadAll would never return",
       {{"rules/r.yaml", ",: x\n"}},
       "mem/rules/r.yaml:1:1: rule r: YAML syntax: unexpected ','"},
      {"empty pattern",
       {{"rules/r.yaml", RuleYaml("r", "pattern: ''")}},
       "mem/rules/r.yaml:4:10: rule r: 'pattern' must be a non-empty"},
      {"unknown macro in a pattern fragment",
       {{"rules/r.yaml",
         RuleYaml("r", "pattern:\n  - '%{QUOTE}, '\n  - '%{NAMES:speaker}'")}},
       "mem/rules/r.yaml:6:5: rule r: unknown macro %{NAMES}"},
      {"unterminated reference",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '(?P<speaker>x)%{QUOTE'")}},
       "mem/rules/r.yaml:4:10: rule r: unterminated macro reference"},
      {"unknown capture name",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '%{QUOTE:who}'")}},
       "mem/rules/r.yaml:4:10: rule r: unknown capture name 'who'"},
      {"unknown raw capture name",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '(?P<speaker>x)(?P<who>y)'")}},
       "mem/rules/r.yaml:4:10: rule r: unknown capture name 'who'"},
      {"capture used twice",
       {{"rules/r.yaml",
         RuleYaml("r", "pattern: '(?P<speaker>a) %{QUOTE:speaker}'")}},
       "mem/rules/r.yaml:4:10: rule r: capture 'speaker' is used 2 times"},
      // A rule split at its cue is checked on both sides together.
      {"capture used on both sides of the cue",
       {{"rules/r.yaml",
         RuleYaml("r",
                  "pattern: '(?P<speaker>a) (?P<cue>said) (?P<speaker>b)'")}},
       "mem/rules/r.yaml:4:10: rule r: capture 'speaker' is used 2 times"},
      {"unknown capture name after the cue",
       {{"rules/r.yaml",
         RuleYaml("r", "pattern: '(?P<speaker>a) (?P<cue>said) (?P<who>b)'")}},
       "mem/rules/r.yaml:4:10: rule r: unknown capture name 'who'"},
      {"RE2 compile error after the cue",
       {{"rules/r.yaml",
         RuleYaml("r", "pattern: '(?P<speaker>a) (?P<cue>said) b{2,1}'")}},
       "mem/rules/r.yaml:4:10: rule r: RE2 cannot compile the pattern: "
       "invalid repetition size"},
      {"no speaker capture",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '%{QUOTE:content} said'")}},
       "mem/rules/r.yaml:4:10: rule r: the pattern must capture 'speaker'"},
      {"speaker neither required nor optional",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern, "speaker: maybe\n")}},
       "mem/rules/r.yaml:5:10: rule r: speaker 'maybe' must be required or "
       "optional"},
      {"RE2 compile error",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '(?P<speaker>a'")}},
       "mem/rules/r.yaml:4:10: rule r: RE2 cannot compile the pattern: "
       "missing )"},
      {"pattern too large",
       {{"rules/r.yaml",
         RuleYaml("r", R"(pattern: '(?P<speaker>\pL{1000})')")}},
       "mem/rules/r.yaml:4:10: rule r: pattern too large for RE2"},
      {"pattern matching the empty string",
       {{"rules/r.yaml", RuleYaml("r", "pattern: '(?P<speaker>x)?'")}},
       "mem/rules/r.yaml:4:10: rule r: the pattern matches the empty string"},
      {"example without text",
       {{"rules/r.yaml",
         RuleYaml("r", kSaidPattern, "examples:\n  - speaker: Wang\n")}},
       "mem/rules/r.yaml:6:5: rule r: missing required key 'text'"},
      {"example with an unknown key",
       {{"rules/r.yaml", RuleYaml("r", kSaidPattern,
                                  "examples:\n  - text: a\n    speakr: b\n")}},
       "mem/rules/r.yaml:7:5: rule r: unknown key 'speakr' in example"},
      {"counterexample not a string",
       {{"rules/r.yaml",
         RuleYaml("r", kSaidPattern, "counterexamples:\n  - {text: a}\n")}},
       "mem/rules/r.yaml:6:5: rule r: an item of 'counterexamples' must be"},
      {"macro cycle",
       {{"macros.yaml", "A: 'a%{B}'\nB: 'b%{A}'\n"}},
       "mem/macros.yaml:2:4: macro cycle: A -> B -> A"},
      {"unknown macro in a macro",
       {{"macros.yaml", "A: 'a'\nB:\n  - 'b'\n  - '%{C}'\n"}},
       "mem/macros.yaml:4:5: unknown macro %{C}"},
      {"QUOTE redefined",
       {{"macros.yaml", "QUOTE: 'x'\n"}},
       "mem/macros.yaml:1:1: QUOTE is built in"},
      {"bad macro name",
       {{"macros.yaml", "A: 'a'\nlower: 'x'\n"}},
       "mem/macros.yaml:2:1: bad macro name 'lower'"},
      {"macro defined twice",
       {{"macros.yaml", "A: 'a'\nA: 'b'\n"}},
       "mem/macros.yaml:2:1: A is already defined in this pack, at "
       "mem/macros.yaml:1:1"},
      {"macros.yaml not a map",
       {{"macros.yaml", "- A\n"}},
       "mem/macros.yaml:1:1: macros.yaml must be a map"},
      {"macro and lexicon share a name",
       {{"macros.yaml", "VERBS: 'x'\n"}, {"lexicons/verbs.txt", "said\n"}},
       "mem/lexicons/verbs.txt:1:1: VERBS is already defined in this pack"},
      {"lexicon: empty attribute",
       {{"lexicons/verbs.txt", "# verbs\nsaid\ndenied |\n"}},
       "mem/lexicons/verbs.txt:3:8: empty attribute after '|'"},
      {"lexicon: empty entry",
       {{"lexicons/verbs.txt", "said\n  | deny\n"}},
       "mem/lexicons/verbs.txt:2:3: empty entry before '|'"},
      {"lexicon: two bars",
       {{"lexicons/verbs.txt", "said | a | b\n"}},
       "mem/lexicons/verbs.txt:1:10: more than one '|'"},
      {"lexicon: duplicate entry",
       {{"lexicons/verbs.txt", "said\n\n  Said\n"}},
       "mem/lexicons/verbs.txt:3:3: duplicate entry 'said' (first on line 1)"},
      {"lexicon: no entries",
       {{"lexicons/verbs.txt", "# nothing yet\n\n"}},
       "mem/lexicons/verbs.txt:1:1: lexicon has no entries"},
      {"lexicon: bad file name",
       {{"lexicons/9lives.txt", "x\n"}},
       "mem/lexicons/9lives.txt:1:1: lexicon file name must give a macro "
       "name"},
      {"lexicon: invalid UTF-8",
       {{"lexicons/verbs.txt", "said\nab\xff\xfe\n"}},
       "mem/lexicons/verbs.txt:2:3: invalid UTF-8"},
      {"pack.yaml: unknown key",
       {{"pack.yaml", "name: t\nauthor: me\n"}},
       "mem/pack.yaml:2:1: unknown key 'author' in pack.yaml"},
      {"pack.yaml: no name",
       {{"pack.yaml", "version: 1\n"}},
       "mem/pack.yaml:1:1: missing required key 'name'"},
      {"pack.yaml: unmet requires",
       {{"pack.yaml", "name: t\nrequires: [base]\n"}},
       "mem/pack.yaml:2:12: requires pack 'base', which is not loaded"},
      {"unknown top-level YAML file",
       {{"macro.yaml", "A: 'a'\n"}},
       "mem/macro.yaml:1:1: unknown pack file"},
      {"rule in a subfolder",
       {{"rules/sub/r.yaml", RuleYaml("r", kSaidPattern)}},
       "mem/rules/sub/r.yaml:1:1: expected rules/ID.yaml"},
      {"rule with the wrong extension",
       {{"rules/r.yml", RuleYaml("r", kSaidPattern)}},
       "mem/rules/r.yml:1:1: expected rules/ID.yaml"},
  };
  for (const ErrorCase& c : cases) {
    EXPECT_THAT(LoadError({Pack(c.files)}), StartsWith(c.expected_prefix))
        << c.name;
  }
}

TEST(RuleSetTest, ErrorsInALaterPackNameThatPack) {
  PackSource user = Pack({{"rules/r.yaml", RuleYaml("r", "pattern: '%{X}'")}},
                         "/home/me/rules");
  EXPECT_THAT(LoadError({Pack({}), user}),
              StartsWith("/home/me/rules/rules/r.yaml:4:10: rule r: "
                         "unknown macro %{X}"));
}

TEST(RuleSetTest, PackWithoutManifest) {
  EXPECT_THAT(LoadError({PackSource{"mem", {{"macros.yaml", "A: 'a'\n"}}}}),
              StartsWith("mem: no pack.yaml"));
}

TEST(RuleSetTest, IgnoresFilesOutsideThePackLayout) {
  EXPECT_EQ(LoadError({Pack({{"README.md", "# notes\n"},
                             {"tests/x.yaml", "not: [a pack file\n"}})}),
            "OK");
}

// A scratch folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rule_set_test.XXXXXX")
            .string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

  void Write(const std::string& relative, const std::string& content) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }

 private:
  std::filesystem::path path_;
};

TEST(ReadPackDirTest, ReadsThePackFilesOfAFolder) {
  TempDir dir;
  dir.Write("pack.yaml", "name: mine\n");
  dir.Write("macros.yaml", "WHO: 'Wang'\n");
  dir.Write("lexicons/verbs.txt", "said\n");
  dir.Write("rules/r.yaml", RuleYaml("r", "pattern: '%{WHO:speaker}'"));
  dir.Write("rules/.r.yaml.swp", "editor state");
  dir.Write("rules/r.yaml~", "backup");
  dir.Write("README.md", "notes");
  StatusOr<PackSource> pack = ReadPackDir(dir.path().string() + "/");
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_EQ(pack->origin, dir.path().string());
  std::vector<std::string> paths;
  for (const PackFile& file : pack->files) paths.push_back(file.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"lexicons/verbs.txt", "macros.yaml",
                                      "pack.yaml", "rules/r.yaml"}));
  EXPECT_EQ(pack->files[1].content, "WHO: 'Wang'\n");
  auto set = MustLoad({*pack});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->rules()[0].source, dir.path().string() + "/rules/r.yaml");
}

TEST(ReadPackDirTest, MisplacedFilesReachTheLoader) {
  TempDir dir;
  dir.Write("pack.yaml", "name: mine\n");
  dir.Write("rules/more/r.yaml", RuleYaml("r", kSaidPattern));
  StatusOr<PackSource> pack = ReadPackDir(dir.path().string());
  ASSERT_TRUE(pack.ok()) << pack.status().message();
  EXPECT_THAT(LoadError({*pack}),
              StartsWith(dir.path().string() +
                         "/rules/more/r.yaml:1:1: expected rules/ID.yaml"));
}

TEST(ReadPackDirTest, RefusesFoldersThatAreNotPacks) {
  TempDir dir;
  EXPECT_THAT(ReadPackDir(dir.path().string()).status().message(),
              StartsWith(dir.path().string() + ": no pack.yaml"));
  const std::string missing = (dir.path() / "missing").string();
  EXPECT_THAT(ReadPackDir(missing).status().message(),
              StartsWith(missing + ": not a folder"));
  dir.Write("file", "x");
  EXPECT_THAT(ReadPackDir((dir.path() / "file").string()).status().message(),
              HasSubstr("not a folder"));
}

}  // namespace
}  // namespace whosaid
