#!/usr/bin/env bash
# Runs one of the PostgreSQL cost benchmarks (test-classpath mains that start their own PostgreSQL 15 on loopback;
# see docs/scale-out.md). Needs root. Usage: hypermax-executors/bench-postgres.sh MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl hypermax-executors -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="hypermax-executors/target/test-classes:hypermax-executors/target/classes:hypermax-core/target/test-classes"
cp="$cp:hypermax-core/target/classes:$(cat hypermax-executors/target/classpath.txt)"
exec java -cp "$cp" "io.hypermax.executors.internal.storage.postgres.$1" "${@:2}"
