#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh BUILDDIR: install into a temporary prefix (DESTDIR) and use what was installed,
# with nothing from the source or build tree: waymark-cli lists the catalogue, waymark starts,
# paints its first frame and quits; every file the desktop needs is in place.
set -eu
build=$1
dest=$(mktemp -d)
xvfb=""
trap '[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null; rm -rf "$dest"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n $1"; }
fail () { n=$((n + 1)); echo "not ok $n $1"; echo "1..$n"; exit 1; }

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$dest$prefix"

for f in bin/waymark bin/waymark-cli \
         share/applications/io.github.waymark.Waymark.desktop \
         share/metainfo/io.github.waymark.Waymark.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.waymark.Waymark.svg \
         share/icons/hicolor/symbolic/apps/io.github.waymark.Waymark-symbolic.svg \
         share/mime/packages/io.github.waymark.Waymark.xml \
         share/glib-2.0/schemas/io.github.waymark.Waymark.gschema.xml \
         share/waymark/catalogue/interventions.json \
         share/waymark/plan.schema.json \
         share/man/man1/waymark.1 share/man/man1/waymark-cli.1; do
  [ -e "$root/$f" ] && ok "installed $f" || fail "installed $f"
done

# Run from an empty folder with the build tree out of reach of the environment.
libdir=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"))')
# The application opens the workbook and OpenDocument writers from here (src/gui/waymark-office.c).
module="$root/$libdir/waymark/libwaymark-office.so"
[ -e "$module" ] && ok "installed $libdir/waymark/libwaymark-office.so" \
  || fail "installed $libdir/waymark/libwaymark-office.so"

cd "$dest"
out=$(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "$root/bin/waymark-cli" list --format csv)
rows=$(printf '%s\n' "$out" | tail -n +2 | grep -c .)
[ "$rows" -eq 35 ] && ok "the installed waymark-cli lists the 35 interventions" \
  || fail "the installed waymark-cli lists the 35 interventions (got $rows)"

glib-compile-schemas "$root/share/glib-2.0/schemas"
# An X server of its own, as every UI test has, on a display number picked at random (see
# tests/gui/gui-test-util.c for why): Xvfb names it on a FIFO once it takes connections, or exits
# without writing when the number is taken, and another is tried.
mkfifo "$dest/display"
display=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  Xvfb ":$(python3 -c 'import random; print(random.randrange(100, 30000))')" -displayfd 3 \
    -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$dest/display" >/dev/null 2>&1 &
  xvfb=$!
  read -r display < "$dest/display" || display=""
  [ -z "$display" ] || break
  wait "$xvfb" 2>/dev/null || :
  xvfb=""
done
[ -n "$display" ] || fail "Xvfb started (Debian package xvfb)"
frame=$(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 DISPLAY=":$display" \
          HOME="$dest" \
          XDG_DATA_DIRS="$root/share:/usr/share" GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" \
          GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
          DBUS_SESSION_BUS_ADDRESS=disabled: GTK_A11Y=none \
          "$root/bin/waymark" --quit-after-first-frame 2>/dev/null || true)
case "$frame" in
  first-frame-monotonic-us*) ok "the installed waymark starts, paints and quits" ;;
  *) fail "the installed waymark starts, paints and quits (printed: $frame)" ;;
esac
echo "1..$n"
