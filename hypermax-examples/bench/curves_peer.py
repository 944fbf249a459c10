"""Optuna 5's pruners on hypermax's learning-curve benchmark problem (the peer of `hypermax bench --curves`).

The curve family is LearningCurveFamily.java, re-implemented here bit for bit (splitmix64 hashing of (seed, trial,
index)), so both sides evaluate the same configurations in the same order with the same curves. Each run enqueues
the family's configurations (trial n gets configuration n), reports every step's value with trial.report and
stops when trial.should_prune() says so. Regret: the known final loss of the COMPLETE trial with the best final
value; cost: the steps all trials ran.

    PYTHONPATH=../shared/peers/optuna5 /usr/bin/python3 hypermax-examples/bench/curves_peer.py --seeds 20 --first-seed 0
"""
import argparse
import math
import statistics
import sys

import optuna

M = (1 << 64) - 1
CENTRE = (0.2, 0.7, 0.4, 0.55)
WEIGHT = (1.0, 2.0, 0.5, 1.5)


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def uniform(seed, trial, index):
    k = (0x632BE59BD9B4E019 + seed * 0x9E3779B97F4A7C15 + trial * 0xD1B54A32D192ED03 + index * 0x8CB92BA72F3D8DD7) & M
    return (mix(mix(k)) >> 11) * 2.0 ** -53


def configuration(seed, trial):
    return [uniform(seed, trial, d) for d in range(4)]


def final_loss(x):
    return sum(w * (v - c) ** 2 for v, c, w in zip(x, CENTRE, WEIGHT))


def value(seed, trial, x, t):
    gap = 0.3 + 1.2 * x[3]
    speed = 0.5 + x[1]
    u1 = max(uniform(seed, trial, 1000 + 2 * t), 1e-300)
    u2 = uniform(seed, trial, 1001 + 2 * t)
    gauss = math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)
    return final_loss(x) + gap * t ** -speed + 0.02 / math.sqrt(t) * gauss


def pruners(steps):
    return {
        "none": lambda: optuna.pruners.NopPruner(),
        "SuccessiveHalvingPruner()": lambda: optuna.pruners.SuccessiveHalvingPruner(),
        "SuccessiveHalvingPruner(min_resource=3, reduction_factor=3)":
            lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=3, reduction_factor=3),
        "HyperbandPruner(max_resource=%d)" % steps:
            lambda: optuna.pruners.HyperbandPruner(min_resource=1, max_resource=steps),
    }


def run(make_pruner, seed, trials, steps):
    spent = [0]
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.RandomSampler(seed=seed),
                                pruner=make_pruner())
    for n in range(trials):
        x = configuration(seed, n)
        study.enqueue_trial({"x%d" % d: x[d] for d in range(4)})

    def objective(trial):
        x = [trial.suggest_float("x%d" % d, 0.0, 1.0) for d in range(4)]
        v = float("nan")
        for t in range(1, steps + 1):
            v = value(seed, trial.number, x, t)
            spent[0] += 1
            trial.report(v, t)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return v

    study.optimize(objective, n_trials=trials)
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    pruned = sum(1 for t in study.trials if t.state == optuna.trial.TrialState.PRUNED)
    if not complete:
        return math.inf, spent[0], pruned
    best = min(complete, key=lambda t: (t.value, t.number))
    return final_loss([best.params["x%d" % d] for d in range(4)]), spent[0], pruned


def quantile(values, q):
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo) if s[hi] != s[lo] else s[lo]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--first-seed", type=int, default=0)
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--check", action="store_true", help="print configuration(0, 0) and value(0, 0, x, 1) and exit")
    a = p.parse_args()
    if a.check:
        x = configuration(0, 0)
        print(repr(x), repr(value(0, 0, x, 1)))
        return
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    print("learning curves (Optuna %s): %d trials of up to %d steps, seeds %d-%d"
          % (optuna.__version__, a.trials, a.steps, a.first_seed, a.first_seed + a.seeds - 1))
    print("%-62s %28s %14s %14s %8s" % ("pruner", "final regret median [IQR]", "steps median", "steps / none", "pruned"))
    none_steps = None
    for label, make in pruners(a.steps).items():
        rows = [run(make, s, a.trials, a.steps) for s in range(a.first_seed, a.first_seed + a.seeds)]
        regret = [r[0] for r in rows]
        steps = statistics.median([r[1] for r in rows])
        if none_steps is None:
            none_steps = steps
        print("%-62s %10.4f [%.4f, %.4f] %14.0f %14.3f %8.0f" % (label, statistics.median(regret), quantile(regret, 0.25),
              quantile(regret, 0.75), steps, steps / none_steps, statistics.median([r[2] for r in rows])))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
