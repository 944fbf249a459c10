"""A k-nearest-neighbour classifier in plain Python (no numpy): runs wherever python3 does.

Shows what reaches a python_function: numbers, integers, booleans, strings and a nested object
chosen by anyOf arrive as ordinary Python values. Prints go to logs/trial_N.txt and never disturb
the result. Run: ./hypermax hypermax-examples/python/knn_search.yaml
"""
import math
import random


def _two_moons(n, noise, seed):
    rng = random.Random(seed)
    points = []
    for i in range(n):
        label = i % 2
        angle = rng.uniform(0, math.pi)
        x = math.cos(angle) if label == 0 else 1 - math.cos(angle)
        y = math.sin(angle) if label == 0 else 0.5 - math.sin(angle)
        points.append(((x + rng.gauss(0, noise), y + rng.gauss(0, noise)), label))
    return points


def _distance(a, b, metric):
    if metric["name"] == "minkowski":
        p = metric["p"]
        return sum(abs(u - v) ** p for u, v in zip(a, b)) ** (1.0 / p)
    return max(abs(u - v) for u, v in zip(a, b))  # chebyshev


def evaluate(params):
    train = _two_moons(300, 0.25, seed=1)
    test = _two_moons(200, 0.25, seed=2)
    k = params["k"]
    weighted = params["distance_weighted"]
    errors = 0
    for point, label in test:
        nearest = sorted((_distance(point, p, params["metric"]), l) for p, l in train)[:k]
        votes = [0.0, 0.0]
        for d, l in nearest:
            votes[l] += 1.0 / (d + 1e-9) if weighted else 1.0
        errors += int(votes.index(max(votes)) != label)
    error_rate = errors / len(test)
    print("k=%d weighted=%s metric=%s -> error %.3f" % (k, weighted, params["metric"], error_rate))
    return {"loss": error_rate, "errors": errors}
