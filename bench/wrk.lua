-- wrk script for `make bench`: rotates through the paths in $BENCH_PATHS
-- (one per line; each wrk thread takes its own slice, so with enough paths
-- no URL is requested twice), with method $BENCH_METHOD (GET or POST).
-- With $BENCH_NEW_READER=1 every request has its own User-Agent, so each
-- beacon counts as a new reader. Prints the summary as one JSON line.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local method = os.getenv("BENCH_METHOD") or "GET"
local new_reader = os.getenv("BENCH_NEW_READER") == "1"
local step = tonumber(os.getenv("BENCH_THREADS") or "1")
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

local position, sent

function init(args)
  position = (id % #paths) + 1
  sent = 0
end

function request()
  local path = paths[position]
  position = position + step
  if position > #paths then position = (id % #paths) + 1 end
  sent = sent + 1
  local headers = {}
  if new_reader then
    headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/" .. id .. "." .. sent
  else
    headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/1"
  end
  return wrk.format(method, path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "status_errors": %d, ' ..
    '"socket_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
