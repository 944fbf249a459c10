#!/usr/bin/env bash
# The search loop against Optuna's, side by side in one run (docs/benchmarks.md, "The search loop").
# Each round times three whole processes, in turn:
#   hypermax          the CLI (JVM start included) on N random-search trials of a trivial java_function,
#                     journal on with the default durability (storage.fsync: group), stdout to a file;
#   hypermax strict   the same with storage.fsync: every-trial;
#   optuna            Optuna 5's in-memory RandomSampler on N trials of the same function, one Python process.
# Prints each round and the median (q25-q75) of each over the rounds.
#
#   hypermax-examples/bench/loop_vs_optuna.sh [TRIALS=20000] [ROUNDS=5]     (HYPERMAX_JAR=... to time another build)
set -euo pipefail
TRIALS="${1:-20000}"
ROUNDS="${2:-5}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${HYPERMAX_JAR:-$(ls "$ROOT"/hypermax-cli/target/hypermax-cli-*-all.jar | head -n 1)}"
OPTUNA="${OPTUNA_PATH:-/work/shared/peers/optuna5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

config() { # $1 = fsync policy
  cat <<YAML
hyperparameters:
  type: object
  properties:
    x0: {type: number, min: -5, max: 5}
    x1: {type: number, min: -5, max: 5}
    x2: {type: number, min: -5, max: 5}
    x3: {type: number, min: -5, max: 5}
    x4: {type: number, min: -5, max: 5}
function:
  type: java_function
  class: io.hypermax.examples.bench.LoopObjective
  method: sphere
search:
  method: random
  iterations: $TRIALS
  seed: 1
storage:
  fsync: $1
results:
  directory: $WORK/results
  graphs: false
YAML
}
config group > "$WORK/group.yaml"
config every-trial > "$WORK/strict.yaml"

now() { date +%s.%N; }
run_hypermax() { # $1 = config; prints seconds
  local s e
  s=$(now)
  java -jar "$JAR" --no-ui "$1" > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  e=$(now)
  rows=$(( $(ls -d "$WORK"/results_* | while read -r d; do wc -l < "$d/results.csv"; done | tail -n 1) - 1 ))
  [[ "$rows" == "$TRIALS" ]] || { echo "hypermax wrote $rows rows, expected $TRIALS" >&2; exit 1; }
  rm -rf "$WORK"/results_*
  echo "$e - $s" | bc -l
}
run_optuna() {
  local s e
  s=$(now)
  PYTHONPATH="$OPTUNA" /usr/bin/python3 "$HERE/optuna_loop.py" --trials "$TRIALS" > "$WORK/optuna.txt"
  e=$(now)
  echo "$e - $s" | bc -l
}

declare -a H S O
echo "round  hypermax(s)  hypermax-strict(s)  optuna(s)   ($TRIALS trials, whole processes)"
for r in $(seq 1 "$ROUNDS"); do
  h=$(run_hypermax "$WORK/group.yaml")
  st=$(run_hypermax "$WORK/strict.yaml")
  o=$(run_optuna)
  H+=("$h"); S+=("$st"); O+=("$o")
  printf "%5d  %11.2f  %18.2f  %9.2f\n" "$r" "$h" "$st" "$o"
done
summary() { # name values...
  local name="$1"; shift
  printf '%s\n' "$@" | sort -g | awk -v n="$name" '{v[NR]=$1} END {
    med = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
    lo = v[int((NR-1)*0.25)+1]; hi = v[int((NR-1)*0.75)+1];
    printf "%-16s median %.2f s (q25 %.2f - q75 %.2f) over %d rounds\n", n, med, lo, hi, NR }'
}
summary "hypermax" "${H[@]}"
summary "hypermax strict" "${S[@]}"
summary "optuna" "${O[@]}"
tail -n 1 "$WORK/optuna.txt"
