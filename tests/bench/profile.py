#!/usr/bin/python3
"""Instruction profiles of punctual-bench's scenarios (callgrind): where each figure's time goes, per job.

    /usr/bin/python3 tests/bench/profile.py [--only add,burst] [--out DIR] [--punctual-bench PATH]

For each scenario it runs `punctual-bench` under `valgrind --tool=callgrind`, counting only inside the functions
that make the figure (--toggle-collect), and prints the largest inclusive costs as instructions per job. Instruction
counts do not move with the machine's load, unlike wall-clock times: they are what docs/benchmarks.md's "Where
the time goes" quotes. The raw callgrind files stay in --out (callgrind_annotate or kcachegrind read them).
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (finds punctual-bench)

# scenario name -> (punctual-bench arguments, jobs the count is divided by, functions whose cost is the figure's)
PROFILES = {
    "add": (["add", "--jobs", "2000", "--store", "sqlite"], 2000, ["punctual::Scheduler::addJob*"]),
    "wal-commit": (["wal-commit", "--jobs", "2000"], 2300, ["bench::*secondsPerCommit*"]),
    "burst": (["burst", "--jobs", "2000", "--store", "sqlite"], 4000,
              ["punctual::Scheduler::processDue*", "punctual::RunTracker::flush*", "punctual::PooledExecutor::runTask*",
               "punctual::PooledExecutor::deliverNotices*"]),
    "latency": (["latency", "--jobs", "500", "--store", "sqlite"], 500,
                ["punctual::Scheduler::processDue*", "punctual::RunTracker::flush*",
                 "punctual::PooledExecutor::runTask*", "punctual::PooledExecutor::deliverNotices*"]),
    "import": (["import", "--jobs", "20000", "--store", "sqlite"], 20000,
               ["bench::scenarioImport*"]),
    "startup": (["startup", "--jobs", "20000"], 20000, ["bench::scenarioStartup*"]),
    "cron_next": (["cron_next", "--jobs", "20000"], 20000, ["bench::scenarioCronNext*"]),
    "memory": (["memory", "--jobs", "20000"], 20000, ["punctual::Scheduler::addJob*"]),
}


def annotate(path, per, top):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", path], capture_output=True, text=True).stdout
    total = None
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        what = m.group(2)
        if what.startswith("PROGRAM TOTALS"):
            total = count
            continue
        if "???" in what or "libc-start" in what or "below main" in what:
            continue
        where = what.split(" [")[0]
        name = where.split(":", 1)[1] if ":" in where else where  # "file:function"; a path has no colon
        rows.append((count, name))
    seen = set()
    shown = []
    for count, name in rows:
        short = re.sub(r"\(.*", "", name.replace("(anonymous namespace)", "{anon}"))
        if short in seen:
            continue
        seen.add(short)
        shown.append((count, short))
        if len(shown) >= top:
            break
    return total, shown


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="comma-separated scenarios (default: all): " + ",".join(PROFILES))
    ap.add_argument("--out", default="/tmp/punctual-profiles", help="folder for the callgrind files")
    ap.add_argument("--punctual-bench", help="the punctual-bench binary (default: newest build*/ folder)")
    ap.add_argument("--top", type=int, default=14, help="functions shown per scenario")
    args = ap.parse_args()
    bench = args.punctual_bench or compare.find_punctual_bench(None)
    os.makedirs(args.out, exist_ok=True)
    names = args.only.split(",") if args.only else list(PROFILES)
    for name in names:
        argv, per, toggles = PROFILES[name]
        path = os.path.join(args.out, "callgrind.%s" % name)
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + path]
        cmd += ["--toggle-collect=" + t for t in toggles]
        cmd += [bench] + argv
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        total, shown = annotate(path, per, args.top)
        print("## %s (%s; per job = / %d)" % (name, " ".join(argv), per))
        print("total %s instructions, %.1f k per job" % (format(total, ","), total / per / 1000.0))
        for count, fn in shown:
            print("  %9.1f k  %s" % (count / per / 1000.0, fn[:150]))
        print()


if __name__ == "__main__":
    main()
