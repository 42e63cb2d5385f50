#!/usr/bin/env bash
# Builds a store of the 100k corpus plus the demo, then measures: reindex time, in-process search
# latency (JMH SampleTime), and requests/s with latency percentiles over HTTP (wrk, 64
# connections) for the daily page, the trending API and search.
#
#   mvn -q -DskipTests package && bench/search.sh [CORPUS] [SECONDS]
#
# Needs wrk (apt-get install wrk). Writes its store under target/bench-data; REUSE=1 keeps a store
# built by an earlier run (it is still reindexed).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz}
seconds=${2:-20}
jar=target/paperboy.jar
data=target/bench-data
port=${PORT:-18090}
if [ "${REUSE:-0}" != 1 ] || [ ! -d "$data" ]; then
  rm -rf "$data"
  # The demo (seed day + 10k) first, then the 100k corpus into the same store.
  java -jar "$jar" serve --port "$port" --data-dir "$data" > "$data.serve.log" 2>&1 &
  pid=$!
  until grep -q "Demo: corpus loaded" "$data.serve.log" 2>/dev/null; do sleep 0.5; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  java -jar "$jar" import --no-progress --data-dir "$data" "$corpus"
fi
java -jar "$jar" reindex --no-progress --data-dir "$data"

# SearchBenchmark opens target/bench-data/index, the index just built.
mvn -q -Pbench test-compile exec:exec -Dbench=SearchBenchmark \
  | grep -E "^Benchmark|search:p0.50|search:p0.99 " || true

java -Xmx512m -jar "$jar" serve --port "$port" --data-dir "$data" > "$data.serve.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/papers/date/2025-03-12"; do sleep 0.5; done
for path in "/papers/date/2025-03-12" "/api/daily_papers?date=2025-03-12&sort=trending" "/api/papers/search?q=neural+networks" "/search?q=dark+matter"; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path"  # warm
  wrk -t2 -c64 -d5s "http://127.0.0.1:$port$path" > /dev/null
  echo "== $path"
  wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|Socket errors"
done
echo "heap: $(jcmd "$pid" GC.heap_info | grep -E 'garbage-first heap' | sed 's/^ *//')"
kill "$pid"; wait "$pid" 2>/dev/null || true
