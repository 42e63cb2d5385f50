#!/usr/bin/env bash
# Search over HTTP per mode with every query different (two words of a title each, 20,000 of
# them, so that the answer cache never helps): requests/s and latency percentiles under wrk at 16
# and 64 connections. Serves a data directory built by bench/search.sh, with its vectors.
#
#   mvn -q -DskipTests package && bench/search-modes.sh [DATA_DIR] [CORPUS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-target/bench-data}
corpus=${2:-../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz}
seconds=${3:-20}
port=${PORT:-18091}
queries=target/bench-queries.txt
# Two consecutive words of four letters or more from each title (head cuts zcat short, which
# pipefail would count as a failure).
(set +o pipefail
 zcat -f "$corpus" | head -n 40000 | grep -o '"title": *"[^"]*"' | cut -d'"' -f4 \
   | tr 'A-Z' 'a-z' | tr -c 'a-z\n' ' ' \
   | awk '{ for (i = 1; i < NF; i++) if (length($i) > 3 && length($(i+1)) > 3) { print $i "+" $(i+1); break } }' \
   | sort -u | shuf --random-source=<(yes) | head -n 20000 > "$queries")
echo "$(wc -l < "$queries") distinct queries"
java -Xmx512m -jar target/paperboy.jar serve --port "$port" --data-dir "$data" > "$data.modes.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/papers/search?q=warm+up"; do sleep 0.5; done
for mode in lexical semantic hybrid; do
  wrk -t2 -c16 -d5s -s bench/distinct-queries.lua "http://127.0.0.1:$port" -- "$queries" "$mode" > /dev/null
  for connections in 16 64; do
    echo "== $mode, $connections connections"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/distinct-queries.lua \
      "http://127.0.0.1:$port" -- "$queries" "$mode" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
  done
done
