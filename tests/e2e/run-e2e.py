#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The end-to-end test: the real, built Waymark in a private D-Bus session (whose accessibility
bus and registry at-spi2-core starts by D-Bus activation), on an X server of its own, driven
through AT-SPI by e2e-driver.py.

  run-e2e.py WAYMARK SCHEMA_DIR CATALOGUE_JSON

Everything it starts is killed when it ends, passes, fails or is interrupted, so a hung
application cannot hold CI. It never skips: without pyatspi or dbus-run-session it fails.
"""

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

# Below meson's timeout for this test, so that we, not meson, stop a hung run and clean up.
DEADLINE = float(os.environ.get('WAYMARK_E2E_DEADLINE', '420'))

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f'e2e: {message}', file=sys.stderr, flush=True)
    sys.exit(1)


# An X11 connection setup with no authorisation, little-endian, protocol 11.0.
X11_SETUP = b'l\x00\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00'


def x11_setup_status(address, timeout):
    """The first byte of an X11 server's answer to a connection setup at `address` (1 Success,
    0 Failed, 2 Authenticate), or None when nothing answers there."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.settimeout(timeout)
            probe.connect(address)
            probe.sendall(X11_SETUP)
            return probe.recv(1) or None
        except OSError:
            return None


def display_answers(server, number, timeout=10.0):
    """Whether our new server takes X11 connections within `timeout` seconds. A socket that
    accepts is not enough: another server on the machine (an xvfb-run, whose server wants a cookie) may hold the same display's path or its abstract socket, which
    Waymark's libxcb tries first, and then Waymark cannot open the display (seen: "cannot open
    display: :0"). Both addresses must be ours: the path must answer the setup with Success, and
    the abstract socket too wherever one answers."""
    path = f'/tmp/.X11-unix/X{number}'
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        wait = max(0.1, deadline - time.monotonic())
        by_path = x11_setup_status(path, wait)
        abstract = x11_setup_status('\0' + path, wait)
        if by_path == b'\x01' and abstract in (None, b'\x01'):
            return True
        if by_path in (b'\x00', b'\x02') or abstract in (b'\x00', b'\x02'):
            return False  # another server's: ours asks for nothing
        time.sleep(0.1)
    return False


def start_xvfb():
    """An X server of our own, on a display number picked at random from a wide range (as every
    UI test does, gui-test-util.c), not the lowest free one: a server that has just stopped
    removes its socket file after its lock, so a new server on the same number could lose its
    socket and Waymark its display ("cannot open display"). -displayfd says once the server takes
    connections; a number already taken makes it exit, and another is tried."""
    xvfb = shutil.which('Xvfb')
    if xvfb is None:
        fail('Xvfb is not installed (Debian package xvfb)')
    for attempt in range(20):
        read_fd, write_fd = os.pipe()
        server = subprocess.Popen([xvfb, f':{random.randrange(100, 30000)}',
                                   '-displayfd', str(write_fd), '-screen', '0',
                                   '1920x1080x24', '-nolisten', 'tcp', '-noreset'],
                                  pass_fds=[write_fd], start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if number and display_answers(server, number):
            return server, f':{number}'
        kill_group(server)
    fail('Xvfb did not start')


def kill_group(process):
    """SIGTERM, then SIGKILL, to everything in the process's group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; others in its group may not be.
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return


def main():
    if len(sys.argv) != 4:
        fail('usage: run-e2e.py WAYMARK SCHEMA_DIR CATALOGUE_JSON')
    waymark, schema_dir, catalogue = (os.path.abspath(a) for a in sys.argv[1:])

    # The test command installs these; a missing one is a failure, never a skip.
    try:
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401  (only to prove it imports)
    except (ImportError, ValueError) as error:
        fail(f'cannot use AT-SPI from {sys.executable}: {error} '
             '(Debian packages python3-pyatspi and gir1.2-atspi-2.0)')
    for program, package in (('dbus-run-session', 'dbus'),):
        if shutil.which(program) is None:
            fail(f'{program} is not installed (Debian package {package})')
    if not os.path.exists('/usr/libexec/at-spi-bus-launcher'):
        fail('at-spi-bus-launcher is not installed (Debian package at-spi2-core)')

    # Terminate cleanly (and so kill what we started) when meson or a person stops us.
    def on_signal(signum, frame):
        raise SystemExit(f'e2e: stopped by signal {signum}')
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    tmp = tempfile.mkdtemp(prefix='waymark-e2e-')
    xvfb = None
    session = None
    ok = False
    try:
        env = dict(os.environ)
        for key in ('GTK_A11Y', 'DBUS_SESSION_BUS_ADDRESS', 'AT_SPI_BUS_ADDRESS', 'NO_AT_BRIDGE'):
            env.pop(key, None)
        # Always an X server of our own, even inside an xvfb-run: the suite
        # types (Tab, Space, Return) through XTest, and keys go to whichever window has the X
        # input focus, so a widget test or a second run on a shared display takes our keys.
        xvfb, env['DISPLAY'] = start_xvfb()
        # A home of its own: recent files and recovery copies do not leak in or out.
        for var, sub in (('HOME', 'home'), ('XDG_CONFIG_HOME', 'config'),
                         ('XDG_DATA_HOME', 'data'), ('XDG_CACHE_HOME', 'cache'),
                         ('XDG_STATE_HOME', 'state'), ('XDG_RUNTIME_DIR', 'runtime')):
            env[var] = os.path.join(tmp, sub)
            os.makedirs(env[var], mode=0o700)
        out_dir = os.path.join(tmp, 'out')
        os.makedirs(out_dir)
        env.update({
            'GDK_BACKEND': 'x11',
            'GSK_RENDERER': 'cairo',
            'GDK_DEBUG': 'gl-disable',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': schema_dir,
            'LC_ALL': 'C.UTF-8',
            'PYTHONDONTWRITEBYTECODE': '1',
        })
        started = time.monotonic()
        session = subprocess.Popen(
            ['dbus-run-session', '--', sys.executable, os.path.join(HERE, 'e2e-driver.py'),
             waymark, catalogue, out_dir],
            env=env, cwd=tmp, start_new_session=True)
        try:
            status = session.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            fail(f'the end-to-end run took longer than {DEADLINE:.0f} s: stopped')
        print(f'e2e: wall time {time.monotonic() - started:.1f} s', flush=True)
        ok = status == 0
        if not ok:
            fail(f'the end-to-end run failed (status {status}); files are in {tmp}')
    finally:
        if session is not None:
            kill_group(session)
        if xvfb is not None:
            kill_group(xvfb)
        if ok:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
