// Table-driven checks of the attributions the built-in English pack finds:
// an `Expected` per attribution, a `Case` per text, and
// `ExpectAttributions`, which extracts each text, checks the result is
// well formed and compares every attribution field by field. Shared by
// extractor_test.cc and reported_speech_test.cc.
#ifndef WHOSAID_TESTS_EXPECTED_ATTRIBUTIONS_H_
#define WHOSAID_TESTS_EXPECTED_ATTRIBUTIONS_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/extractor.h"
#include "whosaid/rule_set.h"

namespace whosaid {
namespace testing_support {

// One Extractor with the built-in English pack, built on first use.
inline const Extractor& English() {
  static const Extractor* extractor = [] {
    StatusOr<std::shared_ptr<const RuleSet>> rules =
        RuleSet::Load({BuiltinEnglishPack()});
    if (!rules.ok()) {
      std::fprintf(stderr, "%s\n", rules.status().message().c_str());
      std::abort();
    }
    return new Extractor(*rules);
  }();
  return *extractor;
}

inline DocumentResult Extract(std::string text) {
  return English().Extract(Document{"doc", std::move(text)});
}

// A field whose value the test does not check.
inline constexpr char kAny[] = "*";

// What one attribution should be. Strings are the texts of the spans ("-"
// for a null span); content lists the parts of a split quote joined by
// " | "; via joins the relays with ", "; negated is "true" or "false".
struct Expected {
  std::string type;
  std::string content;
  std::string speaker;
  std::string name;
  std::string cue;
  std::string stance = "assert";
  std::string negated = "false";
  std::string resolution = "explicit";
  std::string via = "";
  std::string role = "";
  std::string org = "";
  std::string kind = "person";

  Expected& Stance(std::string v) { return Set(&Expected::stance, v); }
  Expected& Negated() { return Set(&Expected::negated, "true"); }
  Expected& Resolution(std::string v) { return Set(&Expected::resolution, v); }
  Expected& Via(std::string v) { return Set(&Expected::via, v); }
  Expected& Role(std::string v) { return Set(&Expected::role, v); }
  Expected& Org(std::string v) { return Set(&Expected::org, v); }
  Expected& Kind(std::string v) { return Set(&Expected::kind, v); }

 private:
  Expected& Set(std::string Expected::*field, std::string v) {
    this->*field = std::move(v);
    return *this;
  }
};

// An expected attribution of any type; further fields are set with
// Stance(), Via(), ... Negation is left unchecked (kAny), as the tables
// that use E() do not state it; Negated() checks it.
inline Expected E(std::string type, std::string content, std::string speaker,
                  std::string name, std::string cue) {
  Expected e;
  e.type = std::move(type);
  e.content = std::move(content);
  e.speaker = std::move(speaker);
  e.name = std::move(name);
  e.cue = std::move(cue);
  e.negated = kAny;
  return e;
}

// Indirect speech, not negated unless Negated() says so.
inline Expected I(std::string content, std::string speaker, std::string name,
                  std::string cue) {
  Expected e;
  e.type = "indirect";
  e.content = std::move(content);
  e.speaker = std::move(speaker);
  e.name = std::move(name);
  e.cue = std::move(cue);
  return e;
}

// A direct quote: content is the text inside the marks.
inline Expected D(std::string content, std::string speaker, std::string name,
                  std::string cue) {
  Expected e = I(std::move(content), std::move(speaker), std::move(name),
                 std::move(cue));
  e.type = "direct";
  return e;
}

inline std::string SpanText(std::string_view text,
                            const std::optional<Span>& s) {
  return s ? std::string(s->In(text)) : "-";
}

inline std::string Join(const std::vector<std::string>& items,
                        std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

// One line per attribution, with the fields of `Expected`, so that a
// failure shows every difference at once.
inline std::string Line(const Expected& e) {
  return e.type + " {" + e.content + "} speaker=" + e.speaker +
         " name=" + e.name + " cue=" + e.cue + " stance=" + e.stance +
         " negated=" + e.negated + " res=" + e.resolution + " via=[" + e.via +
         "] role=" + e.role + " org=" + e.org + " kind=" + e.kind;
}

// The line of `a`, with the fields that `shape` leaves open (kAny) shown as
// kAny, so that they are not compared.
inline std::string Line(std::string_view text, const Attribution& a,
                        const Expected& shape) {
  std::vector<std::string> parts;
  for (const Span& p : a.content_parts) parts.emplace_back(p.In(text));
  Expected got{
      .type = std::string(QuoteTypeName(a.type)),
      .content =
          parts.empty() ? std::string(a.content.In(text)) : Join(parts, " | "),
      .speaker = SpanText(text, a.speaker),
      .name = a.speaker_name,
      .cue = SpanText(text, a.cue),
      .stance = a.stance,
      .negated = a.negated ? "true" : "false",
      .resolution = a.resolution,
      .via = Join(a.via, ", "),
      .role = a.speaker_role,
      .org = a.speaker_org,
      .kind = a.speaker_kind,
  };
  for (auto field :
       {&Expected::speaker, &Expected::name, &Expected::cue, &Expected::stance,
        &Expected::negated, &Expected::resolution, &Expected::via,
        &Expected::role, &Expected::org, &Expected::kind}) {
    if (shape.*field == kAny) got.*field = kAny;
  }
  return Line(got);
}

// Invariants of every result: quotes in text order, spans inside the text,
// parts inside the envelope, and entity indices that name an entity with
// the speaker's name and the mention used.
inline void ExpectWellFormed(const DocumentResult& r) {
  const std::size_t n = r.text.size();
  for (std::size_t i = 0; i < r.quotes.size(); ++i) {
    const Attribution& a = r.quotes[i];
    SCOPED_TRACE("attribution " + std::to_string(i));
    if (i > 0) EXPECT_LE(r.quotes[i - 1].content.begin, a.content.begin);
    EXPECT_LE(a.content.end, n);
    for (const std::optional<Span>& s : {a.speaker, a.cue}) {
      if (s) EXPECT_LE(s->end, n);
    }
    for (const Span& p : a.content_parts) EXPECT_TRUE(a.content.Contains(p));
    if (a.entity < 0) continue;
    ASSERT_LT(a.entity, static_cast<int>(r.entities.size()));
    const Entity& e = r.entities[a.entity];
    EXPECT_EQ(e.name, a.speaker_name);
    if (a.speaker) EXPECT_THAT(e.mentions, ::testing::Contains(*a.speaker));
  }
}

// A text and every attribution it should give, in text order.
struct Case {
  std::string text;
  std::vector<Expected> expected;
};

inline void ExpectAttributions(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const DocumentResult r = Extract(c.text);
    ExpectWellFormed(r);
    std::vector<std::string> got, want;
    for (std::size_t i = 0; i < r.quotes.size(); ++i) {
      const Expected& shape =
          i < c.expected.size() ? c.expected[i] : Expected{};
      got.push_back(Line(r.text, r.quotes[i], shape));
    }
    for (const Expected& e : c.expected) want.push_back(Line(e));
    EXPECT_THAT(got, ::testing::ElementsAreArray(want));
    EXPECT_THAT(r.warnings, ::testing::IsEmpty());
  }
}

}  // namespace testing_support
}  // namespace whosaid

#endif  // WHOSAID_TESTS_EXPECTED_ATTRIBUTIONS_H_
