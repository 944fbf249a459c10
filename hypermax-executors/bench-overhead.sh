#!/usr/bin/env bash
# Per-trial overhead of the process executors beyond interpreter start-up (see docs/executors.md).
# Usage: hypermax-executors/bench-overhead.sh [TRIALS]   (from anywhere; builds the module first)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl hypermax-executors -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="hypermax-executors/target/classes:hypermax-core/target/classes:$(cat hypermax-executors/target/classpath.txt)"
exec java -cp "$cp" io.hypermax.executors.internal.bench.ExecutorOverhead "${1:-20}"
