#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# startup-instructions.sh BUILD [RUNS]: instructions executed from exec to the first frame, counted
# by valgrind's callgrind, for a bare GTK 4 window, a bare libadwaita window and Waymark with the
# review's catalogue (issue 18). An instruction count does not depend on what else the machine is
# doing, so it can be taken on a busy machine where wall-clock times cannot (bench/startup.py
# measures those, on a quiet one). Each program prints its first frame at the first `after-paint`
# (--quit-after-first-frame for Waymark); callgrind dumps its counts on entering that function, so
# the first dump holds exec to the first frame and nothing after.
#
# Runs under the current DISPLAY (start an Xvfb first: 1366x860 or larger, so that the window has
# its default size). Prints each run's count, the medians and the ratios; keeps the profiles in
# $OUT (default /tmp/waymark-startup-callgrind) for callgrind_annotate --inclusive=yes.
set -eu

build=${1:?usage: startup-instructions.sh BUILD [RUNS]}
runs=${2:-3}
out=${OUT:-/tmp/waymark-startup-callgrind}
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM

# The environment of bench/startup.py, plus fresh settings and directories (so that the window has
# its default size and no plan is reopened).
run () {
  name=$1 fn=$2
  shift 2
  rm -f "$out/$name".*
  env -i PATH="$PATH" DISPLAY="$DISPLAY" HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
    XDG_RUNTIME_DIR="$home" LANG=en_GB.UTF-8 DBUS_SESSION_BUS_ADDRESS=disabled: \
    GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
    valgrind --tool=callgrind --dump-before="$fn" --callgrind-out-file="$out/$name.%p" \
    "$@" > "$out/$name.log" 2> "$out/$name.err"
  # The dump taken at the first frame is the file whose name ends in .1.
  dump=$(ls "$out/$name".*.1)
  mv "$dump" "$out/$name.callgrind"
  rm -f "$out/$name".[0-9]*
  sed -n 's/^summary: \([0-9]*\).*/\1/p' "$out/$name.callgrind"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

: > "$out/runs-gtk"; : > "$out/runs-adw"; : > "$out/runs-waymark"
i=0
while [ "$i" -lt "$runs" ]; do
  run gtk on_after_paint "$build/bench/bare-window" >> "$out/runs-gtk"
  run adw on_after_paint "$build/bench/bare-window" --adwaita >> "$out/runs-adw"
  run waymark on_first_frame "$build/src/gui/waymark" --quit-after-first-frame >> "$out/runs-waymark"
  i=$((i + 1))
done

gtk=$(median < "$out/runs-gtk")
adw=$(median < "$out/runs-adw")
waymark=$(median < "$out/runs-waymark")
printf '%-24s %s\n' "bare GTK 4 window" "$(tr '\n' ' ' < "$out/runs-gtk")"
printf '%-24s %s\n' "bare libadwaita window" "$(tr '\n' ' ' < "$out/runs-adw")"
printf '%-24s %s\n' "waymark" "$(tr '\n' ' ' < "$out/runs-waymark")"
echo "medians (instructions to the first frame): GTK $gtk, libadwaita $adw, waymark $waymark"
awk -v g="$gtk" -v a="$adw" -v w="$waymark" 'BEGIN {
  printf "ratio waymark / bare GTK 4 window       %.2f\n", w / g
  printf "ratio waymark / bare libadwaita window  %.2f  (target: within 1.5)\n", w / a
  printf "waymark above libadwaita                %.1f M instructions\n", (w - a) / 1e6 }'
grep '^first-frame-widgets' "$out/waymark.log" || true
echo "profiles: $out/{gtk,adw,waymark}.callgrind (callgrind_annotate --inclusive=yes)"
