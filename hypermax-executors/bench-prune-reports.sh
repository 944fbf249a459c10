#!/usr/bin/env bash
# Cost of one pruned report of a shared-study worker as the stored intermediate values grow: a whole-study reload
# per report (before) against reading only what is new (now), on a PostgreSQL 15 the benchmark starts on loopback
# (see docs/scale-out.md). Needs root.
# Usage: hypermax-executors/bench-prune-reports.sh [SIZES] [REPORTS]   e.g. 200,2000,20000 40
exec "$(dirname "$0")/bench-postgres.sh" PruneReportCostBenchmark "${1:-200,2000,20000}" "${2:-40}"
