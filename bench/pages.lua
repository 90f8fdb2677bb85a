-- wrk script of bench/pages.sh: prints the request count, the errors (socket errors, timeouts and
-- HTTP status > 399) and the latency percentiles in ms, one "key value" line each.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d\nerrors %d\np50 %.2f\np95 %.2f\np99 %.2f\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
