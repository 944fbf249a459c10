#!/usr/bin/python3
"""Summarises run_peer CSVs like `hypermax bench`: median and IQR of the final regret at a budget, and the
normalized score (median regret / optuna-random's median regret on the same problem); with --timing, the
median suggestion time (wall / CPU ms) over trials t-9..t at t = 100, 1000, 10000 (those reached).

  /usr/bin/python3 summarise_peers.py DIR [--budget 100]
  /usr/bin/python3 summarise_peers.py DIR --timing
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
    ap.add_argument("--timing", action="store_true")
    a = ap.parse_args()
    if a.timing:
        timing(a.dir)
        return
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


def timing(directory):
    print("| peer | problem | trials run | @100 wall / cpu ms | @1000 wall / cpu ms | @10000 wall / cpu ms |")
    print("|---|---|---|---|---|---|")
    for path in sorted(glob.glob(os.path.join(directory, "*.csv"))):
        rows = defaultdict(dict)
        with open(path) as f:
            for row in csv.DictReader(f):
                rows[int(row["trial"])] = (float(row["suggest_ms"]), float(row["suggest_cpu_ms"]), row["peer"], row["problem"])
        if not rows:
            continue
        cells = []
        for t in (100, 1000, 10000):
            window = [rows[i] for i in range(t - 9, t + 1) if i in rows]
            if len(window) < 10:
                cells.append("–")
            else:
                cells.append("%.3g / %.3g" % (statistics.median(w[0] for w in window), statistics.median(w[1] for w in window)))
        any_row = next(iter(rows.values()))
        print("| %s | %s | %d | %s |" % (any_row[2], any_row[3], max(rows), " | ".join(cells)))


if __name__ == "__main__":
    main()
