#!/usr/bin/python3
"""Runs APScheduler's anchor benchmark and punctual-bench side by side and prints a Markdown table.

    /usr/bin/python3 tests/bench/compare.py [--repeat K] [--only SCENARIO[,SCENARIO...]] [--quick]
                                            [--punctual-bench PATH] [--aps-bench PATH] [--json FILE]
                                            [--baseline-bench PATH [--skip-aps]]

Every case (scenario, store, N) runs APScheduler first, then Punctual, one right after the other, K times
(medians are shown): both see the same machine at the same moment, which on a shared 2-core machine is the only
fair comparison. APScheduler runs with the system interpreter /usr/bin/python3 (Debian's python3-apscheduler);
missing Debian packages are installed with apt-get first.

Where things are found:
  apscheduler_bench.py  --aps-bench, $APSCHEDULER_BENCH, or <repository>/../shared/bench/apscheduler_bench.py
  punctual-bench        --punctual-bench, $PUNCTUAL_BENCH, or the newest <repository>/build*/tests/bench/
                        punctual-bench/punctual-bench

stdout: the table (Markdown). stderr: progress. --json FILE also keeps every raw JSON line.

Before and after a change: --baseline-bench PATH (a punctual-bench built from the earlier commit) runs that binary
too, right after the current one in every case, and the table gains its medians and the change in percent
(positive: the current build is better). --skip-aps leaves APScheduler out (its figures do not depend on the change).
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHON = "/usr/bin/python3"
DEBIAN_PACKAGES = {
    # package: module it provides
    "python3-apscheduler": "apscheduler",
    "python3-sqlalchemy": "sqlalchemy",
    "python3-tz": "pytz",
    "python3-tzlocal": "tzlocal",
    "python3-croniter": "croniter",
    "python3-matplotlib": "matplotlib",  # costcurve.py's plot
}

LOWER, HIGHER, EQUAL = "lower", "higher", "equal"

# (scenario, store, N, figures): figures are (key, better, target). A target is a function of
# (aps_value, punctual_value) -> bool, with its text. The cases of issue 19 (its targets) come first, then extras.
def _ratio_at_least(k):
    return (lambda a, p: a is not None and p is not None and p >= k * a, "≥ %g× APScheduler" % k)


def _at_most(x, unit=""):
    return (lambda a, p: p is not None and p <= x, "≤ %g%s" % (x, unit))


def _below(x, unit=""):
    return (lambda a, p: p is not None and p < x, "< %g%s" % (x, unit))


def _fraction_of(f, text):
    return (lambda a, p: a is not None and p is not None and p <= a * f, text)


def _cron_target():
    return (lambda a, p: a is not None and p is not None and p * 50 <= a, "≥ 50× faster")


CASES = [
    ("add", "sqlite", 2000, [("add_seconds", LOWER, None), ("jobs_per_second", HIGHER, _ratio_at_least(60))]),
    # Punctual only: the physical limit of `add` (one autocommit INSERT straight through libsqlite3, no Qt).
    ("wal-commit", "sqlite", 2000, [("us_per_commit", LOWER, None), ("us_per_commit_fsync", LOWER, None)]),
    ("startup", "sqlite", 100000, [("start_seconds", LOWER, _below(0.5, " s")), ("list_all_seconds", LOWER, None)]),
    ("latency", "sqlite", 2000, [("lateness_ms_p50", LOWER, None), ("lateness_ms_p99", LOWER, _at_most(0.5, " ms")),
                                 ("lateness_ms_max", LOWER, _at_most(5, " ms")), ("missed", LOWER, _at_most(0))]),
    ("burst", "sqlite", 10000, [("drain_seconds", LOWER, None), ("jobs_per_second", HIGHER, _ratio_at_least(100)),
                                ("missed", LOWER, _at_most(0)), ("missed_default_grace", LOWER, _at_most(0))]),
    ("idle", "sqlite", 10000, [("cpu_seconds", LOWER, None), ("voluntary_context_switches", LOWER, None),
                               ("cpu_seconds_scheduler", LOWER, _below(0.001, " s")),
                               ("voluntary_context_switches_scheduler", LOWER, _at_most(0)), ("rss_mb", LOWER, None)]),
    # Punctual only: the real host (punctualctl run) measured from outside.
    ("host-idle", "sqlite", 10000, [("cpu_seconds", LOWER, _below(0.001, " s")),
                                    ("voluntary_context_switches", LOWER, _at_most(0)), ("rss_mb", LOWER, None)]),
    ("memory", "memory", 100000, [("rss_mb", LOWER, _at_most(25, " MiB")),
                                  ("rss_mb_baseline", LOWER, None), ("kb_per_job", LOWER, None)]),
    ("host-memory", "sqlite", 100000, [("rss_mb", LOWER, _at_most(40, " MiB")), ("armed_seconds", LOWER, None)]),
    ("cron_next", "none", 200000, [("ns_per_next", LOWER, _cron_target()), ("croniter_ns_per_next", LOWER, None)]),
    ("import", "sqlite", 100000, [("import_seconds", LOWER, None), ("parse_seconds", LOWER, None),
                                  ("end_to_end_seconds", LOWER, _at_most(0.5, " s"))]),
]
# Extras: the memory store (APScheduler's default) for the same scenarios.
EXTRAS = [
    ("add", "memory", 10000, [("add_seconds", LOWER, None), ("jobs_per_second", HIGHER, None)]),
    ("latency", "memory", 2000, [("lateness_ms_p50", LOWER, None), ("lateness_ms_p99", LOWER, None),
                                 ("lateness_ms_max", LOWER, None), ("missed", LOWER, None)]),
    ("burst", "memory", 10000, [("drain_seconds", LOWER, None), ("jobs_per_second", HIGHER, None),
                                ("missed", LOWER, None), ("missed_default_grace", LOWER, None)]),
    ("idle", "memory", 10000, [("cpu_seconds", LOWER, None), ("voluntary_context_switches", LOWER, None),
                               ("rss_mb", LOWER, None)]),
]
APS_SCENARIOS = {"add", "startup", "latency", "burst", "idle", "memory", "cron_next"}


def log(msg):
    sys.stderr.write("[compare] %s\n" % msg)
    sys.stderr.flush()


# --------------------------------------------------------------------------- set-up

def missing_packages():
    missing = []
    for package, module in DEBIAN_PACKAGES.items():
        probe = subprocess.run([PYTHON, "-c", "import %s" % module], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        if probe.returncode != 0:
            missing.append(package)
    return missing


def install_missing():
    missing = missing_packages()
    if not missing:
        return
    log("installing %s with apt-get" % " ".join(missing))
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-q"], check=False, env=env, stdout=sys.stderr)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + missing, check=True, env=env, stdout=sys.stderr)
    still = missing_packages()
    if [p for p in still if p != "python3-croniter"]:
        sys.exit("compare: still missing after apt-get: %s" % " ".join(still))


def find_aps_bench(given):
    for path in (given, os.environ.get("APSCHEDULER_BENCH"),
                 os.path.join(REPO, "..", "shared", "bench", "apscheduler_bench.py")):
        if path and os.path.isfile(path):
            return os.path.abspath(path)
    sys.exit("compare: apscheduler_bench.py not found (use --aps-bench or $APSCHEDULER_BENCH)")


def find_punctual_bench(given):
    for path in (given, os.environ.get("PUNCTUAL_BENCH")):
        if path:
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return os.path.abspath(path)
            sys.exit("compare: %s is not an executable" % path)
    found = glob.glob(os.path.join(REPO, "build*", "tests", "bench", "punctual-bench", "punctual-bench"))
    found = [p for p in found if os.access(p, os.X_OK)]
    if not found:
        sys.exit("compare: punctual-bench not built (cmake --build BUILD --target punctual-bench), "
                 "or name it with --punctual-bench")
    return max(found, key=os.path.getmtime)


# --------------------------------------------------------------------------- running

def run_one(command, timeout=None):
    """Runs one benchmark process; returns its JSON line as a dict (None if it failed or ran out of @timeout s)."""
    started = time.monotonic()
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        log("TIMED OUT after %.0f s: %s" % (timeout, " ".join(command)))
        return None
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        log("FAILED (%d) after %.1f s: %s\n%s" % (proc.returncode, elapsed, " ".join(command), proc.stderr[-2000:]))
        return None
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        log("no JSON from %s:\n%s" % (" ".join(command), proc.stdout[-2000:]))
        return None


def median(values):
    values = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not values:
        return None
    return statistics.median(values)


def fmt(value):
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) >= 100):
        return "{:,}".format(int(value))
    magnitude = abs(value)
    if magnitude >= 100:
        return "{:,.0f}".format(value)
    if magnitude >= 1:
        return "%.3g" % value if magnitude < 10 else "%.1f" % value
    if magnitude == 0:
        return "0"
    return "%.3g" % value


def ratio_text(aps, pun, better):
    """How many times better Punctual is (> 1: Punctual better)."""
    if aps is None or pun is None:
        return "—"
    if better == LOWER:
        if pun == 0:
            return "—" if aps == 0 else "∞"
        factor = aps / pun
    else:
        if aps == 0:
            return "—"
        factor = pun / aps
    if factor >= 100:
        return "{:,.0f}×".format(factor)
    return "%.2g×" % factor if factor < 10 else "%.0f×" % factor


def change_text(base, now, better):
    """The current build against the baseline, in percent (positive: better in the figure's direction)."""
    if base is None or now is None or better == EQUAL:
        return "—"
    if base == 0:
        return "0 %" if now == 0 else "—"
    gain = (base - now) / base if better == LOWER else (now - base) / base
    return "%+.1f %%" % (gain * 100)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each case (medians shown), default 1")
    ap.add_argument("--only", default="", help="comma-separated scenarios (e.g. latency,burst)")
    ap.add_argument("--quick", action="store_true", help="small N everywhere (a smoke run, not a measurement)")
    ap.add_argument("--no-extras", action="store_true", help="only the cases issue 19 sets targets for")
    ap.add_argument("--punctual-bench", default=None)
    ap.add_argument("--aps-bench", default=None)
    ap.add_argument("--json", default=None, help="write every raw result to this file (JSON lines)")
    ap.add_argument("--baseline-bench", default=None, help="a punctual-bench of an earlier build, run alternately")
    ap.add_argument("--skip-aps", action="store_true", help="run no APScheduler case (with --baseline-bench)")
    a = ap.parse_args()

    install_missing()
    aps_bench = find_aps_bench(a.aps_bench)
    punctual_bench = find_punctual_bench(a.punctual_bench)
    log("APScheduler: %s %s" % (PYTHON, aps_bench))
    log("Punctual:    %s" % punctual_bench)
    if a.baseline_bench:
        log("Baseline:    %s" % a.baseline_bench)
    runners = ([] if a.skip_aps else ["aps"]) + ["punctual"] + (["baseline"] if a.baseline_bench else [])

    only = {s for s in a.only.split(",") if s}
    cases = [c for c in CASES + ([] if a.no_extras else EXTRAS) if not only or c[0] in only]

    raw = open(a.json, "w") if a.json else None
    tmp = tempfile.mkdtemp(prefix="punctual-compare-")
    results = {}  # (case index, system) -> list of dicts
    try:
        for rep in range(a.repeat):
            for index, (scenario, store, n, _) in enumerate(cases):
                if a.quick:
                    n = max(10, n // 20) if scenario != "cron_next" else 20000
                for system in runners:
                    if system == "aps" and scenario not in APS_SCENARIOS:
                        continue
                    args = [scenario, "--jobs", str(n)]
                    if store != "none":
                        args += ["--store", store]
                    if scenario == "startup":
                        # A kept file of our own per system, so each run after the first reuses its pre-fill.
                        args += ["--db", os.path.join(tmp, "%s-startup-%d.sqlite" % (system, n))]
                    binary = {"aps": [PYTHON, aps_bench], "punctual": [punctual_bench],
                              "baseline": [a.baseline_bench]}[system]
                    names = {"aps": "APScheduler", "punctual": "Punctual", "baseline": "Punctual (baseline)"}
                    log("[%d/%d] %s %s" % (rep + 1, a.repeat, names[system], " ".join(args)))
                    command = binary + args
                    result = run_one(command)
                    if result is None:
                        continue
                    results.setdefault((index, system), []).append(result)
                    if raw:
                        raw.write(json.dumps(result) + "\n")
                        raw.flush()
    finally:
        if raw:
            raw.close()
        shutil.rmtree(tmp, ignore_errors=True)

    # ----------------------------------------------------------------------- the table
    systems = {}
    for (index, system), runs in results.items():
        systems.setdefault(system, runs[0].get("system"))
    out = sys.stdout
    out.write("APScheduler: %s; Punctual: %s; medians of %d run(s) per case, both systems alternating.\n\n"
              % (systems.get("aps", "?"), systems.get("punctual", "?"), a.repeat))
    extra_head = " baseline | change |" if a.baseline_bench else ""
    out.write("| scenario | store | N | figure | better | APScheduler | Punctual | ratio | target | met |%s\n"
              % extra_head)
    out.write("|---|---|---:|---|---|---:|---:|---:|---|---|%s\n" % ("---:|---:|" if a.baseline_bench else ""))
    for index, (scenario, store, n, figures) in enumerate(cases):
        if a.quick:
            n = max(10, n // 20) if scenario != "cron_next" else 20000
        aps_runs = results.get((index, "aps"), [])
        pun_runs = results.get((index, "punctual"), [])
        base_runs = results.get((index, "baseline"), [])
        for key, better, target in figures:
            aps = median([r.get(key) for r in aps_runs])
            pun = median([r.get(key) for r in pun_runs])
            base = median([r.get(key) for r in base_runs])
            if key == "croniter_ns_per_next":
                pun = base = None  # croniter is Python: only APScheduler's run measures it
            met = ""
            if target and not (aps is None and "APScheduler" in target[1]):  # a ratio needs APScheduler's figure
                met = "yes" if target[0](aps, pun) else "**no**"
            extra = ""
            if a.baseline_bench:
                extra = " %s | %s |" % (fmt(base), change_text(base, pun, better))
            out.write("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%s\n" % (
                scenario, store, "{:,}".format(n), "`%s`" % key, better, fmt(aps), fmt(pun),
                ratio_text(aps, pun, better), target[1] if target else "", met, extra))
    out.write("\nratio: how many times better Punctual is on that figure (its direction in \"better\").\n")
    if a.baseline_bench:
        out.write("change: the current build against the baseline build, in percent of the baseline (positive: better).\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
