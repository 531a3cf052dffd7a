-- Drives wrk through a list of requests, one per line: "path" or "path<TAB>Header<TAB>value…".
-- Usage: wrk … http://127.0.0.1:PORT -s bench/wrk/rotate.lua -- paths.txt
-- Prints one line "WRKJSON {…}" with throughput, latency percentiles (µs), errors and status counts.

local requests_list = {}
local position = 0
local threads = {}
-- Globals, not locals: done() reads them from each thread with thread:get().
ok, not_modified, other = 0, 0, 0

local function split(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
  return fields
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line > 0 then
      local fields = split(line)
      local headers = {}
      local i = 2
      while fields[i] and fields[i + 1] do
        headers[fields[i]] = fields[i + 1]
        i = i + 2
      end
      table.insert(requests_list, wrk.format("GET", fields[1], headers))
    end
  end
  file:close()
  -- Threads start at different places so they do not ask for the same page in step.
  position = math.random(#requests_list) - 1
end

function request()
  position = position % #requests_list + 1
  return requests_list[position]
end

function response(status, headers, body)
  if status == 304 then
    not_modified = not_modified + 1
  elseif status >= 200 and status < 300 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s2xx, s304, sother = 0, 0, 0
  for _, thread in ipairs(threads) do
    s2xx = s2xx + (thread:get("ok") or 0)
    s304 = s304 + (thread:get("not_modified") or 0)
    sother = sother + (thread:get("other") or 0)
  end
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "status_errors": %d, "timeouts": %d, "p50_us": %d, "p90_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "mean_us": %.1f, "max_us": %d, "status_2xx": %d, "status_304": %d, "status_other": %d}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max, s2xx, s304, sother))
end
