#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""startup.py BARE WAYMARK [RUNS]: exec to first frame for a bare GTK 4 window, a bare libadwaita
window and Waymark, in turn, under the current DISPLAY; prints the medians and the ratios. Each
program prints the CLOCK_MONOTONIC time of its first frame; this subtracts the time just before
exec."""
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


programs = {
    "bare GTK 4 window": [bare],
    "bare libadwaita window": [bare, "--adwaita"],
    "waymark": [waymark, "--quit-after-first-frame"],
}
samples = {name: [] for name in programs}
for argv in programs.values():
    once(argv)  # warm the caches
for _ in range(runs):
    for name, argv in programs.items():
        samples[name].append(once(argv))
median = {name: statistics.median(values) for name, values in samples.items()}
for name, values in samples.items():
    print(f"{name:24} median {median[name]:7.1f} ms  (min {min(values):.1f}, "
          f"max {max(values):.1f}, {runs} runs)")
print(f"ratio waymark / bare GTK 4 window       {median['waymark'] / median['bare GTK 4 window']:.2f}"
      "  (target: within 1.5)")
print(f"ratio waymark / bare libadwaita window  "
      f"{median['waymark'] / median['bare libadwaita window']:.2f}")
