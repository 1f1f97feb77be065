#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""plan-memory.py WAYMARK [RUNS [SIZES]]: peak memory and time to the first frame of the real app
opening a plan of 0, 100, 1,000 and 10,000 items (or SIZES, comma-separated) with the Plan page
shown, under the current DISPLAY. Each run is `waymark --catalogue C --quit-after-first-frame
PLAN` in fresh XDG directories; the plans come from gen-plan.py over one catalogue of
gen-catalogue.py, so every run reads the same catalogue. Peak memory is the process's maximum
resident set (ru_maxrss from wait4, the same figure as VmHWM); a run that passes LIMIT_MB of
resident memory is stopped and reported as such. Prints medians, minimum and maximum."""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

LIMIT_MB = 6144
here = os.path.dirname(os.path.abspath(__file__))
waymark = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
sizes = [int(s) for s in sys.argv[3].split(",")] if len(sys.argv) > 3 else [0, 100, 1000, 10000]

tmp = tempfile.mkdtemp(prefix="waymark-plan-memory-")
catalogue = os.path.join(tmp, "catalogue.json")
subprocess.run([sys.executable, os.path.join(here, "gen-catalogue.py"), str(max(sizes + [10000])),
                catalogue], check=True)
plans = {}
for n in sizes:
    plans[n] = os.path.join(tmp, f"plan-{n}.waymark")
    subprocess.run([sys.executable, os.path.join(here, "gen-plan.py"), str(n), catalogue,
                    plans[n]], check=True)


def resident_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def once(n):
    home = tempfile.mkdtemp(dir=tmp)
    env = dict(os.environ, GSK_RENDERER="cairo", GDK_DEBUG="gl-disable", GDK_BACKEND="x11",
               GSETTINGS_BACKEND="memory", GTK_A11Y="none", HOME=home,
               GSETTINGS_SCHEMA_DIR=os.environ.get("GSETTINGS_SCHEMA_DIR", "build/data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_STATE_HOME=os.path.join(home, "state"))
    start = time.monotonic_ns() // 1000
    process = subprocess.Popen([waymark, "--catalogue", catalogue, "--quit-after-first-frame",
                                plans[n]], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    killed = []

    def watch():
        while process.poll() is None:
            if resident_mb(process.pid) > LIMIT_MB:
                killed.append(True)
                process.kill()
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    out_lines = []
    for line in process.stdout:
        out_lines.append(line)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = status
    watcher.join()
    shutil.rmtree(home, ignore_errors=True)
    peak = usage.ru_maxrss / 1024
    if killed:
        return None, peak
    for line in out_lines:
        if line.startswith("first-frame-monotonic-us "):
            return (int(line.split()[1]) - start) / 1000.0, peak
    raise SystemExit(f"waymark printed no first frame for {n} items: {''.join(out_lines)!r}")


try:
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    once(sizes[0])  # warm the caches
    samples = {n: [] for n in sizes}
    for _ in range(runs):
        for n in sizes:
            samples[n].append(once(n))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"{'items':>7} {'first frame, median (min-max)':>34} {'peak RSS, median (min-max)':>32}")
    for n in sizes:
        frames = [f for f, _ in samples[n] if f is not None]
        peaks = [p for _, p in samples[n]]
        stopped = len(samples[n]) - len(frames)
        frame = (f"{statistics.median(frames):8.0f} ms ({min(frames):.0f}-{max(frames):.0f})"
                 if frames else "      none")
        note = f"  {stopped} of {runs} stopped above {LIMIT_MB} MB" if stopped else ""
        print(f"{n:7} {frame:>34} {statistics.median(peaks):12.0f} MB "
              f"({min(peaks):.0f}-{max(peaks):.0f}){note}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
