#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The end-to-end suite several times in a row, optionally while the machine is kept busy by a
# parallel build of Waymark (a clean rebuild in build-busy/, over and over), to show that its
# verdict does not depend on the machine's speed (issue 11, finding 13).
#
#   sh tests/e2e/run-repeat.sh [RUNS] [--busy]     (default 10 runs; run from the source tree
#                                                    after `sh tests/waymark-dev.sh test` or a
#                                                    `meson setup build`)
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
runs=${1:-10}
busy=${2:-}

meson compile -C build >/dev/null

busy_pid=""
if [ "$busy" = "--busy" ]; then
  [ -f build-busy/build.ninja ] || meson setup build-busy -Dman=disabled >/dev/null
  ( while :; do ninja -C build-busy -t clean >/dev/null; ninja -C build-busy >/dev/null 2>&1; done ) &
  busy_pid=$!
  # Under set -e a failing command would end the trap early, and set the script's status.
  trap 'pkill -P $busy_pid 2>/dev/null || :; kill $busy_pid 2>/dev/null || :' EXIT
  trap 'exit 130' INT TERM
fi

passed=0
i=1
while [ "$i" -le "$runs" ]; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  if meson test -C build --no-rebuild --suite e2e --print-errorlogs \
       > "build/meson-logs/e2e-repeat-$i.txt" 2>&1; then
    passed=$((passed + 1))
    verdict=passed
  else
    verdict="FAILED (build/meson-logs/e2e-repeat-$i.txt)"
  fi
  wall=$(sed -n 's/^e2e: wall time //p' "build/meson-logs/testlog.txt" | tail -n 1)
  echo "run $i of $runs: $verdict, load average $load at its start, wall time ${wall:-?}"
  i=$((i + 1))
done

echo "e2e: $passed of $runs runs passed"
if [ "$passed" -eq "$runs" ]; then
  exit 0
fi
exit 1
