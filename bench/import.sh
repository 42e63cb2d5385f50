#!/usr/bin/env bash
# Import throughput of an arXiv snapshot file on SQLite and PostgreSQL, against a parse-only
# pass (import --dry-run) over the same file in the same run.
#
#   mvn -q -DskipTests package && bench/import.sh [FILE] [RUNS]
#
# FILE defaults to the 100k corpus in ../shared/data (not shipped in the repository). PostgreSQL
# is used when psql reaches 127.0.0.1:5432 as postgres (override with PGURL_ADMIN).
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz}
runs=${2:-3}
jar=target/paperboy.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
[ -f "$file" ] || { echo "no such file: $file" >&2; exit 1; }

rate() { sed -nE 's/.*\(([0-9,]+) records\/s\).*/\1/p' | tr -d ,; }

echo "file: $file"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  scratch=$(mktemp -d)
  parse=$(java -jar "$jar" import --dry-run --no-progress --data-dir "$scratch/dry" "$file" | rate)
  sqlite=$(java -jar "$jar" import --no-progress --data-dir "$scratch/sqlite" "$file" | rate)
  again=$(java -jar "$jar" import --no-progress --data-dir "$scratch/sqlite" "$file" | rate)
  pg="n/a"; pg_again="n/a"
  if psql -h 127.0.0.1 -U postgres -qAtc 'select 1' >/dev/null 2>&1; then
    db="paperboy_bench_$$_$run"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
    export PAPERBOY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PAPERBOY_DB_USER=postgres
    pg=$(java -jar "$jar" import --no-progress "$file" | rate)
    pg_again=$(java -jar "$jar" import --no-progress "$file" | rate)
    unset PAPERBOY_DB_URL PAPERBOY_DB_USER
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db" >/dev/null
  fi
  ratio=$(awk -v a="$sqlite" -v b="$parse" 'BEGIN{printf "%.2f", a/b}')
  echo "run $run: parse-only $parse rec/s | SQLite first $sqlite rec/s (ratio $ratio), re-import $again rec/s | PostgreSQL first $pg rec/s, re-import $pg_again rec/s"
  rm -rf "$scratch"
done
