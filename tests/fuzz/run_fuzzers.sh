#!/bin/sh
# Runs libFuzzer targets for a fixed time each, starting from their seed
# corpora in tests/fuzz/corpus/NAME. New inputs go to a scratch folder, not
# to the repository. Stops at the first finding, whose input libFuzzer
# writes to WORK/NAME-crash-..., -timeout-... or -leak-...; exits non-zero.
#
#   sh tests/fuzz/run_fuzzers.sh SECONDS BUILD_DIR [WORK_DIR] [NAME...]
#
# BUILD_DIR is a build configured with -DWHOSAID_FUZZ=ON (clang); NAME is
# one of segmenter quote_scanner extractor document_reader rule_loader
# (default: all five).
set -eu
seconds=$1
build=$2
work=${3:-$(mktemp -d)}
shift $(($# < 3 ? $# : 3))
names=${*:-segmenter quote_scanner extractor document_reader rule_loader}
here=$(cd "$(dirname "$0")" && pwd)
for name in $names; do
  mkdir -p "$work/$name"
  echo "fuzzing $name for ${seconds}s"
  # -timeout: an input taking over 10 s is a hang. The corpus folders are
  # read; only the first ($work/$name) is written.
  "$build/tests/fuzz/${name}_fuzzer" -max_total_time="$seconds" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$work/$name-" \
    "$work/$name" "$here/corpus/$name" 2>"$work/$name.log" || {
    tail -40 "$work/$name.log"
    echo "fuzzing $name found a problem; see $work/$name.log" >&2
    exit 1
  }
  grep -E '^(stat::number_of_executed_units|Done)' "$work/$name.log" || true
done
