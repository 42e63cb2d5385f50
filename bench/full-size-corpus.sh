#!/usr/bin/env bash
# Writes an arXiv snapshot of RECORDS records (default 2,700,000, the size of arXiv) from a smaller
# one, with a fixed seed: the same SOURCE, RECORDS and SEED give the same file (it prints the
# SHA-256 of the lines). The generator is bench/corpus/dev/paperboy/bench/corpus/FullSizeCorpus.java.
#
#   bench/full-size-corpus.sh [SOURCE] [OUT] [RECORDS] [SEED]
#
# SOURCE defaults to the 100k corpus in ../shared/data (not shipped in the repository); the demo
# corpus, src/main/resources/demo/arxiv-demo-corpus.jsonl.gz, works too.
set -euo pipefail
cd "$(dirname "$0")/.."
source=${1:-../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz}
out=${2:-target/arxiv-full-size.snapshot.jsonl.gz}
records=${3:-2700000}
seed=${4:-2026}
mvn -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.paperboy.bench.corpus.FullSizeCorpus "$source" "$out" "$records" "$seed"
