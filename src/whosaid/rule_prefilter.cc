#include "whosaid/rule_prefilter.h"

#include <numeric>

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

}  // namespace

RulePrefilter::RulePrefilter() : filter_(kMinAtomLength) {}
RulePrefilter::~RulePrefilter() = default;

int RulePrefilter::Add(const std::string& pattern,
                       const RE2::Options& options) {
  int id = -1;
  if (filter_.Add(pattern, options, &id) != RE2::NoError) return -1;
  return id;
}

void RulePrefilter::Compile() {
  compiled_ = true;
  if (filter_.NumRegexps() == 0) return;
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  if (atoms.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  atoms_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    // Atoms are added in order, so the Set's index is the atom's index.
    atoms_->Add(RE2::QuoteMeta(atom), nullptr);
  }
  if (!atoms_->Compile()) atoms_.reset();
}

void RulePrefilter::Candidates(std::string_view text,
                               std::vector<int>* ids) const {
  ids->clear();
  if (filter_.NumRegexps() == 0) return;
  if (!compiled_ || atoms_ == nullptr) {
    // Nothing to filter by: every pattern is a candidate.
    ids->resize(filter_.NumRegexps());
    std::iota(ids->begin(), ids->end(), 0);
    return;
  }
  std::vector<int> found;
  atoms_->Match(LowerAscii(text), &found);
  filter_.AllPotentials(found, ids);
}

}  // namespace whosaid
