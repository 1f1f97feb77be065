# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility audit: every control a person can operate, and everything that can take the
focus, has a role and a name, and the name reads as a person would say it (issue 13).

GTK 4.8 names a widget that has no accessible label after its GType ("GtkImage",
"GtkMenuButton"), so such a name counts as no name at all. GTK 4.8 also joins a widget's
accessible label and the labels it is labelled by with a space, so a widget given both reads its
name twice ("Primary Primary"), and a button made with a mnemonic exposes its raw label
("_Add to Plan Add to Plan").
"""

import re

from atspi_util import children, is_focusable, labels_below, name, role

# Roles a person operates. Scroll bars are left out: GTK's scrolled windows own them and an
# application cannot name them.
INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'menu item',
    'check menu item', 'radio menu item', 'entry', 'text', 'password text', 'spin button',
    'combo box', 'list item', 'slider', 'link', 'switch', 'page tab', 'table cell',
    'tree item', 'menu', 'toggle button', 'slider',
}

# Roles a screen reader names from their contents (as ARIA does): a nameless list row whose
# labels say what it is reads sensibly. GTK 4.8 gives an application no way to name the rows of
# a GtkListView or GtkDropDown (the row widget is GTK's own), so these are judged by what they
# contain.
NAME_FROM_CONTENT = {'list item', 'page tab', 'table cell', 'menu item', 'tree item'}

GTYPE_NAME = re.compile(r'^(Gtk|Adw|Waymark|Gdk)[A-Z][A-Za-z]*$')

# A GType name where a screen reader says it: on anything but the generic containers. GTK 4.8
# names every unnamed GtkBox, GtkStack page and library part after its GType; screen readers
# skip the names of these roles (Orca speaks no "filler" or unnamed-by-author "panel"), and naming
# every box would only add noise. Everything else with such a name is read aloud as it stands:
# a "page tab list" called "AdwViewSwitcher", a "combo box" called "GtkDropDown".
GTYPE_SILENT_ROLES = {'filler', 'panel', 'image', 'separator', 'scroll bar', 'label'}

# An underscore that starts a word, or sits inside one (a mnemonic: "_Add", "Co_mpare"), outside
# the curly quotes Waymark puts around text from a file or the user ("Search: “snake_case”").
MNEMONIC = re.compile(r'(?<!_)_(?=[^\W_])')
QUOTED = re.compile(r'“[^”]*”')


def _words(text):
    """The words of a name as a screen reader says them: no punctuation, no case, no mnemonic."""
    return re.findall(r'[^\W_]+', text.replace('_', '').casefold())


def doubled_name(node):
    """Why the name reads twice, or None. GTK 4.8 joins a widget's label and the labels it is
    labelled by: "X X" when both say the same, "Dismiss: message Dismiss" when the label begins
    with what the labelling label says. A name that is its description twice is the first.
    (The description is not read: every read is a D-Bus call, and the tree is large.)"""
    value = name(node).strip()
    words = _words(value)
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return f'its name says “{" ".join(words[half:])}” twice'
    lead = re.match(r'^([^:]+):\s', value)
    if lead and len(_words(value)) > len(_words(lead.group(1))) and \
            words[-len(_words(lead.group(1))):] == _words(lead.group(1)):
        return f'its name begins and ends with “{lead.group(1)}”'
    return None


def mnemonic_name(node):
    """Whether a control's name shows a mnemonic's underscore. Only controls: a label, a cell or
    a window title shows text from a file (the catalogue's notes, a file name), where an
    underscore is the text's own."""
    if role(node) not in INTERACTIVE or role(node) in ('table cell', 'list item'):
        return False
    return MNEMONIC.search(QUOTED.sub('', name(node))) is not None


def gtype_name(node):
    return GTYPE_NAME.match(name(node).strip()) is not None


def focusable(node):
    try:
        return is_focusable(node)
    except Exception:  # vanished while we walked
        return False


def has_no_name(node):
    value = name(node).strip()
    return value == '' or GTYPE_NAME.match(value) is not None


# Parts a library builds inside a widget of its own, which GTK 4.8 names after the widget's GType
# and which the application cannot name: (the parent's name, the part's role, the part's
# name, what it is). libadwaita 1.2's toast has an icon-only close button with no name; a toast
# stays on screen for a few seconds, so an audit sees it on a slow machine and not on a fast one.
# Only that exact part is excused: a control Waymark puts into a toast (its button) must be named.
LIBRARY_PARTS = (
    ('AdwToastWidget', 'push button', 'GtkImage', "libadwaita 1.2's toast close button"),
)


def library_part(parent, node):
    """What the library part `node` is, or None when it is not one of LIBRARY_PARTS."""
    if parent is None:
        return None
    for parent_name, part_role, part_name, what in LIBRARY_PARTS:
        if name(parent) == parent_name and role(node) == part_role and name(node) == part_name:
            return what
    return None


def _inside_button(path_nodes):
    """GTK 4.8's GtkDropDown shows its chosen item in a GtkListItemWidget inside its button,
    which says it is focusable; but a GTK 4 button takes the focus itself and never passes it
    to what it holds, so Tab cannot reach it, and the application cannot name a widget GTK
    makes for itself. Only a part that is not a control is excused so."""
    return any(role(ancestor) in ('push button', 'toggle button') for ancestor in path_nodes)


def _name_findings(node):
    """What is wrong with a name that is there: read twice, a mnemonic, a GType."""
    findings = []
    if name(node).strip() == '':
        return findings
    doubled = doubled_name(node)
    if doubled is not None:
        findings.append(f'doubled name ({doubled})')
    if mnemonic_name(node):
        findings.append('a mnemonic underscore in its name')
    if gtype_name(node) and role(node) not in GTYPE_SILENT_ROLES and \
            role(node) not in INTERACTIVE and not focusable(node):
        # Controls and focusable objects named so are reported as having no name, below.
        findings.append('named after its GType')
    return findings


class _Seen:
    """A node as read once. GTK 4.8 sends no AT-SPI cache, so every read of a role, a name or
    the states is a D-Bus call; the checks read each several times."""

    def __init__(self, node):
        self.node = node
        self.role_name = node.getRoleName()
        self.name = node.name or ''
        self._state = None

    def getRoleName(self):
        return self.role_name

    def getState(self):
        if self._state is None:
            self._state = self.node.getState()
        return self._state


def audit(app, where, skip_window=None):
    """Returns (failures, gtk_gaps): lines naming each control or focusable object without a
    name, and each name read twice, with a mnemonic or a GType, with its role and its path in
    the tree."""
    failures = []
    gaps = []

    def visit(real_node, path_nodes, path_text):
        try:
            node = _Seen(real_node)
        except Exception:  # vanished while we walked
            return
        node_role = role(node)
        node_name = name(node)
        here = path_text + (f'{node_role} "{node_name}"',)
        at = ' at ' + ' > '.join(here)
        part = library_part(path_nodes[-1] if path_nodes else None, node)
        for finding in _name_findings(node):
            line = f'[{where}] {node_role} "{node_name}": {finding}' + at
            if part is not None:
                gaps.append(f'[{where}] {part} (a library gap): {finding}' + at)
            else:
                failures.append(line)
        if has_no_name(node) and (node_role in INTERACTIVE or focusable(node)):
            line = f'[{where}] {node_role} with no accessible name' + at
            if node_role in NAME_FROM_CONTENT and labels_below(real_node):
                pass  # named by what it says
            elif part is not None:
                gaps.append(f'[{where}] {part} (a library gap) at ' + ' > '.join(here))
            elif node_role not in INTERACTIVE and _inside_button(path_nodes):
                gaps.append(f'[{where}] {node_role} "{node_name}" inside a button, which keeps '
                            'the focus itself (a library gap)' + at)
            else:
                failures.append(line)
        for child in children(real_node):
            visit(child, path_nodes + [node], here)

    for window in children(app):
        if skip_window is not None and skip_window(window):
            continue
        visit(window, [], (f'{role(app)} "{name(app)}"',))
    return failures, gaps
