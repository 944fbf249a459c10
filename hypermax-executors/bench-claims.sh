#!/usr/bin/env bash
# Cost of one shared-study claim as the study grows: whole-study reads (before) against incremental
# reads (now), on a PostgreSQL 15 the benchmark starts on loopback (see docs/scale-out.md). Needs root.
# Usage: hypermax-executors/bench-claims.sh [SIZES] [CLAIMS]   e.g. 100,1000,4000 40
exec "$(dirname "$0")/bench-postgres.sh" ClaimCostBenchmark "${1:-100,1000,4000}" "${2:-40}"
