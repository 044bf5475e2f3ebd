// Which rules can match a text, found cheaply before any rule runs: RE2's
// FilteredRE2 reduces each pattern to the literal strings it needs (a
// placeholder, one of the reporting verbs, ...), and one RE2::Set pass over
// the lower-cased text finds which of those strings are there.
//
// Compiling the patterns is most of the time a rule set takes to load, so
// AddAll compiles them on several threads, each into a FilteredRE2 of its
// own (a shard); one RE2::Set finds the strings of every shard at once.
#ifndef WHOSAID_RULE_PREFILTER_H_
#define WHOSAID_RULE_PREFILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whosaid {

class RulePrefilter {
 public:
  RulePrefilter();
  ~RulePrefilter();

  // Compiles `pattern` and adds it; returns its id (0, 1, ... in order of
  // adding), or -1 when RE2 cannot compile it (the caller reports why).
  // Only before Compile().
  int Add(const std::string& pattern, const RE2::Options& options);

  // Add for each pattern, with its options, in order, compiled on up to
  // `threads` threads: the same ids as adding them one by one.
  std::vector<int> AddAll(
      const std::vector<std::pair<std::string, RE2::Options>>& patterns,
      int threads);

  // The compiled pattern `id`; it lives as long as the prefilter.
  const RE2& Regex(int id) const;

  // Prepares the filter once every pattern is added.
  void Compile();

  // Ids of the patterns that may match `text`, in no particular order:
  // every pattern that does is among them. Thread-safe after Compile().
  void Candidates(std::string_view text, std::vector<int>* ids) const;

 private:
  struct Shard;
  // Where pattern `id` is: its shard, and its id in the shard's filter.
  struct Place {
    int shard, local;
  };
  Shard& NewShard();
  // Gives the pattern at `place` the next id.
  int NewId(const Place& place);

  std::vector<std::unique_ptr<Shard>> shards_;
  std::vector<Place> places_;  // by id
  int sequential_shard_ = -1;  // the shard Add() adds to, once it has
  // The strings of every shard; null when no pattern needs a string.
  std::unique_ptr<RE2::Set> atoms_;
  // For each string of `atoms_`, the shards that need it and its index
  // among each one's strings.
  std::vector<std::vector<Place>> atom_places_;
  bool compiled_ = false;
};

}  // namespace whosaid

#endif  // WHOSAID_RULE_PREFILTER_H_
