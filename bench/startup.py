#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""startup.py BARE WAYMARK [RUNS]: exec to first frame for a bare GTK 4 window and for Waymark,
alternating, under the current DISPLAY; prints the medians and their ratio. Both programs print
the CLOCK_MONOTONIC time of their first frame; this subtracts the time just before exec."""
import os
import statistics
import subprocess
import sys
import time

bare, waymark = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21
env = dict(os.environ, GSK_RENDERER="cairo", GDK_DEBUG="gl-disable", GDK_BACKEND="x11",
           GSETTINGS_BACKEND="memory", GTK_A11Y="none")


def once(argv):
    start = time.monotonic_ns() // 1000
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith("first-frame-monotonic-us "):
            return (int(line.split()[1]) - start) / 1000.0
    raise SystemExit(f"{argv[0]} printed no first frame: {out!r}")


samples = {"bare": [], "waymark": []}
once([bare]), once([waymark, "--quit-after-first-frame"])  # warm the caches
for _ in range(runs):
    samples["bare"].append(once([bare]))
    samples["waymark"].append(once([waymark, "--quit-after-first-frame"]))
b = statistics.median(samples["bare"])
w = statistics.median(samples["waymark"])
print(f"bare GTK 4 window   median {b:7.1f} ms  (min {min(samples['bare']):.1f}, max {max(samples['bare']):.1f}, {runs} runs)")
print(f"waymark             median {w:7.1f} ms  (min {min(samples['waymark']):.1f}, max {max(samples['waymark']):.1f}, {runs} runs)")
print(f"ratio waymark/bare  {w / b:.2f}  (target: within 1.5)")
