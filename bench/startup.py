#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""startup.py BARE WAYMARK [RUNS]: exec to first frame for a bare GTK 4 window, a bare libadwaita
window and Waymark, in turn, under the current DISPLAY; prints the medians and the ratios. Each
program prints the CLOCK_MONOTONIC time of its first frame; this subtracts the time just before
exec. It also prints each program's CPU time (user + system, from wait4: the program quits at its
first frame), which a busy machine inflates far less than the wall time, and the load average
before and after: above 0.5 the wall times are not trustworthy, and it says so."""
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
    """Wall time to the first frame and CPU time of the whole run (it quits at its first
    frame), in ms."""
    start = time.monotonic_ns() // 1000
    child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    out = child.stdout.read()
    child.stdout.close()
    usage = os.wait4(child.pid, 0)[2]
    child.returncode = 0  # reaped here, so that Popen does not wait for it again
    for line in out.splitlines():
        if line.startswith("first-frame-monotonic-us "):
            return ((int(line.split()[1]) - start) / 1000.0,
                    (usage.ru_utime + usage.ru_stime) * 1000.0)
    raise SystemExit(f"{argv[0]} printed no first frame: {out!r}")


programs = {
    "bare GTK 4 window": [bare],
    "bare libadwaita window": [bare, "--adwaita"],
    "waymark": [waymark, "--quit-after-first-frame"],
}
samples = {name: [] for name in programs}
cpu = {name: [] for name in programs}
load_before = os.getloadavg()[0]
for argv in programs.values():
    once(argv)  # warm the caches
for _ in range(runs):
    for name, argv in programs.items():
        wall, used = once(argv)
        samples[name].append(wall)
        cpu[name].append(used)
load_after = os.getloadavg()[0]
median = {name: statistics.median(values) for name, values in samples.items()}
cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
for name, values in samples.items():
    print(f"{name:24} median {median[name]:7.1f} ms  (min {min(values):.1f}, "
          f"max {max(values):.1f}, {runs} runs)  CPU median {cpu_median[name]:6.1f} ms")
print(f"ratio waymark / bare GTK 4 window       {median['waymark'] / median['bare GTK 4 window']:.2f}")
print(f"ratio waymark / bare libadwaita window  "
      f"{median['waymark'] / median['bare libadwaita window']:.2f}  (target: within 1.5)")
print(f"CPU ratio waymark / bare libadwaita     "
      f"{cpu_median['waymark'] / cpu_median['bare libadwaita window']:.2f}")
print(f"load average (1 min) before {load_before:.2f}, after {load_after:.2f}")
if max(load_before, load_after) > 0.5:
    print("the machine was busy (load average above 0.5): the wall times are not trustworthy; "
          "the CPU times and the ratios taken in turn are less affected")
