-- wrk script for serve_load.sh: every request POSTs the JSON document in
-- the file $WHOSAID_BODY to the URL given to wrk (/v1/extract).
local file = assert(io.open(os.getenv("WHOSAID_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

-- One machine-readable line after wrk's own report.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f " ..
    "p99_ms=%.2f max_ms=%.2f connect_err=%d read_err=%d write_err=%d " ..
    "timeouts=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
