-- Reads across many distinct URLs: cycles through the paths in the file named by WRK_PATHS (one a line), each
-- thread from its own offset so the threads do not ask for the same path at once. Reports like wrk-report.lua.
dofile("bench/lib/wrk-report.lua")

local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end

local threads = 0
setup = function(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

-- Each thread formats its requests once: formatting one per request costs wrk CPU the server under test shares.
local requests, position = {}, 0
init = function()
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path)
  end
  position = (offset or 0) % #requests
end

request = function()
  position = position % #requests + 1
  return requests[position]
end
