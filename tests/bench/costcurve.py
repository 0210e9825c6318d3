#!/usr/bin/python3
"""Draws Punctual's cost curve (issue 19): every scale scenario at N = 10,000, 100,000 and 1,000,000 jobs.

    /usr/bin/python3 tests/bench/costcurve.py [--sizes 10000,100000,1000000] [--repeat R] [--only CASE[,CASE...]]
                                              [--json FILE] [--table FILE] [--plot FILE] [--quick]
                                              [--punctual-bench PATH] [--aps-bench PATH] [--joblist-bench PATH]

Cases (--only takes these names): add-sqlite, add-memory (one call each), import (bulk add, one call), startup
(armed, listed), window (the window's list: benchjoblist), memory (memory store), host (a real `punctualctl run`
host: armed, memory), due-pass-sqlite, due-pass-memory (1 % of the jobs due at once), history (10 million runs:
write, prune, read one job's last 100).

APScheduler (../shared/bench/apscheduler_bench.py, run with /usr/bin/python3) runs the cases it has (add on both
stores, startup, memory) right before Punctual's run of the same case, wherever it finishes within 10 minutes: a
case whose time at the previous N, scaled linearly, passes 600 s is skipped, and every run is stopped after 600 s;
such cells say so. Medians of --repeat runs (history runs once per N: 10 million rows take minutes).

stdout: the table (Markdown; also --table FILE). stderr: progress. --json FILE keeps every raw JSON line (and one
line per skipped run); --plot FILE draws the curves (log-log; Punctual solid, APScheduler dashed). --quick: sizes
1000,10000 and 100,000 history runs, a smoke run, not a measurement.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (same folder: its finding, installing and formatting helpers)

APS_LIMIT_S = 600.0
PUNCTUAL_TIMEOUT_S = 1800.0
HISTORY_RUNS = 10_000_000
QUICK_HISTORY_RUNS = 100_000
REUSES_STARTUP_FILE = {"due-pass", "history", "host-memory"}

TIME, HISTORY, MEMORY = "time", "history", "memory"
GROUPS = [(TIME, "scheduling, listing and start-up", "seconds"),
          (HISTORY, "run history (10 million runs over N jobs)", "seconds"),
          (MEMORY, "memory", "MiB")]

# name, runner ("bench": punctual-bench, "window": benchjoblist), scenario, store, APScheduler has it,
# figures: (key, label, group, better, scale for the plot)
CASES = [
    ("add-sqlite", "bench", "add", "sqlite", True,
     [("add_seconds", "add, one call each (SQLite)", TIME, compare.LOWER, 1)]),
    ("add-memory", "bench", "add", "memory", True,
     [("add_seconds", "add, one call each (memory)", TIME, compare.LOWER, 1)]),
    ("import", "bench", "import", "sqlite", False,
     [("import_seconds", "bulk add, one call (SQLite)", TIME, compare.LOWER, 1)]),
    ("startup", "bench", "startup", "sqlite", True,
     [("start_seconds", "startup: armed (SQLite)", TIME, compare.LOWER, 1),
      ("list_all_seconds", "startup: all jobs listed (SQLite)", TIME, compare.LOWER, 1)]),
    ("window", "window", "window_list", "sqlite", False,
     [("load_seconds", "window: list loaded and shown", TIME, compare.LOWER, 1),
      ("load_rss_mib", "window: process RSS, list shown", MEMORY, compare.LOWER, 1),
      ("model_rss_mib", "window: RSS added by the list", MEMORY, compare.LOWER, 1)]),
    ("memory", "bench", "memory", "memory", True,
     [("rss_mb", "memory store: process RSS", MEMORY, compare.LOWER, 1)]),
    ("host", "bench", "host-memory", "sqlite", False,
     [("armed_seconds", "host (punctualctl run): armed", TIME, compare.LOWER, 1),
      ("rss_mb", "host (punctualctl run): RSS", MEMORY, compare.LOWER, 1)]),
    ("due-pass-sqlite", "bench", "due-pass", "sqlite", False,
     [("due_pass_seconds", "1 % due at once: pass done (SQLite)", TIME, compare.LOWER, 1),
      ("drain_seconds", "1 % due at once: runs ended (SQLite)", TIME, compare.LOWER, 1)]),
    ("due-pass-memory", "bench", "due-pass", "memory", False,
     [("due_pass_seconds", "1 % due at once: pass done (memory)", TIME, compare.LOWER, 1),
      ("rss_mb", "1 % due at once: RSS after (memory)", MEMORY, compare.LOWER, 1)]),
    ("history", "bench", "history", "sqlite", False,
     [("write_seconds", "write the runs (store calls)", HISTORY, compare.LOWER, 1),
      ("write_runs_per_second", "write rate (runs/s)", None, compare.HIGHER, 1),
      ("prune_seconds", "prune to 100 per job", HISTORY, compare.LOWER, 1),
      ("read_last100_ms", "read one job's last 100 (ms; plotted in s)", HISTORY, compare.LOWER, 0.001)]),
]


def log(msg):
    sys.stderr.write("[costcurve] %s\n" % msg)
    sys.stderr.flush()


def find_joblist_bench(given, punctual_bench):
    """benchjoblist: --joblist-bench, $JOBLIST_BENCH, or beside punctual-bench's folder (build/tests/bench/)."""
    for path in (given, os.environ.get("JOBLIST_BENCH"),
                 os.path.join(os.path.dirname(os.path.dirname(punctual_bench)), "benchjoblist")):
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
    return None


def machine_text():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores, %s" % (socket.gethostname(), os.cpu_count() or 0, cpu)


def command_for(case, system, n, tools, tmp, quick):
    name, runner, scenario, store, _, _ = case
    if system == "aps":
        command = [compare.PYTHON, tools["aps"], scenario, "--jobs", str(n), "--store", store]
        if scenario == "startup":
            command += ["--db", os.path.join(tmp, "aps-startup-%d.sqlite" % n)]
        return command
    if runner == "window":
        return [tools["window"], "--jobs", str(n)]
    command = [tools["punctual"], scenario, "--jobs", str(n), "--store", store]
    if scenario == "startup":
        # Kept between repeats, as compare.py does: each run after the first reuses its pre-fill.
        command += ["--db", os.path.join(tmp, "punctual-startup-%d.sqlite" % n)]
    if scenario == "history":
        command += ["--runs", str(QUICK_HISTORY_RUNS if quick else HISTORY_RUNS)]
    if scenario in REUSES_STARTUP_FILE and store == "sqlite":
        # Not timed, but minutes at 1M: a copy of startup's pre-filled file (the same N interval-1h no-op jobs),
        # which the scenario takes as it is (it makes its own when the file does not hold N such jobs).
        startup_file = os.path.join(tmp, "punctual-startup-%d.sqlite" % n)
        if os.path.isfile(startup_file):
            copy = os.path.join(tmp, "copy-%s-%d.sqlite" % (name, n))
            for suffix in ("", "-wal"):
                if os.path.isfile(startup_file + suffix):
                    shutil.copyfile(startup_file + suffix, copy + suffix)
            command += ["--db", copy]
    return command


def remove_copies(tmp):
    for path in os.listdir(tmp):
        if path.startswith("copy-"):
            os.remove(os.path.join(tmp, path))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated N (default 10k,100k,1M)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each case (medians shown), default 1")
    ap.add_argument("--only", default="", help="comma-separated cases: " + ",".join(c[0] for c in CASES))
    ap.add_argument("--json", default=None, help="write every raw result to this file (JSON lines)")
    ap.add_argument("--table", default=None, help="also write the Markdown table to this file")
    ap.add_argument("--plot", default=None, help="draw the curves into this PNG")
    ap.add_argument("--quick", action="store_true", help="sizes 1000,10000 and 100,000 history runs (a smoke run)")
    ap.add_argument("--skip-aps", action="store_true", help="run no APScheduler case")
    ap.add_argument("--punctual-bench", default=None)
    ap.add_argument("--aps-bench", default=None)
    ap.add_argument("--joblist-bench", default=None)
    ap.add_argument("--from-json", default=None, help="run nothing: the table and plot of earlier --json FILE[,FILE...]")
    a = ap.parse_args()

    sizes = [1000, 10000] if a.quick else [int(s.replace("_", "")) for s in a.sizes.split(",") if s]
    only = {s for s in a.only.split(",") if s}
    unknown = only - {c[0] for c in CASES}
    if unknown:
        ap.error("unknown case(s): %s" % ", ".join(sorted(unknown)))
    cases = [c for c in CASES if not only or c[0] in only]

    if a.from_json:
        return report(a, cases, *load(a.from_json.split(","), cases), {}, None)
    tools = {"punctual": compare.find_punctual_bench(a.punctual_bench)}
    tools["window"] = find_joblist_bench(a.joblist_bench, tools["punctual"])
    use_aps = not a.skip_aps and any(c[4] for c in cases)
    if use_aps:
        compare.install_missing()
        tools["aps"] = compare.find_aps_bench(a.aps_bench)
        log("APScheduler: %s %s" % (compare.PYTHON, tools["aps"]))
    log("Punctual:    %s" % tools["punctual"])
    log("window list: %s" % (tools["window"] or "benchjoblist not built: the window case is left out"))
    if not tools["window"]:
        cases = [c for c in cases if c[1] != "window"]

    raw = open(a.json, "w") if a.json else None
    tmp = tempfile.mkdtemp(prefix="punctual-costcurve-")
    results = {}   # (case name, system, n) -> list of result dicts
    notes = {}     # (case name, system, n) -> why there is no figure
    last = {}      # (case name, system) -> (n, seconds) of the last finished run
    size_seconds = {}
    started = datetime.datetime.now(datetime.timezone.utc)

    def keep(line):
        if raw:
            raw.write(json.dumps(line) + "\n")
            raw.flush()

    try:
        for n in sizes:
            size_start = time.monotonic()
            for case in cases:
                name, runner, scenario, store, has_aps, _ = case
                systems = (["aps"] if use_aps and has_aps else []) + ["punctual"]
                for system in systems:
                    repeats = 1 if scenario == "history" else a.repeat
                    limit = APS_LIMIT_S if system == "aps" else PUNCTUAL_TIMEOUT_S
                    previous = last.get((name, system))
                    if previous and previous[1] * n / previous[0] > limit:
                        why = "skipped: %.0f s at N=%d predicts %.0f s > %.0f s" % (
                            previous[1], previous[0], previous[1] * n / previous[0], limit)
                        log("%s %s N=%d %s" % (system, name, n, why))
                        notes[(name, system, n)] = "skipped (> %.0f s)" % limit
                        keep({"system": system, "case": name, "jobs": n, "store": store, "skipped": why})
                        last[(name, system)] = (n, previous[1] * n / previous[0])
                        continue
                    for rep in range(repeats):
                        command = command_for(case, system, n, tools, tmp, a.quick)
                        log("[%d/%d] N=%d %s" % (rep + 1, repeats, n, " ".join(command)))
                        t0 = time.monotonic()
                        result = compare.run_one(command, timeout=limit)
                        elapsed = time.monotonic() - t0
                        remove_copies(tmp)
                        if result is None:
                            timed_out = elapsed >= limit
                            notes[(name, system, n)] = "timed out (> %.0f s)" % limit if timed_out else "failed"
                            keep({"system": system, "case": name, "jobs": n, "store": store,
                                  "skipped": "timed out" if timed_out else "failed", "wall_seconds": elapsed})
                            last[(name, system)] = (n, max(elapsed, limit if timed_out else elapsed))
                            break
                        if runner == "window":
                            result = dict({"system": "punctual-window"}, **result)
                        result["wall_seconds"] = round(elapsed, 3)
                        keep(result)
                        results.setdefault((name, system, n), []).append(result)
                        last[(name, system)] = (n, elapsed)
                        log("    %.1f s" % elapsed)
            size_seconds[n] = time.monotonic() - size_start
            log("N=%d took %.0f s" % (n, size_seconds[n]))
    finally:
        if raw:
            raw.close()
        shutil.rmtree(tmp, ignore_errors=True)

    return report(a, cases, sizes, results, notes, use_aps, size_seconds, started)


def load(paths, cases):
    """The results of earlier runs (their --json lines): sizes, results, notes, whether APScheduler ran."""
    by_kind = {(c[2], c[3]): c[0] for c in CASES}
    results, notes, sizes, use_aps = {}, {}, set(), False
    for path in paths:
        with open(path) as lines:
            for line in lines:
                if not line.strip():
                    continue
                r = json.loads(line)
                system = "aps" if r.get("system", "").startswith("aps") else "punctual"
                use_aps = use_aps or system == "aps"
                n = r.get("jobs")
                sizes.add(n)
                if "skipped" in r:
                    notes[(r["case"], system, n)] = r["skipped"].split(":")[0]
                    continue
                scenario = r.get("scenario")
                name = by_kind.get((scenario, r.get("store", "sqlite" if scenario == "window_list" else None)))
                if name:
                    results.setdefault((name, system, n), []).append(r)
    return sorted(sizes), results, notes, use_aps


def report(a, cases, sizes, results, notes, use_aps, size_seconds, started):
    def value(name, system, n, key):
        return compare.median([r.get(key) for r in results.get((name, system, n), [])])

    versions = {}
    for (name, system, n), runs in results.items():
        if not runs[0].get("system", "").endswith("window"):
            versions.setdefault(system, runs[0].get("system"))
    total = sum(size_seconds.values())
    lines = []
    started = started or datetime.datetime.now(datetime.timezone.utc)
    lines.append("Cost curve, %s UTC on %s. Punctual: %s; APScheduler: %s. Medians of %d run(s) (history: 1)."
                 % (started.strftime("%Y-%m-%d %H:%M"), machine_text(), versions.get("punctual", "?"),
                    versions.get("aps", "not run"), a.repeat))
    lines.append("")
    head = "| case | figure |" + "".join(" N=%s Punctual | APScheduler | ratio |" % "{:,}".format(n) for n in sizes)
    lines.append(head)
    lines.append("|---|---|" + "---:|---:|---:|" * len(sizes))
    for name, runner, scenario, store, has_aps, figures in cases:
        for key, label, group, better, scale in figures:
            cells = []
            for n in sizes:
                pun = value(name, "punctual", n, key)
                aps = value(name, "aps", n, key) if has_aps else None
                pun_text = compare.fmt(pun) if pun is not None else notes.get((name, "punctual", n), "—")
                if has_aps and use_aps:
                    aps_text = compare.fmt(aps) if aps is not None else notes.get((name, "aps", n), "—")
                else:
                    aps_text = "n/a"
                cells.append(" %s | %s | %s |" % (pun_text, aps_text, compare.ratio_text(aps, pun, better)))
            lines.append("| %s | %s (`%s`) |%s" % (name, label, key, "".join(cells)))
    lines.append("")
    lines.append("ratio: how many times better Punctual is (APScheduler ÷ Punctual for times and memory). "
                 "n/a: APScheduler has no such scenario." + (" Wall time of the run: %s; total %.0f s." % (
                     ", ".join("N=%s %.0f s" % ("{:,}".format(n), s) for n, s in size_seconds.items()), total)
                     if size_seconds else ""))
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if a.table:
        with open(a.table, "w") as out:
            out.write(text)
    if a.plot:
        plot(a.plot, cases, sizes, value, use_aps, started)
    return 0


def plot(path, cases, sizes, value, use_aps, started):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(GROUPS), figsize=(7 * len(GROUPS), 9))
    colours = plt.get_cmap("tab20").colors
    for axis, (group, title, unit) in zip(axes, GROUPS):
        index = 0
        for name, runner, scenario, store, has_aps, figures in cases:
            for key, label, fig_group, better, scale in figures:
                if fig_group != group:
                    continue
                colour = colours[index % len(colours)]
                index += 1
                for system, style, suffix in (("punctual", "-", ""), ("aps", "--", " — APScheduler")):
                    if system == "aps" and not (use_aps and has_aps):
                        continue
                    points = [(n, value(name, system, n, key)) for n in sizes]
                    points = [(n, v * scale) for n, v in points if v is not None and v > 0]
                    if not points:
                        continue
                    axis.plot([p[0] for p in points], [p[1] for p in points], style, marker="o", markersize=4,
                              color=colour, label=label + suffix)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("jobs (N)")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.set_xticks(sizes)
        axis.set_xticklabels(["{:,}".format(n) for n in sizes])
        if axis.get_legend_handles_labels()[0]:
            axis.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    fig.suptitle("Punctual cost curve (solid) vs APScheduler 3 (dashed) — %s UTC — %s"
                 % (started.strftime("%Y-%m-%d %H:%M"), machine_text()), fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    fig.savefig(path, dpi=110)
    log("plot written to %s" % path)


if __name__ == "__main__":
    sys.exit(main())
