#!/usr/bin/python3
"""Runs the shared peer harness (run_peer.py) with two extra problems that hypermax's suite has:

  rastrigin10  f = 10*d + sum(x_i^2 - 10*cos(2*pi*x_i)), x in [-5.12, 5.12]^10, minimum 0 at x = 0
  sphere5      f = sum(x_i^2), x in [-5, 5]^5, minimum 0 (the 5-parameter problem for suggestion timing)

Every option is run_peer.py's; set PEERS_DIR when the harness is not in /work/shared/peers.
"""
import math
import os
import sys

sys.path.insert(0, os.environ.get("PEERS_DIR", "/work/shared/peers"))
import run_peer  # noqa: E402


def rastrigin10(p):
    x = run_peer._vec(p, 10)
    return 10.0 * len(x) + sum(xi * xi - 10.0 * math.cos(2.0 * math.pi * xi) for xi in x)


def sphere5(p):
    return sum(xi * xi for xi in run_peer._vec(p, 5))


run_peer.PROBLEMS["rastrigin10"] = dict(
    fn=rastrigin10,
    params=[run_peer.fparam("x%d" % (i + 1), -5.12, 5.12) for i in range(10)],
    f_min=0.0, argmin=[{"x%d" % (i + 1): 0.0 for i in range(10)}],
    formula="f = 10*d + sum_{i=1..10} (x_i^2 - 10*cos(2*pi*x_i)), x in [-5.12,5.12]^10",
    constants={})
run_peer.PROBLEMS["sphere5"] = dict(
    fn=sphere5,
    params=[run_peer.fparam("x%d" % (i + 1), -5.0, 5.0) for i in range(5)],
    f_min=0.0, argmin=[{"x%d" % (i + 1): 0.0 for i in range(5)}],
    formula="f = sum_{i=1..5} x_i^2, x in [-5,5]^5", constants={})

if __name__ == "__main__":
    run_peer.main()
