#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# sh bench/run.sh: the benchmarks of bench/README.md, on this machine. Figures only; nothing here
# passes or fails. Needs the packages of `sh tests/waymark-dev.sh test` (it uses build/).
set -eu
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || meson setup build
meson compile -C build bench/bench-core
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{print int($2/1048576)}') GiB," \
     "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
for n in 1000 10000 100000; do
  python3 bench/gen-catalogue.py "$n" "$tmp/catalogue-$n.json"
  echo
  build/bench/bench-core "$tmp/catalogue-$n.json"
  rm -f "$tmp/catalogue-$n.json"
done
