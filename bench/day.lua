-- wrk script for "a newsroom's day" (bench/day.py): requests the paths in
-- $BENCH_PATHS in order (one per line, already shuffled by day.py; each
-- thread starts at its own offset), waits $BENCH_DELAY_MS between requests
-- when set (the crawler's pace), and counts how the page cache answered
-- (X-Page-Cache: hit, stale, miss, other). Prints the summary as one JSON line.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

local position

function init(args)
  position = (id * 7919) % #paths + 1
  hit, stale, miss, other = 0, 0, 0, 0
end

function request()
  local path = paths[position]
  position = position + 1
  if position > #paths then position = 1 end
  return wrk.format("GET", path, {["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/day"})
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function response(status, headers, body)
  local how = headers["X-Page-Cache"]
  if how == "hit" then hit = hit + 1
  elseif how == "stale" then stale = stale + 1
  elseif how == "miss" then miss = miss + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local counts = {hit = 0, stale = 0, miss = 0, other = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do
      counts[name] = counts[name] + (thread:get(name) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "status_errors": %d, "socket_errors": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "hit": %d, "stale": %d, "miss": %d, "other": %d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    counts.hit, counts.stale, counts.miss, counts.other))
end
