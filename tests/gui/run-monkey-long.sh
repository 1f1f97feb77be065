#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GUI monkey (tests/gui/test-monkey.c) with one new seed after another for as long as asked,
# stopping at the first failure with the seed and steps that replay it.
#
#   sh tests/gui/run-monkey-long.sh [SECONDS [STEPS [BUILD]]]
#
# SECONDS defaults to 3600, STEPS (per seed) to 300, BUILD to build-sanitize (configured with
# -Db_sanitize=address,undefined -Db_lundef=false, as tests/waymark-dev.sh does). Seeds start at
# $WAYMARK_MONKEY_FIRST_SEED, else at one taken from the clock; with WAYMARK_MONKEY_KEEP_GOING=1 a
# failing seed is reported and the run goes on. Each seed's output is kept in
# BUILD/monkey-long/; a summary line per seed goes to stdout. Replay a failure with:
#
#   WAYMARK_MONKEY_SEED=N WAYMARK_MONKEY_STEPS=S meson test -C BUILD test-monkey --print-errorlogs
#
# (the test starts an X server of its own: gui-test-util.c).
set -u

here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-3600}
steps=${2:-300}
build=${3:-build-sanitize}
case "$build" in
  /*) ;;
  *) build="$here/$build" ;;
esac

if [ ! -x "$build/tests/gui/test-monkey" ]; then
  echo "run-monkey-long: no $build/tests/gui/test-monkey; build it first (meson compile -C $build)" >&2
  exit 2
fi

logs="$build/monkey-long"
mkdir -p "$logs"

# What tests/meson.build and tests/gui/meson.build give the test.
export LC_ALL=C.UTF-8 G_DEBUG=gc-friendly,fatal-criticals G_SLICE=always-malloc
# As tests/gui/meson.build: no leak report (GTK's and libadwaita's own leaks); the monkey checks
# that nothing holds the catalogue or the settings once the last window has gone.
export ASAN_OPTIONS=detect_leaks=0:fast_unwind_on_malloc=1:abort_on_error=0
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=test
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export DBUS_SESSION_BUS_ADDRESS=disabled:
export G_TEST_SRCDIR="$here/tests/gui" G_TEST_BUILDDIR="$build/tests/gui"
export WAYMARK_MONKEY_STEPS="$steps"

seed=${WAYMARK_MONKEY_FIRST_SEED:-$(( $(date +%s) % 1000000 * 1000 ))}
start=$(date +%s)
runs=0
total_steps=0
failed=""

echo "run-monkey-long: $seconds s, $steps steps a seed, first seed $seed, build $build"
while [ $(( $(date +%s) - start )) -lt "$seconds" ]; do
  log="$logs/seed-$seed.log"
  t0=$(date +%s)
  # One X server per seed (the test starts its own): a crash cannot take the next seed's display.
  WAYMARK_MONKEY_SEED=$seed "$build/tests/gui/test-monkey" --tap >"$log" 2>&1
  rc=$?
  t1=$(date +%s)
  runs=$((runs + 1))
  if [ "$rc" -ne 0 ] || ! grep -q '^ok 1 ' "$log"; then
    echo "seed $seed: FAILED (exit $rc) after $((t1 - t0)) s; log $log"
    grep -v 'DEBUG' "$log" | tail -n 80
    echo "run-monkey-long: failed at seed $seed after $runs seeds, $total_steps steps before it," \
         "$(( t1 - start )) s"
    echo "replay: WAYMARK_MONKEY_SEED=$seed WAYMARK_MONKEY_STEPS=$steps"
    # WAYMARK_MONKEY_KEEP_GOING=1: note the failure and go on to the next seed, to count them.
    if [ -z "${WAYMARK_MONKEY_KEEP_GOING:-}" ]; then
      exit 1
    fi
    failed="$failed $seed"
    seed=$((seed + 1))
    continue
  fi
  total_steps=$((total_steps + steps))
  echo "seed $seed: ok, $steps steps in $((t1 - t0)) s"
  rm -f "$log"
  seed=$((seed + 1))
done

if [ -n "$failed" ]; then
  echo "run-monkey-long: $runs seeds, $total_steps steps in the seeds that passed," \
       "$(( $(date +%s) - start )) s; failed seeds:$failed"
  exit 1
fi
echo "run-monkey-long: $runs seeds, $total_steps steps, no failure, $(( $(date +%s) - start )) s"
