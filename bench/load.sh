#!/usr/bin/env bash
# Mixed load (reads and writes) over HTTP on a store of the 100k corpus with 10,000 members, one
# million upvotes and 20,000 comments (LoadStore): SQLite on one node, PostgreSQL on one node and
# on two nodes (connections spread round-robin, as a load balancer would). Each run: a warm-up,
# then the measured time, with bench/load/MixedLoad.java as the client on the same machine.
#
#   mvn -q -DskipTests package && bench/load.sh [SECONDS] [CONNECTIONS] [CORPUS]
#
# Builds the stores once, under target/load-sqlite and in the PostgreSQL database paperboy_load
# (REBUILD=1 starts again); the runs leave their votes and comments behind, which only adds to
# the million. Each node: -Xmx512m, pool of 16 connections.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-64}
corpus=${3:-../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz}
warmup=${WARMUP:-20}
jar=target/paperboy.jar
pg_url="jdbc:postgresql://127.0.0.1:5432/paperboy_load"
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }

# A load test would trip the abuse limits by design: lift them for these runs only.
export PAPERBOY_LIMITS_SIGNINPERIP=1000000/PT1S PAPERBOY_LIMITS_SIGNINPERACCOUNT=1000000/PT1S \
  PAPERBOY_LIMITS_VOTENEW=1000000/PT1S PAPERBOY_LIMITS_VOTE=1000000/PT1S \
  PAPERBOY_LIMITS_COMMENTNEW=1000000/PT1S PAPERBOY_LIMITS_COMMENT=1000000/PT1S
export PAPERBOY_DEMO_ENABLED=false PAPERBOY_STORE_POOLSIZE=16
# The nodes serve their metrics to the load driver, which samples their heap.
export PAPERBOY_WEB_METRICSTOKEN=${PAPERBOY_WEB_METRICSTOKEN:-bench-scrape-token}

if [ "${REBUILD:-0}" = 1 ]; then
  rm -rf target/load-sqlite target/load-pg
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS paperboy_load" postgres
fi
build() {
  mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.LoadStore -Dbench.heap=2g \
    -Dbench="$*"
}
if [ ! -f target/load-sqlite/paperboy.db ]; then build target/load-sqlite "$corpus"; fi
if ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw paperboy_load; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE paperboy_load" postgres
  build target/load-pg "$corpus" "$pg_url"
fi

pids=()
start() { # name data-dir port [db-url]
  local name=$1 dir=$2 port=$3
  if [ $# -gt 3 ]; then
    PAPERBOY_DB_URL=$4 PAPERBOY_DB_USER=postgres PAPERBOY_NODES=2 \
      java -Xmx512m -jar "$jar" serve --port "$port" --data-dir "$dir" >"$dir.$name.log" 2>&1 &
  else
    java -Xmx512m -jar "$jar" serve --port "$port" --data-dir "$dir" >"$dir.$name.log" 2>&1 &
  fi
  pids+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do sleep 0.5; done
}
stop() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  pids=()
}
trap stop EXIT
load() { java bench/load/MixedLoad.java "$1" "$connections" "$seconds" "$warmup"; }

echo "== SQLite, one node"
start sqlite target/load-sqlite 18201
load http://127.0.0.1:18201
stop

# Each PostgreSQL node has an index of its own: a copy of the one LoadStore built (it follows
# the database from the position it holds).
for node in a b; do rm -rf "target/load-pg-$node"; mkdir -p "target/load-pg-$node"; cp -r target/load-pg/index "target/load-pg-$node/"; done

echo "== PostgreSQL, one node"
start a target/load-pg-a 18211 "$pg_url"
load http://127.0.0.1:18211
stop

echo "== PostgreSQL, two nodes"
start a target/load-pg-a 18211 "$pg_url"
start b target/load-pg-b 18212 "$pg_url"
load http://127.0.0.1:18211,http://127.0.0.1:18212
stop
