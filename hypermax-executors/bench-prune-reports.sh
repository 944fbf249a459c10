#!/usr/bin/env bash
# Cost of one pruned report of a shared-study worker as the stored intermediate values grow: a whole-study reload
# per report (before) against reading only what is new (now), on a PostgreSQL 15 the benchmark starts on loopback
# (see docs/scale-out.md). Needs root.
# Usage: hypermax-executors/bench-prune-reports.sh [SIZES] [REPORTS]   e.g. 200,2000,20000 40
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl hypermax-executors -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="hypermax-executors/target/test-classes:hypermax-executors/target/classes:hypermax-core/target/test-classes"
cp="$cp:hypermax-core/target/classes:$(cat hypermax-executors/target/classpath.txt)"
exec java -cp "$cp" io.hypermax.executors.internal.storage.postgres.PruneReportCostBenchmark "${1:-200,2000,20000}" "${2:-40}"
