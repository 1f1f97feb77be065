#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A long fuzzing session: sh tests/fuzz/run-long.sh [SECONDS per target, default 3600].
# Builds build-fuzz with clang if needed. Findings are left as crash-* files here: turn each into
# a regression test (a file under tests/data/bad/ or a case in tests/test-plan.c) before fixing.
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-3600}
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang-14 meson setup build-fuzz -Dfuzzing=true -Dgui=false -Dman=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C build-fuzz
for target in catalogue plan csv; do
  sh tests/fuzz/run-fuzzer.sh build-fuzz/tests/fuzz/fuzz-$target tests/fuzz/corpus/$target "$seconds"
done
