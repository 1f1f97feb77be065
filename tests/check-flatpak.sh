#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest is one flatpak-builder accepts: it parses, and it draws no warning (an
# unknown key is only a warning there, so any output on stderr fails this test).
set -eu
manifest="$1/flatpak/io.github.waymark.Waymark.json"
work=$(mktemp -d)
err="$work/stderr"
trap 'rm -rf "$work"' EXIT
# flatpak-builder leaves a state folder where it runs: keep it out of the tree.
cd "$work"
if ! flatpak-builder --show-manifest "$manifest" >/dev/null 2>"$err"; then
  cat "$err"; echo "not ok 1 flatpak-builder reads the manifest"; exit 1
fi
if [ -s "$err" ]; then
  cat "$err"; echo "not ok 1 flatpak-builder reads the manifest without warnings"; exit 1
fi
echo "ok 1 flatpak-builder reads the manifest without warnings"
# No home or host file system: files reach Waymark only through the portal's file chooser.
if grep -q -- '--filesystem' "$manifest"; then
  echo "not ok 2 the manifest grants no file system access"; exit 1
fi
echo "ok 2 the manifest grants no file system access"
echo "1..2"
