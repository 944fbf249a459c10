#!/usr/bin/python3
"""Summarises the atpe benchmark (docs/atpe.md): `hypermax bench --csv DIR` traces plus peer-harness CSVs.

Usage: atpe_summary.py TRACES.csv [PEER.csv ...] --budgets 50,100 [--baseline random]
Per problem and budget: median regret (q25-q75) over seeds, and the normalized score (median regret / the
baseline's median regret at the same budget; peers are normalized by the same hypermax random search, since
they run the same problems). Then the median normalized score per method, and per method the worst ratio of
its median regret to the best of tpe/gp/storm on any problem.
"""
import csv
import statistics
import sys
from collections import defaultdict


def quantile(v, q):
    s = sorted(v)
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(len(s) - 1, lo + 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def main():
    args = sys.argv[1:]
    budgets = [50, 100]
    baseline = "random"
    if "--budgets" in args:
        i = args.index("--budgets")
        budgets = [int(x) for x in args[i + 1].split(",")]
        del args[i:i + 2]
    if "--baseline" in args:
        i = args.index("--baseline")
        baseline = args[i + 1]
        del args[i:i + 2]
    regret = defaultdict(list)  # (method, problem, budget) -> regrets over seeds
    methods, problems = [], []
    for path in args:
        with open(path) as f:
            for row in csv.DictReader(f):
                m = row.get("method") or row.get("peer")
                t = int(row["trial"])
                if t in budgets:
                    regret[(m, row["problem"], t)].append(float(row["regret"]))
                    if m not in methods:
                        methods.append(m)
                    if row["problem"] not in problems:
                        problems.append(row["problem"])
    ours = [m for m in ("tpe", "gp", "storm") if m in methods]
    for b in budgets:
        print(f"\n### budget {b}\n")
        print("| problem | " + " | ".join(methods) + " |")
        print("|---|" + "---|" * len(methods))
        scores = defaultdict(list)
        worst = defaultdict(float)
        for p in problems:
            base = statistics.median(regret[(baseline, p, b)]) if regret[(baseline, p, b)] else float("nan")
            best_ours = min(statistics.median(regret[(m, p, b)]) for m in ours if regret[(m, p, b)])
            cells = []
            for m in methods:
                v = regret[(m, p, b)]
                if not v:
                    cells.append("-")
                    continue
                med = statistics.median(v)
                score = med / base if base > 0 else 0.0
                scores[m].append(score)
                if best_ours > 0:
                    worst[m] = max(worst[m], med / best_ours)
                elif med > 1e-12:
                    worst[m] = float("inf")
                cells.append(f"{med:.4g} ({quantile(v, .25):.4g}-{quantile(v, .75):.4g}) [{score:.3f}] n={len(v)}")
            print(f"| {p} | " + " | ".join(cells) + " |")
        print("| **median normalized score** | " + " | ".join(
            f"**{statistics.median(scores[m]):.3f}**" if scores[m] else "-" for m in methods) + " |")
        print("| worst median regret / best of tpe,gp,storm | " + " | ".join(
            f"{worst[m]:.2f}" for m in methods) + " |")


if __name__ == "__main__":
    main()
