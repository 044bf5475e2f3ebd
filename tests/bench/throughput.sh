#!/usr/bin/env bash
# Throughput of whosaid against baselines measured in the same run on the
# same bytes (see docs/performance.md and ../shared/bench/README.md).
#
#   tests/bench/throughput.sh [--size MB] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default: build/ of the repository) must hold
# whosaid and tests/bench/whosaid_re2_scan, from a build with
# -DWHOSAID_BUILD_BENCHMARKS=ON (the default for a top-level build).
#
# Makes a JSON Lines sample of at least MB megabytes (10^6 bytes; default
# 100) by repeating ../shared/bench/bbc-news.jsonl (relative to the
# repository root), cut at the first line end past that size, in a
# temporary file removed on exit. Then times, on that sample:
#   - whosaid extract -q --input jsonl --no-text -j 1, and -j 2 (output to
#     /dev/null; wall time, rule loading included; peak RSS when
#     /usr/bin/time is there);
#   - whosaid_re2_scan: a bare RE2 scan for 20 reporting verbs (scan only);
#   - compromise's doc.quotations() (spans only), when node is installed and
#     tests/bench/compromise/node_modules exists (run `npm install` in that
#     folder once).
# and prints MB/s for each and the ratios whosaid/RE2 and 2 threads/1 thread.
#
# whosaid runs at about 5 MB/s a thread today and compromise at about
# 0.15 MB/s, so 100 MB takes about half a minute for whosaid and eleven
# minutes for compromise; use e.g. --size 20 for a quicker look.
set -eu

usage() {
  echo "usage: $0 [--size MB] [BUILD_DIR]" >&2
  exit 2
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size_mb=100
build="$root/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --size)
      [ $# -ge 2 ] || usage
      size_mb="$2"
      shift 2
      ;;
    --size=*)
      size_mb="${1#--size=}"
      shift
      ;;
    -h | --help) usage ;;
    -*) usage ;;
    *)
      build="$1"
      shift
      ;;
  esac
done
if ! [[ "$size_mb" =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
  awk -v s="$size_mb" 'BEGIN { exit !(s <= 0) }'; then
  echo "$0: --size wants a positive number of megabytes, not '$size_mb'" >&2
  exit 2
fi

corpus="$(dirname "$root")/shared/bench/bbc-news.jsonl"
whosaid="$build/whosaid"
re2_scan="$build/tests/bench/whosaid_re2_scan"
compromise_dir="$root/tests/bench/compromise"
if [ ! -f "$corpus" ]; then
  echo "$0: the benchmark corpus $corpus is missing" >&2
  exit 1
fi
for binary in "$whosaid" "$re2_scan"; do
  if [ ! -x "$binary" ]; then
    echo "$0: $binary is missing; build first, with" \
      "-DWHOSAID_BUILD_BENCHMARKS=ON" >&2
    exit 1
  fi
done

# The sample: whole copies of the corpus, cut at a line end past the size.
sample="$(mktemp "${TMPDIR:-/tmp}/whosaid-throughput.XXXXXX.jsonl")"
log="$(mktemp "${TMPDIR:-/tmp}/whosaid-throughput.XXXXXX.log")"
trap 'rm -f "$sample" "$log"' EXIT
target=$(awk -v s="$size_mb" 'BEGIN { printf "%.0f", s * 1e6 }')
corpus_bytes=$(wc -c <"$corpus")
copies=$(((target + corpus_bytes - 1) / corpus_bytes))
for ((i = 0; i < copies; ++i)); do
  cat "$corpus"
  # A corpus without a final newline would glue two documents together.
  [ -z "$(tail -c 1 "$corpus")" ] || echo
done | LC_ALL=C awk -v target="$target" \
  '{ print; n += length($0) + 1; if (n >= target) exit }' >"$sample"
bytes=$(wc -c <"$sample")
docs=$(wc -l <"$sample")
echo "sample: $docs documents, $bytes bytes, from $corpus"

mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.3f", b / 1e6 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4g", a / b }'; }
now() { date +%s.%N; }

# Runs whosaid with $1 threads; sets seconds, rate and rss (kB, or "?").
run_whosaid() {
  local start end
  local -a timer=()
  if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v -o "$log"); fi
  : >"$log"
  start=$(now)
  if ! "${timer[@]}" "$whosaid" extract -q --input jsonl --no-text -j "$1" \
    "$sample" >/dev/null; then
    echo "$0: whosaid extract -j $1 failed" >&2
    cat "$log" >&2
    exit 1
  fi
  end=$(now)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  rate=$(mbps "$seconds")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  rss="${rss:-?}"
}

run_whosaid 1
seconds_1=$seconds rate_1=$rate
echo "whosaid -j 1:   $seconds_1 s, $rate_1 MB/s, peak RSS $rss kB"
run_whosaid 2
seconds_2=$seconds rate_2=$rate
echo "whosaid -j 2:   $seconds_2 s, $rate_2 MB/s, peak RSS $rss kB"

"$re2_scan" "$sample" >"$log"
re2_seconds=$(awk -F'\t' '$1 == "seconds" { print $2 }' "$log")
re2_matches=$(awk -F'\t' '$1 == "matches" { print $2 }' "$log")
re2_rate=$(awk -F'\t' '$1 == "MB/s" { print $2 }' "$log")
echo "RE2 verb scan:  $re2_seconds s, $re2_rate MB/s ($re2_matches matches)"

compromise_rate=""
if command -v node >/dev/null && [ -d "$compromise_dir/node_modules" ]; then
  node "$compromise_dir/quotations.js" "$sample" >"$log"
  c_seconds=$(awk -F'\t' '$1 == "seconds" { print $2 }' "$log")
  c_quotes=$(awk -F'\t' '$1 == "quotations" { print $2 }' "$log")
  compromise_rate=$(mbps "$c_seconds")
  echo "compromise:     $c_seconds s, $compromise_rate MB/s" \
    "($c_quotes quotations, spans only)"
else
  echo "compromise:     skipped (needs node and" \
    "tests/bench/compromise/node_modules: run npm install in that folder)"
fi

echo
echo "whosaid -j 1 / RE2 scan:    $(ratio "$rate_1" "$re2_rate")" \
  "(RE2 is $(ratio "$re2_rate" "$rate_1")x faster)"
echo "whosaid -j 2 / RE2 scan:    $(ratio "$rate_2" "$re2_rate")" \
  "(RE2 is $(ratio "$re2_rate" "$rate_2")x faster)"
echo "whosaid -j 2 / -j 1:        $(ratio "$rate_2" "$rate_1")"
if [ -n "$compromise_rate" ]; then
  echo "whosaid -j 1 / compromise:  $(ratio "$rate_1" "$compromise_rate")"
fi
