#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real, built Waymark through AT-SPI as a screen-reader user would, from a search to
a plan exported as CSV and JSON, auditing the accessibility tree on the way.

Runs inside the private D-Bus session that run-e2e.py starts; started by it, never by hand:
  e2e-driver.py WAYMARK CATALOGUE_JSON OUTPUT_DIR
"""

import csv
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import a11y_audit  # noqa: E402
from atspi_util import (KEY_RETURN, KEY_SPACE, Failure, FocusTracker, app_for_pid,  # noqa: E402
                        by, children, do_action, find, find_all, labels_below, name, role,
                        set_text, wait_for, walk)

# The user's path: three interventions for perpetrators with a published cost in pounds, found
# by a search and two filters. Expected figures come from the catalogue file, read below.
SEARCH = 'perpetrator'
RATING_WORDS = {'low': 'Low', 'low-moderate': 'Low to moderate', 'moderate': 'Moderate',
                'high': 'High', None: 'Not rated'}
CHOSEN = ['drive', 'make-a-change', 'cbt-perpetrators']
QUANTITIES = {'drive': 12, 'make-a-change': 7, 'cbt-perpetrators': 150}

started = time.monotonic()


def step(text):
    print(f'[{time.monotonic() - started:6.1f} s] {text}', flush=True)


class Run:
    def __init__(self, waymark, catalogue_path, out_dir):
        with open(catalogue_path, encoding='utf-8') as f:
            catalogue = json.load(f)
        self.catalogue = {item['id']: item for item in catalogue['interventions']}
        self.names = {i: self.catalogue[i]['name'] for i in CHOSEN}
        self.out_dir = out_dir
        self.audit_failures = []
        self.gtk_gaps = set()
        self.chooser_findings = set()
        self.process = subprocess.Popen([waymark])
        self.focus = FocusTracker()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    # -- finding things ---------------------------------------------------------------------

    def main_window(self):
        return wait_for('the main window', lambda: next(
            (w for w in children(self.app) if role(w) == 'frame' and 'Waymark' in name(w)), None))

    def page(self, class_name):
        return find(self.window, lambda n: role(n) == 'filler' and name(n) == class_name,
                    class_name)

    def count_label(self):
        return find(self.browser_list_pane, by('label', name_re=r'^\d+ of \d+ interventions$'),
                    'the count of interventions')

    def audit(self, where):
        step(f'accessibility audit: {where}')
        failures, gaps = a11y_audit.audit(self.app, where, skip_window=self.is_file_chooser)
        self.audit_failures.extend(failures)
        # The window's title changes (an unsaved plan gains a mark): one line per control.
        self.gtk_gaps.update(re.sub(r'frame "[^"]*"', 'the window', g.split('] ', 1)[1])
                             for g in gaps)

    @staticmethod
    def is_file_chooser(window):
        return role(window) in ('dialog', 'file chooser') or name(window).startswith('Export Plan')

    def switch_to(self, page_title):
        tab = find(self.window, by('page tab', page_title), f'the "{page_title}" page tab')
        do_action(tab)

    # -- the user's path --------------------------------------------------------------------

    def run(self):
        step('starting Waymark')
        # Slow under the sanitizers: a minute or more before the first window.
        self.app = app_for_pid(self.process.pid, alive=lambda: self.process.poll() is None,
                               timeout=180)
        self.window = self.main_window()
        step(f'window: "{name(self.window)}"')
        self.browser_list_pane = find(
            self.window, by('entry', 'Search interventions'), 'the search entry').parent.parent
        self.audit('browser')

        self.search_and_filter()
        self.open_detail('drive')
        self.audit('browser with a detail open')
        for ident in CHOSEN:
            self.add_to_comparison(ident)
        self.check_compare_page()
        self.audit('compare page')
        self.add_columns_to_plan()
        self.set_quantities()
        self.audit('plan page')
        self.export('csv')
        self.export('json')
        self.check_csv()
        self.check_json()
        self.check_context_page()
        self.audit('context page')
        self.check_appraisal_page()
        self.audit('appraisal page')
        followed = self.focus.followed
        step(f'keys: {followed["reported"]} presses moved the focus with an event, '
             f'{followed["plan list"]} through the plan list (busy until moved), '
             f'{followed["unreported"]} to a control GTK does not report')

    def search_and_filter(self):
        step(f'search for "{SEARCH}"')
        search = find(self.browser_list_pane, by('entry', 'Search interventions'),
                      'the search entry')
        set_text(search, SEARCH)
        count = self.count_label()
        wait_for('the search to narrow the list',
                 lambda: not name(count).startswith('35 of'))
        step(f'  {name(count)}')

        for check_name in ('Perpetrators', 'Published cost only'):
            step(f'filter: tick "{check_name}" (Tab to it, then Space)')
            before = name(count)
            self.focus.tab_to(lambda n: role(n) == 'check box' and
                              name(n).startswith(check_name), f'the "{check_name}" check box')
            self.focus.press(KEY_SPACE)
            wait_for(f'"{check_name}" to narrow the list', lambda: name(count) != before)
            step(f'  {name(count)}')

        expected = sorted(self.names.values())
        wait_for(f'exactly {expected} in the list',
                 lambda: sorted(self.list_names()) == expected and
                 name(count).startswith(f'{len(expected)} of'))

    def list_view(self):
        return find(self.browser_list_pane, by('list', 'Interventions'), 'the interventions list')

    def list_rows(self):
        """(list item, its name) for each realised row: GTK 4.8 names a row after nothing, so its
        first label (the intervention's name) says which it is."""
        rows = []
        for item in children(self.list_view()):
            if role(item) == 'list item':
                texts = labels_below(item)
                rows.append((item, texts[0] if texts else ''))
        return rows

    def list_names(self):
        return [n for _, n in self.list_rows()]

    def open_detail(self, ident):
        wanted = self.names[ident]
        step(f'open the detail of "{wanted}" (select its row)')
        rows = self.list_rows()
        index = [n for _, n in rows].index(wanted)
        selection = self.list_view().querySelection()
        if not selection.selectChild(index):
            raise Failure(f'the list refused to select "{wanted}"')
        detail = self.page('WaymarkDetailPane')
        find(detail, lambda n: role(n) == 'heading' and wanted in name(n),
             f'the detail pane to show "{wanted}"')

    def row_of(self, ident):
        wanted = self.names[ident]
        for item, row_name in self.list_rows():
            if row_name == wanted:
                return item
        raise Failure(f'"{wanted}" is not in the list')

    def add_to_comparison(self, ident):
        wanted = self.names[ident]
        step(f'add "{wanted}" to the comparison')
        row = self.row_of(ident)
        button = find(row, by('push button', f'Add “{wanted}” to the comparison'),
                      f'the row\'s Compare button for "{wanted}"')
        do_action(button)
        find(row, by('push button', f'Remove “{wanted}” from the comparison'),
             f'the Compare button of "{wanted}" to say it is compared')

    def check_compare_page(self):
        """The table must make sense read row by row: each row names its attribute, then gives
        the value for each intervention in the order of the columns. GTK 4.8 has no Table
        interface, so this is all a screen reader has."""
        step('Compare page: read the table row by row')
        self.switch_to('Compare')
        page = self.page('WaymarkComparePage')
        table = find(page, lambda n: role(n) == 'table' and name(n) == 'Comparison',
                     'the comparison table, named')
        columns = [self.names[i] for i in CHOSEN]
        headers = wait_for('a column header for each intervention', lambda: [
            name(n) for n in find_all(page, lambda n: name(n) in columns and
                                      role(n) != 'label')] == columns and columns)
        step(f'  columns: {headers}')

        rows = wait_for('the rows of the table', lambda: [
            r for r in children(table) if role(r) == 'table row'])
        read = {}
        for row in rows:
            attribute = name(row)
            if not attribute:
                raise Failure(f'a row of the comparison has no name: {labels_below(row)}')
            row_headers = find_all(row, lambda n: role(n) == 'row header')
            cells = find_all(row, lambda n: role(n) == 'table cell')
            if len(row_headers) != 1 or name(row_headers[0]) != attribute:
                raise Failure(f'row "{attribute}" does not begin with a row header naming it '
                              f'({[name(h) for h in row_headers]})')
            # In reading order, the row header comes before every cell.
            order = [role(n) for n, _ in walk(row) if role(n) in ('row header', 'table cell')]
            if order != ['row header'] + ['table cell'] * len(columns):
                raise Failure(f'row "{attribute}" reads as {order}, not its header then '
                              f'{len(columns)} cells')
            values = []
            for column, cell in zip(columns, cells):
                value = labels_below(cell)[0]
                prefix = f'{attribute}, {column}: {value}'
                if not name(cell).startswith(prefix):
                    raise Failure(f'row "{attribute}", column "{column}": the cell reads '
                                  f'"{name(cell)}", expected it to begin "{prefix}"')
                values.append(value)
            read[attribute] = values
        step(f'  {len(read)} rows read, e.g. Evidence rating: {read.get("Evidence rating")}')

        # What the rows say agrees with the catalogue, column by column.
        for attribute, key in (('Evidence rating', 'evidence_rating'),
                               ('Impact rating', 'impact_rating')):
            expected = [RATING_WORDS[self.catalogue[i][key]] for i in CHOSEN]
            if read.get(attribute) != expected:
                raise Failure(f'the "{attribute}" row reads {read.get(attribute)}, '
                              f'the catalogue says {expected}')

    def check_context_page(self):
        step('Context page: the review\'s figures as written, and a gap\'s link to an intervention')
        self.switch_to('Context')
        page = self.page('WaymarkContextPage')
        find(page, by('label', name_re=r'28,360'), 'the LLR figure as the review writes it')
        find(page, lambda n: role(n) == 'push button' and name(n) == 'Domestic Abuse Perpetrator Programmes (DAPPs)',
             'a link to an intervention that addresses a gap')

    def check_appraisal_page(self):
        step('Appraisal page: the plan\'s items ranked, each with a status button named for it')
        self.switch_to('Appraisal')
        page = self.page('WaymarkAppraisalPage')
        find(page, by('label', name_re=r'^Weighted score \d+\.\d\d, scored on \d+ of \d+ criteria'),
             'a weighted score with how many criteria it was scored on')
        for ident in CHOSEN:
            wanted = self.names[ident]
            find(page, by('push button', f'Change the status of {wanted}'),
                 f'the status button of "{wanted}"')

    def add_columns_to_plan(self):
        page = self.page('WaymarkComparePage')
        for ident in CHOSEN:
            wanted = self.names[ident]
            step(f'add "{wanted}" to the plan from its column on the Compare page')
            do_action(find(page, by('push button', f'Add “{wanted}” to the plan'),
                           f'the column\'s Add to Plan button for "{wanted}"'))

    def plan_item(self, plan, ident):
        """The plan's expander row for an intervention: the list item named after it."""
        wanted = self.names[ident]
        return find(plan, by('list item', wanted), f'the plan item "{wanted}"')

    def set_quantities(self):
        self.switch_to('Plan')
        plan = self.page('WaymarkPlanPage')
        for ident in CHOSEN:
            wanted = self.names[ident]
            quantity = QUANTITIES[ident]
            header = self.plan_item(plan, ident)
            item = header.parent.parent  # the expander row: its header row and its rows
            step(f'plan: open "{wanted}" (Tab to it, Space) and set its quantity to {quantity}')
            self.focus.tab_to(lambda n: role(n) == 'list item' and name(n) == wanted,
                              f'the plan item "{wanted}"')
            spin = find(item, lambda n: role(n) == 'spin button' and
                        name(n).startswith('Quantity a year'), f'the quantity of "{wanted}"')
            # Neither GTK 4.8 nor libadwaita 1.2 exports an expander row's expanded state: that
            # the quantity can be reached with Tab is what shows the row opened.
            self.focus.press(KEY_SPACE)
            self.focus.tab_to(lambda n: n == spin, f'the quantity of "{wanted}"')
            set_text(spin, str(quantity))
            self.focus.press(KEY_RETURN)
            wait_for(f'the quantity of "{wanted}" to be {quantity}',
                     lambda: spin.queryValue().currentValue == quantity and
                     any(t.startswith(f'{quantity} ') for t in labels_below(header)))
            step(f'  {labels_below(header)[1]}')

    def export(self, kind):
        path = os.path.join(self.out_dir, f'plan-export.{kind}')
        title = f'Export Plan as {kind.upper()}'
        step(f'{title}… from the main menu, through the file chooser, to {path}')
        menu_button = find(self.window, by('push button', 'Main menu'), 'the main menu button')
        # GTK 4.8's GtkMenuButton offers no action itself; the button GTK puts inside it does.
        inner = find(menu_button, lambda n: n != menu_button and role(n) == 'push button',
                     'the button inside the main menu button')
        do_action(inner)
        item = find(self.app, lambda n: role(n) == 'menu item' and
                    name(n).replace('_', '').startswith(title), f'the menu item "{title}…"')
        do_action(item)
        dialog = wait_for(f'the "{title}" file chooser', lambda: next(
            (w for w in children(self.app) if name(w) == title), None))
        failures, gaps = a11y_audit.audit(self.app, 'file chooser',
                                          skip_window=lambda w: w != dialog)
        self.chooser_findings.update(line.split('] ', 1)[1] for line in failures + gaps)
        # GTK's own chooser (no portal here): a full path typed as the name is where it saves.
        entry = find(dialog, lambda n: role(n) in ('text', 'entry') and
                     name(n).startswith('Name'), 'the file name entry')
        set_text(entry, path)
        button = find(dialog, lambda n: role(n) == 'push button' and
                      name(n).replace('_', '').split(' ')[0] == 'Export', 'the Export button')
        do_action(button)
        wait_for(f'{path} to be written', lambda: os.path.exists(path))
        wait_for('the file chooser to close',
                 lambda: all(name(w) != title for w in children(self.app)))

    def expected_items(self):
        """What each exported item must say, worked out from the catalogue file alone."""
        expected = {}
        for ident in CHOSEN:
            entry = self.catalogue[ident]
            cost = entry['costs'][0]
            assert cost['currency'] == 'GBP', ident
            low = cost.get('amount_minor', cost.get('low_minor'))
            high = cost.get('amount_minor', cost.get('high_minor'))
            quantity = QUANTITIES[ident]
            expected[ident] = {
                'name': entry['name'],
                'quantity': quantity,
                'unit_cost_pence': low,
                'unit_cost_high_pence': high,
                'line_total_pence': quantity * low,
                'line_total_high_pence': quantity * high,
                'evidence_rating': entry['evidence_rating'],
                'impact_rating': entry['impact_rating'],
            }
        return expected

    @staticmethod
    def pounds(pence):
        return f'{pence // 100}.{pence % 100:02d}'

    def check_csv(self):
        path = os.path.join(self.out_dir, 'plan-export.csv')
        step(f'check {path} with the csv module')
        with open(path, encoding='utf-8-sig', newline='') as f:
            rows = list(csv.DictReader(f))
        expected = self.expected_items()
        if [r['intervention_id'] for r in rows] != CHOSEN:
            raise Failure(f'the CSV holds {[r["intervention_id"] for r in rows]}, '
                          f'expected {CHOSEN} in that order')
        for row in rows:
            want = expected[row['intervention_id']]
            checks = {
                'intervention': want['name'],
                'quantity': str(want['quantity']),
                'unit_cost_gbp': self.pounds(want['unit_cost_pence']),
                'unit_cost_high_gbp': self.pounds(want['unit_cost_high_pence']),
                'line_total_gbp': self.pounds(want['line_total_pence']),
                'line_total_high_gbp': self.pounds(want['line_total_high_pence']),
                'evidence_rating': want['evidence_rating'] or '',
                'impact_rating': want['impact_rating'] or '',
            }
            for column, value in checks.items():
                if row.get(column) != value:
                    raise Failure(f'CSV, {row["intervention_id"]}: {column} is '
                                  f'{row.get(column)!r}, expected {value!r}')
        step('  3 rows: ' + '; '.join(f'{r["intervention_id"]} {r["quantity"]} x '
                                       f'{r["unit_cost_gbp"]} = {r["line_total_gbp"]}'
                                       for r in rows))

    def check_json(self):
        path = os.path.join(self.out_dir, 'plan-export.json')
        step(f'check {path} with the json module')
        with open(path, encoding='utf-8') as f:
            plan = json.load(f)
        expected = self.expected_items()
        items = plan['items']
        if [i['intervention_id'] for i in items] != CHOSEN:
            raise Failure(f'the JSON holds {[i["intervention_id"] for i in items]}, '
                          f'expected {CHOSEN} in that order')
        for item in items:
            want = expected[item['intervention_id']]
            for key, value in want.items():
                if item.get(key) != value:
                    raise Failure(f'JSON, {item["intervention_id"]}: {key} is '
                                  f'{item.get(key)!r}, expected {value!r}')
        annual_low = sum(w['line_total_pence'] for w in expected.values())
        annual_high = sum(w['line_total_high_pence'] for w in expected.values())
        years = plan['years']
        totals = plan['totals']
        want_totals = {
            'annual_low_pence': annual_low,
            'annual_high_pence': annual_high,
            'total_low_pence': annual_low * years,
            'total_high_pence': annual_high * years,
            'items_without_cost': 0,
        }
        for key, value in want_totals.items():
            if totals.get(key) != value:
                raise Failure(f'JSON totals: {key} is {totals.get(key)!r}, expected {value!r}')
        step(f'  3 items; a year £{self.pounds(annual_low)} to £{self.pounds(annual_high)}, '
             f'{years} year(s)')


def main():
    waymark, catalogue_path, out_dir = sys.argv[1:4]
    run = Run(waymark, catalogue_path, out_dir)
    try:
        run.run()
    finally:
        run.stop()
    if run.gtk_gaps:
        print('GTK 4.8 and libadwaita 1.2 gaps (controls the libraries build and do not name; not failures):')
        for line in sorted(run.gtk_gaps):
            print('  ' + line)
    if run.chooser_findings:
        print('GTK\'s own file chooser (GTK\'s widgets, reported, not failures):')
        for line in sorted(run.chooser_findings):
            print('  ' + line)
    if run.audit_failures:
        print('ACCESSIBILITY AUDIT FAILED: controls with no accessible name, or a name read wrongly:')
        for line in run.audit_failures:
            print('  ' + line)
        return 1
    step('all steps passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
