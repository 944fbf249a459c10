#!/usr/bin/python3
"""Side-by-side table of `hypermax bench --csv DIR` traces and run_peer CSVs at one budget.

  /usr/bin/python3 compare.py HYPERMAX_CSV_DIR PEER_CSV_DIR [--budget 100] [--ours tpe] [--peer optuna-tpe]

Per problem: median final regret (IQR) of every hypermax method and every peer, the normalized score of each
(median regret / its own random search's median: hypermax random for hypermax methods, optuna-random for peers),
and whether --ours is no worse than --peer. Last lines: wins and median normalized score per column.
"""
import argparse
import csv
import glob
import os
import statistics
from collections import defaultdict


from summarise_peers import quantile  # same folder: Python puts the script's folder on sys.path


def load(paths, method_field, budget):
    out = defaultdict(lambda: defaultdict(list))  # method -> problem -> regrets
    for path in paths:
        with open(path) as f:
            for row in csv.DictReader(f):
                if int(row["trial"]) == budget:
                    out[row[method_field]][row["problem"]].append(float(row["regret"]))
    return out


def fmt(v):
    return "%.4g" % v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ours")
    ap.add_argument("peers")
    ap.add_argument("--budget", type=int, default=100)
    ap.add_argument("--ours-method", default="tpe")
    ap.add_argument("--peer", default="optuna-tpe")
    a = ap.parse_args()
    ours = load([os.path.join(a.ours, "traces.csv")], "method", a.budget)
    peers = load(sorted(glob.glob(os.path.join(a.peers, "*.csv"))), "peer", a.budget)
    columns = [(m, ours, "random") for m in ours] + [(p, peers, "optuna-random") for p in sorted(peers)]
    problems = list(next(iter(ours.values())).keys())
    print("| problem | " + " | ".join(c[0] for c in columns) + " | %s no worse than %s |" % (a.ours_method, a.peer))
    print("|---" * (len(columns) + 2) + "|")
    norms = defaultdict(list)
    wins = 0
    for problem in problems:
        cells = []
        for name, data, ref in columns:
            r = data[name].get(problem)
            if not r:
                cells.append("–")
                continue
            med = statistics.median(r)
            base = statistics.median(data[ref][problem]) if data.get(ref) and data[ref].get(problem) else float("nan")
            norm = med / base if base > 0 else float("nan")
            norms[name].append(norm)
            cells.append("%s (%s–%s) [%.2f]" % (fmt(med), fmt(quantile(r, 0.25)), fmt(quantile(r, 0.75)), norm))
        mine = statistics.median(ours[a.ours_method][problem])
        theirs = peers.get(a.peer, {}).get(problem)
        verdict = "–"
        if theirs:
            ok = mine <= statistics.median(theirs)
            wins += ok
            verdict = "yes" if ok else "no"
        print("| %s | %s | %s |" % (problem, " | ".join(cells), verdict))
    print("| **median normalized** | " + " | ".join("**%.3f**" % statistics.median(norms[c[0]]) for c in columns)
          + " | %d of %d |" % (wins, len(problems)))
    print()
    print("cells: median regret (q25–q75) [normalized score]; seeds per cell: "
          + ", ".join("%s %d" % (c[0], len(next(iter(c[1][c[0]].values())))) for c in columns))


if __name__ == "__main__":
    main()
