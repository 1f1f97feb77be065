# SPDX-License-Identifier: GPL-3.0-or-later
"""Small helpers for driving a GTK 4.8 application through AT-SPI, as a screen reader would.

Everything waits on a condition with a deadline and walks the tree again when it changes under
us: GTK 4.8 exports no AT-SPI cache, so every read is a D-Bus call, and children can vanish
between listing a node and reading it (a filter running, a page changing).
"""

import re
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

import pyatspi  # noqa: E402

DEFAULT_TIMEOUT = 30.0
POLL = 0.05


class Failure(Exception):
    """A step of the user's path did not do what it should."""


def wait_for(what, condition, timeout=DEFAULT_TIMEOUT):
    """Poll condition() until it returns something true; return it, or fail naming what."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = condition()
            if result:
                return result
        except (GLib.Error, LookupError, AttributeError, IndexError) as error:
            # The tree changed under us: walk again.
            last_error = error
        if time.monotonic() > deadline:
            suffix = f' (last error: {last_error})' if last_error else ''
            raise Failure(f'timed out after {timeout:.0f} s waiting for {what}{suffix}')
        time.sleep(POLL)


def role(node):
    return node.getRoleName()


def name(node):
    return node.name or ''


def is_focusable(node):
    return node.getState().contains(pyatspi.STATE_FOCUSABLE)


def children(node):
    """The children that can still be read; a child that vanished is left out."""
    result = []
    try:
        count = node.childCount
    except GLib.Error:
        return result
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except GLib.Error:
            continue
        if child is not None:
            result.append(child)
    return result


def walk(node, path=()):
    """Depth first, in reading order: (node, path) where path is the chain of 'role "name"'."""
    try:
        here = path + (f'{role(node)} "{name(node)}"',)
    except GLib.Error:
        return
    yield node, here
    for child in children(node):
        yield from walk(child, here)


def text_of(node):
    """All of a text node's text: GTK 4.8 answers getText(0, -1) with ''."""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def labels_below(node):
    """The texts of the labels under node, in reading order: what a screen reader would say."""
    result = []
    for child, _ in walk(node):
        if role(child) == 'label':
            value = text_of(child)
            if value:
                result.append(value)
    return result


def find_all(root, predicate):
    return [node for node, _ in walk(root) if _safe(predicate, node)]


def _safe(predicate, node):
    try:
        return predicate(node)
    except GLib.Error:
        return False


def find(root, predicate, what, timeout=DEFAULT_TIMEOUT):
    """The first node under root for which predicate holds, waiting for it to appear."""
    def look():
        for node, _ in walk(root):
            if _safe(predicate, node):
                return node
        return None
    return wait_for(what, look, timeout)


def by(role_name, name_value=None, name_re=None):
    def predicate(node):
        if role(node) != role_name:
            return False
        if name_value is not None and name(node) != name_value:
            return False
        if name_re is not None and not re.search(name_re, name(node)):
            return False
        return True
    return predicate


def is_showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def is_checked(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_CHECKED) or states.contains(pyatspi.STATE_PRESSED)


def action_names(node):
    action = node.queryAction()
    return [action.getName(i) for i in range(action.nActions)]


def do_action(node, preferred=('click', 'activate', 'press', 'toggle')):
    """Press a control the way assistive technology does: through its Action interface."""
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in preferred:
        if wanted in names:
            if not action.doAction(names.index(wanted)):
                raise Failure(f'{role(node)} "{name(node)}" refused the action "{wanted}"')
            return
    raise Failure(f'{role(node)} "{name(node)}" offers no action to press (has {names})')


def set_text(node, value):
    editable = node.queryEditableText()
    if not editable.setTextContents(value):
        raise Failure(f'{role(node)} "{name(node)}" refused the text {value!r}')


def app_for_pid(pid, alive=lambda: True, timeout=DEFAULT_TIMEOUT):
    """The application on the accessibility bus started as pid, once it has a window."""
    def look():
        if not alive():
            raise Failure(f'process {pid} exited before it showed a window')
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == pid and app.childCount > 0:
                    # No caching: the application sends no cache and we poll everything.
                    app.set_cache_mask(Atspi.Cache.NONE)
                    return app
            except GLib.Error:
                continue
        return None
    return wait_for(f'process {pid} on the accessibility bus', look, timeout)


def windows(app):
    return children(app)


# Keyboard: GTK 4.8 offers no Action on a check box and no way to focus a widget through AT-SPI
# (Component.grabFocus fails), so a check box is reached the way a keyboard user reaches it:
# Tab until it has focus, then Space. Focus changes are followed through AT-SPI's own events.

KEY_TAB = 0xff09
KEY_SPACE = 0x0020
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b


class FocusTracker:
    """Follows the focus through AT-SPI's events, and the plan list's busy state: Waymark's plan
    list takes Tab and Shift+Tab itself and moves the focus a frame or more later, busy from the
    press until the focus has moved (waymark-plan-page.c)."""

    def __init__(self):
        self.focused = None
        self.serial = 0          # focus gained anywhere
        self.lost = 0            # focus lost anywhere
        self.busy_started = 0    # the plan list took a press
        self.busy_ended = 0      # ... and has moved the focus
        self.followed = {'reported': 0, 'plan list': 0, 'unreported': 0}
        self.trail = []          # the last controls that took the focus, for a failure
        self._listener = Atspi.EventListener.new(self._on_event)
        self._listener.register('object:state-changed:focused')
        self._listener.register('object:state-changed:busy')

    def _on_event(self, event):
        if event.type.endswith(':busy'):
            if event.detail1:
                self.busy_started += 1
            else:
                self.busy_ended += 1
        elif event.detail1:
            self.focused = event.source
            self.serial += 1
            self.trail.append(self.describe_focus())
        else:
            self.lost += 1
            if event.source == self.focused:
                self.focused = None

    def pump(self, until, what, timeout=5.0):
        context = GLib.MainContext.default()
        deadline = time.monotonic() + timeout
        while not until():
            while context.pending():
                context.iteration(False)
            if until():
                return
            if time.monotonic() > deadline:
                raise Failure(f'timed out after {timeout:.0f} s waiting for {what}')
            time.sleep(0.01)

    def drain(self):
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def press(self, keysym):
        if keysym != KEY_TAB:
            del self.trail[:]  # the trail a failure prints starts at the last other key
        self.trail.append({KEY_TAB: '[Tab]', KEY_SPACE: '[Space]',
                           KEY_RETURN: '[Return]'}.get(keysym, f'[{keysym:#x}]'))
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)

    def press_and_follow(self, keysym):
        """Press a key that moves the focus, and wait until it has moved."""
        serial, lost = self.serial, self.lost
        started, ended = self.busy_started, self.busy_ended
        self.press(keysym)
        try:
            self.pump(lambda: self.serial != serial or self.lost != lost or
                      self.busy_started != started, 'the focus to move', timeout=1.0)
        except Failure:
            self.followed['unreported'] += 1
            return  # a move GTK does not report (see tab_to)
        self.followed['plan list' if self.busy_started != started else 'reported'] += 1
        if self.busy_started != started:
            # The plan list took it: done when it is no longer busy (a hang guard only).
            self.pump(lambda: self.busy_ended - ended >= self.busy_started - started,
                      'the plan list to move the focus', timeout=60.0)
        elif self.serial == serial:
            # Lost, not yet gained: GTK sends both at once, so a gain is already on its way
            # unless the focus went to a control it does not report.
            try:
                self.pump(lambda: self.serial != serial, 'the focus to arrive', timeout=0.3)
            except Failure:
                pass
        self.drain()

    def describe_focus(self):
        if self.focused is None:
            return 'nothing'
        try:
            return f'{role(self.focused)} "{name(self.focused)}"'
        except GLib.Error:
            return 'a control that has gone'

    def tab_to(self, predicate, what, max_presses=200):
        """Press Tab until a control for which predicate holds has focus. Each press is followed
        to its end before the next: outside the plan list GTK moves the focus at once (a focus
        event, gained or lost); inside it the list is busy until the focus has moved, wherever
        it lands. Only a move between two controls GTK does not report, outside the plan list,
        gives no event at all; a press waits a second for one before going on."""
        for _ in range(max_presses):
            if self.focused is not None and _safe(predicate, self.focused):
                return self.focused
            self.press_and_follow(KEY_TAB)
        raise Failure(f'{max_presses} presses of Tab never reached {what} '
                      f'(focus is on {self.describe_focus()}); the focus went to: '
                      + '; '.join(self.trail[:120]))
