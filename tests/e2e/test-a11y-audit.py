#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility audit's verdicts, on trees built here: what the libraries leave unnamed is
a gap, anything Waymark builds without a name is a failure (issue 11, finding 13: the verdict
must not depend on whether a toast is still on screen)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import a11y_audit  # noqa: E402


class Node:
    """As much of an Atspi.Accessible as the audit reads."""

    def __init__(self, role_name, name='', *kids):
        self.role_name = role_name
        self.name = name
        self.kids = list(kids)

    def getRoleName(self):
        return self.role_name

    @property
    def childCount(self):
        return len(self.kids)

    def getChildAtIndex(self, index):
        return self.kids[index]


def app_with(*content):
    return Node('application', 'waymark', Node('frame', 'Untitled Plan – Waymark',
                                               Node('panel', '', *content)))


class AuditTest(unittest.TestCase):
    def test_finding_13_toast_close_button_is_a_library_gap(self):
        toast = Node('filler', 'AdwToastWidget',
                     Node('label', 'Added “Drive project” to the comparison'),
                     Node('push button', 'View'),
                     Node('push button', 'GtkImage'))
        failures, gaps = a11y_audit.audit(app_with(toast), 'compare page')
        self.assertEqual(failures, [])
        self.assertEqual(len(gaps), 1)
        self.assertIn("libadwaita 1.2's toast close button", gaps[0])

    def test_same_verdict_with_and_without_a_toast(self):
        page = Node('filler', 'WaymarkComparePage', Node('push button', 'Clear Comparison'))
        toast = Node('filler', 'AdwToastWidget', Node('push button', 'GtkImage'))
        self.assertEqual(a11y_audit.audit(app_with(page), 'here')[0],
                         a11y_audit.audit(app_with(page, toast), 'here')[0])

    def test_unnamed_button_in_a_toast_that_waymark_put_there_fails(self):
        toast = Node('filler', 'AdwToastWidget', Node('push button', ''))
        failures, _ = a11y_audit.audit(app_with(toast), 'plan page')
        self.assertEqual(len(failures), 1)

    def test_waymark_control_named_after_its_gtype_fails(self):
        row = Node('filler', 'WaymarkPlanItemRow', Node('push button', 'GtkImage'),
                   Node('toggle button', 'GtkToggleButton'), Node('entry', ''))
        failures, gaps = a11y_audit.audit(app_with(row), 'plan page')
        self.assertEqual(len(failures), 3)
        self.assertEqual(gaps, [])

    def test_icon_button_outside_a_toast_fails(self):
        failures, _ = a11y_audit.audit(app_with(Node('push button', 'GtkImage')), 'browser')
        self.assertEqual(len(failures), 1)


if __name__ == '__main__':
    unittest.main()
