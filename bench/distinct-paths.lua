-- wrk script: every request a different path, from a file of paths (one per line), so that no
-- answer comes from a cache.
--   wrk -s bench/distinct-paths.lua http://127.0.0.1:PORT -- PATHS_FILE
local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- Each wrk thread starts at its own place in the list.
  next_path = math.random(#paths)
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
