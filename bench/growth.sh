#!/usr/bin/env bash
# How cost grows with the corpus. For each snapshot FILE (bench/full-size-corpus.sh writes them),
# on a fresh SQLite store holding the demo and then FILE: import (records/s, wall, peak RSS at
# -Xmx1g), database size, reindex (wall, peak RSS), index size; in-process search over distinct
# two-word queries (bench/src/.../SearchLatency.java); then serve at -Xmx1g: start-up to the
# first page, and under wrk (64 connections, SECONDS each after a warm-up) the daily page, the
# trending API, search with every query different, similar papers and paper pages of distinct
# papers; heap after a full GC and the process's RSS (now and at its peak) at the end.
#
#   mvn -q -DskipTests package && bench/growth.sh FILE...
#
# Stores go to target/growth/NAME (KEEP=1 leaves them; each 2.7M store takes about 9 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/paperboy.jar
port=${PORT:-18095}
seconds=${SECONDS_EACH:-15}
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
now_ms() { date +%s%3N; }
mib() { du -sb "$@" | awk '{s += $1} END {printf "%.0f MiB", s / 1048576}'; }
rss() { awk '/VmRSS|VmHWM/ {printf "%s %.0f MiB  ", $1, $2 / 1024}' "/proc/$1/status"; }
serve() { java -Xmx1g -jar "$jar" serve --port "$port" --data-dir "$1" > "$1.serve.log" 2>&1 & echo $!; }
measure() {  # NAME URL [PATHS_FILE]: with a file, every request is the next path of it
  local name=$1 url=$2 script=()
  [ $# -lt 3 ] || script=(-s bench/distinct-paths.lua "$url" -- "$3")
  [ $# -ge 3 ] || script=("$url")
  wrk -t2 -c64 -d5s "${script[@]}" > /dev/null
  echo "== $name: $(wrk -t2 -c64 -d"${seconds}s" --latency "${script[@]}" \
    | awk '/Requests\/sec/ {r = $2} / 50%/ {p50 = $2} / 99%/ {p99 = $2} /Non-2xx/ {e = $4}
           END {printf "%s req/s, p50 %s, p99 %s, non-2xx %s", r, p50, p99, e + 0}')"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
for file in "$@"; do
  name=$(basename "$file" | sed 's/\.jsonl\.gz$//; s/\.snapshot$//')
  data=target/growth/$name
  rm -rf "$data" "$data".*; mkdir -p "$(dirname "$data")"
  echo "#### $file ($(mib "$file") gzip)"
  pid=$(serve "$data")
  until grep -q "Demo: corpus loaded" "$data.serve.log" 2>/dev/null; do sleep 0.5; done
  kill "$pid"; wait "$pid" 2>/dev/null || true

  /usr/bin/time -f "import: %e s wall, peak RSS %M KiB" java -Xmx1g -jar "$jar" import --no-progress --data-dir "$data" "$file" 2>&1 | tail -2
  echo "database: $(mib "$data"/paperboy.db*)"
  /usr/bin/time -f "reindex: %e s wall, peak RSS %M KiB" java -Xmx1g -jar "$jar" reindex --no-progress --data-dir "$data" 2>&1 | tail -2
  echo "index: $(mib "$data/index")"

  # Distinct queries: two consecutive title words of four letters or more, from titles spread
  # over the whole file; distinct papers: every 50th id of the file.
  (set +o pipefail
   zcat "$file" | awk 'NR % 20 == 0' | grep -o '"title": *"[^"]*"' | cut -d'"' -f4 \
     | tr 'A-Z' 'a-z' | tr -c 'a-z\n' ' ' \
     | awk '{ for (i = 1; i < NF; i++) if (length($i) > 3 && length($(i+1)) > 3) { print $i "+" $(i+1); break } }' \
     | sort -u | shuf --random-source=<(yes) | head -n 20000 > "$data.queries"
   zcat "$file" | awk 'NR % 50 == 0' | grep -o '"id": *"[^"]*"' | cut -d'"' -f4 | head -n 20000 > "$data.ids")
  mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.SearchLatency \
    -Dbench.heap=1g -Dbench="$data/index" -Dbench.methods="$data.queries" | grep "in-process"
  sed 's|^|/api/papers/search?mode=lexical\&limit=20\&q=|' "$data.queries" > "$data.search-paths"
  # The similar-papers API takes new-style ids only (an old-style id has a slash).
  grep -v / "$data.ids" | sed 's|^\(.*\)$|/api/papers/\1/similar|' > "$data.similar-paths"
  sed 's|^\(.*\)$|/papers/\1|' "$data.ids" > "$data.paper-paths"

  start=$(now_ms)
  pid=$(serve "$data")
  until curl -fs -o /dev/null "http://127.0.0.1:$port/papers/date/2025-03-12"; do sleep 0.05; done
  echo "first page: $(( $(now_ms) - start )) ms after start"
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP; do sleep 0.5; done
  measure "daily page" "http://127.0.0.1:$port/papers/date/2025-03-12"
  measure "trending API" "http://127.0.0.1:$port/api/daily_papers?date=2025-03-12&sort=trending"
  measure "search, every query different" "http://127.0.0.1:$port" "$data.search-paths"
  measure "similar papers, every paper different" "http://127.0.0.1:$port" "$data.similar-paths"
  measure "paper page, every paper different" "http://127.0.0.1:$port" "$data.paper-paths"
  echo "process: $(rss "$pid")"
  jcmd "$pid" GC.run > /dev/null
  echo "heap after a full GC: $(jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i+1)}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$data"
done
