#!/usr/bin/env bash
# Upvote throughput and latency over HTTP with 50 concurrent members, on SQLite and on PostgreSQL.
# Each member signs up, confirms (the link is read from the server's log: no SMTP relay is set)
# and signs in; then all upvote and take back upvotes on the seed day's 7 papers for SECONDS.
#
#   mvn -q -DskipTests package && bench/upvotes.sh [SECONDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
clients=${2:-50}
port=${PORT:-18081}
jar=target/paperboy.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }

# The abuse limits would stop a load test by design: lift them for this run only.
export PAPERBOY_LIMITS_SIGNUPPERIP=1000000/PT1S PAPERBOY_LIMITS_SIGNINPERIP=1000000/PT1S \
  PAPERBOY_LIMITS_SIGNINPERACCOUNT=1000000/PT1S PAPERBOY_LIMITS_VOTENEW=1000000/PT1S \
  PAPERBOY_LIMITS_VOTE=1000000/PT1S

run() {
  local engine=$1 data log pid ids
  data=$(mktemp -d)
  log="$data/serve.log"
  if [ "$engine" = postgresql ]; then
    db="paperboy_bench_$(date +%s)"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
    export PAPERBOY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PAPERBOY_DB_USER=postgres
  else
    unset PAPERBOY_DB_URL PAPERBOY_DB_USER
  fi
  java -jar "$jar" serve --port "$port" --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/papers/date/2025-03-12"; do sleep 0.2; done
  ids=$(curl -fs "http://127.0.0.1:$port/api/daily_papers?date=2025-03-12" \
    | grep -o '"paper":{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//' | tr '\n' ' ')
  echo -n "$engine: "
  java bench/load/UpvoteLoad.java "http://127.0.0.1:$port" "$log" "$clients" "$seconds" $ids
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  if [ "$engine" = postgresql ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db" postgres; fi
}

run sqlite
run postgresql
