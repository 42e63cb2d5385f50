#!/usr/bin/env bash
# Time from `serve` on an empty data directory to the first page served, the time until the
# demo corpus has loaded, and the heap used then; then the wall time of three one-shot commands.
#
#   mvn -q -DskipTests package && bench/first-page.sh [RUNS]
#
# LAUNCH=cds (the default) starts the README's way: the unpacked jar in target/app/ with its
# class-data-sharing archive. LAUNCH=jar starts the single repackaged jar, target/paperboy.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
case "${LAUNCH:-cds}" in
  cds) java=(java -XX:SharedArchiveFile=target/app/paperboy.jsa -jar target/app/paperboy.jar) ;;
  jar) java=(java -jar target/paperboy.jar) ;;
  *) echo "LAUNCH is cds or jar" >&2; exit 2 ;;
esac
[ -f target/paperboy.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
now_ms() { date +%s%3N; }
timed() { local start; start=$(now_ms); "$@" >/dev/null 2>&1; echo $(( $(now_ms) - start )); }

for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(now_ms)
  "${java[@]}" serve --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
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
  # One-shot commands, with no server running.
  version=$(timed "${java[@]}" --version)
  config=$(timed "${java[@]}" config)
  user=$(timed "${java[@]}" user add --data-dir "$data" "bench$run@example.org")
  echo "run $run: --version ${version} ms, config ${config} ms, user add ${user} ms"
  rm -rf "$data"
done
