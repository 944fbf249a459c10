#!/usr/bin/env bash
# Cost of one shared-study claim as the study grows: whole-study reads (before) against incremental
# reads (now), on a PostgreSQL 15 the benchmark starts on loopback (see docs/scale-out.md). Needs root.
# Usage: hypermax-executors/bench-claims.sh [SIZES] [CLAIMS]   e.g. 100,1000,4000 40
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl hypermax-executors -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="hypermax-executors/target/test-classes:hypermax-executors/target/classes:hypermax-core/target/test-classes"
cp="$cp:hypermax-core/target/classes:$(cat hypermax-executors/target/classpath.txt)"
exec java -cp "$cp" io.hypermax.executors.internal.storage.postgres.ClaimCostBenchmark "${1:-100,1000,4000}" "${2:-40}"
