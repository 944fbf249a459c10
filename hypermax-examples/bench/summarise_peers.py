#!/usr/bin/python3
"""Summarises run_peer CSVs like `hypermax bench`: median and IQR of the final regret at a budget, and the
normalized score (median regret / optuna-random's median regret on the same problem).

  /usr/bin/python3 summarise_peers.py DIR [--budget 100]
"""
import argparse
import csv
import glob
import os
import statistics
from collections import defaultdict


def quantile(values, q):
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(len(s) - 1, lo + 1)
    return s[lo] + (pos - lo) * (s[hi] - s[lo])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--budget", type=int, default=100)
    a = ap.parse_args()
    regrets = defaultdict(dict)  # (problem, peer) -> seed -> regret at budget
    for path in sorted(glob.glob(os.path.join(a.dir, "*.csv"))):
        with open(path) as f:
            for row in csv.DictReader(f):
                if int(row["trial"]) == a.budget:
                    regrets[(row["problem"], row["peer"])][int(row["seed"])] = float(row["regret"])
    problems = []
    for (problem, _peer) in regrets:
        if problem not in problems:
            problems.append(problem)
    print("| problem | peer | seeds | median regret | IQR (q25 .. q75) | normalized |")
    print("|---|---|---|---|---|---|")
    norm = defaultdict(list)
    for problem in problems:
        rnd = regrets.get((problem, "optuna-random"))
        ref = statistics.median(rnd.values()) if rnd else float("nan")
        for peer in ("optuna-random", "optuna-tpe", "optuna-tpe-mv"):
            r = regrets.get((problem, peer))
            if not r:
                continue
            v = list(r.values())
            med = statistics.median(v)
            n = med / ref if ref > 0 else float("nan")
            norm[peer].append(n)
            print("| %s | %s | %d | %.4g | %.4g .. %.4g | %.3f |" % (
                problem, peer, len(v), med, quantile(v, 0.25), quantile(v, 0.75), n))
    print()
    for peer, values in norm.items():
        print("median normalized score %s: %.3f over %d problems" % (peer, statistics.median(values), len(values)))


if __name__ == "__main__":
    main()
