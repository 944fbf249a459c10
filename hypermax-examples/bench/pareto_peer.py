#!/usr/bin/python3
"""Optuna 5 multi-objective peers on ZDT problems, scored by hypervolume (what `hypermax bench --pareto` prints).

  PYTHONPATH=/work/shared/peers/optuna5 /usr/bin/python3 pareto_peer.py \
      --peers tpe,nsga2 --problems zdt1,zdt2 --budget 200 --seeds 10 --out pareto_peers.csv

Problems (both objectives minimised, n = 30 variables in [0, 1]):
  zdt1  f1 = x1, g = 1 + 9 * mean(x2..xn), f2 = g * (1 - sqrt(f1 / g))          (convex front)
  zdt2  f1 = x1, g as zdt1,                f2 = g * (1 - (f1 / g)^2)             (concave front)
Hypervolume is the area dominated by the trials' front and bounded by the reference point (1.1, 11), which every
point of the box dominates (f2 <= g <= 10), so no run scores 0. The true front's hypervolume is 12.1 - 1/3 = 11.767 (zdt1)
and 12.1 - 2/3 = 11.433 (zdt2).

Peers: tpe = TPESampler(seed=s) (defaults; with two objectives it is MOTPE), nsga2 = NSGAIISampler(seed=s) (defaults,
population 50). CSV: peer, problem, seed, budget, hypervolume, seconds. Seeds are 0..N-1 (+ --seed-offset).
"""
import argparse
import csv
import math
import statistics
import sys
import time


def zdt1(x):
    f1 = x[0]
    g = 1.0 + 9.0 * sum(x[1:]) / (len(x) - 1)
    return f1, g * (1.0 - math.sqrt(f1 / g))


def zdt2(x):
    f1 = x[0]
    g = 1.0 + 9.0 * sum(x[1:]) / (len(x) - 1)
    return f1, g * (1.0 - (f1 / g) ** 2)


PROBLEMS = {"zdt1": zdt1, "zdt2": zdt2}
REFERENCE = (1.1, 11.0)
N_VARS = 30


def hypervolume(points, ref=REFERENCE):
    """Exact 2-D hypervolume (minimisation): sweep the front by f1, add each point's strip up to the previous f2."""
    pts = sorted((p for p in points if p[0] < ref[0] and p[1] < ref[1]))
    hv, best_f2 = 0.0, ref[1]
    for f1, f2 in pts:
        if f2 < best_f2:
            hv += (ref[0] - f1) * (best_f2 - f2)
            best_f2 = f2
    return hv


def run(optuna, peer, problem, seed, budget):
    sampler = (optuna.samplers.TPESampler(seed=seed) if peer == "tpe"
               else optuna.samplers.NSGAIISampler(seed=seed))
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler)
    fn = PROBLEMS[problem]
    study.optimize(lambda t: fn([t.suggest_float("x%d" % (i + 1), 0.0, 1.0) for i in range(N_VARS)]), n_trials=budget)
    return hypervolume([tuple(t.values) for t in study.trials if t.values is not None])


def quantile(xs, q):
    xs = sorted(xs)
    pos = (len(xs) - 1) * q
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", default="tpe,nsga2")
    ap.add_argument("--problems", default="zdt1,zdt2")
    ap.add_argument("--budget", type=int, default=200)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--seed-offset", type=int, default=0)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    rows = []
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["peer", "problem", "seed", "budget", "hypervolume", "seconds"])
        for problem in a.problems.split(","):
            for peer in a.peers.split(","):
                for s in range(a.seed_offset, a.seed_offset + a.seeds):
                    t0 = time.time()
                    hv = run(optuna, peer, problem, s, a.budget)
                    secs = time.time() - t0
                    w.writerow([peer, problem, s, a.budget, "%.6f" % hv, "%.2f" % secs])
                    f.flush()
                    rows.append((peer, problem, hv))
    print("optuna %s, budget %d, %d seeds, reference point %s" % (optuna.__version__, a.budget, a.seeds, REFERENCE))
    print("%-8s %-8s %10s %22s" % ("problem", "peer", "median HV", "IQR"))
    for problem in a.problems.split(","):
        for peer in a.peers.split(","):
            hvs = [hv for p, pr, hv in rows if p == peer and pr == problem]
            print("%-8s %-8s %10.4f   [%.4f, %.4f]" % (problem, peer, statistics.median(hvs),
                                                       quantile(hvs, 0.25), quantile(hvs, 0.75)))


if __name__ == "__main__":
    sys.exit(main())
