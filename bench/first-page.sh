#!/usr/bin/env bash
# Time from `serve` on an empty data directory to the first page served, the time until the
# demo corpus has loaded, and the heap used then.
#
#   mvn -q -DskipTests package && bench/first-page.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=target/paperboy.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
now_ms() { date +%s%3N; }

for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(now_ms)
  java -jar "$jar" serve --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/papers/date/2025-03-12"; do sleep 0.05; done
  first=$(( $(now_ms) - start ))
  until grep -q "Demo: corpus loaded" "$data/serve.log"; do sleep 0.1; done
  loaded=$(( $(now_ms) - start ))
  heap=$(jcmd "$pid" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}' | head -1)
  jcmd "$pid" GC.run >/dev/null
  heap_after_gc=$(jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}' | head -1)
  echo "run $run: first page ${first} ms, demo corpus loaded ${loaded} ms, heap used ${heap} (after a full GC ${heap_after_gc})"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
