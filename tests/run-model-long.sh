#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the plan's model-based test (tests/test-plan-model.c) over new random seeds for a while,
# in the sanitizer build, and stops at the first failure with its seed and the shortest failing
# sequence the test's shrinker found.
#
#   sh tests/run-model-long.sh [SECONDS] [BUILD_DIR] [STEPS_PER_SEED]
#
# Defaults: 3600 seconds, build-sanitize (meson setup build-sanitize
# -Db_sanitize=address,undefined -Db_lundef=false), 5000 steps a seed. Each seed runs with
# WAYMARK_MODEL_FORK=1, so a crash is caught, reported with its step and shrunk as well.
# Reproduce a failure with: WAYMARK_MODEL_SEED=S WAYMARK_MODEL_STEPS=N BUILD_DIR/tests/test-plan-model
set -u

seconds=${1:-3600}
build=${2:-build-sanitize}
steps=${3:-5000}
here=$(cd "$(dirname "$0")" && pwd)
exe=$build/tests/test-plan-model

if [ ! -x "$exe" ]; then
  echo "run-model-long: $exe is not built (meson compile -C $build tests/test-plan-model)" >&2
  exit 2
fi

export LC_ALL=C.UTF-8 G_SLICE=always-malloc G_DEBUG=gc-friendly
# The fast unwinder: exact stacks at every malloc make this test 25 times slower.
export ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export WAYMARK_MODEL_FORK=1 WAYMARK_MODEL_STEPS=$steps

log=$(mktemp "${TMPDIR:-/tmp}/waymark-model-XXXXXX")
trap 'rm -f "$log"' EXIT
start=$(date +%s)
seeds=0
total=0

while [ $(( $(date +%s) - start )) -lt "$seconds" ]; do
  seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
  if ! WAYMARK_MODEL_SEED=$seed "$exe" --tap >"$log" 2>&1; then
    grep -v 'GLib-DEBUG\|GLib-GIO-DEBUG' "$log" | tail -n 60
    elapsed=$(( $(date +%s) - start ))
    echo "run-model-long: FAILED with seed $seed after $seeds seeds passed ($total steps) in ${elapsed} s"
    echo "run-model-long: reproduce with WAYMARK_MODEL_SEED=$seed WAYMARK_MODEL_STEPS=$steps $exe"
    exit 1
  fi
  seeds=$((seeds + 1))
  total=$((total + steps))
  if [ $((seeds % 20)) -eq 0 ]; then
    echo "run-model-long: $seeds seeds, $total steps, $(( $(date +%s) - start )) s"
  fi
done

echo "run-model-long: passed: $seeds seeds, $total steps in $(( $(date +%s) - start )) s" \
  "($steps steps a seed, $exe)"
