#!/usr/bin/env python3
"""The Optuna side of the loop benchmark in docs/benchmarks.md.

Optuna 5's in-memory RandomSampler runs N trials of the same trivial objective that
`hypermax bench --loop` and `loop_vs_optuna.sh` give hypermax (the sphere over D numbers in [-5, 5]),
in one Python process. Prints the wall time of the whole process body and trials per second.

    PYTHONPATH=/work/shared/peers/optuna5 /usr/bin/python3 hypermax-examples/bench/optuna_loop.py --trials 20000
"""
import argparse
import time

START = time.perf_counter()

import optuna  # noqa: E402  (timed: importing Optuna is part of its start-up, as the JVM's is of ours)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20000)
    parser.add_argument("--params", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    names = ["x%d" % i for i in range(args.params)]

    def objective(trial):
        return sum(trial.suggest_float(n, -5.0, 5.0) ** 2 for n in names)

    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=args.seed))
    loop_start = time.perf_counter()
    study.optimize(objective, n_trials=args.trials)
    end = time.perf_counter()
    print("optuna %s RandomSampler in-memory: %d trials, %d params: loop %.2f s, process body %.2f s (%.0f trials/s)"
          % (optuna.__version__, len(study.trials), args.params, end - loop_start, end - START, len(study.trials) / (end - loop_start)))


if __name__ == "__main__":
    main()
