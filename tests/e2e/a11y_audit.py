# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility audit: every control a person can operate has a role and a name.

GTK 4.8 names a widget that has no accessible label after its GType ("GtkImage",
"GtkMenuButton"), so such a name counts as no name at all.
"""

import re

from atspi_util import children, labels_below, name, role

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


def has_no_name(node):
    value = name(node).strip()
    return value == '' or GTYPE_NAME.match(value) is not None


def _internal_part(path_nodes):
    """GTK 4.8 builds a GtkDropDown and a GtkMenuButton around an inner GtkToggleButton or
    GtkButton that it does not name; the application names the outer widget. The inner button is
    reported as a known GTK gap, not the application's fault, when its outer widget is named."""
    if len(path_nodes) < 2:
        return None
    for ancestor in reversed(path_nodes[:-1]):
        if role(ancestor) in ('combo box',) and not has_no_name(ancestor):
            return ancestor
        if role(ancestor) == 'push button':
            return ancestor if not has_no_name(ancestor) else None
    return None


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


def audit(app, where, skip_window=None):
    """Returns (failures, gtk_gaps): lines naming each control without a name, with its role
    and its path in the tree."""
    failures = []
    gaps = []

    def visit(node, path_nodes, path_text):
        try:
            node_role = role(node)
            node_name = name(node)
        except Exception:  # vanished while we walked
            return
        here = path_text + (f'{node_role} "{node_name}"',)
        if node_role in INTERACTIVE and has_no_name(node):
            line = f'[{where}] {node_role} with no accessible name at ' + ' > '.join(here)
            part = library_part(path_nodes[-1] if path_nodes else None, node)
            if node_role in NAME_FROM_CONTENT and labels_below(node):
                pass  # named by what it says
            elif part is not None:
                gaps.append(f'[{where}] {part} (a library gap) at ' + ' > '.join(here))
            elif _internal_part(path_nodes + [node]) is not None:
                gaps.append(line)
            else:
                failures.append(line)
        for child in children(node):
            visit(child, path_nodes + [node], here)

    for window in children(app):
        if skip_window is not None and skip_window(window):
            continue
        visit(window, [], (f'{role(app)} "{name(app)}"',))
    return failures, gaps
