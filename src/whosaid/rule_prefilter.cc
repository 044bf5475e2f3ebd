#include "whosaid/rule_prefilter.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <thread>

namespace whosaid {
namespace {

// Strings shorter than this are too common to filter by.
constexpr int kMinAtomLength = 3;

// FilteredRE2 lower-cases its strings; the text must be lower-cased the
// same way. ASCII is enough: the cue lexicons and the placeholder are
// ASCII-cased, and other bytes are left as they are.
std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Runs `work(0)` … `work(count - 1)`, each on a thread of its own but the
// first, which runs on the caller's.
void RunEach(int count, const std::function<void(int)>& work) {
  std::vector<std::thread> threads;
  for (int i = 1; i < count; ++i) threads.emplace_back(work, i);
  if (count > 0) work(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace

struct RulePrefilter::Shard {
  re2::FilteredRE2 filter{kMinAtomLength};
  std::vector<std::string> atoms;  // filled by Compile()
  std::vector<int> ids;            // the id of each of the filter's patterns
};

RulePrefilter::RulePrefilter() = default;
RulePrefilter::~RulePrefilter() = default;

RulePrefilter::Shard& RulePrefilter::NewShard() {
  shards_.push_back(std::make_unique<Shard>());
  return *shards_.back();
}

int RulePrefilter::Add(const std::string& pattern,
                       const RE2::Options& options) {
  if (sequential_shard_ < 0) {
    sequential_shard_ = static_cast<int>(shards_.size());
    NewShard();
  }
  int local = -1;
  if (shards_[sequential_shard_]->filter.Add(pattern, options, &local) !=
      RE2::NoError) {
    return -1;
  }
  return NewId({sequential_shard_, local});
}

int RulePrefilter::NewId(const Place& place) {
  const int id = static_cast<int>(places_.size());
  places_.push_back(place);
  std::vector<int>& shard_ids = shards_[place.shard]->ids;
  if (shard_ids.size() <= static_cast<std::size_t>(place.local)) {
    shard_ids.resize(place.local + 1, -1);
  }
  shard_ids[place.local] = id;
  return id;
}

std::vector<int> RulePrefilter::AddAll(
    const std::vector<std::pair<std::string, RE2::Options>>& patterns,
    int threads) {
  const int count =
      std::clamp(threads, 1, std::max(1, static_cast<int>(patterns.size())));
  const int first_shard = static_cast<int>(shards_.size());
  for (int k = 0; k < count; ++k) NewShard();
  // Pattern i goes to shard i % count; its id there, or -1.
  std::vector<int> local(patterns.size(), -1);
  RunEach(count, [&](int k) {
    re2::FilteredRE2& filter = shards_[first_shard + k]->filter;
    for (std::size_t i = k; i < patterns.size(); i += count) {
      int id = -1;
      if (filter.Add(patterns[i].first, patterns[i].second, &id) ==
          RE2::NoError) {
        local[i] = id;
      }
    }
  });
  std::vector<int> ids(patterns.size(), -1);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (local[i] >= 0) {
      ids[i] = NewId({first_shard + static_cast<int>(i % count), local[i]});
    }
  }
  return ids;
}

const RE2& RulePrefilter::Regex(int id) const {
  const Place& place = places_.at(id);
  return shards_[place.shard]->filter.GetRE2(place.local);
}

void RulePrefilter::Compile() {
  compiled_ = true;
  // An empty shard (all of its patterns refused) has nothing to compile.
  RunEach(static_cast<int>(shards_.size()), [&](int s) {
    Shard& shard = *shards_[s];
    if (shard.filter.NumRegexps() > 0) shard.filter.Compile(&shard.atoms);
  });
  std::map<std::string_view, int> index;
  std::vector<std::string_view> atoms;
  for (int s = 0; s < static_cast<int>(shards_.size()); ++s) {
    const std::vector<std::string>& shard_atoms = shards_[s]->atoms;
    for (int a = 0; a < static_cast<int>(shard_atoms.size()); ++a) {
      auto [it, added] =
          index.emplace(shard_atoms[a], static_cast<int>(atoms.size()));
      if (added) {
        atoms.push_back(shard_atoms[a]);
        atom_places_.emplace_back();
      }
      atom_places_[it->second].push_back({s, a});
    }
  }
  if (atoms.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  atoms_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::string_view atom : atoms) {
    // Atoms are added in order, so the Set's index is the atom's index.
    atoms_->Add(RE2::QuoteMeta(atom), nullptr);
  }
  if (!atoms_->Compile()) atoms_.reset();
}

void RulePrefilter::Candidates(std::string_view text,
                               std::vector<int>* ids) const {
  ids->clear();
  if (places_.empty()) return;
  if (!compiled_ || atoms_ == nullptr) {
    // Nothing to filter by: every pattern is a candidate.
    ids->resize(places_.size());
    std::iota(ids->begin(), ids->end(), 0);
    return;
  }
  std::vector<int> found;
  atoms_->Match(LowerAscii(text), &found);
  // Each shard learns which of its own strings are there.
  std::vector<std::vector<int>> shard_found(shards_.size());
  for (int atom : found) {
    for (const Place& place : atom_places_[atom]) {
      shard_found[place.shard].push_back(place.local);
    }
  }
  std::vector<int> local_ids;
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    const Shard& shard = *shards_[s];
    if (shard.filter.NumRegexps() == 0) continue;
    shard.filter.AllPotentials(shard_found[s], &local_ids);
    for (int local : local_ids) ids->push_back(shard.ids[local]);
  }
}

}  // namespace whosaid
