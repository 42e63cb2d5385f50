-- wrk script: every request a different search, from a file of queries (one per line, already
-- URL-encoded), so that no answer comes from a cache.
--   wrk -s bench/distinct-queries.lua http://127.0.0.1:PORT -- QUERIES_FILE MODE
local queries = {}
local mode = "hybrid"
local next_query = 1

function init(args)
  for line in io.lines(args[1]) do
    queries[#queries + 1] = line
  end
  mode = args[2] or mode
  -- Each wrk thread starts at its own place in the list.
  next_query = math.random(#queries)
end

function request()
  local q = queries[next_query]
  next_query = next_query % #queries + 1
  return wrk.format("GET", "/api/papers/search?mode=" .. mode .. "&limit=20&q=" .. q)
end
