#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README, for a fresh Debian 12 machine (run as root, or with sudo
# available). Each installs whatever is missing first.
#
#   sh tests/waymark-dev.sh run    build, then start Waymark (it needs a desktop session)
#   sh tests/waymark-dev.sh test   build, then run the whole test suite: the normal build, its
#                                  C test programs again under valgrind's memcheck, and a build
#                                  with AddressSanitizer and UBSan; then a short run of each
#                                  fuzzer; exits non-zero on any failure
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

packages="gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libgtk-4-dev libadwaita-1-dev
  desktop-file-utils appstream shared-mime-info help2man flatpak-builder xvfb xauth dbus python3
  python3-pyatspi gir1.2-atspi-2.0 at-spi2-core
  python3-jsonschema locales clang-14 libclang-rt-14-dev valgrind
  libreoffice-calc poppler-utils fonts-cantarell fonts-dejavu-core
  libxlsxwriter-dev python3-openpyxl
  libgsf-1-dev libcairo2-dev libpango1.0-dev python3-odf libreoffice-writer"

install_missing () {
  missing=""
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing
}

# Exports must not follow a comma-decimal locale; a test proves it in German.
ensure_test_locale () {
  locale -a 2>/dev/null | grep -qi '^de_DE\.utf8$' && return 0
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen \
    || echo 'de_DE.UTF-8 UTF-8' | $sudo_cmd tee -a /etc/locale.gen >/dev/null
  $sudo_cmd locale-gen >/dev/null
}

setup () {
  dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

run_tests () {
  dir=$1; shift
  # Every UI test program and the end-to-end suite start an X server of their own (Xvfb
  # -displayfd), so tests running side by side share no display, selection or focus.
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@"
}

command=${1:-}
case "$command" in
  run)
    install_missing
    setup build
    # Uninstalled, the settings schema is the one compiled into the build tree.
    GSETTINGS_SCHEMA_DIR="$here/build/data" exec build/src/gui/waymark
    ;;
  test)
    install_missing
    ensure_test_locale
    setup build
    run_tests build
    # The same build's C test programs (core, cli and UI) under memcheck: any memory error or
    # definite leak fails (tests/valgrind.supp lists what is suppressed, and why). The setup
    # leaves out the 'external' suite: checks run by python3, sh or system tools.
    run_tests build --setup valgrind
    setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
    # Not the end-to-end suite: under ASan every AT-SPI round trip is several times slower and it
    # had reached only the Compare page after 7 minutes (about 80 s in the normal build, which
    # runs it); it would cost a quarter or more of CI's 90 minutes for no code the UI tests
    # under the sanitizers do not already reach.
    run_tests build-sanitize --no-suite e2e
    # A short run of each fuzzer (clang's libFuzzer); tests/fuzz/run-long.sh runs a long one.
    if [ ! -f build-fuzz/build.ninja ]; then
      CC=clang-14 meson setup build-fuzz -Dfuzzing=true -Dgui=false -Dman=disabled \
        -Db_sanitize=address,undefined -Db_lundef=false
    fi
    meson compile -C build-fuzz
    meson test -C build-fuzz --suite fuzz --print-errorlogs
    # A closing line any CI reader understands: the test programs of every build.
    python3 - build/meson-logs/testlog.json build/meson-logs/testlog-valgrind.json \
      build-sanitize/meson-logs/testlog.json build-fuzz/meson-logs/testlog.json <<'PY'
import json, sys
results = [json.loads(line)["result"] for path in sys.argv[1:] for line in open(path)]
passed = sum(r == "OK" for r in results)
print(f"tests: {passed} passed, {len(results) - passed} failed")
PY
    ;;
  *)
    echo "usage: sh tests/waymark-dev.sh run|test" >&2
    exit 2
    ;;
esac
