#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzzer.sh FUZZER SEED_CORPUS SECONDS: fuzz from the seeds for SECONDS; new inputs go to a
# scratch folder, never into the tree. A crash leaves its input in the current folder and fails.
set -eu
fuzzer=$1
seeds=$2
seconds=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# libFuzzer's own exit status for a crash is 77, which meson reads as a skipped test: a crash
# must fail.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -error_exitcode=1 -timeout_exitcode=1 "$scratch" "$seeds"
