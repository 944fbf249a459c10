#!/usr/bin/env python3
"""Compare hypermax's parameter importance (importance.csv) with Optuna's on the same trials.

Usage (Optuna 5 from the peer harness, scikit-learn from Debian's python3-sklearn for Optuna's fANOVA):

    PYTHONPATH=/work/shared/peers/optuna5 /usr/bin/python3 hypermax-results/bench/optuna_importance.py results_0 [more dirs]

For each results directory it reads search.json (the space) and results.csv (the trials), rebuilds the COMPLETE
trials as an Optuna study, and prints, per parameter, hypermax's share with its 90 % bootstrap interval next to
Optuna's fANOVA importance (its default; the median over 5 forest seeds, with their range) and PED-ANOVA. The last
lines give the Spearman rank agreement of the orderings. Flat spaces only (numbers, integers, enums); branch
parameters are skipped with a note.

A directory with a truth.csv (parameter, share: the true main-effect variance shares, written by
ImportanceBenchmark for problems with a known answer) is also scored against the truth, and --summary then prints only
the median [IQR] over the directories of each problem and size (directory names problem_n_sSEED) of: the rank
agreement (Spearman) with the truth, and the mean absolute error of the shares in percentage points.
"""
import csv
import json
import os
import statistics
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, PedAnovaImportanceEvaluator, get_param_importances

optuna.logging.set_verbosity(optuna.logging.WARNING)


def distributions(space):
    out = {}
    for name, node in space.get("properties", {}).items():
        if "enum" in node:
            out[name] = CategoricalDistribution(node["enum"])
        elif node.get("type") in ("number", "integer"):
            log = node.get("scaling") == "logarithmic"
            if node.get("type") == "integer" or node.get("rounding") == 1:
                out[name] = IntDistribution(int(node["min"]), int(node["max"]), log=log)
            else:
                out[name] = FloatDistribution(float(node["min"]), float(node["max"]), log=log)
        else:
            print(f"  (skipped {name}: not a flat number, integer or enum)")
    return out


def study_of(directory, dists):
    study = optuna.create_study()
    with open(os.path.join(directory, "results.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] != "COMPLETE" or row["loss"] == "":
                continue
            params = {}
            for name, d in dists.items():
                v = row[name]
                params[name] = int(float(v)) if isinstance(d, IntDistribution) else float(v) if isinstance(d, FloatDistribution) else v
            study.add_trial(optuna.trial.create_trial(params=params, distributions=dists, value=float(row["loss"])))
    return study


def spearman(a, b):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        for rank, i in enumerate(order):
            r[i] = rank
        return r
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else float("nan")


def quartiles(v):
    v = sorted(v)
    q = statistics.quantiles(v, n=4, method="inclusive") if len(v) > 1 else [v[0]] * 3
    return f"{q[1]:5.2f} [{q[0]:5.2f}-{q[2]:5.2f}]"


def main(dirs, summary=False):
    scores = {}
    for directory in dirs:
        with open(os.path.join(directory, "search.json")) as f:
            config = json.load(f)
        space = config.get("hyperparameters", config)
        if not summary:
            print(f"== {directory}")
        dists = distributions(space)
        study = study_of(directory, dists)
        hyper = {}
        with open(os.path.join(directory, "importance.csv"), newline="") as f:
            for row in csv.DictReader(f):
                hyper[row["parameter"]] = (float(row["share"]), float(row["share_low"]), float(row["share_high"]))
        fanova = {name: [] for name in dists}
        for seed in range(5):
            imp = get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=seed), normalize=True)
            for name in dists:
                fanova[name].append(imp.get(name, 0.0))
        ped = get_param_importances(study, evaluator=PedAnovaImportanceEvaluator(), normalize=True)
        names = [n for n in dists if n in hyper]
        truth_file = os.path.join(directory, "truth.csv")
        if os.path.exists(truth_file):
            with open(truth_file, newline="") as f:
                truth = {row["parameter"]: float(row["share"]) for row in csv.DictReader(f)}
            t = [truth[n] for n in names]
            methods = {"hypermax": [hyper[n][0] for n in names],
                       "fANOVA": [statistics.median(fanova[n]) for n in names],
                       "PED-ANOVA": [ped.get(n, 0) for n in names]}
            key = "_".join(os.path.basename(os.path.normpath(directory)).split("_")[:-1])
            for m, v in methods.items():
                scores.setdefault(key, {}).setdefault(m, []).append(
                    (spearman(v, t), 100 * sum(abs(a - b) for a, b in zip(v, t)) / len(t)))
        if summary:
            continue
        print(f"  {len(study.trials)} complete trials")
        print(f"  {'parameter':<16} {'hypermax share [90% interval]':<32} {'Optuna fANOVA median [min-max of 5 seeds]':<44} PED-ANOVA")
        for n in sorted(names, key=lambda n: -hyper[n][0]):
            s, lo, hi = hyper[n]
            fa = fanova[n]
            print(f"  {n:<16} {100*s:5.1f}% [{100*lo:4.1f}-{100*hi:4.1f}]{'':<14} {100*statistics.median(fa):5.1f}% [{100*min(fa):4.1f}-{100*max(fa):4.1f}]{'':<22} {100*ped.get(n, 0):5.1f}%")
        h = [hyper[n][0] for n in names]
        print(f"  rank agreement (Spearman) hypermax vs fANOVA: {spearman(h, [statistics.median(fanova[n]) for n in names]):.2f}, "
              f"vs PED-ANOVA: {spearman(h, [ped.get(n, 0) for n in names]):.2f}")


    if scores:
        print(f"{'problem_n':<14} {'method':<10} {'rank agreement with truth':<28} mean abs error of shares (points)")
        for key in sorted(scores):
            for m, v in scores[key].items():
                print(f"{key:<14} {m:<10} {quartiles([x[0] for x in v]):<28} {quartiles([x[1] for x in v])}   ({len(v)} seeds)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--summary"]
    if not args:
        sys.exit(__doc__)
    main(args, summary="--summary" in sys.argv)
