#!/usr/bin/env bash
# A bounded load run of `whosaid serve` on loopback (see
# docs/performance.md):
#
#   tests/bench/serve_load.sh [--duration S] [--connections N]
#                             [--threads N] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default: build/ of the repository) must hold
# whosaid. Starts `whosaid serve --port 0` on 127.0.0.1 (a free port), then
#   1. runs wrk (Debian's wrk; 2 threads, N connections, default 64, for S
#      seconds, default 30) POSTing a 5 KB article to /v1/extract: the
#      example article (docs/example-article.txt) five times over, about
#      5,100 bytes, as one JSON document;
#   2. sends a 20 MB body to /v1/extract and checks the answer is 413;
#   3. checks /healthz still answers 200 and one more extract gives the
#      same result as before the load;
# and stops the server. Prints wrk's report and a RESULT line (requests/s,
# latency percentiles, errors). Exits non-zero when a check fails. Only
# loopback is ever contacted, and wrk stops by itself after S seconds.
set -eu

usage() {
  echo "usage: $0 [--duration S] [--connections N] [--threads N] [BUILD_DIR]" >&2
  exit 2
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration=30
connections=64
threads=0
build="$root/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) [ $# -ge 2 ] || usage; duration="$2"; shift 2 ;;
    --connections) [ $# -ge 2 ] || usage; connections="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || usage; threads="$2"; shift 2 ;;
    -*) usage ;;
    *) build="$1"; shift ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found: apt-get install curl" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The 5 KB article, as one JSON document.
article="$work/article.txt"
for _ in 1 2 3 4 5; do cat "$root/docs/example-article.txt"; echo; done > "$article"
body="$work/body.json"
# JSON-escaped with sed and awk (backslashes, quotes, line ends; the
# article has no other control characters).
{
  printf '{"id":"load","text":"'
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$article" | awk '{printf "%s\\n", $0}'
  printf '"}'
} > "$body"
echo "article: $(wc -c < "$article") bytes; request body: $(wc -c < "$body") bytes"

thread_flag=()
[ "$threads" -gt 0 ] && thread_flag=(--threads "$threads")
"$build/whosaid" serve --host 127.0.0.1 --port 0 "${thread_flag[@]}" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$work/server.err" && break
  sleep 0.1
done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.err" | head -1)"
[ -n "$url" ] || { cat "$work/server.err" >&2; exit 1; }
echo "server: $url (pid $server_pid)"

before="$(curl -s -X POST --data-binary @"$body" -H 'Content-Type: application/json' "$url/v1/extract")"
echo "attributions in the article: $(printf '%s' "$before" | grep -o '"rule":' | wc -l)"

echo "== wrk: $connections connections, ${duration}s"
wrk_threads=2
[ "$connections" -lt 2 ] && wrk_threads=1
WHOSAID_BODY="$body" wrk -t "$wrk_threads" -c "$connections" -d "${duration}s" --timeout 10s --latency \
  -s "$root/tests/bench/serve_post.lua" "$url/v1/extract"

echo "== 20 MB body"
head -c 20000000 /dev/zero | tr '\0' 'a' > "$work/huge"
status="$(curl -s -o "$work/huge.out" -w '%{http_code}' -X POST --data-binary @"$work/huge" \
  -H 'Content-Type: application/json' "$url/v1/extract")"
echo "status $status: $(cat "$work/huge.out")"
[ "$status" = 413 ] || { echo "FAIL: expected 413" >&2; exit 1; }

echo "== still serving"
health="$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")"
after="$(curl -s -X POST --data-binary @"$body" -H 'Content-Type: application/json' "$url/v1/extract")"
echo "healthz $health; same extract result as before the load: $([ "$after" = "$before" ] && echo yes || echo NO)"
[ "$health" = 200 ] && [ "$after" = "$before" ]
