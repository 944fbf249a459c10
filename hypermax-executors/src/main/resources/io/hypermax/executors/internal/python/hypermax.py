"""Reporting intermediate values from a hypermax trial (see docs/pruning.md).

    import hypermax

    def train(params):
        for epoch in range(1, params["epochs"] + 1):
            loss = fit_one_epoch()
            if hypermax.report(epoch, loss):
                return loss          # pruned: hypermax records the trial as PRUNED with this value
        return loss

report() prints the line "hypermax:report STEP VALUE" on standard output and waits for hypermax's
answer ("STEP continue" or "STEP prune") in the file named by $HYPERMAX_REPORT_REPLY. Outside a
hypermax trial (no such variable) it prints nothing and returns False, so the model runs as usual.
Raising hypermax.TrialPruned after a True answer is equivalent to returning.
"""
import math
import os
import sys
import time

_REPLY_ENV = "HYPERMAX_REPORT_REPLY"
_ANSWER_TIMEOUT_SECONDS = 60.0
_state = {"offset": 0, "pending": "", "pruned": False}


class TrialPruned(Exception):
    """May be raised by a function after report() returned True (as Optuna's TrialPruned)."""


def _format(value):
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _answer_for(path, step):
    try:
        with open(path, "rb") as f:
            f.seek(_state["offset"])
            data = f.read()
    except OSError:
        return None
    _state["offset"] += len(data)
    _state["pending"] += data.decode("utf-8", "replace")
    answer = None
    while "\n" in _state["pending"]:
        line, _state["pending"] = _state["pending"].split("\n", 1)
        parts = line.split()
        if len(parts) == 2 and parts[0] == str(step):
            answer = parts[1]
    return answer


def report(step, value):
    """Reports value (lower is better under minimize) at an integer step; True means stop now."""
    if _state["pruned"]:
        return True
    step = int(step)
    value = float(value)
    path = os.environ.get(_REPLY_ENV)
    if path is None:
        return False
    sys.stdout.write("hypermax:report %d %s\n" % (step, _format(value)))
    sys.stdout.flush()
    deadline = time.monotonic() + _ANSWER_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        answer = _answer_for(path, step)
        if answer is not None:
            _state["pruned"] = answer == "prune"
            return _state["pruned"]
        time.sleep(0.002)
    return False


def should_prune():
    """Whether hypermax stopped this trial at its last report."""
    return _state["pruned"]
