-- Counts every response that is not 200 (wrk itself counts only 4xx/5xx as errors, and a 302 to the
-- sign-in page would look like success), and prints the count for the bench to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("NON200 %d\n", total))
end
