"""hypermax trial runner: calls one Python function with the trial's parameters.

Usage: python3 hypermax_runner.py MODULE FUNCTION MODULE_DIR

The parameters are read as JSON from the file named by $HYPERMAX_PARAMS (so true, false, null,
lists and objects arrive as Python values). The outcome is written as JSON to the file named by
$HYPERMAX_RESULT -- never to stdout, which belongs to the model -- as {"value": ...} or
{"error": "...", "traceback": "..."}, together with the process's own resource usage.
"""
import importlib
import json
import os
import sys


def _plain(value):
    """Converts numpy scalars and arrays (and anything alike) to JSON values."""
    for attribute in ("tolist", "item"):
        convert = getattr(value, attribute, None)
        if callable(convert):
            return convert()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("the function returned a value of type %s that is not JSON: %r"
                        % (type(value).__name__, value))


def _usage():
    try:
        import resource
    except ImportError:  # not on Windows
        return {}
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    if sys.platform == "darwin":
        own_peak, children_peak = own.ru_maxrss / 1048576.0, children.ru_maxrss / 1048576.0  # bytes
    else:
        # ru_maxrss of this process also counts the memory of the process that started it, before exec
        # (the JVM, when it spawns with vfork): VmHWM is this process's own peak.
        own_peak, children_peak = _own_peak_mib(own.ru_maxrss / 1024.0), children.ru_maxrss / 1024.0  # KiB
    return {
        "peak_rss_mib": max(own_peak, children_peak),
        "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
    }


def _own_peak_mib(fallback):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError, IndexError):
        pass
    return fallback


def _write(path, outcome):
    try:
        text = json.dumps(outcome, default=_plain)
    except (TypeError, ValueError) as e:
        outcome = {"error": "the result cannot be written as JSON: %s" % e, "traceback": ""}
        text = json.dumps(outcome)
    temporary = path + ".part"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


def _exit_when_orphaned():
    """Ends the trial if hypermax dies (kill -9): no one would enforce its limits or read its result."""
    import threading
    import time
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(137)

    threading.Thread(target=watch, name="hypermax-orphan-watch", daemon=True).start()


def _pruned():
    module = sys.modules.get("hypermax")
    return module is not None and getattr(module, "should_prune", lambda: False)()


def main():
    module_name, function_name, module_dir = sys.argv[1:4]
    if hasattr(os, "getppid") and sys.platform != "win32":
        _exit_when_orphaned()
    # Import the model from the config file's folder, not from this runner's temporary folder; the
    # runner's folder stays on the path after it, for "import hypermax" (reporting intermediate values).
    runner_dir = sys.path[0]
    sys.path[0] = module_dir
    sys.path.insert(1, runner_dir)
    result_path = os.environ["HYPERMAX_RESULT"]
    with open(os.environ["HYPERMAX_PARAMS"], encoding="utf-8") as f:
        parameters = json.load(f)
    try:
        module = importlib.import_module(module_name)
        function = getattr(module, function_name, None)
        if function is None:
            raise AttributeError("module '%s' (%s) has no function '%s'"
                                 % (module_name, getattr(module, "__file__", "?"), function_name))
        value = function(parameters)
        outcome = {"value": value}
    except BaseException as e:
        if type(e).__name__ == "TrialPruned" and _pruned():
            outcome = {"error": "pruned", "traceback": ""}
            outcome["usage"] = _usage()
            _write(result_path, outcome)
            sys.stdout.flush()
            sys.exit(0)  # SystemExit and KeyboardInterrupt of the model are failures too
        import traceback  # only when needed: it costs milliseconds of every trial's start-up
        text = traceback.format_exc()
        sys.stdout.flush()
        sys.stderr.write(text)
        sys.stderr.flush()
        # The last line names the exception (a SyntaxError's first lines quote the source instead).
        summary = "".join(traceback.format_exception_only(type(e), e)).strip().splitlines()[-1]
        if isinstance(e, ModuleNotFoundError):
            # Most often the model's packages live in another interpreter (a virtualenv, conda) than python3 on PATH.
            summary += (" (the trial ran %s; if the model's packages are installed for another Python,"
                        " set function.python to that interpreter)" % sys.executable)
        outcome = {"error": summary, "traceback": text}
    outcome["usage"] = _usage()
    _write(result_path, outcome)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(1 if "error" in outcome else 0)


if __name__ == "__main__":
    main()
