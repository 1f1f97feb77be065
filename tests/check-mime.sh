#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A saved plan is recognised as a Waymark plan by the desktop: install the MIME definition into a
# private database and ask GIO what a .waymark file is.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$src/data/io.github.waymark.Waymark.mime.xml" "$tmp/mime/packages/io.github.waymark.Waymark.xml"
update-mime-database "$tmp/mime"
cp "$src/tests/golden/plan-three-year.waymark" "$tmp/budget.waymark"
type=$(XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp:/usr/share" \
       gio info -a standard::content-type "$tmp/budget.waymark" | sed -n 's/.*standard::content-type: //p')
echo "# content type: $type"
if [ "$type" = "application/x-waymark-plan" ]; then
  echo "ok 1 a .waymark file is an application/x-waymark-plan"
else
  echo "not ok 1 a .waymark file is an application/x-waymark-plan (got $type)"
  exit 1
fi
echo "1..1"
