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

local position
request = function()
  position = ((position or offset or 0) % #paths) + 1
  return wrk.format("GET", paths[position])
end
